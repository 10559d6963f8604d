using System.Security.Claims;
using MotCua.Core.Feedback;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;

namespace MotCua.Web.Features.Feedback;

/// <summary>
/// An open PAKN passing to a successor agency or unit by a merge: its code, receipt and deadlines stay; it keeps the
/// agency that received it for the reports, gets the merge's hand-over line and its own audit entry. The merge decides
/// where it goes and saves it with everything else it moves.
/// </summary>
public static class FeedbackHandover
{
    public const int MaxNotesLength = 2000;

    /// <summary>The states in which a PAKN still waits for the agency (not answered, transferred out or closed as duplicate).</summary>
    public static FeedbackStatus[] OpenStatuses { get; } = [.. Enum.GetValues<FeedbackStatus>().Where(s => !FeedbackRules.IsClosed(s))];

    /// <summary>
    /// Hands <paramref name="item"/> to agency <paramref name="intoAgencyId"/> (and unit <paramref name="intoUnitId"/> when it
    /// changes) by a merge in effect from <paramref name="effectiveFrom"/>.
    /// </summary>
    public static void HandOver(AppDbContext db, TimeProvider time, ClaimsPrincipal user, FeedbackItem item, int intoAgencyId, int? intoUnitId,
        DateOnly effectiveFrom, string note, string auditAction)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        var fromAgency = item.AgencyId;
        var fromUnit = item.AssignedUnitId;
        if (intoAgencyId != item.AgencyId)
        {
            item.ReceivedAgencyId ??= item.AgencyId;
            item.AgencyId = intoAgencyId;
        }
        if (item.HandedOverOn is null)
        {
            // Kept from the first move only: an open PAKN seldom lives through two merges, and reports before the first named this unit.
            (item.HandedOverOn, item.UnitBeforeHandover) = (effectiveFrom, item.AssignedUnitId);
        }
        item.AssignedUnitId = intoUnitId;
        item.HandoverNotes = Appended(item.HandoverNotes, note);
        // A change made by someone else meanwhile conflicts with the merge, which then changes nothing.
        item.Version++;
        AuditLog.Append(db, time, user, auditAction, "Feedback", item.Code, $"Phản ánh, kiến nghị {item.Code}: {note}",
            new { FromAgencyId = fromAgency, IntoAgencyId = item.AgencyId, FromUnitId = fromUnit, ToUnitId = item.AssignedUnitId, item.DueAt });
    }

    /// <summary>The unit a PAKN counts under in a report of a period ending on <paramref name="periodEnd"/>: the one that held it then.</summary>
    public static int? UnitOn(int? assignedUnitId, DateOnly? handedOverOn, int? unitBeforeHandover, DateOnly periodEnd) =>
        handedOverOn is { } on && periodEnd < on ? unitBeforeHandover : assignedUnitId;

    /// <summary>The hand-over lines, oldest first.</summary>
    public static IReadOnlyList<string> Notes(FeedbackItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.HandoverNotes is null ? [] : item.HandoverNotes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static string Appended(string? notes, string note)
    {
        var all = notes is null ? note : notes + "\n" + note;
        // Only a long chain of merges reaches the limit: the oldest lines give way, whole.
        while (all.Length > MaxNotesLength && all.IndexOf('\n', StringComparison.Ordinal) is var cut and >= 0)
        {
            all = all[(cut + 1)..];
        }
        return all.Length > MaxNotesLength ? all[..MaxNotesLength] : all;
    }
}
