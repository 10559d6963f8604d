using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Citizens;

/// <summary>
/// What the look-up tells the applicant of a partly online dossier awaiting supplement to do: the supplement first, and
/// receiving the result only after it, where the applicant chose to receive it.
/// </summary>
public sealed class LookupSupplementAsksTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Phone = "0905 318 274";

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A dossier sent online to a partly online procedure, with the applicant's return choice, for which the specialist asked a supplement.</summary>
    private async Task<string> AwaitingSupplementAsync(ResultDelivery choice)
    {
        var code = await LookupHistory.InProcessingAsync(app, "1.000173", Phone);
        await using (var db = app.CreateDbContext())
        {
            var dossier = await db.Dossiers.SingleAsync(d => d.Code == code);
            dossier.Channel = DossierChannel.Online;
            dossier.ReturnChoice = choice;
            await db.SaveChangesAsync();
        }
        using var specialist = await app.ApiClientAsync("chuyenvien");
        var current = await ReadAsync(await specialist.GetAsync("/api/dossiers/" + code), HttpStatusCode.OK);
        await ReadAsync(await specialist.PostAsJsonAsync("/api/dossiers/" + code + "/actions", new
        {
            action = "requestSupplement", note = "Hồ sơ chưa đầy đủ", rowVersion = current.GetProperty("rowVersion").GetInt64(),
            supplementItems = new[] { new { paper = "Đơn đề nghị", problem = "Thiếu chữ ký", legalBasis = "Điều 11 Nghị định 142/2020/NĐ-CP" } },
        }), HttpStatusCode.OK);
        return code;
    }

    [Theory]
    [InlineData(ResultDelivery.AtDesk, "collectResult")]
    [InlineData(ResultDelivery.ByPost, "receiveByPost")]
    [InlineData(ResultDelivery.Online, "receiveOnline")]
    public async Task The_supplement_comes_first_and_the_result_is_received_afterwards_as_chosen(ResultDelivery choice, string kind)
    {
        var code = await AwaitingSupplementAsync(choice);
        using var anonymous = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/public/dossiers/" + code + "/forecast");
        request.Headers.Add(PublicLookup.FactorHeader, Phone);

        var forecast = await ReadAsync(await anonymous.SendAsync(request), HttpStatusCode.OK);

        var asks = forecast.GetProperty("asks").EnumerateArray().Select(a => (Kind: a.GetProperty("kind").GetString(), What: a.GetProperty("what").GetString()!)).ToList();
        Assert.Equal("supplement", asks[0].Kind);
        var result = Assert.Single(asks, a => a.Kind is "collectResult" or "receiveByPost" or "receiveOnline");
        Assert.Equal(kind, result.Kind);
        Assert.StartsWith("Sau khi hồ sơ được bổ sung và có kết quả: ", result.What, StringComparison.Ordinal);
        if (choice == ResultDelivery.AtDesk)
        {
            Assert.Contains("đến Bộ phận Một cửa nhận kết quả", result.What, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("Bộ phận Một cửa", result.What, StringComparison.Ordinal);
        }
    }
}
