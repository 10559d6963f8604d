using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reports;
using MotCua.Web.Tests.Reconciliation;

namespace MotCua.BrowserTests.NationalFabric;

/// <summary>
/// The control focal officer reconciles a quarter against the national portal's simulator, a real process: from the menu
/// to the ledger, the period picked, each seeded mismatch listed with the reason and the action that resolves it; the
/// dossier whose pushes failed is sent again, reaches the portal, and is then listed as acknowledged after the cut-off;
/// the dossier acknowledged late is explained, and the explanation stays beside it. The dossier on which the systems
/// agree is not listed.
/// </summary>
public sealed class ReconciliationJourneyTests(NationalPortalBrowserApp browser) : IClassFixture<NationalPortalBrowserApp>
{
    private const float Wait = 60_000;

    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    private HttpClient Portal => browser.Portal.Client;

    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    /// <summary>Returned dossiers of the fourth quarter of 2024, imported as from an earlier system; their codes in order.</summary>
    private async Task<(int AgencyId, List<string> Codes)> ImportAsync(params DateTimeOffset[] received)
    {
        int agencyId;
        string procedure;
        await using (var db = browser.App.CreateDbContext())
        {
            agencyId = await db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync();
            procedure = await CatalogueQueries.InForceOn(db, agencyId, new DateOnly(2025, 3, 10)).OrderBy(v => v.Procedure!.Code).Select(v => v.Procedure!.Code).FirstAsync();
        }
        using var admin = await browser.App.ApiClientAsync("admin");
        var records = received.Select(r => new
        {
            procedureCode = procedure,
            channel = "direct",
            applicant = new { name = "Trần Thị Đối Soát", phone = "0905318274" },
            receivedAt = Iso(r),
            dueAt = Iso(r.AddDays(10)),
            resolvedAt = Iso(r.AddDays(5)),
            returnedAt = Iso(r.AddDays(6)),
        }).ToList();
        using var response = await admin.PostAsJsonAsync("/api/dossiers/import", records);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        using var json = JsonDocument.Parse(text);
        return (agencyId, json.RootElement.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList());
    }

    private async Task AddAsync(params OutboxMessage[] messages)
    {
        await using var db = browser.App.CreateDbContext();
        db.OutboxMessages.AddRange(messages);
        await db.SaveChangesAsync();
        // What the outbox processor records on the report row at each acknowledgement.
        foreach (var m in messages.Where(m => m.AcknowledgedAt is not null))
        {
            await new ReportSyncListener().OnAcknowledgedAsync(db, m.AgencyId, m.DossierCode!, m.AcknowledgedAt!.Value, default);
        }
    }

