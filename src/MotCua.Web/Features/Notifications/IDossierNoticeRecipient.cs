using MotCua.Core.Notifications;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Notifications;

/// <summary>
/// Another feature's outbox messages for a dossier notice (the national portal, webhooks), registered in that feature's
/// AddX() so the outbox knows nothing of it; <see cref="Notifier"/> calls each in registration order, after the
/// citizen and officer messages, and like it they only add to the caller's context.
/// </summary>
public interface IDossierNoticeRecipient
{
    Task<IReadOnlyList<OutboxMessage>> RaiseAsync(AppDbContext db, DossierNotice notice, EventAudience audience, CancellationToken cancellationToken);
}
