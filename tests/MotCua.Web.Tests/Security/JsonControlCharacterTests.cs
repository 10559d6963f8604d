using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Shared;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Security;

/// <summary>NUL and control characters escaped inside JSON bodies are refused with a 400 before any query runs.</summary>
public sealed class JsonControlCharacterTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static string Body(string name) =>
        $$"""{"procedureCode":"1.000173","channel":"direct","applicant":{"name":"{{name}}","phone":"0905123456"},"papers":[{"name":"Đơn","present":true}]}""";

    [Theory]
    [InlineData(@"Nguyễn Văn\u0000 A")]
    [InlineData(@"Nguyễn Văn\u0007 A")]
    [InlineData(@"Nguyễn Văn\u001F A")]
    public async Task A_control_character_in_a_json_field_of_the_dossier_api_gets_a_400_problem_and_nothing_is_stored(string escapedName)
    {
        using var client = await app.ApiClientAsync("motcua");
        var marker = Guid.NewGuid().ToString("N")[..8];
        var response = await client.PostAsync("/api/dossiers/", new StringContent(Body(escapedName + marker), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        using var problem = JsonDocument.Parse(text);
        Assert.Contains("ký tự", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Dossiers.AnyAsync(d => d.ApplicantName.Contains(marker)));
    }

    [Fact]
    public async Task Tab_and_newline_and_an_escaped_backslash_before_u0000_are_accepted()
    {
        using var client = await app.ApiClientAsync("motcua");
        var marker = Guid.NewGuid().ToString("N")[..8];
        // "\\u0000" is a backslash followed by the text u0000, not a NUL.
        var response = await client.PostAsync("/api/dossiers/", new StringContent(Body(@"Trần\tThị\\u0000 " + marker), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData(@"{""a"":""x\u0000""}", true)]
    [InlineData(@"{""a\u0001"":""x""}", true)]
    [InlineData(@"{""a"":[""ok"",{""b"":""\u001b[31m""}]}", true)]
    [InlineData(@"{""a"":""x\n\t\r""}", false)]
    [InlineData(@"{""a"":""\\u0000""}", false)]
    [InlineData(@"not json \u0000", false)] // model binding answers 400 for broken JSON
    public void The_detector_decodes_strings_rather_than_scanning_bytes(string json, bool expected) =>
        Assert.Equal(expected, JsonControlCharacters.Contains(Encoding.UTF8.GetBytes(json)));
}
