using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Scaling;

namespace MotCua.Web.Features.Reports;

/// <summary>
/// One row of the report roll-up: what the dossiers of one agency, unit, field and procedure contribute on one
/// Vietnam-local day to Biểu 06 and the 766 index. A period's report then sums a few thousand of these rows instead of
/// classifying every dossier of the quarter (docs/performance.md). Rows are append-only deltas: every dossier save that
/// changes a <see cref="ReportDossier"/> row adds the difference between its old and new contribution
/// (<see cref="ReportProjectionSubscriber"/>), so two officers never update the same row; <see cref="ReportRollup.CompactAsync"/> folds each day's deltas into one row.
/// </summary>
/// <remarks>
/// Which day a measure sits on: receipts on the receipt day; each finish mode's closing on its closing day; a desk
/// refusal on its refusal day. "Open at an instant" and "overdue at an instant" are running sums over the days before
/// it (receipts minus closings; <c>OverdueFrom</c> on the day a dossier is both received and past its due date, minus
/// <c>OverdueTo</c> on the day it closes). Period boundaries are Vietnam-local midnights, so "before the instant" is
/// "on an earlier day". "Received in the period and synced to the national portal before its end" has two days: those
/// rows carry the sync day too (<see cref="SyncDay"/>), written by the outbox with the acknowledgement
/// (<see cref="ReportRollup.RecordSyncAsync"/>).
/// </remarks>
public sealed class ReportDayCount
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    /// <summary>The dossier's report unit, 0 when no unit has taken it yet.</summary>
    public int UnitId { get; set; }

    public int FieldId { get; set; }

    public int ProcedureId { get; set; }

    /// <summary>Vietnam-local day number: (UTC ticks + 7 h) / one day.</summary>
    public int Day { get; set; }

    /// <summary>On the rows of <see cref="Synced"/>: the Vietnam-local day of the portal's first acknowledgement; 0 on every other row.</summary>
    public int SyncDay { get; set; }

    /// <summary>False for a delta not yet folded by <see cref="ReportRollup.CompactAsync"/>.</summary>
    public bool Folded { get; set; }

    public int ReceivedDirect { get; set; }
    public int ReceivedOnline { get; set; }
    public int ReceivedPostal { get; set; }
    public int ReceivedFee { get; set; }
    public int ReceivedFeePaidOnline { get; set; }
    public int ReceivedPaidOnline { get; set; }
    public int ReceivedDigitised { get; set; }

    /// <summary>Received with a paper satisfied by a document already held for the applicant (QĐ 766 indicator 6.3).</summary>
    public int ReceivedReused { get; set; }

    /// <summary>The latest receipt instant (UTC ticks) among the receipts added on this day, 0 for none; a report row's name comes from that dossier.</summary>
    public long LatestReceivedAt { get; set; }

    // Completion mode (the closing is the result's issue).
    public int Early { get; set; }
    public int OnTime { get; set; }
    public int Late { get; set; }
    public int Withdrawn { get; set; }
    public int Refused { get; set; }
    public int Stopped { get; set; }
    public int ResolvedOnline { get; set; }
    public int OverdueFrom { get; set; }
    public int OverdueTo { get; set; }

    // Return mode (the closing is the result's return).
    public int ReturnEarly { get; set; }
    public int ReturnOnTime { get; set; }
    public int ReturnLate { get; set; }
    public int ReturnWithdrawn { get; set; }
    public int ReturnRefused { get; set; }
    public int ReturnStopped { get; set; }
    public int ReturnOverdueFrom { get; set; }
    public int ReturnOverdueTo { get; set; }

    /// <summary>Refused at the desk (never received), on the refusal day.</summary>
    public int DeskRefused { get; set; }

    /// <summary>The latest submission instant among those desk refusals (UTC ticks), 0 for none.</summary>
    public long LatestDeskSubmittedAt { get; set; }

    /// <summary>Received on <see cref="Day"/> and first acknowledged by the national portal on <see cref="SyncDay"/> (QĐ 766 indicator 1.2).</summary>
    public int Synced { get; set; }
}

