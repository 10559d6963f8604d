using System.Globalization;
using MotCua.Core.Dossiers;
using MotCua.Core.Indices;

namespace MotCua.Core.Reports;

/// <summary>Why one dossier is counted differently by MotCua, the national portal, Biểu 06 or the 766 index.</summary>
public enum LedgerReason
{
    /// <summary>No sync message was ever written for the dossier.</summary>
    NotSent,

    /// <summary>The latest status is queued and the portal has not acknowledged it yet.</summary>
    AwaitingAcknowledgement,

    /// <summary>The latest status failed to reach the portal.</summary>
    SendFailed,

    /// <summary>Every message was acknowledged, but the portal's last acknowledged status is not MotCua's.</summary>
    PortalStatusDiffers,

    /// <summary>Received in the period and acknowledged only after its cut-off: the 766 index does not count it as synced.</summary>
    AcknowledgedAfterCutoff,

    /// <summary>Received in the calendar period after the official cut-off: Biểu 06 counts it in the next period.</summary>
    ReceivedAfterCutoff,

    /// <summary>Received in the official period before the calendar period began: the portal counts it in the previous one.</summary>
    ReceivedBeforeCalendarStart,

    /// <summary>Received at this agency's desk for another agency, which counts it.</summary>
    CountedAtOtherAgency,
}

/// <summary>What resolves a difference.</summary>
public enum LedgerAction
{
    /// <summary>Put the dossier's current status in the outbox again.</summary>
    Resend,

    /// <summary>Nothing to do now: the outbox is still delivering.</summary>
    Wait,

    /// <summary>The difference is correct by rule; record an explanation.</summary>
    Explain,
}

/// <summary>One difference with its reason sentence and the action that resolves it.</summary>
public sealed record LedgerDifference(LedgerReason Reason, string Text, LedgerAction Action);

/// <summary>What the national portal holds of one dossier, as the outbox recorded it.</summary>
/// <param name="Messages">Portal messages written for the dossier.</param>
/// <param name="AcknowledgedCode">Status code (1–10) of the latest acknowledged message; null when none was acknowledged.</param>
/// <param name="AcknowledgedAt">When that message was acknowledged.</param>
/// <param name="FirstAcknowledgedAt">The first acknowledgement, which the 766 "synced" indicator reads.</param>
/// <param name="Pending">Messages still waiting to be delivered.</param>
/// <param name="Failed">Messages given up after the last attempt.</param>
/// <param name="Attempts">Attempts of the latest unacknowledged message.</param>
/// <param name="LastError">Error of the latest unacknowledged message.</param>
public sealed record PortalRecord(
    int Messages, int? AcknowledgedCode, DateTimeOffset? AcknowledgedAt, DateTimeOffset? FirstAcknowledgedAt,
    int Pending, int Failed, int Attempts, string? LastError)
{
    public static PortalRecord None { get; } = new(0, null, null, null, 0, 0, 0, null);
}

/// <summary>Whether and how the 766 index counts one dossier in a period.</summary>
/// <param name="Counted">In the index's dossier set (carried over or received in the period).</param>
/// <param name="Received">Received in the period (the denominator of the sync, online and digitisation indicators).</param>
/// <param name="NotLate">Resolved early or on time, or pending within time (indicator 2.1's numerator).</param>
/// <param name="Synced">Received in the period and acknowledged by the portal by its cut-off (indicator 1.2's numerator).</param>
public readonly record struct IndexStanding(bool Counted, bool Received, bool NotLate, bool Synced);

/// <summary>One dossier of the ledger, as loaded by the web layer.</summary>
/// <param name="Fact">The dossier as reports see it.</param>
/// <param name="Status">MotCua's status now.</param>
/// <param name="Portal">What the outbox recorded for the portal.</param>
/// <param name="CountingAgencyName">For a dossier received for another agency: that agency's name; else null.</param>
public sealed record LedgerInput(DossierFact Fact, DossierStatus Status, PortalRecord Portal, string? CountingAgencyName = null);

