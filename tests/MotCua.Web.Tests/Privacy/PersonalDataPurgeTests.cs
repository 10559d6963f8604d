using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Privacy;
using MotCua.Web.Shared.Privacy;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Privacy;

/// <summary>Retention: expired personal fields are anonymised (records kept), with an audit entry; a second run changes nothing.</summary>
public sealed class PersonalDataPurgeTests
{
    [Fact]
    public async Task The_purge_anonymises_only_expired_personal_data_logs_it_and_is_idempotent()
    {
        await using var app = new MotCuaApp();
        var now = app.Clock.GetUtcNow();
        using var anonymous = app.CreateClient();
        async Task<string> FeedbackAsync(string title)
        {
            var r = await anonymous.PostAsJsonAsync("/api/public/feedback", new
            {
                senderName = "Ngô Văn Lưu Trữ", senderAddress = "Đồng Xuân, Phú Yên", senderPhone = "0966123456", senderEmail = "luutru@example.vn", title, consent = true,
                content = "Đề nghị niêm yết rõ thời hạn giải quyết từng bước của thủ tục.",
            });
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
            return title;
        }
        var oldTitle = await FeedbackAsync("PAKN cũ " + Guid.NewGuid().ToString("N")[..6]);
        var recentTitle = await FeedbackAsync("PAKN mới " + Guid.NewGuid().ToString("N")[..6]);

        using var desk = await app.ApiClientAsync("motcua");
        var receipt = await desk.PostAsJsonAsync("/api/dossiers/", new
        {
            procedureCode = "1.000173", channel = "direct",
            applicant = new { name = "Bùi Thị Nháp", idNumber = "079085009999", phone = "0911222333", address = "Tuy Hòa, Phú Yên" },
            papers = new[] { new { name = "Đơn", present = true } },
        });
        Assert.Equal(HttpStatusCode.Created, receipt.StatusCode);
        var draftCode = (await receipt.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("code").GetString()!;

        Guid oldSms, recentSms;
        await using (var db = app.CreateDbContext())
        {
            var agencyId = await db.Agencies.Select(a => a.Id).FirstAsync();
            var closedLongAgo = now.AddYears(-6);
            var closedRecently = now.AddYears(-1);
            await db.FeedbackItems.Where(f => f.Title == oldTitle).ExecuteUpdateAsync(s => s.SetProperty(f => f.ClosedAt, closedLongAgo));
            await db.FeedbackItems.Where(f => f.Title == recentTitle).ExecuteUpdateAsync(s => s.SetProperty(f => f.ClosedAt, closedRecently));
            // A draft abandoned 40 days ago (drafts are kept 30 days by default).
            var created = now.AddDays(-40);
            await db.Dossiers.Where(d => d.Code == draftCode).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DossierStatus.Draft).SetProperty(d => d.CreatedAt, created));
            var old = new OutboxMessage { AgencyId = agencyId, Kind = "dossier.received", Channel = OutboxChannel.Sms, Recipient = "0944555666", Body = "Kính gửi Ông Cũ", Status = OutboxStatus.Delivered, CreatedAt = now.AddDays(-100), NextAttemptAt = now.AddDays(-100), DeliveredAt = now.AddDays(-100) };
            var recent = new OutboxMessage { AgencyId = agencyId, Kind = "dossier.received", Channel = OutboxChannel.Sms, Recipient = "0944555777", Body = "Kính gửi Bà Mới", Status = OutboxStatus.Delivered, CreatedAt = now.AddDays(-10), NextAttemptAt = now.AddDays(-10), DeliveredAt = now.AddDays(-10) };
            db.OutboxMessages.AddRange(old, recent);
            await db.SaveChangesAsync();
            (oldSms, recentSms) = (old.Id, recent.Id);
        }

        // Run by an administrator from the register page.
        using var admin = await app.LoginAsync("admin");
        var page = await admin.GetStringAsync("/quan-tri/du-lieu-ca-nhan");
        Assert.Contains("Dossier.ApplicantIdNumber", page, StringComparison.Ordinal);
        var token = await MotCuaApp.AntiforgeryTokenAsync(admin, "/quan-tri/du-lieu-ca-nhan");
        var post = await admin.PostAsync("/quan-tri/du-lieu-ca-nhan?handler=Purge", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);

