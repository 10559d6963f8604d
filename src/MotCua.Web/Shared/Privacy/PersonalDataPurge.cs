using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Privacy;

namespace MotCua.Web.Shared.Privacy;

/// <summary>Retention periods (<c>MotCua:Privacy:Retention:*</c>); 0 turns a category's purge off.</summary>
public sealed class RetentionOptions
{
    public const string Section = "MotCua:Privacy:Retention";

    /// <summary>0 by default: dossiers are archive records whose period the archive law sets per record type.</summary>
    public int DossierApplicantYears { get; set; }

    public int DraftDays { get; set; } = 30;

    public int FeedbackSenderYears { get; set; } = 5;

    public int OutboxRecipientDays { get; set; } = 90;

    /// <summary>What a data subject wrote in an answered request; no text sets the period, so it is a setting.</summary>
    public int SubjectRequestYears { get; set; } = 5;
}

/// <summary>What one purge run anonymised.</summary>
public sealed record PurgeResult(int Dossiers, int Drafts, int Feedback, int OutboxMessages, int SubjectRequests = 0)
{
    public int Total => Dossiers + Drafts + Feedback + OutboxMessages + SubjectRequests;
}

/// <summary>
/// Anonymises personal fields whose retention period has passed: the records stay (reports and the 766 index count
/// them), the person's name, ID number, phone, e-mail and address do not. One transaction per run, with one audit entry
/// per category that changed anything; running it again changes nothing.
/// </summary>
public static class PersonalDataPurge
{
    private static readonly OutboxChannel[] CitizenChannels = [OutboxChannel.Email, OutboxChannel.Sms, OutboxChannel.Zalo];

