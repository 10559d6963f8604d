using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Data;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Feedback;

/// <summary>
/// Tells the sender that the PAKN went to the competent body, and sends it to that body's e-mail when given, through the
/// outbox: the messages are added to the caller's context and commit with the transfer in its one save.
/// </summary>
public sealed class FeedbackTransferNotice(AppDbContext db, TimeProvider time, IOptions<NotificationOptions> options)
{
    /// <summary>The outbox kind of the sender's message.</summary>
    public const string SenderKind = "feedback.transferred";

    /// <summary>The outbox kind of the copy sent to the competent body.</summary>
    public const string BodyKind = "feedback.transfer";

    /// <summary>The sentence the sender reads, on the tracking page and in the message.</summary>
    public static string SenderText(FeedbackItem item, string agencyName)
    {
        ArgumentNullException.ThrowIfNull(item);
        return $"Phản ánh, kiến nghị {item.Code} không thuộc thẩm quyền của {agencyName}. Ngày {item.TransferredAt?.ToVnDate()} đã được chuyển đến "
            + $"{item.TransferredTo} để xem xét, xử lý theo quy định (Điều 9 Nghị định số 20/2008/NĐ-CP).";
    }

    public async Task EnqueueAsync(FeedbackItem item, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        var agencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == item.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var text = SenderText(item, agencyName);
        foreach (var channel in options.Value.CitizenChannelsOrDefault)
        {
            var recipient = channel switch
            {
                OutboxChannel.Email => item.SenderEmail,
                OutboxChannel.Sms => item.SenderPhone,
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(recipient))
            {
                Outbox.Enqueue(db, time, new OutboxMessage
                {
                    AgencyId = item.AgencyId, Kind = SenderKind, Channel = channel, Recipient = recipient,
                    Subject = channel == OutboxChannel.Email ? $"Phản ánh, kiến nghị {item.Code} đã được chuyển đến cơ quan có thẩm quyền" : null,
                    Body = text,
                });
            }
        }
        if (item.TransferredToEmail is { } bodyEmail)
        {
            // The competent body answers the sender itself (Art. 9), so it receives the contact the sender gave.
            var body = string.Join("\n", new[]
            {
                $"{agencyName} chuyển đến {item.TransferredTo} phản ánh, kiến nghị {item.Code} không thuộc thẩm quyền của cơ quan (Điều 9 Nghị định số 20/2008/NĐ-CP).",
                $"Lý do: {item.TransferReason}",
                $"Ngày tiếp nhận: {item.ReceivedAt.ToVnDate()}",
                $"Người gửi: {item.SenderName}, {item.SenderAddress}" + (item.SenderPhone is null ? "" : ", " + item.SenderPhone) + (item.SenderEmail is null ? "" : ", " + item.SenderEmail),
                $"Tiêu đề: {item.Title}",
                item.Content,
            });
            Outbox.Enqueue(db, time, new OutboxMessage
            {
                AgencyId = item.AgencyId, Kind = BodyKind, Channel = OutboxChannel.Email, Recipient = bodyEmail,
                Subject = $"Chuyển phản ánh, kiến nghị {item.Code}", Body = body,
            });
        }
    }
}
