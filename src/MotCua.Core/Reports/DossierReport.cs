using System.Globalization;

using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;

namespace MotCua.Core.Reports;

/// <summary>The rows of a report: one per agency, unit, field (lĩnh vực) or procedure.</summary>
public enum GroupBy
{
    Agency,
    Unit,
    Field,
    Procedure,
}

/// <summary>
/// One row of Biểu 06 (plus the columns the form leaves to a note: withdrawn, refused, stopped). For every row
/// <c>CarriedOver + Received = Resolved + Pending + Withdrawn + Refused + Stopped</c> (<see cref="Reconciles"/>).
/// <see cref="RefusedAtDesk"/> is outside the identity: those dossiers were never received.
/// </summary>
public sealed record DossierReportRow(
    string Key,
    string Name,
    int CarriedOver,
    int ReceivedOnline,
    int ReceivedDirect,
    int ReceivedPostal,
    int ResolvedEarly,
    int ResolvedOnTime,
    int ResolvedLate,
    int PendingWithinTime,
    int PendingOverdue,
    int Withdrawn,
    int Refused,
    int Stopped,
    int RefusedAtDesk)
{
    /// <summary>Received in the period, all channels.</summary>
    public int Received => ReceivedOnline + ReceivedDirect + ReceivedPostal;

    /// <summary>Received direct or by post: Biểu 06's column "Trực tiếp và dịch vụ bưu chính".</summary>
    public int ReceivedDirectAndPostal => ReceivedDirect + ReceivedPostal;

    /// <summary>Biểu 06's "Tổng số" of dossiers to handle: carried over + received.</summary>
    public int Total => CarriedOver + Received;

    /// <summary>Resolved in the period.</summary>
    public int Resolved => ResolvedEarly + ResolvedOnTime + ResolvedLate;

    /// <summary>Pending at the period's end.</summary>
    public int Pending => PendingWithinTime + PendingOverdue;

    /// <summary>Closed in the period without a result: withdrawn, refused after receipt or stopped.</summary>
    public int ClosedWithoutResult => Withdrawn + Refused + Stopped;

    /// <summary>The reconciliation identity holds.</summary>
    public bool Reconciles => Total == Resolved + Pending + ClosedWithoutResult;

    /// <summary>Share of resolved dossiers resolved early or on time, in % (2 decimals); null when none was resolved.</summary>
    public decimal? OnTimeRate => Percent.Of(ResolvedEarly + ResolvedOnTime, Resolved);
}

