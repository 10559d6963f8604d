using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MotCua.Web.Tests.Infrastructure;
using MotCua.Web.Tests.Shared;

namespace MotCua.Web.Tests.Legal;

/// <summary>
/// Nothing the product shows or prints in December 2026 names a repealed text as the basis of what it does now: Decree
/// 61/2018 and 107/2021 and Circular 01/2018 ceased on 1/7/2025, Decree 13/2023 on 1/1/2026. Read from every menu page
/// of each demo role, the public pages and the documents of a dossier received today. The registry of legal texts
/// lists them with their dates on purpose and is left out.
/// </summary>
public sealed partial class RepealedBasisScanTests
{
    // Monday 21/12/2026 09:00 in Vietnam.
    private static readonly DateTimeOffset Monday = new(2026, 12, 21, 2, 0, 0, TimeSpan.Zero);

    [GeneratedRegex(@"(căn cứ|ban hành kèm theo|theo|quy định tại|áp dụng)[^.;:\n]{0,80}?(61/2018|107/2021|01/2018|13/2023)", RegexOptions.IgnoreCase)]
    private static partial Regex RepealedBasis();

    [GeneratedRegex(@"<(script|style)[^>]*>.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Code();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"<nav class=""mainnav""[^>]*>(.*?)</nav>", RegexOptions.Singleline)]
    private static partial Regex Menu();

    [GeneratedRegex(@"href=""(/[^""#?]*)""")]
    private static partial Regex Link();

    private static string Text(string html) => WebUtility.HtmlDecode(Tag().Replace(Code().Replace(html, " "), "\n"));

    private static readonly string[] Registry = ["/phap-ly/can-cu"];

    [Fact]
    public async Task No_page_or_document_cites_a_repealed_text_as_the_basis_of_what_is_done_now()
    {
        await using var app = new MotCuaApp();
        app.Clock.SetUtcNow(Monday);
        var hits = new List<string>();
        void Scan(string where, string text)
        {
            foreach (Match m in RepealedBasis().Matches(text))
            {
                hits.Add($"{where}: …{m.Value}…");
            }
        }

        using var desk = await app.ApiClientAsync("motcua");
        var created = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173", channel = "direct",
            applicant = new { name = "Người Soát Căn Cứ", phone = "0905318274", address = "Buôn Ma Thuột, Đắk Lắk" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        foreach (var form in new[] { "tiep-nhan", "kiem-soat" })
        {
            var pdf = await desk.GetByteArrayAsync($"/api/dossiers/{code}/forms/{form}");
            Scan(form + ".pdf", Tools.PdfToText(pdf));
        }

        using var anonymous = app.CreateClient();
        foreach (var path in new[] { "/", "/thu-tuc", "/thu-tuc/1.000173", "/tra-cuu", "/phan-anh-kien-nghi", "/thong-ke", "/nop-truc-tuyen?thu-tuc=1.000173" })
        {
            using var response = await anonymous.GetAsync(path);
            Scan(path, Text(await response.Content.ReadAsStringAsync()));
        }

        var visited = 0;
        foreach (var user in new[] { "admin", "motcua", "chuyenvien", "lanhdao", "daumoi" })
        {
            using var client = await app.LoginAsync(user);
            var home = await client.GetStringAsync("/can-bo");
            var menu = Link().Matches(Menu().Match(home).Groups[1].Value).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)
                .Where(p => !Registry.Contains(p, StringComparer.Ordinal)).ToList();
            foreach (var path in menu.Append("/ho-so/" + code).Append("/ho-so/" + code + "/bieu-mau/tiep-nhan").Append("/ho-so/" + code + "/bieu-mau/kiem-soat"))
            {
                using var response = await client.GetAsync(path);
                if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }
                visited++;
                Scan(user + " " + path, Text(await response.Content.ReadAsStringAsync()));
            }
            if (user is "motcua" or "admin")
            {
                var book = await client.GetAsync("/ho-so/so-theo-doi?handler=Pdf&From=2026-12-01&To=2026-12-31");
                Assert.Equal(HttpStatusCode.OK, book.StatusCode);
                Scan(user + " sổ theo dõi PDF", Tools.PdfToText(await book.Content.ReadAsByteArrayAsync()));
            }
        }
        Assert.True(visited > 40, "visited only " + visited);
        Assert.True(hits.Count == 0, "Repealed texts cited as a basis:\n" + string.Join("\n", hits.Distinct(StringComparer.Ordinal)));
    }
}