/// <summary>A ledger row: the four systems' view of one dossier and the verdict.</summary>
public sealed record LedgerLine(
    LedgerInput Input,
    NationalStatus? ExpectedNationalStatus,
    PeriodStanding? Report,
    IndexStanding Index,
    IReadOnlyList<LedgerDifference> Differences)
{
    public bool InAgreement => Differences.Count == 0;
}

/// <summary>The ledger's totals per system for a period: they must equal Biểu 06's and the 766 index's own figures.</summary>
public sealed record LedgerTotals(
    int Dossiers, int Differences, int ReportCounted, int ReportReceived, int ReportResolved, int ReportPending, int ReportClosedWithoutResult,
    int IndexCounted, int IndexReceived, int IndexNotLate, int IndexSynced, int PortalAcknowledged)
{
    /// <summary>Counts <paramref name="lines"/>; a line adds to a system's figure only where that system counts it.</summary>
    public static LedgerTotals Of(IEnumerable<LedgerLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        int n = 0, diff = 0, counted = 0, received = 0, resolved = 0, pending = 0, closed = 0, iCounted = 0, iReceived = 0, iNotLate = 0, iSynced = 0, ack = 0;
        foreach (var l in lines)
        {
            n++;
            diff += l.InAgreement ? 0 : 1;
            if (l.Report is { } r)
            {
                counted++;
                received += r.IsReceived ? 1 : 0;
                resolved += r.IsResolved ? 1 : 0;
                pending += r.IsPending ? 1 : 0;
                closed += r.IsResolved || r.IsPending ? 0 : 1;
            }
            iCounted += l.Index.Counted ? 1 : 0;
            iReceived += l.Index.Received ? 1 : 0;
            iNotLate += l.Index.NotLate ? 1 : 0;
            iSynced += l.Index.Synced ? 1 : 0;
            ack += l.Input.Portal.AcknowledgedCode is null ? 0 : 1;
        }
        return new LedgerTotals(n, diff, counted, received, resolved, pending, closed, iCounted, iReceived, iNotLate, iSynced, ack);
    }
}

