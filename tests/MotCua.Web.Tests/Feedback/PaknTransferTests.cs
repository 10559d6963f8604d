using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Feedback;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Feedback;

/// <summary>A PAKN outside competence: its 05-working-day transfer deadline shown and alerted, the transfer told to the sender, counted in reports.</summary>
public sealed class PaknTransferTests
{
    // MotCuaApp's clock starts on Monday 10/3/2025 09:00 (Vietnam): the fifth working day after receipt is Monday 17/3, at the
    // receipt's clock time, as the product counts receipts made before its switch to the Civil Code count.
    private static readonly DateTimeOffset TransferDue = new(2025, 3, 17, 9, 0, 0, TimeSpan.FromHours(7));

    private const string Reason = "Nội dung về an toàn thực phẩm thuộc thẩm quyền của ngành y tế.";

    private static async Task<string> SubmitAsync(MotCuaApp app, string title)
    {
        using var anonymous = app.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/public/feedback", new
        {
            senderName = "Trần Thị Chuyển",
            senderAddress = "05 Lê Duẩn, Buôn Ma Thuột",
            senderPhone = "0905318274",
            senderEmail = "nguoigui@example.vn",
            title,
            content = "Đề nghị cơ quan xem xét quy định về kiểm tra an toàn thực phẩm đối với cơ sở nhỏ lẻ, hiện chồng chéo.",
            consent = true,
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("code").GetString()!;
    }

    private static async Task<long> IdAsync(MotCuaApp app, string code)
    {
        await using var db = app.CreateDbContext();
        return await db.FeedbackItems.Where(f => f.Code == code).Select(f => f.Id).SingleAsync();
    }

    private static async Task<string> ActAsync(HttpClient officer, long id, string action, Dictionary<string, string> fields)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(officer, "/pakn/" + id);
        var form = new Dictionary<string, string>(fields, StringComparer.Ordinal) { ["__RequestVerificationToken"] = token, ["Action"] = action };
        var response = await officer.PostAsync("/pakn/" + id, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<HttpResponseMessage> ApiActAsync(HttpClient api, string code, object body) =>
        await api.PostAsJsonAsync($"/api/feedback/{code}/actions", body);

    [Fact]
    public async Task Deadline_is_shown_and_alerted_until_the_transfer_which_the_sender_is_told_and_can_track()
    {
        await using var app = new MotCuaApp();
        var code = await SubmitAsync(app, "Chồng chéo kiểm tra an toàn thực phẩm");
        var id = await IdAsync(app, code);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(TransferDue, (await db.FeedbackItems.SingleAsync(f => f.Id == id)).TransferDueAt);
        }
        using var focal = await app.LoginAsync("daumoi");
        var page = await (await focal.GetAsync("/pakn/" + id)).Content.ReadAsStringAsync();
        Assert.Contains("09:00 ngày 17/03/2025", page, StringComparison.Ordinal);
        Assert.Contains("Căn cứ Điều 9 Nghị định số 20/2008/NĐ-CP", page, StringComparison.Ordinal);

        await ActAsync(focal, id, "ClassifyOutOfScope", new() { ["Reason"] = Reason, ["TransferredTo"] = "Sở Y tế tỉnh Đắk Lắk" });
        await using (var db = app.CreateDbContext())
        {
            var item = await db.FeedbackItems.SingleAsync(f => f.Id == id);
            Assert.Equal(FeedbackStatus.AwaitingTransfer, item.Status);
            Assert.Equal(TransferDue, item.DueAt);
        }

        // Friday 14/3 10:00: the rest of Friday and Monday left, within the two working days that count as due soon.
        app.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 14, 10, 0, 0, TimeSpan.FromHours(7)));
        using var focalLater = await app.LoginAsync("daumoi");
        var register = await (await focalLater.GetAsync("/pakn?trangthai=AwaitingTransfer")).Content.ReadAsStringAsync();
        Assert.Contains("<span class=\"badge amber\">Còn ", register, StringComparison.Ordinal);
        var home = await (await focalLater.GetAsync("/can-bo")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"inbox-duesoon-pakn-transfer\"", home, StringComparison.Ordinal);

