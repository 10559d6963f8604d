using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Organisation.Merging;

/// <summary>
/// Who answers for a unit merged into another unit of its agency. A dossier's report row keeps the unit it was pinned to
/// at receipt, so a report by unit for a period ending on or after the merge date counts a merged unit's rows under its
/// successor (directly or through a chain): each row has one unit, so no dossier is counted twice, and reports of
/// periods that ended before the date keep the merged unit's own row.
/// </summary>
public static class UnitLineage
{
    /// <summary>
    /// Each unit merged by <paramref name="periodEnd"/> → the unit answering for it on that day, as the report keys
    /// carry unit ids; empty when no unit was merged by then.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, (string Key, string Name)>> SuccessorsOnAsync(AppDbContext db, DateOnly periodEnd, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var merged = await db.Units.AsNoTracking().Where(u => u.SucceededById != null && u.SucceededFrom <= periodEnd)
            .Select(u => new { u.Id, Into = u.SucceededById!.Value }).ToListAsync(ct);
        if (merged.Count == 0)
        {
            return new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        }
        var next = merged.ToDictionary(m => m.Id, m => m.Into);
        var ends = merged.Select(m => Follow(next, m.Id)).Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(u => ends.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return merged.ToDictionary(m => m.Id.ToString(CultureInfo.InvariantCulture),
            m => (Follow(next, m.Id).ToString(CultureInfo.InvariantCulture), names[Follow(next, m.Id)]), StringComparer.Ordinal);
    }

    /// <summary>The units whose rows a report of <paramref name="unitId"/> for a period ending on <paramref name="periodEnd"/> covers, itself first.</summary>
    public static async Task<IReadOnlyList<int>> UnitIdsForReportAsync(AppDbContext db, int unitId, DateOnly periodEnd, CancellationToken ct)
    {
        var successors = await SuccessorsOnAsync(db, periodEnd, ct);
        var key = unitId.ToString(CultureInfo.InvariantCulture);
        return [unitId, .. successors.Where(s => string.Equals(s.Value.Key, key, StringComparison.Ordinal))
            .Select(s => int.Parse(s.Key, CultureInfo.InvariantCulture)).Order()];
    }

    private static int Follow(Dictionary<int, int> next, int id)
    {
        var current = id;
        for (var hops = 0; next.TryGetValue(current, out var into) && hops < 32; hops++)
        {
            current = into;
        }
        return current;
    }
}

/// <summary>The succession columns of <see cref="Unit"/>: who answers for a merged unit.</summary>
internal sealed class UnitSuccessionConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.HasOne<Unit>().WithMany().HasForeignKey(u => u.SucceededById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.SucceededById);
    }
}
