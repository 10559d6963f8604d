using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Indices;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Reports;

namespace MotCua.Web.Features.Reconciliation;

/// <summary>
/// One page of a period's ledger: the totals per system, how many dossiers differ for each reason, how many match the
/// filter, and the reconciled lines of one page of them (receipt order).
/// </summary>
public sealed record LedgerPage(ReportPeriod Period, ReportPeriod? CalendarPeriod, LedgerTotals Totals, int RefusedAtDesk,
    IReadOnlyDictionary<LedgerReason, int> ByReason, int Matching, IReadOnlyList<LedgerLine> Lines, IReadOnlyDictionary<string, LedgerNoteView> Notes)
{
    /// <summary>The note explaining <paramref name="line"/>'s first difference that has one.</summary>
    public LedgerNoteView? NoteFor(LedgerLine line) => LedgerView.NoteOf(Notes, line);
}

/// <summary>
/// The ledger computed in the database (docs/performance.md, "A ledger reads what it reconciles"): one aggregate over the
/// period's report rows gives the totals and the dossiers of each reason that needs no message (<see cref="DossierLedger"/>'s
/// rules on the row's instants, <see cref="ReportDossier.NationalCode"/> and <see cref="ReportDossier.PortalCode"/>); only
/// the dossiers whose portal record differs have their messages read, to name the reason as Core does, and only the page
/// shown is reconciled by Core in full (<see cref="Ledger.LinesAsync"/>). Must give exactly what
/// <see cref="Ledger.LoadAsync"/> gives over the same dossiers (tested on both databases).
/// </summary>
public static class LedgerSql
{
    private const string Columns = """
        "DossierId" AS id, "ReceivedAt" AS r, "ClosedAt" AS c, "ClosedKind" AS ck, "DueAt" AS du, "SyncedAt" AS sy, "NationalCode" AS nc, "PortalCode" AS pc
        """;

    // The flags of one row, as DossierLedger.Reconcile decides them: rp = Biểu 06 counts it (completion), rv = received
    // in the period, ic = received in the calendar counterpart, pd = the portal does not hold its status (nothing
    // acknowledged, another code acknowledged last, or a message still to deliver).
    private static string Rows(string unit) => $"""
        WITH rows AS (
          SELECT {Columns} FROM "ReportDossiers" WHERE "AgencyId" = @agency AND "Counted"{unit} AND "ReceivedAt" >= @lo AND "ReceivedAt" < @hi
          UNION ALL
          SELECT {Columns} FROM "ReportDossiers" WHERE {ReportRanges.OpenAtStartRecent(unit, "\"ClosedAt\"")} AND "ReceivedAt" < @lo
          UNION ALL
          SELECT {Columns} FROM "ReportDossiers" WHERE {ReportRanges.OpenAtStartEarlier(unit, "\"ClosedAt\"")}
        ),
        pending AS (
          SELECT DISTINCT d."Id" AS id FROM "OutboxMessages" m JOIN "Dossiers" d ON d."AgencyId" = m."AgencyId" AND d."Code" = m."DossierCode"
          WHERE m."Status" IN ('{nameof(OutboxStatus.Pending)}', '{nameof(OutboxStatus.Paused)}') AND m."Channel" = '{nameof(OutboxChannel.NationalPortal)}' AND m."AgencyId" = @agency
        ),
        f AS (
          SELECT rows.id, r, c, ck, du, sy, pc,
            CASE WHEN r < @e AND c >= @s THEN 1 ELSE 0 END AS rp,
            CASE WHEN r >= @s AND r < @e THEN 1 ELSE 0 END AS rv,
            CASE WHEN r >= @cs AND r < @ce THEN 1 ELSE 0 END AS ic,
            CASE WHEN nc IS NOT NULL AND (pc IS NULL OR pc <> nc OR pending.id IS NOT NULL) THEN 1 ELSE 0 END AS pd
          FROM rows LEFT JOIN pending ON pending.id = rows.id
        ),
        g AS MATERIALIZED (
          SELECT id, r, rp, rv, pd,
            CASE WHEN rp = 1 AND {IndexSql.Resolved} THEN 1 ELSE 0 END AS res,
            CASE WHEN rp = 1 AND c < @e AND ck <> 0 THEN 1 ELSE 0 END AS cwr,
            CASE WHEN rp = 1 AND c >= @e THEN 1 ELSE 0 END AS pend,
            CASE WHEN rp = 1 AND {IndexSql.Late} THEN 1 ELSE 0 END AS late,
            CASE WHEN rv = 1 AND sy < @e THEN 1 ELSE 0 END AS syn,
            CASE WHEN pc IS NOT NULL THEN 1 ELSE 0 END AS ack,
            CASE WHEN rv = 1 AND pd = 0 AND sy >= @e THEN 1 ELSE 0 END AS aac,
            CASE WHEN rp = 0 AND ic = 1 AND r >= @e THEN 1 ELSE 0 END AS arc,
            CASE WHEN @cal = 1 AND rv = 1 AND r < @cs THEN 1 ELSE 0 END AS bcs
          FROM f
        )
        """;

