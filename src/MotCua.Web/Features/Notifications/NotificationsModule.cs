using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Api;
using MotCua.Web.Shared.Caching;
using MotCua.Web.Shared.Privacy;

namespace MotCua.Web.Features.Notifications;

public static class NotificationsModule
{
    /// <summary>The outbox, its worker, the citizen and officer channels and the producer service (AddIntegrations adds the others).</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.AddHttpClient(Http.ClientName, c => c.Timeout = TimeSpan.FromSeconds(60));
        services.AddSingleton(new OutboxRandom(Random.Shared));
        services.AddSingleton<OutboxProcessor>();
        services.AddHostedService<OutboxWorker>();
        services.AddScoped<Notifier>().AddScoped<DeskResultAlert>().AddScoped<ResultIssuedNotice>();
        services.AddScoped<DeadlineScan>().AddHostedService<DeadlineScanService>();
        services.AddScoped<SupplementNoticeAlerts>().AddScoped<Dossiers.Supplement.ISupplementNoticeListener>(sp => sp.GetRequiredService<SupplementNoticeAlerts>());
        // What the notifier caches: templates, agency and unit names, the officers an alert goes to.
        services.WatchReferenceData(typeof(NotificationTemplate), typeof(Organisation.Agency), typeof(Organisation.Unit), typeof(AppUser));
        services.AddDossierSubscriber<DossierNotificationSubscriber>();
        services.AddScoped<INotificationChannel, EmailChannel>();
        services.AddScoped<INotificationChannel, SmsChannel>();
        services.AddScoped<INotificationChannel, ZaloChannel>();
        services.AddScoped<INotificationChannel, InAppChannel>();
        return services;
    }

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/outbox").WithTags("Hàng đợi thông báo").RequireAuthorization(Policies.Admin);
        admin.MapGet("/", ListAsync).WithSummary("Tin nhắn trong hàng đợi gửi (status = pending | failed | delivered)");
        admin.MapPost("/{id:guid}/replay", ReplayAsync).WithSummary("Gửi lại một tin đã thất bại");
        return app;
    }

    public sealed record OutboxItem(Guid Id, string Kind, string Channel, string Recipient, string? DossierCode, string Status, int Attempts, DateTimeOffset CreatedAt, string? LastError);

    /// <summary>The channels whose recipient is a citizen's phone number or e-mail address.</summary>
    public static bool IsCitizenChannel(OutboxChannel channel) => channel is OutboxChannel.Email or OutboxChannel.Sms or OutboxChannel.Zalo;

    /// <summary>
    /// A citizen's phone number or e-mail address as the viewer may see it: <paramref name="full"/> is
    /// <see cref="PersonalData.SeesFull"/> for the message's dossier (administrators need the delivery status, not the contact).
    /// </summary>
    public static string ShownRecipient(OutboxChannel channel, string recipient, bool full) =>
        IsCitizenChannel(channel) && !full ? PersonalData.MaskDigits(recipient) : recipient;

    /// <summary>A delivery error as the viewer may see it: a mail server's or gateway's refusal often quotes the recipient.</summary>
    public static string? ShownError(string? error, OutboxChannel channel, string recipient, bool full) =>
        IsCitizenChannel(channel) && !full ? PersonalData.Scrub(error, recipient, MaskKind.Digits) : error;

    /// <summary>API names of statuses (<see cref="ApiEnums"/>): "failed" is the dead-letter state.</summary>
    public static string ApiStatus(OutboxStatus status) => ApiEnums.Name(status);

    /// <summary>A status by its API name ("dead" is still understood for "failed"); null for none.</summary>
    public static bool TryParseStatus(string? text, out OutboxStatus? status) => ApiEnums.TryParse(text, out status);

    internal static async Task<Results<Ok<List<OutboxItem>>, ValidationProblem>> ListAsync(string? status, ClaimsPrincipal user, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!TryParseStatus(status, out var wanted))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>(StringComparer.Ordinal) { ["status"] = ["Trạng thái phải là pending, failed, delivered hoặc paused."] },
                title: "Tham số không hợp lệ.");
        }
        var agencyId = user.AgencyId();
        var query = db.OutboxMessages.AsNoTracking().Where(m => m.AgencyId == agencyId);
        if (wanted is { } s)
        {
            query = query.Where(m => m.Status == s);
        }
        var rows = await query.OrderByDescending(m => m.CreatedAt).Take(500).ToListAsync(cancellationToken);
        var shown = await ShownContactsAsync(db, time, user, agencyId, rows, "outbox-api", cancellationToken);
        return TypedResults.Ok(rows.Select(m => new OutboxItem(
            m.Id, m.Kind, ApiEnums.Name(m.Channel), ShownRecipient(m.Channel, m.Recipient, shown(m)), m.DossierCode,
            ApiStatus(m.Status), m.Attempts, m.CreatedAt, ShownError(m.LastError, m.Channel, m.Recipient, shown(m)))).ToList());
    }

    /// <summary>
    /// For a list of messages: whether each citizen recipient is shown in full to this viewer (<see cref="PersonalData.SeesFull"/>
    /// on the message's dossier), with the read of the listed dossiers' contacts logged and saved (<see cref="PersonalDataReads.RecordList"/>).
    /// </summary>
    internal static async Task<Func<OutboxMessage, bool>> ShownContactsAsync(AppDbContext db, TimeProvider time, ClaimsPrincipal user, int? agencyId,
        IReadOnlyList<OutboxMessage> messages, string view, CancellationToken cancellationToken)
    {
        var citizen = messages.Where(m => IsCitizenChannel(m.Channel)).ToList();
        var holders = await PersonalData.HoldersAsync(db, agencyId, citizen.Select(m => m.DossierCode), cancellationToken);
        bool Full(OutboxMessage m) => PersonalData.SeesFull(user, m.DossierCode is { } c && holders.TryGetValue(c, out var h) ? h : RecordHolder.None);
        if (citizen.Count > 0)
        {
            var codes = citizen.Select(m => m.DossierCode ?? "").Distinct(StringComparer.Ordinal).ToList();
            var full = citizen.Where(Full).Select(m => m.DossierCode ?? "").Distinct(StringComparer.Ordinal).ToList();
            PersonalDataReads.RecordList(db, time, user, nameof(OutboxMessage), view, codes, full);
            await db.SaveChangesAsync(cancellationToken);
        }
        return Full;
    }

    internal static async Task<Results<NoContent, NotFoundProblem, ConflictProblem>> ReplayAsync(
        Guid id, ClaimsPrincipal user, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var agencyId = user.AgencyId() ?? 0;
        var status = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == id && m.AgencyId == agencyId).Select(m => (OutboxStatus?)m.Status).SingleOrDefaultAsync(cancellationToken);
        if (status is null)
        {
            return ApiProblems.NotFound("Không tìm thấy tin nhắn.", "Tin nhắn không tồn tại hoặc không thuộc cơ quan của bạn.");
        }
        if (!await ReplayWithAuditAsync(db, time, user, agencyId, id, cancellationToken))
        {
            return ApiProblems.Conflict("Không thể gửi lại.", "Chỉ gửi lại được tin nhắn đã thất bại.");
        }
        return TypedResults.NoContent();
    }

    /// <summary>Replay and its audit entry in one transaction (the replay itself is a bulk update).</summary>
    internal static async Task<bool> ReplayWithAuditAsync(AppDbContext db, TimeProvider time, ClaimsPrincipal user, int agencyId, Guid id, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await Outbox.ReplayAsync(db, time, agencyId, id, cancellationToken))
        {
            return false;
        }
        AuditLog.Append(db, time, user, "outbox.replay", nameof(OutboxMessage), id.ToString("D"), "Gửi lại tin nhắn đã thất bại.");
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Resuming the messages a restore paused, and its audit entry, in one transaction; 0 when none were paused.</summary>
    internal static async Task<int> ResumePausedWithAuditAsync(AppDbContext db, TimeProvider time, ClaimsPrincipal user, int agencyId, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var resumed = await Outbox.ResumePausedAsync(db, time, agencyId, cancellationToken);
        if (resumed == 0)
        {
            return 0;
        }
        AuditLog.Append(db, time, user, "outbox.resume", nameof(OutboxMessage), agencyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Cho gửi tiếp {resumed} thông báo tạm dừng sau khi khôi phục dữ liệu.", new { Resumed = resumed });
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return resumed;
    }

    /// <summary>Reference data every installation needs: the default Vietnamese templates.</summary>
    public static Task SeedNotificationsAsync(AppDbContext db, TimeProvider time, CancellationToken cancellationToken = default) =>
        NotificationTemplates.SeedAsync(db, time, cancellationToken);
}