/// <summary>
/// The running-sum measures of <see cref="ReportDayCount"/> per calendar month: "open" and "overdue" at a period's start
/// sum every earlier day, and the month rows make that a few thousand rows (whole months, then the days of the start's
/// month) instead of every day since the first dossier.
/// </summary>
public sealed class ReportMonthCount
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    public int UnitId { get; set; }

    public int FieldId { get; set; }

    public int ProcedureId { get; set; }

    /// <summary>Day number (<see cref="ReportRollup.DayOf(long)"/>) of the month's first day.</summary>
    public int Month { get; set; }

    public bool Folded { get; set; }

    /// <summary>Receipts minus closings, completion mode.</summary>
    public int Open { get; set; }

    /// <summary>Receipts minus closings, return mode.</summary>
    public int ReturnOpen { get; set; }

    /// <summary>OverdueFrom minus OverdueTo, completion mode.</summary>
    public int Overdue { get; set; }

    /// <summary>ReturnOverdueFrom minus ReturnOverdueTo.</summary>
    public int ReturnOverdue { get; set; }
}

internal sealed class ReportMonthCountConfiguration : IEntityTypeConfiguration<ReportMonthCount>
{
    public void Configure(EntityTypeBuilder<ReportMonthCount> b)
    {
        b.HasIndex(r => new { r.AgencyId, r.Month });
        b.HasIndex(r => new { r.AgencyId, r.UnitId, r.FieldId, r.ProcedureId, r.Month });
        b.HasIndex(r => r.Id, "IX_ReportMonthCounts_Unfolded").HasFilter(ReportRollup.UnfoldedFilter);
    }
}

internal sealed class ReportDayCountConfiguration : IEntityTypeConfiguration<ReportDayCount>
{
    public void Configure(EntityTypeBuilder<ReportDayCount> b)
    {
        // A report reads one agency's days before its period's end.
        b.HasIndex(r => new { r.AgencyId, r.Day });
        // Compaction finds the unfolded deltas (few between two rounds) and then their days' rows.
        b.HasIndex(r => new { r.AgencyId, r.UnitId, r.FieldId, r.ProcedureId, r.Day, r.SyncDay });
        b.HasIndex(r => r.Id, "IX_ReportDayCounts_Unfolded").HasFilter(ReportRollup.UnfoldedFilter);
    }
}

/// <summary>Keeps <see cref="ReportDayCount"/>: the deltas of each save, the folding of deltas, and a full rebuild.</summary>
public static class ReportRollup
{
    /// <summary>Advisory-lock key of compaction and rebuild (next to <see cref="ReportBackfill.LeaseKey"/>).</summary>
    public const long LeaseKey = 48151626;

    internal const long Offset = 252_000_000_000L; // 7 h in ticks
    internal const long DayTicks = 864_000_000_000L;

    /// <summary>SQL over a <see cref="ReportDayCount"/> row: its receipts, all channels.</summary>
    internal const string ReceivedSql = "(\"ReceivedDirect\" + \"ReceivedOnline\" + \"ReceivedPostal\")";

    /// <summary>SQL over a <see cref="ReportDayCount"/> row: its closings of one finish mode (column prefix "" or "Return").</summary>
    internal static string ClosingsSql(string mode) =>
        $"(\"{mode}Early\" + \"{mode}OnTime\" + \"{mode}Late\" + \"{mode}Withdrawn\" + \"{mode}Refused\" + \"{mode}Stopped\")";

    /// <summary>The partial index's predicate (same SQL on both providers).</summary>
    public const string UnfoldedFilter = "\"Folded\" = FALSE";

    /// <summary>The Vietnam-local day number of an instant given in UTC ticks.</summary>
    public static int DayOf(long utcTicks) => (int)((utcTicks + Offset) / DayTicks);

    /// <summary>The day number of a Vietnam-local midnight (a period boundary).</summary>
    public static int DayOf(DateTimeOffset instant) => DayOf(instant.UtcTicks);

