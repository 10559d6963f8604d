using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Results;
using MotCua.Web.Tests.Infrastructure;
using MotCua.Web.Tests.Results;

namespace MotCua.Web.Tests.Home;

/// <summary>
/// Where the inbox's links lead: the desk's "to return" list holds only results ready to hand over, the "mine" links
/// list only the caller's dossiers with a chip to drop the condition, and the desk hears of a result when it is ready.
/// </summary>
public sealed partial class OfficerInboxTests
{
    /// <summary>The section of a page with the given test id, up to its end.</summary>
    private static string Section(string page, string testId)
    {
        var start = page.IndexOf("data-testid=\"" + testId + "\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "No section " + testId);
        var end = page.IndexOf("</section>", start, StringComparison.Ordinal);
        return page[start..end];
    }

    private static async Task<int> DeskAlertsAsync(MotCuaApp app, string code)
    {
        await using var db = app.CreateDbContext();
        return await db.OutboxMessages.CountAsync(m => m.DossierCode == code && m.Channel == OutboxChannel.InApp && m.Kind == "dossier.result_at_desk");
    }

    [Fact]
    public async Task The_to_return_link_lists_only_results_ready_for_the_desk()
    {
        await using var app = new MotCuaApp();
        using var desk = await app.ApiClientAsync("motcua");
        using var leader = await app.ApiClientAsync("lanhdao");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        using var page = await app.LoginAsync("motcua");
        var ready = await ApprovedAsync(app, desk, leader, specialist);
        var waiting = await ApprovedAsync(app, desk, leader, specialist);
        await RecordResultAsync(app, ready, ResultStatus.Draft);

        var toReturn = Group(await page.GetStringAsync("/can-bo"), "to-return");
        Assert.NotNull(toReturn);
        Assert.Equal("1", Count(toReturn));
        var list = WebUtility.HtmlDecode(await page.GetStringAsync("/mot-cua?trangthai=ResultIssued"));

        var results = Section(list, "desk-results");
        Assert.Contains(ready, results, StringComparison.Ordinal);
        Assert.DoesNotContain(waiting, results, StringComparison.Ordinal);
        Assert.Contains(waiting, Section(list, "desk-results-pending"), StringComparison.Ordinal);
        // The link narrows the desk page to that list, and says so.
        Assert.DoesNotContain("data-testid=\"desk-received\"", list, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"desk-only\"", list, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"desk-received\"", await page.GetStringAsync("/mot-cua"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_mine_link_lists_only_dossiers_assigned_to_me_with_a_chip_to_drop_it()
    {
        await using var app = new MotCuaApp();
        using var desk = await app.ApiClientAsync("motcua");
        using var leader = await app.ApiClientAsync("lanhdao");
        using var page = await app.LoginAsync("chuyenvien");
        var mine = await AssignedAsync(app, desk, leader);
        var unassigned = await ReceiveAsync(desk);
        await ActAsync(desk, unassigned, "transfer", new { unitId = await UnitIdAsync(app, Tdc) });

        var filtered = await page.GetStringAsync("/ho-so/hang-doi?trangthai=InProcessing&phancong=toi");
        Assert.Contains(mine, Section(filtered, "unit-queue"), StringComparison.Ordinal);
        Assert.DoesNotContain(unassigned, filtered, StringComparison.Ordinal);
        var chip = Section(filtered, "queue-chips");
        Assert.Contains("Được giao cho tôi", chip, StringComparison.Ordinal);
        var clear = Regex.Match(chip, "href=\"([^\"]+)\" aria-label=\"Bỏ điều kiện phân công\"").Groups[1].Value;
        Assert.Equal("/ho-so/hang-doi?trangthai=InProcessing", WebUtility.HtmlDecode(clear));

        var all = await page.GetStringAsync(WebUtility.HtmlDecode(clear));
        Assert.Contains(unassigned, Section(all, "unit-queue"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"queue-chips\"", all, StringComparison.Ordinal);

        var open = await page.GetStringAsync("/ho-so/hang-doi?phancong=chua");
        Assert.Contains(unassigned, Section(open, "unit-queue"), StringComparison.Ordinal);
        Assert.DoesNotContain(mine, Section(open, "unit-queue"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_desk_is_alerted_when_the_result_reaches_it_not_at_an_approval_without_one()
    {
        await using var app = new MotCuaApp();
        using var desk = await app.ApiClientAsync("motcua");
        using var leader = await app.ApiClientAsync("lanhdao");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        var code = await ApprovedAsync(app, desk, leader, specialist);
        Assert.Equal(0, await DeskAlertsAsync(app, code)); // approved, nothing to hand over yet

        using var specialistPage = await app.LoginAsync("chuyenvien");
        ResultFlow.Redirected(await ResultFlow.RecordAsync(specialistPage, code));
        Assert.Equal(1, await DeskAlertsAsync(app, code));

        // Recording it again changes nothing the desk must hear about.
        ResultFlow.Redirected(await ResultFlow.RecordAsync(specialistPage, code, number: "16"));
        Assert.Equal(1, await DeskAlertsAsync(app, code));

        // A result recorded before the approval is at the desk from the approval on.
        var early = await AssignedAsync(app, desk, leader);
        ResultFlow.Redirected(await ResultFlow.RecordAsync(specialistPage, early));
        await ActAsync(specialist, early, "appraise", new { note = "Đủ điều kiện cấp giấy phép.", leaderUserId = "lanhdao" });
        Assert.Equal(0, await DeskAlertsAsync(app, early));
        await ActAsync(leader, early, "approve");
        Assert.Equal(1, await DeskAlertsAsync(app, early));
    }
}