    // One pass over the period's rows per part: kind 0 is the aggregate, kind 1 the dossiers whose portal record differs,
    // kind 2 the first @take rows of one flag in receipt order (the page); unused columns are 0.
    private static string Statement(string unit, string? flag) => Rows(unit) + $"""

        SELECT 0, COUNT(*), SUM(rp), SUM(rv), SUM(res), SUM(cwr), SUM(pend), SUM(late), SUM(syn), SUM(ack),
          SUM(CASE WHEN pd + aac + arc + bcs > 0 THEN 1 ELSE 0 END), SUM(aac), SUM(arc), SUM(bcs)
        FROM g
        UNION ALL
        SELECT 1, id, r, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 FROM g WHERE pd = 1
        """ + (flag is null ? "" : $"""

        UNION ALL
        SELECT 2, id, r, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 FROM (SELECT id, r FROM g WHERE {flag} ORDER BY r, id LIMIT @take) page
        """);

    private enum Total { Dossiers, Counted, Received, Resolved, ClosedWithoutResult, Pending, Late, Synced, Acknowledged, Differing, AfterCutoffAck, AfterCutoff, BeforeCalendar }

    private sealed record Part(int AgencyId, int? UnitId);

    /// <summary>The totals, the count per reason and one page of the differing dossiers (optionally of one reason).</summary>
    public static async Task<LedgerPage> PageAsync(ReportingDb reporting, int agencyId, ReportPeriod period, int? unitId, LedgerReason? filter,
        int skip, int take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reporting);
        ArgumentNullException.ThrowIfNull(period);
        skip = Math.Max(0, skip);
        take = Math.Max(0, take);
        var db = reporting.Context;
        var range = DossierLedger.LoadingRange(period);
        var parts = await PartsAsync(db, agencyId, range, unitId, ct);
        var totals = new long[Enum.GetValues<Total>().Length];
        var portalIds = new List<(long Id, long Received)>();
        var flagged = new List<(long Id, long Received)>();
        var flag = filter switch
        {
            null => "pd + aac + arc + bcs > 0",
            LedgerReason.AcknowledgedAfterCutoff => "aac = 1",
            LedgerReason.ReceivedAfterCutoff => "arc = 1",
            LedgerReason.ReceivedBeforeCalendarStart => "bcs = 1",
            _ => null,
        };
        var want = (int)Math.Min(int.MaxValue, (long)skip + take);
        var refused = 0L;
        foreach (var part in parts)
        {
            var rows = await ReadAsync(db, Statement(Unit(part), want > 0 ? flag : null), part, period, cmd => ReportQueries.Add(cmd, "take", want), reader =>
                Enumerable.Range(0, totals.Length + 1).Select(i => reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture)).ToArray(), ct);
            foreach (var row in rows)
            {
                switch (row[0])
                {
                    case 0:
                        for (var i = 0; i < totals.Length; i++)
                        {
                            totals[i] += row[i + 1];
                        }
                        break;
                    case 1:
                        portalIds.Add((row[1], row[2]));
                        break;
                    default:
                        flagged.Add((row[1], row[2]));
                        break;
                }
            }
            refused += (await ReadAsync(db, $"""
                SELECT COUNT(*) FROM "ReportDossiers" WHERE "AgencyId" = @agency AND "DeskRefusedAt" >= @s AND "DeskRefusedAt" < @e{Unit(part)}
                """, part, period, null, reader => Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), ct))[0];
        }

        // The reason the portal differs needs the dossier's messages, read for those dossiers only.
        var portalReasons = await PortalReasonsAsync(db, portalIds.Select(p => p.Id).ToList(), ct);
        var others = unitId is not null ? [] : await db.Dossiers.AsNoTracking()
            .Where(d => d.ReceivingAgencyId == agencyId && d.AgencyId != agencyId && d.ReceivedAt >= period.StartInstant && d.ReceivedAt < period.CutoffInstant)
            .Select(d => new { d.Id, d.Code, d.AgencyId, ReceivedAt = d.ReceivedAt!.Value })
            .ToListAsync(ct);
        var othersAcknowledged = others.Count == 0 ? 0
            : (await Ledger.PortalAsync(db, [.. others.Select(o => o.AgencyId).Distinct()], [.. others.Select(o => o.Code)], ct)).Values.Count(p => p.AcknowledgedCode is not null);

        var byReason = new Dictionary<LedgerReason, int>();
        void Add(LedgerReason reason, long n)
        {
            if (n > 0)
            {
                byReason[reason] = byReason.GetValueOrDefault(reason) + (int)n;
            }
        }
        foreach (var reason in portalReasons.Values)
        {
            Add(reason, 1);
        }
        Add(LedgerReason.AcknowledgedAfterCutoff, totals[(int)Total.AfterCutoffAck]);
        Add(LedgerReason.ReceivedAfterCutoff, totals[(int)Total.AfterCutoff]);
        Add(LedgerReason.ReceivedBeforeCalendarStart, totals[(int)Total.BeforeCalendar]);
        Add(LedgerReason.CountedAtOtherAgency, others.Count);

        var counted = (int)totals[(int)Total.Counted];
        var received = (int)totals[(int)Total.Received];
        var resolved = (int)totals[(int)Total.Resolved];
        var ledgerTotals = new LedgerTotals(
            (int)totals[(int)Total.Dossiers] + others.Count, (int)totals[(int)Total.Differing] + others.Count,
            counted, received, resolved, (int)totals[(int)Total.Pending], (int)totals[(int)Total.ClosedWithoutResult],
            counted, received, counted - (int)totals[(int)Total.Late], (int)totals[(int)Total.Synced],
            (int)totals[(int)Total.Acknowledged] + othersAcknowledged);

        // The page: the first skip + take of each source in receipt order, merged.
        var candidates = new List<(long Id, long Received)>(flagged);
        if (filter is null or LedgerReason.CountedAtOtherAgency)
        {
            candidates.AddRange(others.Select(o => (o.Id, o.ReceivedAt.UtcTicks)));
        }
        if (filter is LedgerReason.NotSent or LedgerReason.AwaitingAcknowledgement or LedgerReason.SendFailed or LedgerReason.PortalStatusDiffers)
        {
            candidates.AddRange(portalIds.Where(p => portalReasons.GetValueOrDefault(p.Id) == filter));
        }
        var page = candidates.OrderBy(c => c.Received).ThenBy(c => c.Id).Skip(skip).Take(take).Select(c => c.Id).ToList();
        var (lines, _) = await Ledger.LinesAsync(reporting, agencyId, period, unitId, page, ct);
        var matching = filter is { } only ? byReason.GetValueOrDefault(only) : ledgerTotals.Differences;
        return new LedgerPage(period, DossierLedger.CalendarCounterpart(period), ledgerTotals, (int)refused, byReason, matching, lines,
            await Ledger.NotesAsync(db, agencyId, period, ct));
    }

    /// <summary>The agencies merged into this one by the range's end, and the units merged into the unit asked for, as the in-memory ledger reads them.</summary>
    private static async Task<IReadOnlyList<Part>> PartsAsync(AppDbContext db, int agencyId, ReportPeriod range, int? unitId, CancellationToken ct)
    {
        var agencies = await Organisation.Merging.AgencyLineage.AgencyIdsForReportAsync(db, agencyId, range.Start, range.End, ct);
        IReadOnlyList<int?> units = unitId is { } scope
            ? [.. (await Organisation.Merging.UnitLineage.UnitIdsForReportAsync(db, scope, range.End, ct)).Select(u => (int?)u)]
            : [null];
        return [.. agencies.SelectMany(a => units.Select(u => new Part(a, u)))];
    }

    private static string Unit(Part part) => part.UnitId is null ? "" : " AND \"UnitId\" = @unit";

    /// <summary>Core's portal reason for each dossier whose report row says the portal differs.</summary>
    private static async Task<Dictionary<long, LedgerReason>> PortalReasonsAsync(AppDbContext db, List<long> ids, CancellationToken ct)
    {
        var reasons = new Dictionary<long, LedgerReason>();
        foreach (var chunk in ids.Chunk(5000))
        {
            var dossiers = await db.Dossiers.AsNoTracking().Where(d => chunk.Contains(d.Id)).Select(d => new { d.Id, d.AgencyId, d.Code, d.Status }).ToListAsync(ct);
            var portal = await Ledger.PortalAsync(db, [.. dossiers.Select(d => d.AgencyId).Distinct()], [.. dossiers.Select(d => d.Code)], ct);
            foreach (var d in dossiers)
            {
                if (DossierLedger.Portal(NationalStatus.From(d.Status), portal.GetValueOrDefault(d.Code, PortalRecord.None)) is { } difference)
                {
                    reasons[d.Id] = difference.Reason;
                }
            }
        }
        return reasons;
    }

    private static async Task<List<T>> ReadAsync<T>(AppDbContext db, string sql, Part part, ReportPeriod period, Action<DbCommand>? more,
        Func<DbDataReader, T> row, CancellationToken ct) =>
        await ReportQueries.WithConnectionAsync(db, async conn =>
        {
            await using var cmd = ReportQueries.Command(conn, db, sql, part.AgencyId, period, part.UnitId);
            var calendar = DossierLedger.CalendarCounterpart(period);
            var range = DossierLedger.LoadingRange(period);
            ReportQueries.Add(cmd, "lo", range.StartInstant.UtcTicks);
            ReportQueries.Add(cmd, "hi", range.CutoffInstant.UtcTicks);
            ReportQueries.Add(cmd, "cal", calendar is null ? 0 : 1);
            ReportQueries.Add(cmd, "cs", calendar?.StartInstant.UtcTicks ?? 0L);
            ReportQueries.Add(cmd, "ce", calendar?.CutoffInstant.UtcTicks ?? 0L);
            more?.Invoke(cmd);
            var list = new List<T>();
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                list.Add(row(reader));
            }
            return list;
        }, ct);
}