        using var api = await app.ApiClientAsync("daumoi");
        var response = await ApiActAsync(api, code, new { action = "transfer", transferredTo = "Sở Y tế tỉnh Đắk Lắk", transferredToEmail = "soyte@daklak.gov.vn" });
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json);
        var transfer = JsonDocument.Parse(json).RootElement.GetProperty("transfer");
        Assert.Equal("onTime", transfer.GetProperty("timeliness").GetString());
        Assert.Equal(Reason, transfer.GetProperty("reason").GetString());

        await using (var db = app.CreateDbContext())
        {
            var item = await db.FeedbackItems.SingleAsync(f => f.Id == id);
            Assert.Equal(FeedbackStatus.OutOfScope, item.Status);
            Assert.NotNull(item.TransferredAt);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == FeedbackDesk.TransferAuditCode && a.EntityId == code));
            var messages = await db.OutboxMessages.Where(m => m.Kind == FeedbackTransferNotice.SenderKind || m.Kind == FeedbackTransferNotice.BodyKind).ToListAsync();
            Assert.Contains(messages, m => m.Recipient == "nguoigui@example.vn" && m.Body.Contains("Sở Y tế tỉnh Đắk Lắk", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.Recipient == "soyte@daklak.gov.vn" && m.Body.Contains(Reason, StringComparison.Ordinal));
        }

        using var citizen = app.CreateClient();
        var token = await MotCuaApp.AntiforgeryTokenAsync(citizen, "/phan-anh-kien-nghi/tra-cuu");
        var wrong = await citizen.PostAsync("/phan-anh-kien-nghi/tra-cuu", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Code"] = code, ["Factor"] = "0999999999",
        }));
        Assert.Contains(TrackModel.NotFoundMessage, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var tracked = await (await citizen.PostAsync("/phan-anh-kien-nghi/tra-cuu", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Code"] = code.ToLowerInvariant(), ["Factor"] = "0905 318 274",
        }))).Content.ReadAsStringAsync();
        Assert.Contains("Ngày 14/03/2025 đã được chuyển đến Sở Y tế tỉnh Đắk Lắk", tracked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_count_transfers_on_time_late_and_pending()
    {
        await using var app = new MotCuaApp();
        var onTime = await SubmitAsync(app, "Chuyển đúng hạn");
        var late = await SubmitAsync(app, "Chuyển quá hạn");
        var pending = await SubmitAsync(app, "Chờ chuyển");
        await SubmitAsync(app, "Thuộc thẩm quyền");
        using var api = await app.ApiClientAsync("daumoi");
        Assert.Equal(HttpStatusCode.OK, (await ApiActAsync(api, onTime, new { action = "transfer", transferredTo = "Sở Y tế", reason = Reason })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApiActAsync(api, pending, new { action = "classifyOutOfScope", reason = Reason })).StatusCode);
        // Tuesday 18/3: a day after the deadline.
        app.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 18, 9, 0, 0, TimeSpan.FromHours(7)));
        using var apiLater = await app.ApiClientAsync("daumoi");
        var response = await ApiActAsync(apiLater, late, new { action = "transfer", transferredTo = "Sở Tài chính", reason = Reason });
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json);
        Assert.Equal("late", JsonDocument.Parse(json).RootElement.GetProperty("transfer").GetProperty("timeliness").GetString());

        await using var db = app.CreateDbContext();
        var agencyId = await db.FeedbackItems.Where(f => f.Code == late).Select(f => f.AgencyId).SingleAsync();
        var march = await FeedbackReports.TransfersAsync(db, [agencyId],
            new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.FromHours(7)), new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.FromHours(7)), default);
        Assert.Equal(new PaknTransferCounts(Received: 3, TransferredOnTime: 1, TransferredLate: 1, Pending: 1, PendingOverdue: 1), march);

        using var leader = await app.LoginAsync("lanhdao");
        var report = await (await leader.GetAsync("/bao-cao/ho-so?Ky=custom&From=2025-03-01&To=2025-03-31")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"pakn-transferred\">2 (đúng hạn 1, quá hạn 1)", report, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"pakn-transfer-pending\">1 (quá hạn 1)", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transfer_without_a_body_or_of_an_answered_PAKN_is_refused_and_nothing_changes()
    {
        await using var app = new MotCuaApp();
        var code = await SubmitAsync(app, "Thiếu cơ quan nhận");
        var id = await IdAsync(app, code);
        using var focal = await app.LoginAsync("daumoi");
        var html = await ActAsync(focal, id, "Transfer", new() { ["Reason"] = Reason, ["TransferredTo"] = "  " });
        Assert.Contains("Vui lòng nhập tên cơ quan có thẩm quyền được chuyển đến", html, StringComparison.Ordinal);
        html = await ActAsync(focal, id, "Transfer", new() { ["TransferredTo"] = "Sở Y tế" });
        Assert.Contains("Vui lòng nêu lý do", html, StringComparison.Ordinal);

        using var api = await app.ApiClientAsync("daumoi");
        var noBody = await ApiActAsync(api, code, new { action = "transfer", reason = Reason, transferredToEmail = "khong-phai-email" });
        Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
        var problem = JsonDocument.Parse(await noBody.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("cơ quan có thẩm quyền", problem.GetProperty("errors").GetProperty("transferredTo")[0].GetString(), StringComparison.Ordinal);

        // Answered: assigned, drafted; a transfer now would disown an answer already written.
        await using (var db = app.CreateDbContext())
        {
            var agencyId = await db.FeedbackItems.Where(f => f.Id == id).Select(f => f.AgencyId).SingleAsync();
            var unitId = await db.Units.Where(u => u.AgencyId == agencyId && u.IsActive).Select(u => u.Id).FirstAsync();
            Assert.Equal(HttpStatusCode.OK, (await ApiActAsync(api, code, new { action = "classifyInScope", unitId })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await ApiActAsync(api, code, new { action = "draftAnswer", answer = "Cơ quan đã tiếp thu và sẽ sửa đổi quy định." })).StatusCode);
        var answered = await ApiActAsync(api, code, new { action = "transfer", transferredTo = "Sở Y tế", reason = Reason });
        Assert.Equal(HttpStatusCode.Conflict, answered.StatusCode);
        var conflict = JsonDocument.Parse(await answered.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("Chuyển cơ quan có thẩm quyền", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await using var check = app.CreateDbContext();
        var item = await check.FeedbackItems.SingleAsync(f => f.Id == id);
        Assert.Equal(FeedbackStatus.AnswerDrafted, item.Status);
        Assert.Null(item.TransferredTo);
        Assert.Null(item.TransferredAt);
        Assert.False(await check.AuditEntries.AnyAsync(a => a.Action == FeedbackDesk.TransferAuditCode));
    }
}