/// <summary>
/// The per-dossier reconciliation ledger: where MotCua, the national portal (through the outbox's acknowledgements),
/// Biểu 06 and the 766 index stand on one dossier in one period, and why they differ. Biểu 06's place is
/// <see cref="DossierReport.Classify"/> and the index's is <see cref="Index766.Standing"/>: nothing is classified here
/// a second time, so the ledger's totals are the report's and the index's by construction.
/// </summary>
public static class DossierLedger
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>
    /// The period the national portal's dashboard counts beside an official-regime period: the calendar month, quarter,
    /// half or year of the same name [U: the portal's own cut-off is not published]; null for custom ranges and
    /// calendar-regime periods, which have no second reading.
    /// </summary>
    public static ReportPeriod? CalendarCounterpart(ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period.Regime.CutoffDay == ReportingRegime.Calendar.CutoffDay)
        {
            return null;
        }
        ReportPeriod? calendar = period.Kind switch
        {
            ReportPeriodKind.Month => ReportPeriod.Month(period.Year, period.Index, ReportingRegime.Calendar),
            ReportPeriodKind.Quarter => ReportPeriod.Quarter(period.Year, period.Index, ReportingRegime.Calendar),
            ReportPeriodKind.HalfYear => ReportPeriod.HalfYear(period.Year, period.Index, ReportingRegime.Calendar),
            ReportPeriodKind.Year => ReportPeriod.FullYear(period.Year, ReportingRegime.Calendar),
            ReportPeriodKind.Custom => null,
        };
        return calendar is not null && period.AsOfInstant is { } now ? calendar.AsOf(now) : calendar;
    }

    /// <summary>The one range whose candidate dossiers cover both the period and its calendar counterpart.</summary>
    public static ReportPeriod LoadingRange(ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (CalendarCounterpart(period) is not { } calendar)
        {
            return period;
        }
        var range = ReportPeriod.Custom(period.Start < calendar.Start ? period.Start : calendar.Start, period.End > calendar.End ? period.End : calendar.End);
        return period.AsOfInstant is { } now ? range.AsOf(now) : range;
    }

    /// <summary>Whether the ledger of <paramref name="period"/> lists the dossier at all.</summary>
    public static bool Belongs(LedgerInput input, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(period);
        if (input.CountingAgencyName is not null)
        {
            return period.Contains(input.Fact.ReceivedAt);
        }
        if (input.Fact.DeskRefusedAt is not null)
        {
            return false;
        }
        return DossierReport.Classify(input.Fact, period) is not null
            || (CalendarCounterpart(period) is { } calendar && calendar.Contains(input.Fact.ReceivedAt));
    }

    /// <summary>Reconciles one dossier for <paramref name="period"/> (completion counting, as the index uses).</summary>
    public static LedgerLine Reconcile(LedgerInput input, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(period);
        var fact = input.Fact;
        var expected = NationalStatus.From(input.Status);
        var differences = new List<LedgerDifference>();
        if (input.CountingAgencyName is { } other)
        {
            differences.Add(new(LedgerReason.CountedAtOtherAgency,
                $"Hồ sơ tiếp nhận hộ, đã tính ở cơ quan giải quyết ({other}); không tính vào số liệu của cơ quan tiếp nhận.", LedgerAction.Explain));
            return new LedgerLine(input, expected, null, default, differences);
        }

        var standing = DossierReport.Classify(fact, period);
        var index = standing is { } s ? Index766.Standing(fact, s) : default;
        if (Portal(expected, input.Portal) is { } portal)
        {
            differences.Add(portal);
        }
        else if (standing is { IsReceived: true } && !index.Synced && input.Portal.FirstAcknowledgedAt is { } first && first >= period.CutoffInstant)
        {
            differences.Add(new(LedgerReason.AcknowledgedAfterCutoff,
                $"Cổng DVCQG xác nhận ngày {Date(first)}, sau ngày chốt số liệu: chỉ số 766 của kỳ không tính là đã đồng bộ.", LedgerAction.Explain));
        }

        if (CalendarCounterpart(period) is { } calendar)
        {
            if (standing is null && calendar.Contains(fact.ReceivedAt) && fact.ReceivedAt >= period.CutoffInstant)
            {
                differences.Add(new(LedgerReason.ReceivedAfterCutoff,
                    $"Tiếp nhận ngày {Date(fact.ReceivedAt)}, sau ngày chốt số liệu {period.End.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}: Biểu 06 tính vào kỳ sau, Cổng DVCQG tính vào {calendar.Label}.",
                    LedgerAction.Explain));
            }
            else if (standing is { IsReceived: true } && fact.ReceivedAt < calendar.StartInstant)
            {
                differences.Add(new(LedgerReason.ReceivedBeforeCalendarStart,
                    $"Tiếp nhận ngày {Date(fact.ReceivedAt)}, trước {calendar.Label} theo lịch: Biểu 06 tính vào kỳ này (chốt số liệu ngày {period.Regime.CutoffDay.ToString(CultureInfo.InvariantCulture)}), Cổng DVCQG tính vào kỳ trước.",
                    LedgerAction.Explain));
            }
        }
        return new LedgerLine(input, expected, standing, index, differences);
    }

    /// <summary>The difference between MotCua's status and the portal's record, or null when the portal holds MotCua's status.</summary>
    public static LedgerDifference? Portal(NationalStatus? expected, PortalRecord portal)
    {
        ArgumentNullException.ThrowIfNull(portal);
        if (expected is null)
        {
            return null;
        }
        if (portal.Messages == 0)
        {
            return new(LedgerReason.NotSent, "Chưa gửi lên Cổng DVCQG.", LedgerAction.Resend);
        }
        if (portal.Failed > 0 && portal.Pending == 0 && portal.AcknowledgedCode != expected.Code)
        {
            return new(LedgerReason.SendFailed,
                $"Gửi lỗi {portal.Attempts.ToString(CultureInfo.InvariantCulture)} lần: {portal.LastError ?? "không rõ lỗi"}.", LedgerAction.Resend);
        }
        if (portal.Pending > 0)
        {
            return portal.Attempts > 0 && portal.LastError is { } error
                ? new(LedgerReason.SendFailed, $"Gửi lỗi {portal.Attempts.ToString(CultureInfo.InvariantCulture)} lần: {error} (hệ thống đang gửi lại).", LedgerAction.Wait)
                : new(LedgerReason.AwaitingAcknowledgement, "Trạng thái mới chưa được Cổng DVCQG xác nhận.", LedgerAction.Wait);
        }
        if (portal.AcknowledgedCode != expected.Code)
        {
            var held = portal.AcknowledgedCode is { } code && NationalStatus.FromCode(code) is { } n ? $"{n.Code.ToString(CultureInfo.InvariantCulture)} – {n.Name}" : "không có";
            return new(LedgerReason.PortalStatusDiffers,
                $"Cổng DVCQG đang giữ trạng thái {held}, MotCua là {expected.Code.ToString(CultureInfo.InvariantCulture)} – {expected.Name}.", LedgerAction.Resend);
        }
        return null;
    }

    /// <summary>The Vietnamese name of a reason, for filters and exports.</summary>
    public static string ReasonName(LedgerReason reason) => reason switch
    {
        LedgerReason.NotSent => "Chưa gửi Cổng DVCQG",
        LedgerReason.AwaitingAcknowledgement => "Chờ Cổng DVCQG xác nhận",
        LedgerReason.SendFailed => "Gửi Cổng DVCQG bị lỗi",
        LedgerReason.PortalStatusDiffers => "Trạng thái trên Cổng DVCQG khác",
        LedgerReason.AcknowledgedAfterCutoff => "Xác nhận đồng bộ sau ngày chốt số liệu",
        LedgerReason.ReceivedAfterCutoff => "Tiếp nhận sau ngày chốt số liệu",
        LedgerReason.ReceivedBeforeCalendarStart => "Tiếp nhận trước đầu kỳ theo lịch",
        LedgerReason.CountedAtOtherAgency => "Đã tính ở cơ quan khác",
    };

    /// <summary>The Vietnamese name of an action.</summary>
    public static string ActionName(LedgerAction action) => action switch
    {
        LedgerAction.Resend => "Gửi lại Cổng DVCQG",
        LedgerAction.Wait => "Chờ hệ thống gửi lại",
        LedgerAction.Explain => "Ghi giải trình",
    };

    /// <summary>Machine code of a reason (API, query strings).</summary>
    public static string ReasonCode(LedgerReason reason) => reason switch
    {
        LedgerReason.NotSent => "notSent",
        LedgerReason.AwaitingAcknowledgement => "awaitingAcknowledgement",
        LedgerReason.SendFailed => "sendFailed",
        LedgerReason.PortalStatusDiffers => "portalStatusDiffers",
        LedgerReason.AcknowledgedAfterCutoff => "acknowledgedAfterCutoff",
        LedgerReason.ReceivedAfterCutoff => "receivedAfterCutoff",
        LedgerReason.ReceivedBeforeCalendarStart => "receivedBeforeCalendarStart",
        LedgerReason.CountedAtOtherAgency => "countedAtOtherAgency",
    };

    /// <summary>The reason for a machine code, or null.</summary>
    public static LedgerReason? ParseReason(string? code) =>
        Enum.GetValues<LedgerReason>().Cast<LedgerReason?>().FirstOrDefault(r => string.Equals(ReasonCode(r!.Value), code, StringComparison.Ordinal));

    /// <summary>Machine code of an action.</summary>
    public static string ActionCode(LedgerAction action) => action switch
    {
        LedgerAction.Resend => "resend",
        LedgerAction.Wait => "wait",
        LedgerAction.Explain => "explain",
    };

    private static string Date(DateTimeOffset at) => at.ToOffset(Vietnam).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
