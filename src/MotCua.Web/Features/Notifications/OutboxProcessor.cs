using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Notifications;

/// <summary>Jitter for retry delays; a class so tests can fix it.</summary>
public class OutboxRandom(Random random)
{
    public virtual double NextDouble() => random.NextDouble();
}

/// <summary>
/// Delivers due outbox messages. Each call claims a batch under a lease (<c>LockedBy</c>, <c>LockedUntil</c>) so that
/// several app instances on one database never deliver the same message concurrently, then delivers each claimed
/// message and records the outcome: delivered, retry later with back-off, or dead. Delivery is at least once (a crash
/// after sending and before recording repeats the send when the lease expires), hence the idempotency key.
/// </summary>
public sealed partial class OutboxProcessor(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptionsMonitor<OutboxOptions> outboxOptions,
    IOptionsMonitor<NotificationOptions> notificationOptions,
    IHostEnvironment environment,
    OutboxRandom random,
    ILogger<OutboxProcessor> log)
{
    /// <summary>This worker's identity in <c>LockedBy</c>: host and a per-process nonce.</summary>
    public string InstanceId { get; } = Environment.MachineName + "/" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..8];

    /// <summary>Claims and delivers one batch; returns how many messages it claimed.</summary>
    public async Task<int> ProcessOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var claimed = await ClaimAsync(db, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }
        var channels = scope.ServiceProvider.GetServices<INotificationChannel>().ToDictionary(c => c.Kind);
        var listeners = scope.ServiceProvider.GetServices<INationalSyncListener>().ToList();
        foreach (var id in claimed)
        {
            await DeliverAsync(db, channels, listeners, id, cancellationToken);
        }
        return claimed.Count;
    }

    /// <summary>
    /// PostgreSQL: <c>SELECT … FOR UPDATE SKIP LOCKED</c> in a short transaction that stamps the lease, so concurrent
    /// workers pick disjoint rows without waiting on each other. Elsewhere (SQLite, one instance): a conditional UPDATE
    /// per candidate that only succeeds while no live lease exists, which is atomic on any database.
    /// </summary>
    internal async Task<List<Guid>> ClaimAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var o = outboxOptions.CurrentValue;
        var now = time.GetUtcNow();
        var until = now + o.LeaseDuration;
        var me = InstanceId;
        if (db.Database.IsNpgsql())
        {
            var nowTicks = now.UtcTicks;
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            var ids = await db.Database.SqlQuery<Guid>($"""
                SELECT "Id" AS "Value" FROM "OutboxMessages"
                WHERE "Status" = 'Pending' AND "NextAttemptAt" <= {nowTicks} AND ("LockedUntil" IS NULL OR "LockedUntil" < {nowTicks})
                ORDER BY "NextAttemptAt"
                LIMIT {o.BatchSize}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
            if (ids.Count > 0)
            {
                await db.OutboxMessages.Where(m => ids.Contains(m.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, me).SetProperty(m => m.LockedUntil, until), cancellationToken);
            }
            await tx.CommitAsync(cancellationToken);
            return ids;
        }

        var candidates = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(o.BatchSize)
            .ToListAsync(cancellationToken);
        var claimed = new List<Guid>(candidates.Count);
        foreach (var id in candidates)
        {
            var won = await db.OutboxMessages
                .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, me).SetProperty(m => m.LockedUntil, until), cancellationToken);
            if (won == 1)
            {
                claimed.Add(id);
            }
        }
        return claimed;
    }

    private async Task DeliverAsync(AppDbContext db, Dictionary<OutboxChannel, INotificationChannel> channels, List<INationalSyncListener> listeners, Guid id,
        CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        var o = outboxOptions.CurrentValue;

        // National syncs of one dossier go out in order: a retried old status must not overwrite a newer one.
        if (message.Channel == OutboxChannel.NationalPortal && message.DossierCode is { } code
            && await db.OutboxMessages.AnyAsync(m => m.Channel == OutboxChannel.NationalPortal && m.AgencyId == message.AgencyId
                && m.DossierCode == code && (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Paused) && m.CreatedAt < message.CreatedAt, cancellationToken))
        {
            var later = time.GetUtcNow() + o.RetryBaseDelay;
            await db.OutboxMessages.Where(m => m.Id == id && m.LockedBy == InstanceId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, later).SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
            return;
        }

        var result = await AttemptAsync(channels, message, o, cancellationToken);
        var now = time.GetUtcNow();
        int recorded;
        if (result.Success)
        {
            DateTimeOffset? acknowledged = result.Acknowledged ? now : null;
            recorded = await db.OutboxMessages.Where(m => m.Id == id && m.LockedBy == InstanceId)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, OutboxStatus.Delivered)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastAttemptAt, now)
                    .SetProperty(m => m.DeliveredAt, now)
                    .SetProperty(m => m.AcknowledgedAt, acknowledged)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.LockedBy, (string?)null)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
            LogDelivered(message.Id, message.Channel, message.Attempts + 1);
            if (recorded > 0 && acknowledged is { } ackAt && message.Channel == OutboxChannel.NationalPortal && message.DossierCode is { } syncedCode)
            {
                foreach (var listener in listeners)
                {
                    await listener.OnAcknowledgedAsync(db, message.AgencyId, syncedCode, ackAt, cancellationToken);
                }
            }
        }
        else
        {
            var attempts = message.Attempts + 1;
            var schedule = o.Schedule;
            var dead = result.Permanent || schedule.IsExhausted(attempts);
            var next = now + schedule.DelayAfter(attempts, random.NextDouble());
            var error = DeliveryResult.Truncate(result.Error, 2000);
            recorded = await db.OutboxMessages.Where(m => m.Id == id && m.LockedBy == InstanceId)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, dead ? OutboxStatus.Dead : OutboxStatus.Pending)
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.LastAttemptAt, now)
                    .SetProperty(m => m.NextAttemptAt, next)
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.LockedBy, (string?)null)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
            LogFailed(message.Id, message.Channel, attempts, dead, error);
        }
        if (recorded == 0)
        {
            // Our lease expired and another worker took the message: its outcome wins; the receiver dedupes by key.
            LogLeaseLost(message.Id);
        }
    }

    private async Task<DeliveryResult> AttemptAsync(Dictionary<OutboxChannel, INotificationChannel> channels, OutboxMessage message, OutboxOptions o, CancellationToken cancellationToken)
    {
        if (!channels.TryGetValue(message.Channel, out var channel) || !channel.IsConfigured)
        {
            var logOnly = notificationOptions.CurrentValue.LogOnlyWhenUnconfigured ?? environment.IsDevelopment();
            if (logOnly)
            {
                LogOnly(message.Channel, message.Recipient, message.Subject, message.Body);
                return DeliveryResult.Ok();
            }
            return DeliveryResult.Fail($"Kênh {Outbox.ChannelName(message.Channel)} chưa được cấu hình (MotCua:Notifications).");
        }
        using var timeout = new CancellationTokenSource(o.DeliveryTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await channel.DeliverAsync(message, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Fail("Hết thời gian chờ phản hồi của bên nhận.");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or System.Net.Sockets.SocketException
            or MailKit.ProtocolException or MailKit.CommandException or MailKit.Security.AuthenticationException or InvalidOperationException)
        {
            return DeliveryResult.Fail(ex.GetType().Name + ": " + ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {Id} delivered by {Channel} on attempt {Attempt}")]
    private partial void LogDelivered(Guid id, OutboxChannel channel, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} by {Channel} failed attempt {Attempt} (dead: {Dead}): {Error}")]
    private partial void LogFailed(Guid id, OutboxChannel channel, int attempt, bool dead, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id}: lease lost before the outcome was recorded")]
    private partial void LogLeaseLost(Guid id);

    [LoggerMessage(Level = LogLevel.Information, Message = "[log only] {Channel} to {Recipient}: {Subject} {Body}")]
    private partial void LogOnly(OutboxChannel channel, string recipient, string? subject, string body);
}

/// <summary>The background loop: one batch after another, pausing <see cref="OutboxOptions.PollInterval"/> when idle.</summary>
public sealed partial class OutboxWorker(OutboxProcessor processor, IOptionsMonitor<OutboxOptions> options, IHostEnvironment environment, TimeProvider time, ILogger<OutboxWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off in the Testing environment unless asked for: tests drive ProcessOnceAsync with a fake clock.
        if (!(options.CurrentValue.RunWorker ?? !environment.IsEnvironment("Testing")))
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await processor.ProcessOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException)
            {
                LogLoopError(ex);
            }
            // A full batch means more are probably due: go on without pausing.
            if (claimed < options.CurrentValue.BatchSize)
            {
                try
                {
                    await Task.Delay(options.CurrentValue.PollInterval, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox worker batch failed; retrying after the poll interval")]
    private partial void LogLoopError(Exception ex);
}
