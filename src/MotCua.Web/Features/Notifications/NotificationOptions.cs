using MotCua.Core.Notifications;

namespace MotCua.Web.Features.Notifications;

/// <summary>The outbox worker: <c>MotCua:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "MotCua:Outbox";

    /// <summary>Run the background delivery loop; unset = on, except in the Testing environment (tests call <see cref="OutboxProcessor.ProcessOnceAsync"/>).</summary>
    public bool? RunWorker { get; set; }

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claimed message is reserved for one worker; longer than any delivery timeout.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryBaseDelay { get; set; } = RetrySchedule.Default.BaseDelay;

    public double RetryFactor { get; set; } = RetrySchedule.Default.Factor;

    public TimeSpan RetryMaxDelay { get; set; } = RetrySchedule.Default.MaxDelay;

    public double RetryJitter { get; set; } = RetrySchedule.Default.JitterFraction;

    /// <summary>Attempts before a message is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = RetrySchedule.Default.MaxAttempts;

    public RetrySchedule Schedule => new(RetryBaseDelay, RetryFactor, RetryMaxDelay, RetryJitter, MaxAttempts);
}

/// <summary>Channels and fan-out: <c>MotCua:Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "MotCua:Notifications";

    /// <summary>Channels for citizen messages (receipt, supplement request, result ready, return); empty = e-mail and SMS.</summary>
    /// <remarks>Defaults live in <see cref="CitizenChannelsOrDefault"/>: the configuration binder appends to a pre-filled list.</remarks>
    public List<OutboxChannel> CitizenChannels { get; set; } = [];

    /// <summary>Channels for officer alerts (entered queue, due soon, overdue); empty = in-app, e-mail and SMS.</summary>
    public List<OutboxChannel> OfficerChannels { get; set; } = [];

    public IReadOnlyList<OutboxChannel> CitizenChannelsOrDefault =>
        CitizenChannels.Count > 0 ? CitizenChannels.Distinct().ToList() : [OutboxChannel.Email, OutboxChannel.Sms];

    public IReadOnlyList<OutboxChannel> OfficerChannelsOrDefault =>
        OfficerChannels.Count > 0 ? OfficerChannels.Distinct().ToList() : [OutboxChannel.InApp, OutboxChannel.Email, OutboxChannel.Sms];

    /// <summary>Older name of <c>MotCua:PublicBaseUrl</c>, still read by <see cref="Shared.PublicUrls"/> when that one is unset.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// When a channel has no endpoint configured: true = write the message to the log and count it delivered (local
    /// runs); false = fail it so it retries and dead-letters where an admin sees it. Defaults to true in Development.
    /// </summary>
    public bool? LogOnlyWhenUnconfigured { get; set; }

    public SmsOptions Sms { get; set; } = new();

    public EmailOptions Email { get; set; } = new();

    public ZaloOptions Zalo { get; set; } = new();

    public NationalPortalOptions NationalPortal { get; set; } = new();
}

/// <summary>A brandname SMS gateway's HTTP API: POST JSON {from, to, text, requestId} with basic credentials.</summary>
public sealed class SmsOptions
{
    public string? Url { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The registered sender name (brandname), e.g. "SOKHCN-PY".</summary>
    public string BrandName { get; set; } = "MOTCUA";
}

public sealed class EmailOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "noreply@motcua.local";

    public string FromName { get; set; } = "Hệ thống một cửa";
}

/// <summary>Zalo Official Account (ZNS-style) messages: POST JSON with the OA access token in the "access_token" header.</summary>
public sealed class ZaloOptions
{
    public string? Url { get; set; }

    public string? AccessToken { get; set; }

    /// <summary>The approved ZNS template the text is sent through.</summary>
    public string? TemplateId { get; set; }
}

/// <summary>The national public service portal (Cổng DVCQG) sync endpoint.</summary>
public sealed class NationalPortalOptions
{
    /// <summary>Empty = national sync is not enqueued at all (an installation not yet connected).</summary>
    public string? Url { get; set; }

    /// <summary>Bearer token issued by the portal.</summary>
    public string? Token { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);
}
