using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reconciliation;
using MotCua.Web.Features.Reports;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Reconciliation;

/// <summary>The ledger's app: the national portal is configured (nothing delivers in tests), so a resend writes an outbox message.</summary>
public sealed class LedgerApp : MotCuaApp
{
    public LedgerApp()
    {
        Settings["MotCua:Notifications:NationalPortal:Url"] = "http://127.0.0.1:9/dvcqg/DongBoHoSoMC";
    }
}

/// <summary>One example per reason the ledger gives, its agreement, the resend action and the stored, audited explanation.</summary>
public sealed class LedgerReasonTests(LedgerApp app) : IClassFixture<LedgerApp>
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    /// <summary>A portal message for a dossier carrying status <paramref name="code"/>, in the outbox's shape.</summary>
    public static OutboxMessage Message(int agencyId, string dossier, int code, DateTimeOffset at, OutboxStatus status, DateTimeOffset? acknowledgedAt) => new()
    {
        AgencyId = agencyId,
        Kind = "dossier.status",
        Channel = OutboxChannel.NationalPortal,
        Recipient = "dvcqg",
        DossierCode = dossier,
        NationalStatusCode = code,
        Body = "{\"service\":\"DongBoHoSoMC\",\"data\":[{\"MaHoSo\":\"" + dossier + "\",\"TrangThaiHoSo\":\"" + code.ToString(CultureInfo.InvariantCulture) + "\"}]}",
        Status = status,
        Attempts = status == OutboxStatus.Dead ? 3 : 0,
        LastError = status == OutboxStatus.Dead ? "Cổng DVCQG trả về HTTP 503" : null,
        CreatedAt = at,
        NextAttemptAt = at,
        DeliveredAt = acknowledgedAt,
        AcknowledgedAt = acknowledgedAt,
    };

    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    /// <summary>Imports returned dossiers received at the given local instants; returns their codes in order.</summary>
    private async Task<(int AgencyId, List<string> Codes)> ImportAsync(params DateTimeOffset[] received)
    {
        int agencyId;
        string procedure;
        await using (var db = app.CreateDbContext())
        {
            agencyId = await db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync();
            procedure = await CatalogueQueries.InForceOn(db, agencyId, new DateOnly(2025, 3, 10)).OrderBy(v => v.Procedure!.Code).Select(v => v.Procedure!.Code).FirstAsync();
        }
        using var admin = await app.ApiClientAsync("admin");
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
        var response = await admin.PostAsJsonAsync("/api/dossiers/import", records);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (agencyId, json.RootElement.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList());
    }

    private async Task AddAsync(params OutboxMessage[] messages)
    {
        await using var db = app.CreateDbContext();
        db.OutboxMessages.AddRange(messages);
        await db.SaveChangesAsync();
        // The report row keeps the first acknowledgement (the 766 index) and the latest code (the ledger), as the outbox processor does.
        foreach (var m in messages.Where(m => m.AcknowledgedAt is not null))
        {
            await new ReportSyncListener().OnAcknowledgedAsync(db, m.AgencyId, m.DossierCode!, m.AcknowledgedAt!.Value, default);
        }
    }

    private async Task<LedgerView> LedgerAsync(int agencyId, ReportPeriod period)
    {
        await using var db = app.CreateDbContext();
        return await Ledger.LoadAsync(ReportingDb.ForPrimary(db), agencyId, period.AsOf(app.Clock.GetUtcNow()), null, default);
    }

    private static LedgerLine Line(LedgerView ledger, string code) => Assert.Single(ledger.Lines, l => l.Input.Fact.Code == code);

    [Fact]
    public async Task The_status_the_portal_holds_is_read_from_the_message_s_column_and_from_the_body_only_for_older_messages()
    {
        var at = new DateTimeOffset(2024, 11, 5, 9, 0, 0, Vn);
        var (agencyId, codes) = await ImportAsync(at, at.AddHours(1), at.AddHours(2));
        var (column, columnWins, legacy) = (codes[0], codes[1], codes[2]);
        var done = at.AddDays(6);
        var withColumn = Message(agencyId, column, 10, done, OutboxStatus.Delivered, done.AddMinutes(5));
        withColumn.NationalStatusCode = 10;
        withColumn.Body = "{}";
        var differing = Message(agencyId, columnWins, 10, done, OutboxStatus.Delivered, done.AddMinutes(5));
        differing.NationalStatusCode = 2;
        var old = Message(agencyId, legacy, 10, done, OutboxStatus.Delivered, done.AddMinutes(5));
        old.NationalStatusCode = null;
        await AddAsync(withColumn, differing, old);

        var ledger = await LedgerAsync(agencyId, ReportPeriod.Quarter(2024, 4));

        Assert.Equal((10, true), (Line(ledger, column).Input.Portal.AcknowledgedCode, Line(ledger, column).InAgreement));
        Assert.Equal(LedgerReason.PortalStatusDiffers, Assert.Single(Line(ledger, columnWins).Differences).Reason);
        Assert.Equal((10, true), (Line(ledger, legacy).Input.Portal.AcknowledgedCode, Line(ledger, legacy).InAgreement));
    }

    [Fact]
    public async Task Each_portal_reason_is_named_with_the_action_that_resolves_it()
    {
        var at = new DateTimeOffset(2024, 11, 4, 9, 0, 0, Vn);
        var (agencyId, codes) = await ImportAsync(at, at.AddHours(1), at.AddHours(2), at.AddHours(3), at.AddHours(4), at.AddHours(5));
        var (notSent, pending, failed, differs, late, agreed) = (codes[0], codes[1], codes[2], codes[3], codes[4], codes[5]);
        var done = at.AddDays(6);
        await AddAsync(
            Message(agencyId, pending, 10, done, OutboxStatus.Pending, null),
            Message(agencyId, failed, 10, done, OutboxStatus.Dead, null),
            Message(agencyId, differs, 2, at, OutboxStatus.Delivered, at.AddMinutes(5)),
            Message(agencyId, late, 10, done, OutboxStatus.Delivered, new DateTimeOffset(2025, 1, 6, 9, 0, 0, Vn)),
            Message(agencyId, agreed, 2, at, OutboxStatus.Delivered, at.AddMinutes(5)),
            Message(agencyId, agreed, 10, done, OutboxStatus.Delivered, done.AddMinutes(5)));

        var ledger = await LedgerAsync(agencyId, ReportPeriod.Quarter(2024, 4));
        void Has(string code, LedgerReason reason, LedgerAction action, string words)
        {
            var d = Assert.Single(Line(ledger, code).Differences);
            Assert.Equal((reason, action), (d.Reason, d.Action));
            Assert.Contains(words, d.Text, StringComparison.Ordinal);
        }
        Has(notSent, LedgerReason.NotSent, LedgerAction.Resend, "Chưa gửi lên Cổng DVCQG");
        Has(pending, LedgerReason.AwaitingAcknowledgement, LedgerAction.Wait, "chưa được Cổng DVCQG xác nhận");
        Has(failed, LedgerReason.SendFailed, LedgerAction.Resend, "Gửi lỗi 3 lần: Cổng DVCQG trả về HTTP 503");
        Has(differs, LedgerReason.PortalStatusDiffers, LedgerAction.Resend, "đang giữ trạng thái 2 – Được tiếp nhận, MotCua là 10 – Đã trả kết quả");
        Has(late, LedgerReason.AcknowledgedAfterCutoff, LedgerAction.Explain, "sau ngày chốt số liệu");
        var ok = Line(ledger, agreed);
        Assert.True(ok.InAgreement);
        Assert.Equal((10, true, true), (ok.Input.Portal.AcknowledgedCode, ok.Index.Synced, ok.Report is { IsResolved: true }));
        Assert.False(Line(ledger, late).Index.Synced);
    }

    [Fact]
    public async Task A_receipt_on_either_side_of_the_cut_off_is_explained_by_the_period_each_system_counts_it_in()
    {
        // Q4/2024 officially runs 15/9–14/12/2024; the portal's calendar quarter 1/10–31/12/2024.
        var (agencyId, codes) = await ImportAsync(new DateTimeOffset(2024, 12, 16, 9, 0, 0, Vn), new DateTimeOffset(2024, 9, 20, 9, 0, 0, Vn));
        var ledger = await LedgerAsync(agencyId, ReportPeriod.Quarter(2024, 4));
        var after = Line(ledger, codes[0]);
        Assert.Null(after.Report);
        var reason = Assert.Single(after.Differences, d => d.Reason == LedgerReason.ReceivedAfterCutoff);
        Assert.Equal(LedgerAction.Explain, reason.Action);
        Assert.Contains("tính vào kỳ sau", reason.Text, StringComparison.Ordinal);
        var before = Line(ledger, codes[1]);
        Assert.NotNull(before.Report);
        Assert.Contains(before.Differences, d => d.Reason == LedgerReason.ReceivedBeforeCalendarStart);

        // The calendar regime has no second reading: the same dossiers then differ only where the portal does.
        var calendar = await LedgerAsync(agencyId, ReportPeriod.Quarter(2024, 4, ReportingRegime.Calendar));
        Assert.DoesNotContain(calendar.Lines, l => l.Differences.Any(d => d.Reason is LedgerReason.ReceivedAfterCutoff or LedgerReason.ReceivedBeforeCalendarStart));
    }

    [Fact]
    public async Task A_dossier_received_for_another_agency_is_listed_as_counted_there()
    {
        var (agencyId, codes) = await ImportAsync(new DateTimeOffset(2024, 11, 12, 9, 0, 0, Vn));
        int centre;
        await using (var db = app.CreateDbContext())
        {
            centre = await db.Agencies.Where(a => a.Id != agencyId).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            var dossier = await db.Dossiers.SingleAsync(d => d.Code == codes[0]);
            dossier.ReceivingAgencyId = centre;
            await db.SaveChangesAsync();
        }
        var ledger = await LedgerAsync(centre, ReportPeriod.Quarter(2024, 4));
        var line = Line(ledger, codes[0]);
        var d = Assert.Single(line.Differences);
        Assert.Equal((LedgerReason.CountedAtOtherAgency, LedgerAction.Explain), (d.Reason, d.Action));
        Assert.Null(line.Report);
        Assert.False(line.Index.Counted);
        // The deciding agency counts it once, as its own.
        Assert.NotNull(Line(await LedgerAsync(agencyId, ReportPeriod.Quarter(2024, 4)), codes[0]).Report);
    }

    [Fact]
    public async Task Resend_puts_the_current_status_in_the_outbox_again_and_is_audited()
    {
        var (agencyId, codes) = await ImportAsync(new DateTimeOffset(2024, 11, 18, 9, 0, 0, Vn));
        var code = codes[0];
        await AddAsync(Message(agencyId, code, 10, new DateTimeOffset(2024, 11, 25, 9, 0, 0, Vn), OutboxStatus.Dead, null));

        using (var specialist = await app.ApiClientAsync("chuyenvien"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await specialist.PostAsync($"/api/reconciliation/{code}/resend", null)).StatusCode);
        }
        using var officer = await app.ApiClientAsync("daumoi");
        var response = await officer.PostAsync($"/api/reconciliation/{code}/resend", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        await using (var db = app.CreateDbContext())
        {
            var messages = await db.OutboxMessages.Where(m => m.DossierCode == code && m.Channel == OutboxChannel.NationalPortal).OrderBy(m => m.CreatedAt).ToListAsync();
            Assert.Equal(2, messages.Count);
            var fresh = Assert.Single(messages, m => m.Status == OutboxStatus.Pending);
            Assert.Equal(10, Ledger.StatusCode(fresh.Body));
            Assert.Equal(10, fresh.NationalStatusCode);
            Assert.Contains("\"isUpdating\":\"false\"", fresh.Body, StringComparison.Ordinal); // the portal never acknowledged it: a first push
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "reconciliation.resend" && a.EntityId == code));
        }
        // Now the ledger waits for the portal instead of asking for another resend.
        var line = Line(await LedgerAsync(agencyId, ReportPeriod.Quarter(2024, 4)), code);
        Assert.Equal(LedgerReason.AwaitingAcknowledgement, Assert.Single(line.Differences).Reason);

        var missing = await officer.PostAsync("/api/reconciliation/KHONG-CO-MA/resend", null);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_explanation_is_stored_audited_and_shown_and_bad_input_is_refused_whole()
    {
        var (agencyId, codes) = await ImportAsync(new DateTimeOffset(2024, 12, 16, 10, 0, 0, Vn));
        var code = codes[0];
        using var officer = await app.ApiClientAsync("daumoi");
        var empty = await officer.PostAsJsonAsync($"/api/reconciliation/{code}/explain", new { period = "2024-Q4", reason = "receivedAfterCutoff", text = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("giải trình", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var badReason = await officer.PostAsJsonAsync($"/api/reconciliation/{code}/explain", new { period = "2024-Q4", reason = "whatever", text = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, badReason.StatusCode);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.ReconciliationNotes.AnyAsync(n => n.DossierCode == code));
        }

        var text = "Hồ sơ tiếp nhận ngày 16/12, sau ngày chốt số liệu; đã tính vào Quý I/2025.";
        var saved = await officer.PostAsJsonAsync($"/api/reconciliation/{code}/explain", new { period = "2024-Q4", reason = "receivedAfterCutoff", text });
        Assert.True(saved.StatusCode == HttpStatusCode.NoContent, await saved.Content.ReadAsStringAsync());
        await using (var db = app.CreateDbContext())
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "reconciliation.explain" && a.EntityId == code));
        }

        var ledger = await officer.GetFromJsonAsync<JsonElement>("/api/reconciliation?period=2024-Q4&reason=receivedAfterCutoff&pageSize=500");
        var line = Assert.Single(ledger.GetProperty("lines").EnumerateArray(), l => l.GetProperty("code").GetString() == code);
        Assert.Equal(text, line.GetProperty("note").GetProperty("text").GetString());

        // A page far past the end is empty, not an error (the offset does not wrap around).
        var far = await officer.GetFromJsonAsync<JsonElement>("/api/reconciliation?period=2024-Q4&page=2147483647&pageSize=500");
        Assert.Empty(far.GetProperty("lines").EnumerateArray());
        Assert.True(far.GetProperty("matching").GetInt32() > 0);
        using var farPage = await app.LoginAsync("daumoi");
        Assert.Equal(HttpStatusCode.OK, (await farPage.GetAsync("/doi-soat?ky=quy&nam=2024&so=4&trang=2147483647")).StatusCode);

        var bad = await officer.GetAsync("/api/reconciliation?period=2024-Q9");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_page_lists_the_differences_with_their_reason_and_exports_them()
    {
        var (_, codes) = await ImportAsync(new DateTimeOffset(2024, 10, 21, 9, 0, 0, Vn));
        using var client = await app.LoginAsync("daumoi");
        var html = await client.GetStringAsync("/doi-soat?ky=quy&nam=2024&so=4&ly-do=notSent&trang=1");
        Assert.Contains(codes[0], html, StringComparison.Ordinal);
        Assert.Contains("Chưa gửi lên Cổng DVCQG", html, StringComparison.Ordinal);
        Assert.Contains("Gửi lại Cổng DVCQG", html, StringComparison.Ordinal);
        var excel = await client.GetAsync("/doi-soat?ky=quy&nam=2024&so=4&ly-do=notSent&handler=Excel");
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", excel.Content.Headers.ContentType?.MediaType);
        var bad = await client.GetStringAsync("/doi-soat?ky=quy&nam=2024&so=4&ly-do=khong-ro");
        Assert.Contains("Lý do lọc không hợp lệ", bad, StringComparison.Ordinal);
    }
}
