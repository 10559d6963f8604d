using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Organisation.Merging;

/// <summary>
/// Who answers for whom after merges. A dossier's report row keeps the agency that received it, so a report of agency B
/// adds the rows of every predecessor merged into it (directly or through a chain) by the period's last day: each row
/// has one agency, so no dossier is counted twice, and a predecessor's own reports stay as they were.
/// </summary>
public static class AgencyLineage
{
    /// <summary>The agencies whose dossiers the report of <paramref name="agencyId"/> for <paramref name="from"/>–<paramref name="to"/> covers, itself first.</summary>
    public static async Task<IReadOnlyList<int>> AgencyIdsForReportAsync(AppDbContext db, int agencyId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, to);
        var merged = await db.Agencies.AsNoTracking().Where(a => a.SucceededById != null && a.SucceededFrom <= to)
            .Select(a => new { a.Id, Into = a.SucceededById!.Value }).ToListAsync(ct);
        var result = new List<int> { agencyId };
        if (merged.Count == 0)
        {
            return result;
        }
        var byInto = merged.ToLookup(m => m.Into, m => m.Id);
        for (var i = 0; i < result.Count; i++)
        {
            foreach (var predecessor in byInto[result[i]])
            {
                if (!result.Contains(predecessor))
                {
                    result.Add(predecessor);
                }
            }
        }
        return result;
    }

    /// <summary>
    /// The agencies whose dossiers the officers of <paramref name="agencyId"/> read: itself first, then every agency merged
    /// into it, whose closed dossiers it answers for under their old codes from the confirmation (when its open ones moved).
    /// </summary>
    public static async Task<IReadOnlyList<int>> AgencyIdsInViewAsync(AppDbContext db, int? agencyId, CancellationToken ct) =>
        agencyId is { } id ? await AgencyIdsForReportAsync(db, id, DateOnly.MinValue, DateOnly.MaxValue, ct) : [];

    /// <summary>The agency standing today for <paramref name="agency"/>: itself, or the end of its chain of successors.</summary>
    public static async Task<Agency> CurrentAsync(AppDbContext db, Agency agency, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(agency);
        var current = agency;
        for (var hops = 0; current.SucceededById is { } next && hops < 16; hops++)
        {
            current = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == next, ct);
        }
        return current;
    }

    /// <summary>The agency answering for <paramref name="agency"/> on <paramref name="day"/>: it, or the successors it had been merged into by then.</summary>
    public static async Task<Agency> AnsweringOnAsync(AppDbContext db, Agency agency, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(agency);
        var current = agency;
        for (var hops = 0; current is { SucceededById: { } next, SucceededFrom: { } from } && from <= day && hops < 16; hops++)
        {
            current = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == next, ct);
        }
        return current;
    }

    /// <summary>The agencies merged directly into <paramref name="agencyId"/>, earliest first.</summary>
    public static Task<List<Agency>> PredecessorsAsync(AppDbContext db, int agencyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Agencies.AsNoTracking().Where(a => a.SucceededById == agencyId)
            .OrderBy(a => a.SucceededFrom).ThenBy(a => a.Id).ToListAsync(ct);
    }
}
