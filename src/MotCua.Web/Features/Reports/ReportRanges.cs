using System.Globalization;

namespace MotCua.Web.Features.Reports;

/// <summary>
/// The WHERE clauses of a period's candidate <see cref="ReportDossier"/> rows, shared by the report (<see cref="ReportQueries"/>) and the 766 index
/// (<c>IndexSql</c>): received in the period, or received before it and still open at its start. The second is split in
/// two so each part is one index range: received in the <see cref="LongOpen"/> before the start (the receipt-instant
/// index), or earlier and open longer than that (the small partial index <c>IX_ReportDossiers_LongOpen</c>). Exact: a
/// dossier received more than <see cref="LongOpen"/> before the start and open at it stayed open longer than that.
/// Parameters: @agency, @s, @e (UTC ticks) and @sl (= @s − <see cref="LongOpen"/>).
/// </summary>
public static class ReportRanges
{
    /// <summary>How long "recent" is: most dossiers close within it, so the partial index stays small.</summary>
    public static readonly TimeSpan LongOpen = TimeSpan.FromDays(31);

    private static readonly string LongOpenTicks = LongOpen.Ticks.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The partial index's predicate. A query must repeat it word for word (<see cref="OpenAtStartEarlier"/> does) for
    /// PostgreSQL and SQLite to prove the index applies. Either finish mode's closing counts.
    /// </summary>
    public static string LongOpenFilter { get; } =
        $"(\"ClosedAt\" - \"ReceivedAt\" > {LongOpenTicks} OR \"ClosedAtReturn\" - \"ReceivedAt\" > {LongOpenTicks})";

    /// <summary>Received in the period.</summary>
    public static string Received(string unit) =>
        $"\"AgencyId\" = @agency AND \"Counted\"{unit} AND \"ReceivedAt\" >= @s AND \"ReceivedAt\" < @e";

    /// <summary>Received shortly before the period and open at its start (<paramref name="closed"/>: the finish mode's closing column).</summary>
    public static string OpenAtStartRecent(string unit, string closed) =>
        $"\"AgencyId\" = @agency AND \"Counted\"{unit} AND \"ReceivedAt\" >= @sl AND \"ReceivedAt\" < @s AND {closed} >= @s";

    /// <summary>Received long before the period and still open at its start.</summary>
    public static string OpenAtStartEarlier(string unit, string closed) =>
        $"\"AgencyId\" = @agency AND \"Counted\"{unit} AND {LongOpenFilter} AND \"ReceivedAt\" < @sl AND {closed} >= @s";

    /// <summary>The value of @sl for a period starting at <paramref name="startTicks"/>.</summary>
    public static long RecentFrom(long startTicks) => startTicks - LongOpen.Ticks;
}
