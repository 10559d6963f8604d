using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Core.Notifications;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Caching;

namespace MotCua.Web.Features.Notifications;

/// <summary>
/// Fans a <see cref="DossierNotice"/> out into outbox messages: citizen messages and officer alerts by
/// <see cref="EventRouting"/> and the configured channels, then what each registered <see cref="IDossierNoticeRecipient"/>
/// adds (the national sync, webhooks). Reads templates and recipients, adds messages to the caller's context and never
/// saves: call it inside the transaction of the state change, before its SaveChanges.
/// </summary>
/// <remarks>
/// Templates and the agency's and unit's names come from <see cref="ReferenceCache"/> (mutable settings: at most 30 s
/// old when edited on another instance, dropped at once when edited here), so a notice costs no reads of them.
/// </remarks>
public sealed class Notifier(TimeProvider time, IOptions<NotificationOptions> options, ReferenceCache cache, PublicUrls urls,
    IEnumerable<IDossierNoticeRecipient> recipients)
{
    public async Task<IReadOnlyList<OutboxMessage>> RaiseAsync(AppDbContext db, DossierNotice e, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(e);
        var o = options.Value;
        var audience = EventRouting.AudienceOf(e.Kind);
        var eventName = EventRouting.EventName(e.Kind);
        var messages = new List<OutboxMessage>();

        if (audience.HasFlag(EventAudience.Citizen) || audience.HasFlag(EventAudience.Officer))
        {
            var templates = await cache.GetAsync("templates:" + e.Kind.ToString(),
                (own, c) => own.NotificationTemplates.AsNoTracking().Where(t => t.EventKind == e.Kind).ToListAsync(c), cancellationToken);
            var agencyName = await cache.GetAsync(FormattableString.Invariant($"agency-name:{e.AgencyId}"),
                (own, c) => own.Agencies.AsNoTracking().Where(a => a.Id == e.AgencyId).Select(a => a.Name).SingleOrDefaultAsync(c), cancellationToken);
            var unitName = e.UnitId is { } unitId
                ? await cache.GetAsync(FormattableString.Invariant($"unit-name:{e.AgencyId}:{unitId}"),
                    (own, c) => own.Units.AsNoTracking().Where(u => u.Id == unitId && u.AgencyId == e.AgencyId).Select(u => u.Name).SingleOrDefaultAsync(c), cancellationToken)
                : null;
            var values = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["maHoSo"] = e.DossierCode,
                ["tenThuTuc"] = e.ProcedureName,
                ["tenNguoiNop"] = e.Applicant?.Name,
                ["hanTra"] = e.DueAt?.ToVnDate(),
                ["coQuan"] = agencyName,
                ["donVi"] = unitName,
                ["noiDung"] = e.Note,
                ["ngay"] = time.GetUtcNow().ToVnDate(),
                ["linkTraCuu"] = urls.Lookup(e.DossierCode),
            };

            if (audience.HasFlag(EventAudience.Citizen) && e.Applicant is { } applicant)
            {
                foreach (var channel in o.CitizenChannelsOrDefault)
                {
                    var recipient = channel switch
                    {
                        OutboxChannel.Email => NullIfBlank(applicant.Email),
                        OutboxChannel.Sms or OutboxChannel.Zalo => NullIfBlank(applicant.Phone),
                        OutboxChannel.InApp or OutboxChannel.NationalPortal or OutboxChannel.Webhook => null,
                    };
                    if (recipient is not null && Render(templates, channel, values) is { } text)
                    {
                        messages.Add(Outbox.Enqueue(db, time, new OutboxMessage
                        {
                            AgencyId = e.AgencyId, Kind = eventName, Channel = channel, Recipient = recipient,
                            DossierCode = e.DossierCode, Subject = text.Subject, Body = text.Body,
                        }));
                    }
                }
            }

            if (audience.HasFlag(EventAudience.Officer))
            {
                var officers = await cache.GetAsync(OfficersKey(e), (own, c) => OfficersAsync(own, e, c), cancellationToken);
                foreach (var officer in officers)
                {
                    foreach (var channel in o.OfficerChannelsOrDefault)
                    {
                        var recipient = channel switch
                        {
                            OutboxChannel.Email => NullIfBlank(officer.Email),
                            OutboxChannel.Sms or OutboxChannel.Zalo => NullIfBlank(officer.PhoneNumber),
                            OutboxChannel.InApp => officer.UserName ?? officer.Id,
                            OutboxChannel.NationalPortal or OutboxChannel.Webhook => null,
                        };
                        if (recipient is not null && Render(templates, channel, values) is { } text)
                        {
                            messages.Add(Outbox.Enqueue(db, time, new OutboxMessage
                            {
                                AgencyId = e.AgencyId, Kind = eventName, Channel = channel, Recipient = recipient,
                                RecipientUserId = officer.Id, DossierCode = e.DossierCode, Subject = text.Subject, Body = text.Body,
                            }));
                        }
                    }
                }
            }
        }

        foreach (var recipient in recipients)
        {
            messages.AddRange(await recipient.RaiseAsync(db, e, audience, cancellationToken));
        }
        return messages;
    }

    private sealed record Officer(string Id, string? UserName, string? Email, string? PhoneNumber);

    /// <summary>
    /// The alert's recipients are reference data like templates: cached per unit or officer, at most the cache's TTL old
    /// after an edit on another instance, dropped at once by an account edit here.
    /// </summary>
    private static string OfficersKey(DossierNotice e) => e.AssigneeUserId is { } assignee
        ? FormattableString.Invariant($"officers:{e.AgencyId}:user:{assignee}")
        : FormattableString.Invariant($"officers:{e.AgencyId}:unit:{e.UnitId}");

    private static async Task<List<Officer>> OfficersAsync(AppDbContext db, DossierNotice e, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking().Where(u => u.AgencyId == e.AgencyId && u.IsActive);
        if (e.AssigneeUserId is { } assignee)
        {
            users = users.Where(u => u.Id == assignee);
        }
        else if (e.UnitId is { } unitId)
        {
            users = users.Where(u => u.UnitId == unitId);
        }
        else
        {
            return [];
        }
        return await users.OrderBy(u => u.UserName).Select(u => new Officer(u.Id, u.UserName, u.Email, u.PhoneNumber)).ToListAsync(cancellationToken);
    }

    private static (string? Subject, string Body)? Render(List<NotificationTemplate> templates, OutboxChannel channel, Dictionary<string, string?> values)
    {
        var template = templates.FirstOrDefault(t => t.Channel == channel);
        if (template is null)
        {
            return null;
        }
        var subject = template.Subject is null ? null : MessageTemplate.Render(template.Subject, values);
        return (subject, MessageTemplate.Render(template.Body, values));
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

}