        await using (var db = app.CreateDbContext())
        {
            var oldItem = await db.FeedbackItems.SingleAsync(f => f.Title == oldTitle);
            Assert.Equal(PersonalData.Anonymised, oldItem.SenderName);
            Assert.Equal(PersonalData.Anonymised, oldItem.SenderAddress);
            Assert.Null(oldItem.SenderPhone);
            Assert.Null(oldItem.SenderEmail);
            Assert.Equal(oldTitle, oldItem.Title); // the record and its content stay for the register and reports
            var recentItem = await db.FeedbackItems.SingleAsync(f => f.Title == recentTitle);
            Assert.Equal("0966123456", recentItem.SenderPhone);

            var draft = await db.Dossiers.SingleAsync(d => d.Code == draftCode);
            Assert.Equal(PersonalData.Anonymised, draft.ApplicantName);
            Assert.Null(draft.ApplicantIdNumber);
            Assert.Null(draft.ApplicantPhone);

            var oldMessage = await db.OutboxMessages.SingleAsync(m => m.Id == oldSms);
            Assert.Equal(PersonalData.Anonymised, oldMessage.Recipient);
            Assert.Equal(PersonalData.Anonymised, oldMessage.Body);
            Assert.Equal("0944555777", (await db.OutboxMessages.SingleAsync(m => m.Id == recentSms)).Recipient);

            var entry = await db.AuditEntries.SingleAsync(a => a.Action == "personal-data.purge");
            Assert.Contains("1 hồ sơ nháp", entry.Summary, StringComparison.Ordinal);
            Assert.Contains("1 phản ánh kiến nghị", entry.Summary, StringComparison.Ordinal);
            Assert.Contains("1 thông báo", entry.Summary, StringComparison.Ordinal);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCua.Web.Data.AppDbContext>();
            var again = await PersonalDataPurge.RunAsync(db, app.Clock, new RetentionOptions());
            Assert.Equal(0, again.Total);
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "personal-data.purge"));

            // Closed dossiers are kept until a period is configured; then they go too.
            var closedAt = now.AddYears(-11);
            await db.Dossiers.Where(d => d.Code == draftCode).ExecuteUpdateAsync(s => s.SetProperty(d => d.ClosedAt, closedAt));
            Assert.Equal(0, (await PersonalDataPurge.RunAsync(db, app.Clock, new RetentionOptions { DossierApplicantYears = 10 })).Dossiers); // already anonymised as a draft
        }
    }

    [Fact]
    public async Task An_expired_subject_request_loses_the_officers_answer_with_its_details()
    {
        await using var app = new MotCuaApp();
        var now = app.Clock.GetUtcNow();
        static DataSubjectRequest Request(string code, DateTimeOffset answeredAt) => new()
        {
            Code = code, RecordCode = "SKHCN-250101-0001", FactorHash = new string('0', 64), Details = "Sửa số điện thoại của tôi thành 0905318274",
            ConsentVersion = "1", LimitBasis = "Căn cứ thử", ReceivedAt = answeredAt.AddDays(-3), AcknowledgeDueAt = answeredAt, DueAt = answeredAt,
            Status = DataSubjectRequestStatus.Done, AnsweredAt = answeredAt, AnsweredBy = "admin", Answer = "Đã sửa số điện thoại của Bà Trần Thị Hỏi thành 0905318274.",
        };
        await using (var db = app.CreateDbContext())
        {
            var agencyId = await db.Agencies.Select(a => a.Id).FirstAsync();
            var old = Request("DLCN-190101-OLD001", now.AddYears(-6));
            var recent = Request("DLCN-260101-NEW001", now.AddYears(-1));
            old.AgencyId = recent.AgencyId = agencyId;
            db.DataSubjectRequests.AddRange(old, recent);
            await db.SaveChangesAsync();
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCua.Web.Data.AppDbContext>();
            Assert.Equal(1, (await PersonalDataPurge.RunAsync(db, app.Clock, new RetentionOptions())).SubjectRequests);
        }
        await using (var db = app.CreateDbContext())
        {
            var old = await db.DataSubjectRequests.SingleAsync(r => r.Code == "DLCN-190101-OLD001");
            Assert.Equal(PersonalData.Anonymised, old.Details);
            Assert.Equal(PersonalData.Anonymised, old.Answer);
            var recent = await db.DataSubjectRequests.SingleAsync(r => r.Code == "DLCN-260101-NEW001");
            Assert.Contains("0905318274", recent.Answer, StringComparison.Ordinal);
        }
        Assert.NotNull(PersonalData.Find(typeof(DataSubjectRequest), nameof(DataSubjectRequest.Answer)));
    }

    [Fact]
    public async Task An_expired_dossier_loses_the_applicants_written_supplement_answers_and_its_postal_recipient()
    {
        await using var app = new MotCuaApp();
        var now = app.Clock.GetUtcNow();
        using var desk = await app.ApiClientAsync("motcua");
        async Task<string> ReceiveAsync()
        {
            var receipt = await desk.PostAsJsonAsync("/api/dossiers/", new
            {
                procedureCode = "1.000173", channel = "direct",
                applicant = new { name = "Đinh Thị Bổ Sung", idNumber = "079085007531", phone = "0905318274", address = "Tuy Hòa, Đắk Lắk" },
                papers = new[] { new { name = "Đơn", present = true } },
            });
            Assert.Equal(HttpStatusCode.Created, receipt.StatusCode);
            return (await receipt.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("code").GetString()!;
        }
        var oldCode = await ReceiveAsync();
        var recentCode = await ReceiveAsync();
        await using (var db = app.CreateDbContext())
        {
            foreach (var (code, closedAt) in new[] { (oldCode, now.AddYears(-11)), (recentCode, now.AddYears(-1)) })
            {
                var id = await db.Dossiers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
                await db.Dossiers.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.ClosedAt, closedAt));
                db.Set<MotCua.Web.Features.Dossiers.Forms.DossierSupplementItem>().Add(new()
                {
                    DossierId = id, RequestedAt = closedAt.AddDays(-5), Seq = 1, Round = 1, Paper = "Bản sao CCCD", Problem = "Bản chụp mờ",
                    AnswerText = "Tôi là Đinh Thị Bổ Sung, CCCD 079085007531, xin nộp lại bản rõ.", AnsweredAt = closedAt.AddDays(-4),
                });
                db.Set<MotCua.Web.Features.Postal.PostalOrder>().Add(new()
                {
                    AgencyId = await db.Dossiers.Where(d => d.Id == id).Select(d => d.AgencyId).SingleAsync(), DossierId = id, DossierCode = code,
                    Direction = MotCua.Core.Postal.PostalDirection.ResultDelivery, Reference = "BC-" + code, Waybill = "EV" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "VN",
                    Status = MotCua.Core.Postal.PostalStatus.Delivered, StatusAt = closedAt, RecipientName = "Đinh Thị Bổ Sung", Address = "12 Lê Lợi, phường Tuy Hòa, Đắk Lắk",
                    Phone = "0905318274", CreatedAt = closedAt.AddDays(-2),
                });
            }
            await db.SaveChangesAsync();
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCua.Web.Data.AppDbContext>();
            Assert.Equal(1, (await PersonalDataPurge.RunAsync(db, app.Clock, new RetentionOptions { DossierApplicantYears = 10 })).Dossiers);
        }
        await using (var db = app.CreateDbContext())
        {
            string? Answer(string code) => db.Set<MotCua.Web.Features.Dossiers.Forms.DossierSupplementItem>()
                .Where(i => i.Dossier!.Code == code).Select(i => i.AnswerText).Single();
            Assert.Equal(PersonalData.Anonymised, Answer(oldCode));
            Assert.Contains("079085007531", Answer(recentCode), StringComparison.Ordinal);
            // The postal recipient goes with the expired dossier; the recent one keeps it.
            var orders = await db.Set<MotCua.Web.Features.Postal.PostalOrder>().Where(o => o.DossierCode == oldCode || o.DossierCode == recentCode).ToListAsync();
            var old = orders.Single(o => o.DossierCode == oldCode);
            Assert.Equal((PersonalData.Anonymised, PersonalData.Anonymised, null), (old.RecipientName, old.Address, old.Phone));
            Assert.Equal("Đinh Thị Bổ Sung", orders.Single(o => o.DossierCode == recentCode).RecipientName);
        }
        // Every field kept with the applicant's period is purged with it; the payer on a receipt is an accounting voucher.
        Assert.Equal(RetentionCategory.DossierApplicant, PersonalData.Find(typeof(MotCua.Web.Features.Postal.PostalOrder), nameof(MotCua.Web.Features.Postal.PostalOrder.Address))!.Retention);
        Assert.Equal(RetentionCategory.AccountingVoucher, PersonalData.Find(typeof(MotCua.Web.Features.Payments.PaymentReceipt), nameof(MotCua.Web.Features.Payments.PaymentReceipt.PayerName))!.Retention);
        Assert.NotNull(PersonalData.Find(typeof(MotCua.Web.Features.Dossiers.Forms.DossierSupplementItem), nameof(MotCua.Web.Features.Dossiers.Forms.DossierSupplementItem.AnswerText)));
    }
}
