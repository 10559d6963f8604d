using Microsoft.EntityFrameworkCore;
using MotCua.Core.Feedback;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Feedback;

/// <summary>The PAKN figures the agency's reports print, read from the register.</summary>
public static class FeedbackReports
{
    /// <summary>
    /// The PAKN <paramref name="agencyIds"/> received, wherever they are handled now: a PAKN handed over by a merge counts
    /// for the agency that received it, which the successor's reports add through the lineage, so it counts once.
    /// </summary>
    public static IQueryable<FeedbackItem> ReceivedBy(this IQueryable<FeedbackItem> items, IReadOnlyCollection<int> agencyIds) =>
        items.Where(f => agencyIds.Contains(f.ReceivedAgencyId ?? f.AgencyId));

    /// <summary>Transfers of PAKN outside competence received by <paramref name="agencyIds"/> (the report's agency and those merged into it) for the period [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static async Task<PaknTransferCounts> TransfersAsync(AppDbContext db, IReadOnlyCollection<int> agencyIds, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // A reason is recorded exactly when an item is classified outside competence.
        var rows = await db.FeedbackItems.AsNoTracking().ReceivedBy(agencyIds)
            .Where(f => f.TransferReason != null && f.ReceivedAt < end && (f.TransferredAt == null || f.TransferredAt >= start))
            .Select(f => new { f.ReceivedAt, f.ClassifiedAt, f.TransferDueAt, f.DueAt, f.TransferredAt })
            .ToListAsync(ct);
        return PaknTransferCounts.Compute(
            rows.Select(r => new TransferFact(r.ReceivedAt, r.ClassifiedAt ?? r.ReceivedAt, r.TransferDueAt ?? r.DueAt, r.TransferredAt)), start, end);
    }
}