    /// <summary>The day number of the first day of <paramref name="day"/>'s month (day numbers are <see cref="DateOnly.DayNumber"/>s).</summary>
    public static int MonthOf(int day)
    {
        var d = DateOnly.FromDayNumber(day);
        return new DateOnly(d.Year, d.Month, 1).DayNumber;
    }

    /// <summary>What the roll-up reads of a dossier: its <see cref="ReportDossier"/> row.</summary>
    internal readonly record struct Snapshot(
        int AgencyId, int? UnitId, int FieldId, int ProcedureId, bool Counted, DossierChannel Channel,
        long? ReceivedAt, long? DueAt, long SubmittedAt, long? DeskRefusedAt,
        long ClosedCompletion, ClosingKind? KindCompletion, long ClosedReturn, ClosingKind? KindReturn,
        long FeeAmount, PaymentStatus Payment, bool ComponentsDigitised, bool ResultDigitised, bool ReusedDigitisedData, ResultDelivery? ReturnMethod, long? SyncedAt)
    {
        public static Snapshot Of(ReportDossier r) => new(
            r.AgencyId, r.UnitId, r.FieldId, r.ProcedureId, r.Counted, r.Channel,
            r.ReceivedAt?.UtcTicks, r.DueAt?.UtcTicks, r.SubmittedAt.UtcTicks, r.DeskRefusedAt?.UtcTicks,
            r.ClosedAt, r.ClosedKind, r.ClosedAtReturn, r.ClosedKindReturn,
            r.FeeAmount, r.PaymentStatus, r.ComponentsDigitised, r.ResultDigitised, r.ReusedDigitisedData, r.ReturnMethod, r.SyncedAt);
    }

    internal readonly record struct Key(int AgencyId, int UnitId, int FieldId, int ProcedureId, int Day, int SyncDay = 0);

    /// <summary>The measures of one key, as a mutable accumulator (index = column; see <see cref="Columns"/>).</summary>
    internal sealed class Counts
    {
        public readonly int[] M = new int[Columns.Length];
        public long LatestReceivedAt;
        public long LatestDeskSubmittedAt;

        public bool IsZero => Array.TrueForAll(M, v => v == 0);
    }

    /// <summary>The measure columns in a fixed order (SQL column names equal the property names).</summary>
    internal static readonly string[] Columns =
    [
        nameof(ReportDayCount.ReceivedDirect), nameof(ReportDayCount.ReceivedOnline), nameof(ReportDayCount.ReceivedPostal),
        nameof(ReportDayCount.ReceivedFee), nameof(ReportDayCount.ReceivedFeePaidOnline), nameof(ReportDayCount.ReceivedPaidOnline),
        nameof(ReportDayCount.ReceivedDigitised),
        nameof(ReportDayCount.Early), nameof(ReportDayCount.OnTime), nameof(ReportDayCount.Late), nameof(ReportDayCount.Withdrawn),
        nameof(ReportDayCount.Refused), nameof(ReportDayCount.Stopped), nameof(ReportDayCount.ResolvedOnline),
        nameof(ReportDayCount.OverdueFrom), nameof(ReportDayCount.OverdueTo),
        nameof(ReportDayCount.ReturnEarly), nameof(ReportDayCount.ReturnOnTime), nameof(ReportDayCount.ReturnLate),
        nameof(ReportDayCount.ReturnWithdrawn), nameof(ReportDayCount.ReturnRefused), nameof(ReportDayCount.ReturnStopped),
        nameof(ReportDayCount.ReturnOverdueFrom), nameof(ReportDayCount.ReturnOverdueTo),
        nameof(ReportDayCount.DeskRefused), nameof(ReportDayCount.Synced), nameof(ReportDayCount.ReceivedReused),
    ];

    private const int ReceivedDirect = 0, ReceivedOnline = 1, ReceivedPostal = 2, ReceivedFee = 3, ReceivedFeePaidOnline = 4, ReceivedPaidOnline = 5,
        ReceivedDigitised = 6, CompletionBase = 7, ResolvedOnline = 13, OverdueFrom = 14, OverdueTo = 15, ReturnBase = 16, ReturnOverdueFrom = 22,
        ReturnOverdueTo = 23, DeskRefused = 24, Synced = 25, ReceivedReused = 26;

