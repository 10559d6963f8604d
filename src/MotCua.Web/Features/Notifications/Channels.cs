using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Notifications;

/// <summary>The outcome of one delivery attempt. <see cref="Permanent"/> failures (a rejected address) are dead-lettered at once.</summary>
public sealed record DeliveryResult(bool Success, string? Error = null, bool Permanent = false, bool Acknowledged = false)
{
    public static DeliveryResult Ok(bool acknowledged = false) => new(true, Acknowledged: acknowledged);

    public static DeliveryResult Fail(string error, bool permanent = false) => new(false, error, permanent);

    /// <summary>2xx = delivered; 4xx other than 408/429 = the receiver will never accept it; anything else = retry.</summary>
    public static async Task<DeliveryResult> FromHttpAsync(HttpResponseMessage response, string receiver, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return Ok();
        }
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var permanent = status is >= 400 and < 500 and not 408 and not 429;
        return Fail($"{receiver} trả về HTTP {status.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {Truncate(text, 500)}", permanent);
    }

    public static string Truncate(string? s, int max) => s is null ? "" : s.Length <= max ? s : s[..max];
}

/// <summary>One way of delivering outbox messages. Implementations receive the message id as the idempotency key.</summary>
public interface INotificationChannel
{
    OutboxChannel Kind { get; }

    /// <summary>False when no endpoint is configured (then the processor logs or fails the message, see options).</summary>
    bool IsConfigured { get; }

    Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);
}

internal static class Http
{
    public const string ClientName = "motcua-notifications";
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>Vietnamese text as UTF-8, not \u escapes: valid either way, but gateways' logs and admins read it.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static HttpRequestMessage Post(string url, OutboxMessage message, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add(IdempotencyHeader, message.Id.ToString("D"));
        return request;
    }
}

/// <summary>E-mail over SMTP with MailKit. The Message-ID is derived from the outbox id so mail servers can drop duplicates.</summary>
internal sealed class EmailChannel(IOptions<NotificationOptions> options) : INotificationChannel
{
    public OutboxChannel Kind => OutboxChannel.Email;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Email.Host);

    public async Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value.Email;
        if (!MailboxAddress.TryParse(message.Recipient, out var to))
        {
            return DeliveryResult.Fail("Địa chỉ thư điện tử không hợp lệ: " + message.Recipient, permanent: true);
        }
        if (!Enum.TryParse<SecureSocketOptions>(o.Security, ignoreCase: true, out var security))
        {
            return DeliveryResult.Fail("Cấu hình MotCua:Notifications:Email:Security không hợp lệ: " + o.Security);
        }
        using var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress(o.FromName, o.From));
        mail.To.Add(to);
        mail.Subject = message.Subject ?? "";
        mail.MessageId = message.Id.ToString("N") + "@motcua";
        mail.Headers.Add(Http.IdempotencyHeader, message.Id.ToString("D"));
        mail.Body = new TextPart(TextFormat.Plain) { Text = message.Body };

        using var smtp = new SmtpClient();
        try
        {
            await smtp.ConnectAsync(o.Host!, o.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(o.UserName))
            {
                await smtp.AuthenticateAsync(o.UserName, o.Password ?? "", cancellationToken);
            }
            await smtp.SendAsync(mail, cancellationToken);
            await smtp.DisconnectAsync(quit: true, cancellationToken);
            return DeliveryResult.Ok();
        }
        catch (SmtpCommandException ex) when (ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted && (int)ex.StatusCode >= 500)
        {
            return DeliveryResult.Fail("Máy chủ thư từ chối người nhận: " + ex.Message, permanent: true);
        }
    }
}

/// <summary>A brandname SMS gateway: POST JSON {from, to, text, requestId} with HTTP basic credentials.</summary>
internal sealed class SmsChannel(IOptions<NotificationOptions> options, IHttpClientFactory http) : INotificationChannel
{
    public OutboxChannel Kind => OutboxChannel.Sms;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Sms.Url);

    public async Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value.Sms;
        var body = new { from = o.BrandName, to = PhoneNumbers.ToInternational(message.Recipient), text = message.Body, requestId = message.Id };
        using var request = Http.Post(o.Url!, message, JsonContent.Create(body, options: Http.Json));
        if (!string.IsNullOrEmpty(o.UserName))
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(o.UserName + ":" + o.Password));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }
        using var response = await http.CreateClient(Http.ClientName).SendAsync(request, cancellationToken);
        return await DeliveryResult.FromHttpAsync(response, "Cổng SMS", cancellationToken);
    }
}

/// <summary>Zalo Official Account (ZNS-style): POST JSON with the OA token in the "access_token" header; success is error = 0.</summary>
internal sealed class ZaloChannel(IOptions<NotificationOptions> options, IHttpClientFactory http) : INotificationChannel
{
    public OutboxChannel Kind => OutboxChannel.Zalo;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Zalo.Url);

    public async Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value.Zalo;
        var body = new
        {
            phone = PhoneNumbers.ToInternational(message.Recipient),
            template_id = o.TemplateId,
            template_data = new { ma_ho_so = message.DossierCode, noi_dung = message.Body },
            tracking_id = message.Id.ToString("N"),
        };
        using var request = Http.Post(o.Url!, message, JsonContent.Create(body, options: Http.Json));
        if (!string.IsNullOrEmpty(o.AccessToken))
        {
            request.Headers.Add("access_token", o.AccessToken);
        }
        using var response = await http.CreateClient(Http.ClientName).SendAsync(request, cancellationToken);
        var result = await DeliveryResult.FromHttpAsync(response, "Zalo OA", cancellationToken);
        if (!result.Success)
        {
            return result;
        }
        // Zalo answers 200 with {"error": <code>, "message": ...}; only 0 is success.
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Number && error.GetInt32() != 0)
            {
                return DeliveryResult.Fail("Zalo OA báo lỗi: " + DeliveryResult.Truncate(text, 500));
            }
        }
        catch (JsonException)
        {
            return DeliveryResult.Fail("Zalo OA trả về nội dung không đọc được: " + DeliveryResult.Truncate(text, 200));
        }
        return result;
    }
}

/// <summary>In-app alerts: a row the officer's bell and /thong-bao read. Redelivery is harmless (unique per outbox message).</summary>
internal sealed class InAppChannel(AppDbContext db, TimeProvider time) : INotificationChannel
{
    public OutboxChannel Kind => OutboxChannel.InApp;

    public bool IsConfigured => true;

    public async Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.RecipientUserId is null)
        {
            return DeliveryResult.Fail("Thiếu người nhận thông báo.", permanent: true);
        }
        if (await db.InAppNotifications.AnyAsync(n => n.OutboxMessageId == message.Id, cancellationToken))
        {
            return DeliveryResult.Ok();
        }
        db.InAppNotifications.Add(new InAppNotification
        {
            AgencyId = message.AgencyId,
            UserId = message.RecipientUserId,
            OutboxMessageId = message.Id,
            Title = message.Subject ?? message.Kind,
            Body = message.Body,
            DossierCode = message.DossierCode,
            CreatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return DeliveryResult.Ok();
    }
}

public static class PhoneNumbers
{
    /// <summary>Vietnamese numbers as gateways want them: "0905 123 456" → "84905123456".</summary>
    public static string ToInternational(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return digits.StartsWith('0') ? "84" + digits[1..] : digits;
    }
}

