using MotCua.Core.Dossiers;

namespace MotCua.Web.Features.Demo;

/// <summary>
/// The shares a generated history follows (who applies, through which channel, how a dossier ends), one set for the
/// load generator's bulk data and the demo's year, so both look like the same department. Each takes a uniform draw
/// in [0, 1) from the caller's seeded random.
/// </summary>
public static class DossierHistoryRules
{
    /// <summary>Dossiers of organisations and enterprises; the rest are citizens'.</summary>
    public const double OrganisationShare = 0.25;

    /// <summary>Dossiers with a fee to pay.</summary>
    public const double FeeShare = 0.6;

    /// <summary>Dossiers whose appraisal asked for a supplement.</summary>
    public const double SupplementShare = 0.08;

    /// <summary>Supplemented dossiers that needed a second request: a repeated request is the exception.</summary>
    public const double SecondRoundShare = 0.1;

    /// <summary>Open dossiers already past their due date: a department that keeps its appointments has few.</summary>
    public const double OpenOverdueShare = 0.1;

    /// <summary>Results of dossiers resolved in time that also reached the applicant by the appointment.</summary>
    public const double ReturnedByDueShare = 0.97;

    /// <summary>Dossiers refused after receipt (the appraisal found them ineligible).</summary>
    public const double RefusedShare = 0.03;

    /// <summary>Resolved dossiers resolved early or on time; the rest are late by one to ten days.</summary>
    public const double OnTimeShare = 0.97;

    /// <summary>Online payments among the fees of online dossiers.</summary>
    public const double PaidOnlineShare = 0.6;

    /// <summary>Dossiers the national portal acknowledged within minutes of receipt.</summary>
    public const double AcknowledgedShare = 0.92;

    /// <summary>A dossier received this recently is still being worked on.</summary>
    public static readonly TimeSpan StillOpen = TimeSpan.FromDays(25);

    public static DossierChannel Channel(double draw) => draw switch
    {
        < 0.35 => DossierChannel.Direct,
        < 0.92 => DossierChannel.Online,
        _ => DossierChannel.Postal,
    };

    /// <summary>The share of the allowed time an early or on-time dossier took.</summary>
    public static double ShareOfAllowedTime(double draw) => 0.4 + (0.6 * draw);
}
