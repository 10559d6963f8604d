using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Dossiers;
using MotCua.Core.Notifications;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Integrations;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reports;
using MotCua.Web.Features.Results;
using MotCua.Web.Tests.Notifications;
using MotCua.Web.Tests.Notifications.Fakes;
using MotCua.Web.Tests.Results;

namespace MotCua.Web.Tests.Integrations;

public sealed class NationalSyncTests(NotificationFakes fakes) : IClassFixture<NotificationFakes>
{
    private static NationalDossierSnapshot Snapshot(string code, int status) => new()
    {
        MaHoSo = code,
        MaTTHC = "1.004344",
        TenTTHC = "Cấp giấy chứng nhận đăng ký hoạt động khoa học và công nghệ",
        MaLinhVuc = "KHCN",
        ChuHoSo = "Công ty TNHH Đổi mới Sáng tạo Phú Yên",
        LoaiDoiTuong = 3,
        NgayTiepNhan = new DateTimeOffset(2025, 3, 10, 2, 0, 0, TimeSpan.Zero),
        NgayHenTra = new DateTimeOffset(2025, 3, 24, 10, 0, 0, TimeSpan.Zero),
        TrangThaiHoSo = status,
        DonViXuLy = "Phòng Quản lý Khoa học và Công nghệ",
        DanhSachLePhi = [new NationalFee("Phí thẩm định", 1_500_000m)],
    };

    [Fact]
    public async Task A_status_change_is_synced_in_the_national_format_and_counted_once_acknowledged()
    {
        await using var app = new NotificationsApp(fakes);
        var agencyId = await app.AgencyIdAsync();
        var code = NotificationsApp.UniqueCode();
        var sync = Assert.Single(await app.RaiseAsync(new DossierNotice { AgencyId = agencyId, DossierCode = code, Kind = DossierEventKind.StatusChanged, National = Snapshot(code, 4) }),
            m => m.Channel == OutboxChannel.NationalPortal);
        await app.DrainAsync();

        var request = Assert.Single(fakes.Portal.Requests, r => r.Body.Contains(code, StringComparison.Ordinal));
        Assert.Equal("Bearer portal-token", request.Headers["Authorization"]);
        Assert.Equal(sync.Id.ToString("D"), request.IdempotencyKey);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("DongBoHoSoMC", json.RootElement.GetProperty("service").GetString());
        var dossier = json.RootElement.GetProperty("data")[0];
        Assert.Equal(code, dossier.GetProperty("MaHoSo").GetString());
        Assert.Equal("4", dossier.GetProperty("TrangThaiHoSo").GetString());
        Assert.Equal("20250310090000", dossier.GetProperty("NgayTiepNhan").GetString());
        Assert.Equal("20250324170000", dossier.GetProperty("NgayHenTra").GetString());
        Assert.Equal("Công ty TNHH Đổi mới Sáng tạo Phú Yên", dossier.GetProperty("ChuHoSo").GetString());
        Assert.Equal("1500000", dossier.GetProperty("DanhSachLePhi")[0].GetProperty("MucPhi").GetString());

        var message = await app.MessageAsync(sync.Id);
        Assert.Equal(OutboxStatus.Delivered, message.Status);
        Assert.Equal(app.Clock.GetUtcNow(), message.AcknowledgedAt);
        await using var db = app.CreateDbContext();
        var synced = await NationalSync.AcknowledgedDossierCodesAsync(db, agencyId, app.Clock.GetUtcNow().AddDays(-1), app.Clock.GetUtcNow().AddDays(1));
        Assert.Contains(code, synced);
    }

    [Fact]
    public async Task The_first_acknowledgement_is_kept_on_the_dossier_for_the_766_index()
    {
        await using var app = new NotificationsApp(fakes);
        using var desk = await app.ApiClientAsync("motcua");
        using var created = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173", channel = "direct", applicant = new { name = "Công ty Đồng bộ", phone = "0905123456" },
            papers = new[] { new { name = "Đơn", present = true } },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var code = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
        await using (var db = app.CreateDbContext())
        {
            Assert.Null(await db.ReportDossiers.Where(r => db.Set<Dossier>().Any(d => d.Id == r.DossierId && d.Code == code)).Select(r => r.SyncedAt).SingleAsync());
        }

        var first = app.Clock.GetUtcNow();
        await app.DrainAsync();
        Assert.Contains(fakes.Portal.Requests, r => r.Body.Contains(code, StringComparison.Ordinal));
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(first.UtcTicks, await db.ReportDossiers.Where(r => db.Set<Dossier>().Any(d => d.Id == r.DossierId && d.Code == code)).Select(r => r.SyncedAt).SingleAsync());
        }

