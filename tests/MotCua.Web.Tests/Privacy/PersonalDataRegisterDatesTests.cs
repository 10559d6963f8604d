using System.Net;
using System.Text.RegularExpressions;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Privacy;

/// <summary>The register's legal bases as of the clock's date: in force, ceased, or not yet in force, never a future text as a past one.</summary>
public sealed partial class PersonalDataRegisterDatesTests
{
    [GeneratedRegex("<details data-testid=\"basis-history\">.*?</details>", RegexOptions.Singleline)]
    private static partial Regex History();

    [GeneratedRegex("data-testid=\"basis-upcoming\">(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex Upcoming();

    [GeneratedRegex("data-testid=\"basis-today\">([^<]+)<")]
    private static partial Regex Today();

    // Ascending, since the fake clock only moves forward: (UTC instant, text of the basis in force, whether the 2026 law is still to come, a past period shown).
    private static readonly (string Instant, string Current, bool LawToCome, string? Past)[] Dates =
    [
        ("2025-03-10T02:00:00Z", "Nghị định 61/2018/NĐ-CP", true, null),
        ("2025-07-01T02:00:00Z", "Nghị định 118/2025/NĐ-CP; xử lý không cần sự đồng ý theo Điều 17 Nghị định 13/2023", true, "Từ 01/07/2023 đến 30/06/2025"),
        ("2025-12-31T16:59:00Z", "Nghị định 118/2025/NĐ-CP; xử lý không cần sự đồng ý theo Điều 17 Nghị định 13/2023", true, "Từ 01/07/2023 đến 30/06/2025"),
        ("2025-12-31T17:00:00Z", "91/2025/QH15", false, "Từ 01/07/2025 đến 31/12/2025"),
        ("2026-12-07T02:00:00Z", "91/2025/QH15", false, "Từ 01/07/2025 đến 31/12/2025"),
    ];

    [Fact]
    public async Task On_each_date_the_register_shows_the_basis_in_force_as_current_and_only_ceased_ones_as_past()
    {
        await using var app = new MotCuaApp();
        foreach (var (instant, current, lawToCome, past) in Dates)
        {
            var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
            if (at > app.Clock.GetUtcNow())
            {
                app.Clock.SetUtcNow(at);
            }
            using var admin = await app.LoginAsync("admin");
            var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/quan-tri/du-lieu-ca-nhan"));
            var today = Today().Matches(html).Select(m => m.Groups[1].Value).ToList();
            Assert.True(today[0].Contains(current, StringComparison.Ordinal), $"{instant}: {today[0]}");
            var history = string.Join("\n", History().Matches(html).Select(m => m.Value));
            // Law 91/2025 and Decree 356/2025 never end in this register, so they are never a past basis.
            Assert.DoesNotContain("91/2025/QH15", history, StringComparison.Ordinal);
            Assert.DoesNotContain("356/2025", history, StringComparison.Ordinal);
            if (past is null)
            {
                Assert.DoesNotContain("basis-history", html, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains(past, history, StringComparison.Ordinal);
            }
            var upcoming = Upcoming().Matches(html).Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(lawToCome, upcoming.Any(u => u.Contains("Sắp có hiệu lực từ 01/01/2026", StringComparison.Ordinal) && u.Contains("91/2025/QH15", StringComparison.Ordinal)));
            Assert.All(today, t => Assert.Equal(lawToCome, !t.Contains("91/2025/QH15", StringComparison.Ordinal)));
        }
    }
}