/// <summary>A computed report: its rows, the totals and the rule that says which instant counted.</summary>
public sealed record DossierReport(
    ReportPeriod Period,
    GroupBy GroupBy,
    ReportOptions Options,
    IReadOnlyList<DossierReportRow> Rows,
    DossierReportRow Total)
{
    /// <summary>Key of the totals row.</summary>
    public const string TotalKey = "total";

    /// <summary>The sentence the report prints about the finish instant and the appointment.</summary>
    public string FinishRuleText => Options.FinishRuleText;

    /// <summary>
    /// The reference implementation of Biểu 06. Each counted dossier lands in exactly one opening column and one closing
    /// column (<see cref="Classify"/>), so every row reconciles by construction; the SQL in Reports/README.md must give
    /// the same numbers.
    /// </summary>
    public static DossierReport Compute(IEnumerable<DossierFact> facts, ReportPeriod period, GroupBy groupBy, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(period);
        options ??= ReportOptions.Default;

        var rows = new Dictionary<string, RowBuilder>(StringComparer.Ordinal);
        var total = new RowBuilder(TotalKey);
        foreach (DossierFact fact in facts)
        {
            (string key, string name) = KeyOf(fact, groupBy);
            if (fact.InterAgencyPartnerCopy)
            {
                continue;
            }

            if (fact.DeskRefusedAt is { } deskRefused)
            {
                if (period.Contains(deskRefused))
                {
                    Row(key).Name(name, fact).RefusedAtDesk++;
                    total.RefusedAtDesk++;
                }

                continue;
            }

            if (Classify(fact, period, options) is not { } standing)
            {
                continue;
            }

            Row(key).Name(name, fact).Add(standing);
            total.Add(standing);
        }

        var culture = CultureInfo.GetCultureInfo("vi-VN");
        List<DossierReportRow> ordered = rows.Values
            .Select(r => r.Build())
            .OrderBy(r => r.Name, StringComparer.Create(culture, ignoreCase: false))
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        return new DossierReport(period, groupBy, options, ordered, total.Build("Tổng cộng"));

        RowBuilder Row(string key)
        {
            if (!rows.TryGetValue(key, out RowBuilder? row))
            {
                row = new RowBuilder(key);
                rows.Add(key, row);
            }

            return row;
        }
    }

    /// <summary>
    /// Where one dossier stands in a period, or null when it is not in the period's report (received after it, closed
    /// before it, a desk refusal or a partner agency's copy).
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>Carried over: received before the period and not resolved, withdrawn, refused or stopped before it.</item>
    /// <item>The closing event is the earliest of finish (completion or return, per options), withdrawal, refusal and
    /// stop; a dossier completed and then withdrawn before collection is resolved when counting completion and
    /// withdrawn when counting return. An event recorded before receipt (bad data) is taken at receipt, so the
    /// identity can never break.</item>
    /// <item>Resolved: <see cref="DeadlineCalculator.ClassifyResolved"/> against <see cref="DossierFact.DueAt"/>, the
    /// original appointment: late after the due instant, on time on its local date and not after it, early on an
    /// earlier date. A re-appointment never moves it. A resolved dossier without a due instant (impossible through the
    /// state machine) counts as on time rather than failing the whole report.</item>
    /// <item>Pending at the period's cut-off: overdue when the due instant is before it (the end instant, 00:00 after the
    /// last day, for a period that has ended; the as-of instant for one that has not, so a dossier due tomorrow is not
    /// yet overdue today); a dossier whose clock an open pause holds (no due instant) is within time, because a pause
    /// only suspends a due instant that had not yet passed (Dossiers rule 4).</item>
    /// </list>
    /// </remarks>
    public static PeriodStanding? Classify(DossierFact fact, ReportPeriod period, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fact);
        ArgumentNullException.ThrowIfNull(period);
        options ??= ReportOptions.Default;
        if (!fact.IsCounted || fact.ReceivedAt >= period.CutoffInstant)
        {
            return null;
        }

        ClosingEvent? closing = Closing(fact, options.CountFinishAt);
        if (closing is { } closed && closed.At < period.StartInstant)
        {
            return null;
        }

        PeriodOpening opening = fact.ReceivedAt < period.StartInstant
            ? PeriodOpening.CarriedOver
            : fact.Channel switch
            {
                DossierChannel.Online or DossierChannel.NationalPortal => PeriodOpening.ReceivedOnline,
                DossierChannel.Postal => PeriodOpening.ReceivedPostal,
                DossierChannel.Direct => PeriodOpening.ReceivedDirect,
                _ => PeriodOpening.ReceivedDirect,
            };

        if (closing is { } c && c.At < period.CutoffInstant)
        {
            switch (c.Kind)
            {
                case ClosingKind.Withdrawn:
                    return new PeriodStanding(opening, PeriodClosing.Withdrawn, null);
                case ClosingKind.Refused:
                    return new PeriodStanding(opening, PeriodClosing.Refused, null);
                case ClosingKind.Stopped:
                    return new PeriodStanding(opening, PeriodClosing.Stopped, null);
                case ClosingKind.Resolved:
                    break;
            }

            PeriodClosing resolved = fact.DueAt is { } due
                ? DeadlineCalculator.ClassifyResolved(c.At, due) switch
                {
                    ResolutionTimeliness.Early => PeriodClosing.ResolvedEarly,
                    ResolutionTimeliness.OnTime => PeriodClosing.ResolvedOnTime,
                    ResolutionTimeliness.Late => PeriodClosing.ResolvedLate,
                }
                : PeriodClosing.ResolvedOnTime;
            return new PeriodStanding(opening, resolved, c.At);
        }

        PeriodClosing pending = fact.DueAt is { } dueAt && dueAt < period.CutoffInstant
            ? PeriodClosing.PendingOverdue
            : PeriodClosing.PendingWithinTime;
        return new PeriodStanding(opening, pending, null);
    }

    /// <summary>The instant that counts as finished under <paramref name="mode"/>, if any.</summary>
    public static DateTimeOffset? FinishedAt(DossierFact fact, CountFinishAt mode)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return mode switch
        {
            // An imported dossier may carry only the return instant; it was completed by then at the latest.
            CountFinishAt.Completion => fact.CompletedAt ?? fact.ReturnedAt,
            CountFinishAt.Return => fact.ReturnedAt,
        };
    }

    /// <summary>
    /// The event that takes the dossier out of the pipeline under <paramref name="mode"/>: the earliest of finish,
    /// withdrawal, refusal after receipt and stop (an event recorded before receipt is taken at receipt); null while
    /// open. The web layer may persist it (closed_at, closed_kind) so the SQL report needs no MIN over nullable columns.
    /// </summary>
    public static ClosingEvent? Closing(DossierFact fact, CountFinishAt mode)
    {
        ArgumentNullException.ThrowIfNull(fact);
        ClosingEvent? earliest = null;
        void Consider(ClosingKind kind, DateTimeOffset? at)
        {
            if (at is { } instant && (earliest is null || instant < earliest.Value.At))
            {
                earliest = new ClosingEvent(kind, instant);
            }
        }

        Consider(ClosingKind.Resolved, FinishedAt(fact, mode));
        Consider(ClosingKind.Withdrawn, fact.WithdrawnAt);
        Consider(ClosingKind.Refused, fact.RefusedAt);
        Consider(ClosingKind.Stopped, fact.StoppedAt);
        return earliest is { } e && e.At < fact.ReceivedAt ? e with { At = fact.ReceivedAt } : earliest;
    }

    private static (string Key, string Name) KeyOf(DossierFact fact, GroupBy groupBy) => groupBy switch
    {
        GroupBy.Agency => (fact.AgencyKey, fact.AgencyName),
        GroupBy.Unit => (fact.UnitKey, fact.UnitName),
        GroupBy.Field => (fact.FieldKey, fact.FieldName),
        GroupBy.Procedure => (fact.ProcedureKey, fact.ProcedureName),
    };

    private sealed class RowBuilder(string key)
    {
        private string _name = "";
        private DateTimeOffset _nameReceivedAt = DateTimeOffset.MinValue;
        private string _nameId = "";
        private readonly int[] _opening = new int[4];
        private readonly int[] _closing = new int[8];

        public int RefusedAtDesk { get; set; }

        // The name of the most recently received dossier in the row (ties: smallest id): deterministic for a closed
        // period, and the newest pinned name when a procedure was renamed across versions.
        public RowBuilder Name(string name, DossierFact fact)
        {
            if (_name.Length == 0 || fact.ReceivedAt > _nameReceivedAt
                || (fact.ReceivedAt == _nameReceivedAt && string.CompareOrdinal(fact.Id, _nameId) < 0))
            {
                _name = name;
                _nameReceivedAt = fact.ReceivedAt;
                _nameId = fact.Id;
            }

            return this;
        }

        public void Add(PeriodStanding standing)
        {
            _opening[(int)standing.Opening]++;
            _closing[(int)standing.Closing]++;
        }

        public DossierReportRow Build(string? name = null) => new(
            key,
            name ?? _name,
            _opening[(int)PeriodOpening.CarriedOver],
            _opening[(int)PeriodOpening.ReceivedOnline],
            _opening[(int)PeriodOpening.ReceivedDirect],
            _opening[(int)PeriodOpening.ReceivedPostal],
            _closing[(int)PeriodClosing.ResolvedEarly],
            _closing[(int)PeriodClosing.ResolvedOnTime],
            _closing[(int)PeriodClosing.ResolvedLate],
            _closing[(int)PeriodClosing.PendingWithinTime],
            _closing[(int)PeriodClosing.PendingOverdue],
            _closing[(int)PeriodClosing.Withdrawn],
            _closing[(int)PeriodClosing.Refused],
            _closing[(int)PeriodClosing.Stopped],
            RefusedAtDesk);
    }
}

/// <summary>What closed a dossier; the numeric values are the <c>closed_kind</c> codes of the SQL in Reports/README.md.</summary>
public enum ClosingKind
{
    Resolved = 0,
    Withdrawn = 1,
    Refused = 2,
    Stopped = 3,
}

/// <summary>The event that took a dossier out of the pipeline.</summary>
public readonly record struct ClosingEvent(ClosingKind Kind, DateTimeOffset At);

/// <summary>Percentages as the reports print them: 2 decimals, half away from zero (6/18 → 33,33).</summary>
public static class Percent
{
    /// <summary><paramref name="part"/> / <paramref name="whole"/> × 100 rounded to 2 decimals; null when <paramref name="whole"/> is 0.</summary>
    public static decimal? Of(int part, int whole) =>
        whole == 0 ? null : Math.Round(100m * part / whole, 2, MidpointRounding.AwayFromZero);

    /// <summary>The unrounded ratio part / whole (0–1); null when <paramref name="whole"/> is 0.</summary>
    public static decimal? Ratio(int part, int whole) => whole == 0 ? null : (decimal)part / whole;
}
