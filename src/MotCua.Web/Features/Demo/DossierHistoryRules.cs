using MotCua.Core.Calendar;
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

    private static readonly TimeSpan Opens = new(7, 30, 0);
    private static readonly TimeSpan Closes = new(17, 0, 0);

    /// <summary>
    /// When an officer did something planned for <paramref name="at"/>: moved forward into office hours (7:30–17:00 local,
    /// a working day of <paramref name="isWorkingDay"/>), and never later than the last office minute up to <paramref name="now"/>.
    /// Both steps keep the order of instants, so a generated timeline stays in order.
    /// </summary>
    public static DateTimeOffset AtWork(DateTimeOffset at, DateTimeOffset now, Func<DateOnly, bool> isWorkingDay)
    {
        ArgumentNullException.ThrowIfNull(isWorkingDay);
        var local = at.ToOffset(DeadlineCalculator.VietnamOffset);
        if (local.TimeOfDay >= Closes)
        {
            local = new DateTimeOffset(local.Date.AddDays(1) + Opens, local.Offset);
        }
        else if (local.TimeOfDay < Opens)
        {
            local = new DateTimeOffset(local.Date + Opens, local.Offset);
        }
        while (!isWorkingDay(DateOnly.FromDateTime(local.Date)))
        {
            local = new DateTimeOffset(local.Date.AddDays(1) + Opens, local.Offset);
        }
        var latest = LatestAtWork(now, isWorkingDay);
        return local < latest ? local.ToUniversalTime() : latest;
    }

    /// <summary>The latest instant up to <paramref name="now"/> inside office hours of a working day.</summary>
    public static DateTimeOffset LatestAtWork(DateTimeOffset now, Func<DateOnly, bool> isWorkingDay)
    {
        ArgumentNullException.ThrowIfNull(isWorkingDay);
        var local = now.ToOffset(DeadlineCalculator.VietnamOffset);
        if (isWorkingDay(DateOnly.FromDateTime(local.Date)) && local.TimeOfDay >= Opens && local.TimeOfDay < Closes)
        {
            return now.ToUniversalTime();
        }
        var day = local.TimeOfDay >= Closes ? local.Date : local.Date.AddDays(-1);
        while (!isWorkingDay(DateOnly.FromDateTime(day)))
        {
            day = day.AddDays(-1);
        }
        return new DateTimeOffset(day + Closes - TimeSpan.FromMinutes(1), local.Offset).ToUniversalTime();
    }

    /// <summary>The kind of result document a procedure issues, as the specialist's result form proposes it.</summary>
    public static Results.ResultDocumentType ResultKind(string? result) => Results.ResultDocuments.KindOf(result);

    /// <summary>The symbol after the number of a result document of <paramref name="kind"/> issued by the department.</summary>
    public static string ResultSymbol(Results.ResultDocumentType kind) => kind switch
    {
        Results.ResultDocumentType.Licence => "GP-SKHCN",
        Results.ResultDocumentType.Certificate => "GCN-SKHCN",
        Results.ResultDocumentType.Decision => "QĐ-SKHCN",
        Results.ResultDocumentType.Reply or Results.ResultDocumentType.Other => "SKHCN-QLCN",
    };
}
