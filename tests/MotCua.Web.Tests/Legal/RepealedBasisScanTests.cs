using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MotCua.Web.Tests.Infrastructure;
using MotCua.Web.Tests.Shared;

namespace MotCua.Web.Tests.Legal;

/// <summary>
/// Nothing the product shows or prints in December 2026 names a repealed text as the basis of what it does now: Decree
/// 61/2018 and 107/2021 and Circular 01/2018 ceased on 1/7/2025, Decree 13/2023 on 1/1/2026. Read from every page each
/// demo role reaches from its menu (two clicks deep, one page of each kind), the public pages and the documents of a
/// dossier received today. A citation on a line dated to a period that ended before the text ceased is history and
/// stands; the registry of legal texts lists them with their dates on purpose and is left out.
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

    [GeneratedRegex(@"^\s*Từ \d{2}/\d{2}/\d{4} đến (\d{2}/\d{2}/\d{4})\s*:", RegexOptions.Multiline)]
    private static partial Regex DatedPeriod();

    [GeneratedRegex(@"href=""(/[^""#]*)""")]
    private static partial Regex AnyLink();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();

    private static string Text(string html) => WebUtility.HtmlDecode(Tag().Replace(Code().Replace(html, " "), "\n"));

    private static readonly string[] Registry = ["/phap-ly/can-cu"];

    // Addresses a crawl must not follow: they end the session or change something on GET.
    private static readonly string[] NotFollowed = ["/dang-xuat", "/dang-nhap", "/Identity"];

    /// <summary>The last day each repealed text was in force.</summary>
    private static DateOnly LastDay(string number) => number == "13/2023" ? new DateOnly(2025, 12, 31) : new DateOnly(2025, 6, 30);

    /// <summary>
    /// Whether the citation at <paramref name="index"/> stands on a line that opens with a closed period ("Từ … đến …:")
    /// ending while the text was still in force: a record of what held then, not a basis of what is done now.
    /// </summary>
    internal static bool IsDatedHistory(string text, int index, string number)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        var end = text.IndexOf('\n', index);
        var line = text[start..(end < 0 ? text.Length : end)];
        var period = DatedPeriod().Match(line);
        return period.Success
            && DateOnly.TryParseExact(period.Groups[1].Value, "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var until)
            && until <= LastDay(number);
    }

    /// <summary>The repealed citations of <paramref name="text"/> that are not dated history.</summary>
    internal static IEnumerable<string> RepealedCitations(string text) =>
        RepealedBasis().Matches(text).Where(m => !IsDatedHistory(text, m.Index, m.Groups[2].Value)).Select(m => m.Value);

    /// <summary>The same-origin pages a page links to, without their query; one of each kind (numbers alike) is enough.</summary>
    private static IEnumerable<string> LinksOf(string html) =>
        AnyLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Split('?')[0])
            .Where(p => p.Length > 1 && !p.StartsWith("//", StringComparison.Ordinal) && !p.Contains('.', StringComparison.Ordinal)
                && !NotFollowed.Any(n => p.StartsWith(n, StringComparison.OrdinalIgnoreCase))
                && !Registry.Any(r => p.StartsWith(r, StringComparison.Ordinal)));

    private static string Kind(string path) => Number().Replace(path, "#");

    [Fact]
    public void A_citation_is_history_only_on_a_line_dated_to_a_period_that_ended_while_the_text_held()
    {
        Assert.Empty(RepealedCitations("Từ 01/07/2023 đến 30/06/2025: Thực hiện thủ tục hành chính theo Nghị định 61/2018/NĐ-CP."));
        Assert.Empty(RepealedCitations("Từ 01/07/2025 đến 31/12/2025: xử lý không cần sự đồng ý theo Điều 17 Nghị định 13/2023/NĐ-CP."));
        Assert.NotEmpty(RepealedCitations("Thực hiện thủ tục hành chính theo Nghị định 61/2018/NĐ-CP."));
        Assert.NotEmpty(RepealedCitations("Từ 01/07/2025 đến 31/12/2026: theo Nghị định 61/2018/NĐ-CP."));
        Assert.NotEmpty(RepealedCitations("Từ 01/07/2023 đến 30/06/2025: ghi nhận.\nCăn cứ Nghị định 13/2023/NĐ-CP."));
    }

    [Fact]
    public async Task No_page_or_document_cites_a_repealed_text_as_the_basis_of_what_is_done_now()
    {
        await using var app = new MotCuaApp();
        app.Clock.SetUtcNow(Monday);
        var hits = new List<string>();
        void Scan(string where, string text)
        {
            foreach (var citation in RepealedCitations(text))
            {
                hits.Add($"{where}: …{citation}…");
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

        var visited = 0;
        // Every same-origin page reachable from the start pages, two clicks deep, one page of each kind.
        async Task CrawlAsync(HttpClient client, string who, IEnumerable<string> start)
        {
            var kinds = new HashSet<string>(StringComparer.Ordinal);
            var frontier = start.ToList();
            for (var depth = 0; depth <= 2 && frontier.Count > 0; depth++)
            {
                var next = new List<string>();
                foreach (var path in frontier.Where(p => kinds.Add(Kind(p.Split('?')[0])) || p.Contains('?', StringComparison.Ordinal)))
                {
                    using var response = await client.GetAsync(path);
                    if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/html")
                    {
                        continue;
                    }
                    visited++;
                    var html = await response.Content.ReadAsStringAsync();
                    Scan(who + " " + path, Text(html));
                    next.AddRange(LinksOf(html));
                }
                frontier = [.. next.Distinct(StringComparer.Ordinal)];
            }
        }

        using var anonymous = app.CreateClient();
        await CrawlAsync(anonymous, "công dân", ["/", "/thu-tuc", "/thu-tuc/1.000173", "/tra-cuu", "/phan-anh-kien-nghi", "/thong-ke", "/nop-truc-tuyen?thu-tuc=1.000173"]);

        foreach (var user in new[] { "admin", "motcua", "chuyenvien", "lanhdao", "daumoi", "motcuaxa" })
        {
            using var client = await app.LoginAsync(user);
            var home = await client.GetStringAsync("/can-bo");
            var menu = Link().Matches(Menu().Match(home).Groups[1].Value).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)
                .Where(p => !Registry.Contains(p, StringComparer.Ordinal)).ToList();
            await CrawlAsync(client, user, menu.Append("/ho-so/" + code).Append("/ho-so/" + code + "/bieu-mau/tiep-nhan").Append("/ho-so/" + code + "/bieu-mau/kiem-soat"));
            if (user is "motcua" or "admin")
            {
                var book = await client.GetAsync("/ho-so/so-theo-doi?handler=Pdf&From=2026-12-01&To=2026-12-31");
                Assert.Equal(HttpStatusCode.OK, book.StatusCode);
                Scan(user + " sổ theo dõi PDF", Tools.PdfToText(await book.Content.ReadAsByteArrayAsync()));
            }
        }
        Assert.True(visited > 100, "visited only " + visited);
        Assert.True(hits.Count == 0, "Repealed texts cited as a basis:\n" + string.Join("\n", hits.Distinct(StringComparer.Ordinal)));
    }
}