        // A later acknowledged update does not move it: "synced" is the first acknowledgement.
        app.Clock.Advance(TimeSpan.FromHours(2));
        var agencyId = await app.AgencyIdAsync();
        await app.RaiseAsync(new DossierNotice { AgencyId = agencyId, DossierCode = code, Kind = DossierEventKind.StatusChanged, National = Snapshot(code, 4) });
        await app.DrainAsync();
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(first.UtcTicks, await db.ReportDossiers.Where(r => db.Set<Dossier>().Any(d => d.Id == r.DossierId && d.Code == code)).Select(r => r.SyncedAt).SingleAsync());
            Assert.True(await db.OutboxMessages.CountAsync(m => m.DossierCode == code && m.Channel == OutboxChannel.NationalPortal && m.AcknowledgedAt != null) >= 2);
        }
    }

    [Fact]
    public async Task A_receipt_with_the_transfer_syncs_only_the_status_reached_and_still_tells_the_citizen()
    {
        // Two syncs saved together would share one instant, which is all the outbox orders them by: the portal gets
        // the state the dossier is in (processing), not a race between "accepted" and "processing".
        await using var app = new NotificationsApp(fakes);
        int unitId;
        await using (var db = app.CreateDbContext())
        {
            unitId = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
        }
        using var desk = await app.ApiClientAsync("motcua");
        var phone = NotificationsApp.UniquePhone();
        using var created = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173", channel = "direct", applicant = new { name = "Công ty Chuyển Ngay", phone },
            papers = new[] { new { name = "Đơn", present = true } }, transferToUnitId = unitId,
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var code = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;

        await using (var db = app.CreateDbContext())
        {
            var messages = await db.OutboxMessages.Where(m => m.DossierCode == code).ToListAsync();
            var sync = Assert.Single(messages, m => m.Channel == OutboxChannel.NationalPortal);
            using var json = JsonDocument.Parse(sync.Body);
            Assert.Equal("4", json.RootElement.GetProperty("data")[0].GetProperty("TrangThaiHoSo").GetString());
            Assert.Contains(messages, m => m.Channel == OutboxChannel.Sms && m.Recipient == phone && m.Kind == EventRouting.EventName(DossierEventKind.Received));
        }
        await app.DrainAsync();
        Assert.Contains(fakes.Sms.Requests, r => r.Body.Contains(code, StringComparison.Ordinal));
    }

    /// <summary>The dossier's national pushes, oldest first, as the portal reads them.</summary>
    private static async Task<List<(string Kind, JsonElement Data)>> PushesAsync(NotificationsApp app, string code)
    {
        await using var db = app.CreateDbContext();
        var bodies = await db.OutboxMessages.AsNoTracking().Where(m => m.DossierCode == code && m.Channel == OutboxChannel.NationalPortal)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => new { m.Kind, m.Body }).ToListAsync();
        return [.. bodies.Select(b => (b.Kind, JsonDocument.Parse(b.Body).RootElement.GetProperty("data")[0].Clone()))];
    }

    [Fact]
    public async Task The_approval_tells_the_portal_the_result_is_ready_and_the_signed_result_goes_back_with_its_number_and_verification_address()
    {
        await using var app = new NotificationsApp(fakes);
        var folder = Directory.CreateTempSubdirectory("motcua-signing");
        var p12 = Path.Combine(folder.FullName, "signer.p12");
        await File.WriteAllBytesAsync(p12, TestCertificates.Pkcs12(TestCertificates.Valid(), "123456"));
        app.Services.GetRequiredService<SigningOptions>().CertificatePath = p12;
        var code = await ResultFlow.InProcessingAsync(app, ResultFlow.Unique("Công ty Kết Quả Về Cổng"));
        using (var specialist = await app.LoginAsync("chuyenvien"))
        {
            ResultFlow.Redirected(await ResultFlow.RecordAsync(specialist, code, number: "63", summary: "Cấp giấy phép sử dụng thiết bị X-quang"));
        }
        await ResultFlow.AppraiseAsync(app, code);
        using (var leaderApi = await app.ApiClientAsync("lanhdao"))
        {
            await ResultFlow.ActAsync(leaderApi, code, "approve");
        }

        // The approval: "9 Đã xử lý xong", without a result yet (the draft is not signed).
        var approved = (await PushesAsync(app, code))[^1];
        Assert.Equal(EventRouting.EventName(DossierEventKind.ResultReady), approved.Kind);
        Assert.Equal("9", approved.Data.GetProperty("TrangThaiHoSo").GetString());
        Assert.Equal(0, approved.Data.GetProperty("DanhSachGiayToKetQua").GetArrayLength());

        // The signature: the dossier again, with the signed result's number, date and public verification address.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        using (var leader = await app.LoginAsync("lanhdao"))
        {
            var draft = (await ResultFlow.ResultsAsync(app, code)).Single();
            ResultFlow.Redirected(await ResultFlow.SignAsync(leader, code, draft.Id, "123456"));
        }
        var result = (await ResultFlow.ResultsAsync(app, code)).Single();
        var signed = (await PushesAsync(app, code))[^1];
        Assert.Equal(EventRouting.EventName(DossierEventKind.ResultIssued), signed.Kind);
        Assert.Equal("9", signed.Data.GetProperty("TrangThaiHoSo").GetString());
        var paper = Assert.Single(signed.Data.GetProperty("DanhSachGiayToKetQua").EnumerateArray());
        Assert.Equal("Giấy phép số 63/GP-SKHCN ngày 10/03/2025: Cấp giấy phép sử dụng thiết bị X-quang", paper.GetProperty("TenTepDinhKem").GetString());
        Assert.EndsWith("/tra-cuu-ket-qua/" + result.VerificationCode, paper.GetProperty("DuongDanTaiTepTin").GetString(), StringComparison.Ordinal);
        // Nothing personal leaves with the link: the verification page names no applicant.
        Assert.DoesNotContain("Công ty Kết Quả Về Cổng", paper.GetRawText(), StringComparison.Ordinal);

        // The return, and a resend from the ledger, carry it too.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        using (var desk = await app.ApiClientAsync("motcua"))
        {
            await ResultFlow.ActAsync(desk, code, "return", new { delivery = "atDesk" });
        }
        var returned = (await PushesAsync(app, code))[^1];
        Assert.Equal("10", returned.Data.GetProperty("TrangThaiHoSo").GetString());
        Assert.Single(returned.Data.GetProperty("DanhSachGiayToKetQua").EnumerateArray());
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        using (var control = await app.ApiClientAsync("daumoi"))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await control.PostAsync($"/api/reconciliation/{code}/resend", null)).StatusCode);
        }
        var resent = (await PushesAsync(app, code))[^1];
        Assert.Equal("10", resent.Data.GetProperty("TrangThaiHoSo").GetString());
        Assert.Single(resent.Data.GetProperty("DanhSachGiayToKetQua").EnumerateArray());
    }

    [Fact]
    public async Task A_reply_without_acknowledgement_is_retried_and_later_statuses_wait_for_earlier_ones()
    {
        await using var app = new NotificationsApp(fakes);
        var agencyId = await app.AgencyIdAsync();
        var code = NotificationsApp.UniqueCode();
        fakes.Portal.SuccessBody = """{"error_code":"-1","message":"Hệ thống bận"}""";
        try
        {
            var first = (await app.RaiseAsync(new DossierNotice { AgencyId = agencyId, DossierCode = code, Kind = DossierEventKind.StatusChanged, National = Snapshot(code, 4) }))
                .Single(m => m.Channel == OutboxChannel.NationalPortal);
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            var second = (await app.RaiseAsync(new DossierNotice { AgencyId = agencyId, DossierCode = code, Kind = DossierEventKind.ResultIssued, National = Snapshot(code, 9) }))
                .Single(m => m.Channel == OutboxChannel.NationalPortal);
            await app.DrainAsync();

            var pending = await app.MessageAsync(first.Id);
            Assert.Equal(OutboxStatus.Pending, pending.Status);
            Assert.Null(pending.AcknowledgedAt);
            Assert.Contains("không xác nhận", pending.LastError, StringComparison.Ordinal);
            // The newer status was held back, not sent ahead of the older one.
            Assert.DoesNotContain(fakes.Portal.Requests, r => r.IdempotencyKey == second.Id.ToString("D"));

            fakes.Portal.SuccessBody = """{"error_code":"0"}""";
            for (var i = 0; i < 4; i++)
            {
                app.Clock.Advance(TimeSpan.FromMinutes(1));
                await app.DrainAsync();
            }
            Assert.Equal(OutboxStatus.Delivered, (await app.MessageAsync(first.Id)).Status);
            Assert.Equal(OutboxStatus.Delivered, (await app.MessageAsync(second.Id)).Status);
            var order = fakes.Portal.Requests.Where(r => r.Accepted && r.Body.Contains(code, StringComparison.Ordinal)).Select(r => r.IdempotencyKey).Distinct().ToList();
            Assert.Equal([first.Id.ToString("D"), second.Id.ToString("D")], order);
        }
        finally
        {
            fakes.Portal.SuccessBody = """{"error_code":"0","error":0,"acknowledged":true}""";
        }
    }
}
