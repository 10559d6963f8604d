using MotCua.Core.Dossiers;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// What one save of a dossier changes, as the features that react to it see it: the dossier as it will be stored,
/// whether it is new, and the transitions this save applies (none for a change that is not a transition).
/// </summary>
public sealed record DossierSaving(Dossier Dossier, bool IsNew, IReadOnlyList<TransitionResult> Transitions, DateTimeOffset At)
{
    /// <summary>The whole decision saved (its notices, events, steps); null for a change that is not a transition.</summary>
    public DossierDecision? Decision { get; init; }

    /// <summary>The user id of the officer the decision assigned, when the command already read it; null otherwise.</summary>
    public string? AssigneeUserId { get; init; }
}

/// <summary>
/// A feature's reaction to a dossier change. It runs inside the dossier's one save and adds its rows to the same
/// context, so they commit or roll back with the dossier; it never saves by itself.
/// </summary>
public interface IDossierSubscriber
{
    Task OnSavingAsync(AppDbContext db, DossierSaving change, CancellationToken ct);
}

public static class DossierSubscriberRegistration
{
    /// <summary>Registers a subscriber; each feature calls this in its own <c>AddX()</c>, so Program.cs shows who reacts.</summary>
    public static IServiceCollection AddDossierSubscriber<T>(this IServiceCollection services)
        where T : class, IDossierSubscriber =>
        services.AddScoped<IDossierSubscriber, T>();
}