    [Fact]
    public async Task The_control_officer_sees_each_mismatch_of_a_quarter_with_its_reason_resends_one_to_the_portal_and_explains_another()
    {
        var at = new DateTimeOffset(2024, 11, 4, 9, 0, 0, Vn);
        var (agencyId, codes) = await ImportAsync(at, at.AddHours(1), at.AddHours(2), at.AddHours(3), at.AddHours(4), new DateTimeOffset(2024, 12, 16, 9, 0, 0, Vn));
        var (notSent, failed, differs, late, agreed, afterCutoff) = (codes[0], codes[1], codes[2], codes[3], codes[4], codes[5]);
        var done = at.AddDays(6);
        await AddAsync(
            LedgerReasonTests.Message(agencyId, failed, 10, done, OutboxStatus.Dead, null),
            LedgerReasonTests.Message(agencyId, differs, 2, at, OutboxStatus.Delivered, at.AddMinutes(5)),
            LedgerReasonTests.Message(agencyId, late, 10, done, OutboxStatus.Delivered, new DateTimeOffset(2025, 1, 6, 9, 0, 0, Vn)),
            LedgerReasonTests.Message(agencyId, agreed, 10, done, OutboxStatus.Delivered, done.AddMinutes(5)),
            LedgerReasonTests.Message(agencyId, afterCutoff, 10, new DateTimeOffset(2024, 12, 22, 9, 0, 0, Vn), OutboxStatus.Delivered, new DateTimeOffset(2024, 12, 22, 9, 5, 0, Vn)));

        // From the officer's home, through the menu, to the ledger of Q4/2024.
        var officer = await browser.LoginAsync("daumoi");
        await officer.Locator("nav.mainnav").GetByRole(AriaRole.Link, new() { Name = "Đối soát số liệu hồ sơ", Exact = true }).ClickAsync();
        await BrowserApp.ExpectPathAsync(officer, "/doi-soat");
        var picker = officer.GetByTestId("period-picker");
        await picker.GetByLabel("Loại kỳ").SelectOptionAsync(new SelectOptionValue { Label = "Quý" });
        await picker.GetByLabel("Số (tháng/quý)").FillAsync("4");
        await picker.GetByLabel("Năm").FillAsync("2024");
        await picker.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        var table = officer.GetByTestId("differences");
        await Assertions.Expect(table).ToBeVisibleAsync(new() { Timeout = Wait });

        // Each mismatch, one by one, with the reason in Vietnamese and the action that resolves it.
        ILocator Row(string code) => table.Locator($"tr[data-code='{code}']");
        async Task ExpectReasonAsync(string code, string reason, string words)
        {
            var item = Row(code).Locator($"li[data-reason='{reason}']");
            await Assertions.Expect(item).ToContainTextAsync(words, new() { Timeout = Wait });
        }
        await ExpectReasonAsync(notSent, "notSent", "Chưa gửi lên Cổng DVCQG");
        await ExpectReasonAsync(failed, "sendFailed", "Gửi lỗi 3 lần: Cổng DVCQG trả về HTTP 503");
        await ExpectReasonAsync(differs, "portalStatusDiffers", "đang giữ trạng thái 2 – Được tiếp nhận, MotCua là 10 – Đã trả kết quả");
        await ExpectReasonAsync(late, "acknowledgedAfterCutoff", "sau ngày chốt số liệu");
        await ExpectReasonAsync(afterCutoff, "receivedAfterCutoff", "tính vào kỳ sau");
        await Assertions.Expect(Row(agreed)).ToHaveCountAsync(0);
        foreach (var code in new[] { notSent, failed, differs })
        {
            await Assertions.Expect(Row(code).GetByTestId("resend")).ToBeVisibleAsync();
        }
        await Assertions.Expect(Row(late).GetByTestId("resend")).ToHaveCountAsync(0);
        var differences = int.Parse((await officer.GetByTestId("total-differences").InnerTextAsync()).Trim().Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        Assert.Equal(await table.Locator("tbody tr").CountAsync(), differences);
        await BrowserApp.ScreenshotBothWidthsAsync(officer, "reconciliation-ledger");

        // The failed dossier is sent again; the outbox delivers it and the portal acknowledges it.
        await Row(failed).GetByTestId("resend").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("message")).ToContainTextAsync(failed, new() { Timeout = Wait });
        await ExpectReasonAsync(failed, "awaitingAcknowledgement", "chưa được Cổng DVCQG xác nhận");
        await browser.Connected.DrainOutboxAsync();
        var received = (await Portal.GetFromJsonAsync<JsonElement>("/sim/dongbo?maHoSo=" + failed)).EnumerateArray().ToList();
        Assert.Equal("10", Assert.Single(received).GetProperty("TrangThaiHoSo").GetString());
        // The portal now holds its status; acknowledged after the quarter's cut-off, it is still not "synced" for the
        // quarter's index, and the ledger says so, asking for an explanation instead of another resend.
        await officer.ReloadAsync();
        await Assertions.Expect(table).ToBeVisibleAsync(new() { Timeout = Wait });
        await Assertions.Expect(Row(failed).Locator("li[data-reason='sendFailed']")).ToHaveCountAsync(0, new() { Timeout = Wait });
        await ExpectReasonAsync(failed, "acknowledgedAfterCutoff", "sau ngày chốt số liệu");
        await Assertions.Expect(Row(failed).GetByTestId("resend")).ToHaveCountAsync(0);

        // The late acknowledgement cannot be resent away: it is explained, and the explanation is kept beside it.
        var explanation = "Cổng DVCQG bảo trì từ 20/12/2024 đến 05/01/2025; trạng thái được xác nhận ngày 06/01/2025.";
        await Row(late).Locator("summary").Filter(new() { HasText = "Ghi giải trình" }).ClickAsync();
        await Row(late).GetByLabel("Nội dung giải trình").FillAsync(explanation);
        await Row(late).GetByTestId("explain").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("message")).ToContainTextAsync("Đã lưu giải trình cho hồ sơ " + late, new() { Timeout = Wait });
        await Assertions.Expect(Row(late).GetByTestId("note")).ToContainTextAsync(explanation, new() { Timeout = Wait });
        await BrowserApp.ScreenshotBothWidthsAsync(officer, "reconciliation-explained");
        var width = await officer.EvaluateAsync<int>("() => { const w = window.innerWidth; return document.documentElement.scrollWidth - w; }");
        Assert.True(width <= 0, $"the ledger is {width} px wider than the screen at 1280 px");

        await officer.Context.CloseAsync();
    }
}