    /// <summary>
    /// Adds <paramref name="sign"/> × the dossier's contribution to <paramref name="into"/>: it places Core's classification
    /// kept in the row (counted, the closing event per finish mode, the timeliness of a resolution) on the days it happened.
    /// </summary>
    internal static void Contribute(Snapshot s, int sign, Dictionary<Key, Counts> into)
    {
        Counts At(long ticks, int syncDay = 0)
        {
            var key = new Key(s.AgencyId, s.UnitId ?? 0, s.FieldId, s.ProcedureId, DayOf(ticks), syncDay);
            if (!into.TryGetValue(key, out var c))
            {
                into[key] = c = new Counts();
            }
            return c;
        }

        if (!s.Counted)
        {
            if (s.DeskRefusedAt is { } refusedAt)
            {
                var c = At(refusedAt);
                c.M[DeskRefused] += sign;
                if (sign > 0)
                {
                    c.LatestDeskSubmittedAt = Math.Max(c.LatestDeskSubmittedAt, s.SubmittedAt);
                }
            }
            return;
        }
        if (s.ReceivedAt is not { } r)
        {
            return; // counted implies received; a damaged row contributes nothing rather than crash a save
        }
        var rc = At(r);
        rc.M[s.Channel switch { DossierChannel.Online or DossierChannel.NationalPortal => ReceivedOnline, DossierChannel.Postal => ReceivedPostal, _ => ReceivedDirect }] += sign;
        var paidOnline = s.Payment == PaymentStatus.PaidOnline;
        if (s.FeeAmount > 0)
        {
            rc.M[ReceivedFee] += sign;
            if (paidOnline)
            {
                rc.M[ReceivedFeePaidOnline] += sign;
            }
        }
        if (paidOnline)
        {
            rc.M[ReceivedPaidOnline] += sign;
        }
        if (s.ComponentsDigitised || s.ResultDigitised)
        {
            rc.M[ReceivedDigitised] += sign;
        }
        if (s.ReusedDigitisedData)
        {
            rc.M[ReceivedReused] += sign;
        }
        if (sign > 0)
        {
            rc.LatestReceivedAt = Math.Max(rc.LatestReceivedAt, r);
        }
        if (s.SyncedAt is { } synced)
        {
            At(r, DayOf(synced)).M[Synced] += sign;
        }

        Closing(s.ClosedCompletion, s.KindCompletion, CompletionBase, OverdueFrom, OverdueTo, completion: true);
        Closing(s.ClosedReturn, s.KindReturn, ReturnBase, ReturnOverdueFrom, ReturnOverdueTo, completion: false);

        void Closing(long closed, ClosingKind? kind, int kindBase, int overdueFrom, int overdueTo, bool completion)
        {
            var open = closed == DossierProjection.Open;
            if (!open)
            {
                var cc = At(closed);
                int slot = kind switch
                {
                    ClosingKind.Withdrawn => 3,
                    ClosingKind.Refused => 4,
                    ClosingKind.Stopped => 5,
                    // Resolved: Core's timeliness against the original appointment; on time when there is none.
                    _ => s.DueAt is not { } due ? 1 : DeadlineCalculator.ClassifyResolved(new DateTimeOffset(closed, TimeSpan.Zero), new DateTimeOffset(due, TimeSpan.Zero)) switch
                    {
                        ResolutionTimeliness.Early => 0,
                        ResolutionTimeliness.OnTime => 1,
                        ResolutionTimeliness.Late => 2,
                    },
                };
                cc.M[kindBase + slot] += sign;
                if (completion && kind is null or ClosingKind.Resolved && s.ReturnMethod == ResultDelivery.Online)
                {
                    cc.M[ResolvedOnline] += sign;
                }
            }
            // Overdue at a boundary E: received and due before E, closed on or after it. From the later of the receipt
            // and due days (exclusive) to the closing day (inclusive).
            if (s.DueAt is { } dueAt)
            {
                var from = Math.Max(DayOf(r), DayOf(dueAt));
                if (open || DayOf(closed) > from)
                {
                    At(from == DayOf(r) ? r : dueAt).M[overdueFrom] += sign;
                    if (!open)
                    {
                        At(closed).M[overdueTo] += sign;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Adds to <paramref name="db"/> the roll-up rows that move one dossier's contribution from <paramref name="before"/>
    /// to <paramref name="after"/> (null: no row), to be saved with the change that caused it.
    /// </summary>
    internal static void AddDelta(AppDbContext db, Snapshot? before, Snapshot? after)
    {
        var delta = new Dictionary<Key, Counts>();
        if (before is { } b)
        {
            Contribute(b, -1, delta);
        }
        if (after is { } a)
        {
            Contribute(a, +1, delta);
        }
        db.ReportDayCounts.AddRange(Rows(delta, folded: false));
        db.ReportMonthCounts.AddRange(MonthRows(delta, folded: false));
    }

    /// <summary>The month rows of day counts: the running-sum measures summed per (agency, unit, field, procedure, month).</summary>
    private static IEnumerable<ReportMonthCount> MonthRows(Dictionary<Key, Counts> counts, bool folded)
    {
        var months = new Dictionary<Key, int[]>();
        foreach (var (k, c) in counts)
        {
            var m = c.M;
            var received = m[ReceivedDirect] + m[ReceivedOnline] + m[ReceivedPostal];
            int[] v =
            [
                received - (m[CompletionBase] + m[CompletionBase + 1] + m[CompletionBase + 2] + m[CompletionBase + 3] + m[CompletionBase + 4] + m[CompletionBase + 5]),
                received - (m[ReturnBase] + m[ReturnBase + 1] + m[ReturnBase + 2] + m[ReturnBase + 3] + m[ReturnBase + 4] + m[ReturnBase + 5]),
                m[OverdueFrom] - m[OverdueTo],
                m[ReturnOverdueFrom] - m[ReturnOverdueTo],
            ];
            if (Array.TrueForAll(v, x => x == 0))
            {
                continue;
            }
            var mk = k with { Day = MonthOf(k.Day), SyncDay = 0 };
            if (!months.TryGetValue(mk, out var sum))
            {
                months[mk] = sum = new int[4];
            }
            for (var i = 0; i < 4; i++)
            {
                sum[i] += v[i];
            }
        }
        foreach (var (k, v) in months)
        {
            if (!Array.TrueForAll(v, x => x == 0))
            {
                yield return new ReportMonthCount
                {
                    AgencyId = k.AgencyId, UnitId = k.UnitId, FieldId = k.FieldId, ProcedureId = k.ProcedureId, Month = k.Day, Folded = folded,
                    Open = v[0], ReturnOpen = v[1], Overdue = v[2], ReturnOverdue = v[3],
                };
            }
        }
    }

    private static IEnumerable<ReportDayCount> Rows(Dictionary<Key, Counts> counts, bool folded)
    {
        foreach (var (k, c) in counts)
        {
            if (c.IsZero)
            {
                continue;
            }
            var row = new ReportDayCount
            {
                AgencyId = k.AgencyId, UnitId = k.UnitId, FieldId = k.FieldId, ProcedureId = k.ProcedureId, Day = k.Day, SyncDay = k.SyncDay, Folded = folded,
                LatestReceivedAt = c.LatestReceivedAt, LatestDeskSubmittedAt = c.LatestDeskSubmittedAt,
            };
            Set(row, c.M);
            yield return row;
        }
    }

    private static void Set(ReportDayCount r, int[] m)
    {
        r.ReceivedDirect = m[ReceivedDirect];
        r.ReceivedOnline = m[ReceivedOnline];
        r.ReceivedPostal = m[ReceivedPostal];
        r.ReceivedFee = m[ReceivedFee];
        r.ReceivedFeePaidOnline = m[ReceivedFeePaidOnline];
        r.ReceivedPaidOnline = m[ReceivedPaidOnline];
        r.ReceivedDigitised = m[ReceivedDigitised];
        r.Early = m[CompletionBase];
        r.OnTime = m[CompletionBase + 1];
        r.Late = m[CompletionBase + 2];
        r.Withdrawn = m[CompletionBase + 3];
        r.Refused = m[CompletionBase + 4];
        r.Stopped = m[CompletionBase + 5];
        r.ResolvedOnline = m[ResolvedOnline];
        r.OverdueFrom = m[OverdueFrom];
        r.OverdueTo = m[OverdueTo];
        r.ReturnEarly = m[ReturnBase];
        r.ReturnOnTime = m[ReturnBase + 1];
        r.ReturnLate = m[ReturnBase + 2];
        r.ReturnWithdrawn = m[ReturnBase + 3];
        r.ReturnRefused = m[ReturnBase + 4];
        r.ReturnStopped = m[ReturnBase + 5];
        r.ReturnOverdueFrom = m[ReturnOverdueFrom];
        r.ReturnOverdueTo = m[ReturnOverdueTo];
        r.DeskRefused = m[DeskRefused];
        r.Synced = m[Synced];
        r.ReceivedReused = m[ReceivedReused];
    }

    /// <summary>
    /// Records the national portal's first acknowledgement of a dossier (<see cref="ReportDossier.SyncedAt"/>) and its roll-up delta in
    /// one transaction. The UPDATE returns the row as it is once locked, so a concurrent save is either seen here or
    /// fails on the column's concurrency token and is redone; the dossier's user-facing version does not change.
    /// Returns false when the dossier was already acknowledged (or does not exist).
    /// </summary>
    public static async Task<bool> RecordSyncAsync(AppDbContext db, int agencyId, string code, long acknowledgedTicks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var own = db.Database.CurrentTransaction is null;
        await using var tx = own ? await db.Database.BeginTransactionAsync(ct) : null;
        var done = await ReportQueries.WithConnectionAsync(db, async conn =>
        {
            Key? key = null;
            var found = false;
            await using (var cmd = conn.CreateCommand())
            {
                cmd.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
                cmd.CommandText = """
                    UPDATE "ReportDossiers" SET "SyncedAt" = @t
                    WHERE "DossierId" = (SELECT d."Id" FROM "Dossiers" d WHERE d."AgencyId" = @agency AND d."Code" = @code) AND "SyncedAt" IS NULL
                    RETURNING "Counted", COALESCE("UnitId", 0), "FieldId", "ProcedureId", "ReceivedAt"
                    """;
                ReportQueries.Add(cmd, "t", acknowledgedTicks);
                ReportQueries.Add(cmd, "agency", agencyId);
                ReportQueries.Add(cmd, "code", code);
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                if (await reader.ReadAsync(ct))
                {
                    found = true;
                    if (Convert.ToBoolean(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) && !reader.IsDBNull(4))
                    {
                        long L(int i) => Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                        key = new Key(agencyId, (int)L(1), (int)L(2), (int)L(3), DayOf(L(4)), DayOf(acknowledgedTicks));
                    }
                }
            }
            if (key is { } k)
            {
                await using var insert = conn.CreateCommand();
                insert.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
                insert.CommandText = $"""
                    INSERT INTO "ReportDayCounts" ("AgencyId", "UnitId", "FieldId", "ProcedureId", "Day", "SyncDay", "Folded", "LatestReceivedAt", "LatestDeskSubmittedAt", {string.Join(", ", Columns.Select(Q))})
                    VALUES (@agency, @unit, @field, @procedure, @day, @syncDay, FALSE, 0, 0, {string.Join(", ", Columns.Select(c => c == nameof(ReportDayCount.Synced) ? "1" : "0"))})
                    """;
                ReportQueries.Add(insert, "agency", k.AgencyId);
                ReportQueries.Add(insert, "unit", k.UnitId);
                ReportQueries.Add(insert, "field", k.FieldId);
                ReportQueries.Add(insert, "procedure", k.ProcedureId);
                ReportQueries.Add(insert, "day", k.Day);
                ReportQueries.Add(insert, "syncDay", k.SyncDay);
                await insert.ExecuteNonQueryAsync(ct);
            }
            return found;
        }, ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
        return done;
    }

    private static string Q(string column) => "\"" + column + "\"";

    /// <summary>
    /// Folds the unfolded deltas: every (agency, unit, field, procedure, day) with a delta becomes one row, and so does
    /// every month of <see cref="ReportMonthCount"/>. Runs under
    /// the job lease in a repeatable-read transaction, so a delta committed while it runs is neither folded nor lost
    /// (it stays for the next round). Returns the number of rows removed (0 when nothing was unfolded or the lease was
    /// taken).
    /// </summary>
    public static async Task<int> CompactAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var tx = await JobLease.TryAcquireAsync(db, LeaseKey, IsolationLevel.RepeatableRead, ct);
        if (tx is null)
        {
            return 0;
        }
        var days = await db.ReportDayCounts.Where(r => !r.Folded).MaxAsync(r => (long?)r.Id, ct);
        var months = await db.ReportMonthCounts.Where(r => !r.Folded).MaxAsync(r => (long?)r.Id, ct);
        var removed = 0;
        if (days is { } d)
        {
            removed += await FoldAsync(db, tx, "ReportDayCounts", ["AgencyId", "UnitId", "FieldId", "ProcedureId", "Day", "SyncDay"], Columns,
                ["LatestReceivedAt", "LatestDeskSubmittedAt"], d, ct);
        }
        if (months is { } m)
        {
            removed += await FoldAsync(db, tx, "ReportMonthCounts", ["AgencyId", "UnitId", "FieldId", "ProcedureId", "Month"],
                [nameof(ReportMonthCount.Open), nameof(ReportMonthCount.ReturnOpen), nameof(ReportMonthCount.Overdue), nameof(ReportMonthCount.ReturnOverdue)], [], m, ct);
        }
        await tx.CommitAsync(ct);
        return removed;
    }

    /// <summary>One table's fold: the groups with an unfolded row up to <paramref name="max"/> become one folded row each.</summary>
    private static async Task<int> FoldAsync(AppDbContext db, IDbContextTransaction tx, string table, string[] keyColumns, string[] sumColumns,
        string[] maxColumns, long max, CancellationToken ct)
    {
        var keys = string.Join(", ", keyColumns.Select(Q));
        var aggregates = string.Join(", ", sumColumns.Select(c => $"SUM({Q(c)})").Concat(maxColumns.Select(c => $"MAX({Q(c)})")));
        var columns = string.Join(", ", sumColumns.Concat(maxColumns).Select(Q));
        var anyNonZero = string.Join(" OR ", sumColumns.Select(c => $"SUM({Q(c)}) <> 0"));
        string Touched(string outer) => $"""
            EXISTS (SELECT 1 FROM {Q(table)} u WHERE u."Id" <= @max AND u."Folded" = FALSE AND {string.Join(" AND ", keyColumns.Select(k => $"u.{Q(k)} = {outer}.{Q(k)}"))})
            """;
        var fold = $"""
            INSERT INTO {Q(table)} ({keys}, "Folded", {columns})
            SELECT {keys}, TRUE, {aggregates}
            FROM {Q(table)} r WHERE r."Id" <= @max AND {Touched("r")}
            GROUP BY {keys} HAVING {anyNonZero}
            """;
        var remove = $"""DELETE FROM {Q(table)} WHERE "Id" <= @max AND {Touched(Q(table))}""";
        return await ReportQueries.WithConnectionAsync(db, async conn =>
        {
            await using (var cmd = conn.CreateCommand())
            {
                cmd.Transaction = tx.GetDbTransaction();
                cmd.CommandText = fold;
                ReportQueries.Add(cmd, "max", max);
                await cmd.ExecuteNonQueryAsync(ct);
            }
            await using (var cmd = conn.CreateCommand())
            {
                cmd.Transaction = tx.GetDbTransaction();
                cmd.CommandText = remove;
                ReportQueries.Add(cmd, "max", max);
                return await cmd.ExecuteNonQueryAsync(ct);
            }
        }, ct);
    }

    /// <summary>
    /// Recomputes the whole roll-up from the report rows (after a bulk load that bypassed the dossier save, or on an
    /// installation that had dossiers before the roll-up existed). Under the lease in a repeatable-read transaction:
    /// deltas of saves that commit meanwhile are changes after the snapshot read here, and stay. Returns the dossiers
    /// read, or -1 when another instance holds the lease.
    /// </summary>
    public static async Task<long> RebuildAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.ChangeTracker.Clear();
        await using var tx = await JobLease.TryAcquireAsync(db, LeaseKey, IsolationLevel.RepeatableRead, ct);
        if (tx is null)
        {
            return -1;
        }
        var counts = new Dictionary<Key, Counts>();
        long read = 0;
        var dossiers = db.ReportDossiers.AsNoTracking()
            .Where(r => r.Counted || r.DeskRefusedAt != null)
            .Select(r => new Snapshot(r.AgencyId, r.UnitId, r.FieldId, r.ProcedureId, r.Counted, r.Channel,
                r.ReceivedAt == null ? null : r.ReceivedAt.Value.UtcTicks, r.DueAt == null ? null : r.DueAt.Value.UtcTicks, r.SubmittedAt.UtcTicks,
                r.DeskRefusedAt == null ? null : r.DeskRefusedAt.Value.UtcTicks, r.ClosedAt, r.ClosedKind, r.ClosedAtReturn, r.ClosedKindReturn,
                r.FeeAmount, r.PaymentStatus, r.ComponentsDigitised, r.ResultDigitised, r.ReusedDigitisedData, r.ReturnMethod, r.SyncedAt))
            .AsAsyncEnumerable();
        await foreach (var s in dossiers.WithCancellation(ct))
        {
            Contribute(s, +1, counts);
            read++;
        }
        await db.ReportDayCounts.ExecuteDeleteAsync(ct);
        await db.ReportMonthCounts.ExecuteDeleteAsync(ct);
        var auto = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var chunk in Rows(counts, folded: true).Chunk(5000))
            {
                db.ReportDayCounts.AddRange(chunk);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            foreach (var chunk in MonthRows(counts, folded: true).Chunk(5000))
            {
                db.ReportMonthCounts.AddRange(chunk);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = auto;
        }
        await tx.CommitAsync(ct);
        return read;
    }

    /// <summary>True when dossiers that reports count exist but the roll-up has no row (stored before it existed, or bulk-loaded).</summary>
    public static async Task<bool> NeedsRebuildAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return !await db.ReportDayCounts.AnyAsync(ct)
            && await db.ReportDossiers.AnyAsync(r => r.Counted || r.DeskRefusedAt != null, ct);
    }
}

/// <summary>
/// Keeps the roll-up small and whole: at start, rebuilds it when dossiers exist without it; then folds the deltas every
/// <c>MotCua:Reports:RollupCompactMinutes</c> (default 5). Safe with several instances (the job lease).
/// </summary>
public sealed class ReportRollupService(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<ReportRollupService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = Shared.Settings.Interval(configuration, "MotCua:Reports:RollupCompactMinutes", 5, TimeSpan.FromMinutes(1), logger);
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                if (first && await ReportRollup.NeedsRebuildAsync(db, stoppingToken))
                {
                    var read = await ReportRollup.RebuildAsync(db, stoppingToken);
                    if (read >= 0 && logger.IsEnabled(LogLevel.Information))
                    {
                        logger.LogInformation("Report roll-up rebuilt from {Count} dossiers.", read);
                    }
                }
                first = false;
                await ReportRollup.CompactAsync(db, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                logger.LogError(ex, "Report roll-up upkeep failed; it is tried again next round (reports stay exact meanwhile).");
            }
            try
            {
                await Task.Delay(every, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