    public static async Task<PurgeResult> RunAsync(AppDbContext db, TimeProvider time, RetentionOptions o, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var dossiers = 0;
        if (o.DossierApplicantYears > 0)
        {
            var cutoff = now.AddYears(-o.DossierApplicantYears);
            dossiers = await AnonymiseDossiers(db, db.Dossiers.Where(d => d.ClosedAt != null && d.ClosedAt < cutoff), cancellationToken);
        }
        var drafts = 0;
        if (o.DraftDays > 0)
        {
            var cutoff = now.AddDays(-o.DraftDays);
            drafts = await AnonymiseDossiers(db, db.Dossiers.Where(d => d.Status == DossierStatus.Draft && d.CreatedAt < cutoff), cancellationToken);
        }
        var feedback = 0;
        if (o.FeedbackSenderYears > 0)
        {
            var cutoff = now.AddYears(-o.FeedbackSenderYears);
            feedback = await AnonymiseFeedback(db.FeedbackItems.Where(f => f.ClosedAt != null && f.ClosedAt < cutoff), cancellationToken);
        }
        var outbox = 0;
        if (o.OutboxRecipientDays > 0)
        {
            var cutoff = now.AddDays(-o.OutboxRecipientDays);
            outbox = await db.OutboxMessages
                .Where(m => CitizenChannels.Contains(m.Channel) && m.Status != OutboxStatus.Pending && m.Status != OutboxStatus.Paused && m.Recipient != PersonalData.Anonymised
                    && ((m.DeliveredAt != null && m.DeliveredAt < cutoff) || (m.DeliveredAt == null && m.LastAttemptAt != null && m.LastAttemptAt < cutoff)))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Recipient, PersonalData.Anonymised)
                    .SetProperty(m => m.Body, PersonalData.Anonymised)
                    .SetProperty(m => m.Subject, (string?)null), cancellationToken);
        }
        var requests = 0;
        if (o.SubjectRequestYears > 0)
        {
            var cutoff = now.AddYears(-o.SubjectRequestYears);
            // The instants are compared in memory: SQLite cannot compare DateTimeOffset columns in SQL.
            var answered = await db.DataSubjectRequests
                .Where(r => r.AnsweredAt != null && (r.Details != PersonalData.Anonymised || (r.Answer != null && r.Answer != PersonalData.Anonymised)))
                .Select(r => new { r.Id, r.AnsweredAt }).ToListAsync(cancellationToken);
            var expired = answered.Where(r => r.AnsweredAt < cutoff).Select(r => r.Id).ToList();
            // The officer's answer may repeat the subject's data (what was corrected, what was found), so it goes with the request.
            requests = expired.Count == 0 ? 0 : await db.DataSubjectRequests.Where(r => expired.Contains(r.Id))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Details, PersonalData.Anonymised)
                    .SetProperty(r => r.Answer, r => r.Answer == null ? null : PersonalData.Anonymised), cancellationToken);
        }
        var result = new PurgeResult(dossiers, drafts, feedback, outbox, requests);
        if (result.Total > 0)
        {
            AuditLog.Append(db, time, null, "personal-data.purge", "PersonalData", now.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                $"Ẩn danh dữ liệu cá nhân hết thời hạn lưu trữ: {dossiers} hồ sơ, {drafts} hồ sơ nháp, {feedback} phản ánh kiến nghị, {outbox} thông báo, {requests} yêu cầu của chủ thể dữ liệu.",
                new { result.Dossiers, result.Drafts, result.Feedback, result.OutboxMessages, result.SubjectRequests, o.DossierApplicantYears, o.DraftDays, o.FeedbackSenderYears, o.OutboxRecipientDays, o.SubjectRequestYears });
            await db.SaveChangesAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Anonymises the sender of one feedback item at the sender's request, in the caller's transaction (the caller
    /// decides it is allowed, writes the audit entry and saves).
    /// </summary>
    public static Task<int> EraseFeedbackSenderAsync(AppDbContext db, long feedbackId, CancellationToken cancellationToken) =>
        AnonymiseFeedback(db.FeedbackItems.Where(f => f.Id == feedbackId), cancellationToken);

    private static Task<int> AnonymiseFeedback(IQueryable<FeedbackItem> query, CancellationToken cancellationToken) =>
        query.Where(f => f.SenderName != PersonalData.Anonymised)
            .ExecuteUpdateAsync(s => s
                .SetProperty(f => f.SenderName, PersonalData.Anonymised)
                .SetProperty(f => f.SenderAddress, PersonalData.Anonymised)
                .SetProperty(f => f.SenderPhone, (string?)null)
                .SetProperty(f => f.SenderEmail, (string?)null)
                // The folded title may carry the sender's name; an empty text (not null) keeps the back-fill from restoring it.
                .SetProperty(f => f.SearchText, "")
                .SetProperty(f => f.Version, f => f.Version + 1), cancellationToken);

    private static async Task<int> AnonymiseDossiers(AppDbContext db, IQueryable<Dossier> query, CancellationToken cancellationToken)
    {
        // The applicant's written answers to supplement items may repeat their data, so they go with the dossier's.
        await db.Set<Features.Dossiers.Forms.DossierSupplementItem>()
            .Where(i => i.AnswerText != null && i.AnswerText != PersonalData.Anonymised && query.Any(d => d.Id == i.DossierId))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AnswerText, PersonalData.Anonymised), cancellationToken);
        // The postal recipient is the applicant or someone they named for the result: their details go with the dossier's.
        await db.Set<Features.Postal.PostalOrder>()
            .Where(o => o.RecipientName != PersonalData.Anonymised && query.Any(d => d.Id == o.DossierId))
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.RecipientName, PersonalData.Anonymised)
                .SetProperty(o => o.Address, PersonalData.Anonymised)
                .SetProperty(o => o.Phone, (string?)null), cancellationToken);
        return await query.Where(d => d.ApplicantName != PersonalData.Anonymised)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.ApplicantName, PersonalData.Anonymised)
                .SetProperty(d => d.SearchText, "")
                .SetProperty(d => d.ApplicantIdNumber, (string?)null)
                .SetProperty(d => d.ApplicantPhone, (string?)null)
                .SetProperty(d => d.ApplicantEmail, (string?)null)
                .SetProperty(d => d.ApplicantAddress, (string?)null)
                .SetProperty(d => d.RepresentativeName, (string?)null)
                .SetProperty(d => d.ReturnAddress, (string?)null)
                .SetProperty(d => d.Version, d => d.Version + 1), cancellationToken);
    }
}

/// <summary>Runs the purge once a day (<c>MotCua:Privacy:PurgeIntervalHours</c>, 0 = off; the command runs it by hand).</summary>
internal sealed class PersonalDataPurgeService(IServiceScopeFactory scopes, IConfiguration configuration, IOptionsMonitor<RetentionOptions> options,
    TimeProvider time, ILogger<PersonalDataPurgeService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        const string key = "MotCua:Privacy:PurgeIntervalHours";
        if (double.TryParse(configuration[key], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var off) && off <= 0)
        {
            return; // 0 (or less) turns the daily purge off
        }
        var every = Settings.Interval(configuration, key, 24, TimeSpan.FromHours(1), log);
        try
        {
            // Not at start-up: migrations and seeding come first, and a restart loop should not hammer the database.
            await Task.Delay(TimeSpan.FromMinutes(5), stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var result = await PersonalDataPurge.RunAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), time, options.CurrentValue, stoppingToken);
                    var total = result.Total;
                    if (total > 0 && log.IsEnabled(LogLevel.Information))
                    {
                        log.LogInformation("Personal data purge anonymised {Count} records", total);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogWarning(ex, "Personal data purge failed; will retry");
                }
                await Task.Delay(every, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}

public static class PrivacyModule
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RetentionOptions>(configuration.GetSection(RetentionOptions.Section));
        services.AddSingleton(PrivacyLimitSettings.Read(configuration));
        services.AddScoped<Features.Privacy.PrivacyDesk>();
        services.AddHostedService<PersonalDataPurgeService>();
        return services;
    }
}
