using Microsoft.EntityFrameworkCore.ChangeTracking;
using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;
using MotCua.Core.Reports;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Reports;

/// <summary>
/// How a dossier's state becomes its <see cref="ReportDossier"/> row: the closing event per finish mode comes from
/// Core's <see cref="DossierReport.Closing"/>, so SQL reports, the roll-up and the in-memory reference agree by
/// construction; the grouping keys are pinned once, when the row is created.
/// </summary>
public static class DossierProjection
{
    /// <summary>The closing instant of an open dossier: "open at :s" is then the one range predicate closed_at &gt;= :s.</summary>
    public const long Open = long.MaxValue;

    /// <summary>Row key and name of dossiers no unit has taken yet (received, never transferred, no planned unit).</summary>
    public const string NoUnitKey = "0";

    public const string NoUnitName = "Chưa chuyển đơn vị xử lý";

    /// <summary>The grouping keys of a procedure version, pinned into the row of a dossier received under it.</summary>
    public sealed record Pins(int ProcedureId, int FieldId, string FieldName, OnlineServiceLevel OnlineLevel);

    /// <summary>What a report reads of a dossier's state; taken from the entity or from its tracked original values.</summary>
    internal readonly record struct State(
        DossierStatus Status, DossierChannel Channel, DateTimeOffset SubmittedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt,
        DateTimeOffset? CompletedAt, DateTimeOffset? ReturnedAt, DateTimeOffset? ClosedAt, long FeeAmount, PaymentStatus Payment,
        ResultDelivery? ReturnMethod, bool ComponentsDigitised, bool ResultDigitised, bool ReusedDigitisedData)
    {
        public static State Of(Dossier d) => new(
            d.Status, d.Channel, d.SubmittedAt, d.ReceivedAt, d.DueAt, d.CompletedAt, d.ReturnedAt, d.ClosedAt, d.FeeAmount, d.PaymentStatus,
            d.ReturnMethod, d.ComponentsDigitised, d.ResultDigitised, d.ReusedDigitisedData);

        // By property name: a lambda per property would build an expression tree on every save.
        public static State Original(EntityEntry<Dossier> e)
        {
            var o = e.OriginalValues;
            return new(
                o.GetValue<DossierStatus>(nameof(Dossier.Status)), o.GetValue<DossierChannel>(nameof(Dossier.Channel)),
                o.GetValue<DateTimeOffset>(nameof(Dossier.SubmittedAt)), o.GetValue<DateTimeOffset?>(nameof(Dossier.ReceivedAt)),
                o.GetValue<DateTimeOffset?>(nameof(Dossier.DueAt)), o.GetValue<DateTimeOffset?>(nameof(Dossier.CompletedAt)),
                o.GetValue<DateTimeOffset?>(nameof(Dossier.ReturnedAt)), o.GetValue<DateTimeOffset?>(nameof(Dossier.ClosedAt)),
                o.GetValue<long>(nameof(Dossier.FeeAmount)), o.GetValue<PaymentStatus>(nameof(Dossier.PaymentStatus)),
                o.GetValue<ResultDelivery?>(nameof(Dossier.ReturnMethod)), o.GetValue<bool>(nameof(Dossier.ComponentsDigitised)),
                o.GetValue<bool>(nameof(Dossier.ResultDigitised)), o.GetValue<bool>(nameof(Dossier.ReusedDigitisedData)));
        }
    }

    /// <summary>The state-derived columns of a dossier's row: equal values mean the save changes nothing for reports.</summary>
    internal readonly record struct Classified(
        bool Counted, DateTimeOffset SubmittedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt, DateTimeOffset? DeskRefusedAt,
        long ClosedAt, ClosingKind? ClosedKind, long ClosedAtReturn, ClosingKind? ClosedKindReturn, DossierChannel Channel,
        long FeeAmount, PaymentStatus Payment, ResultDelivery? ReturnMethod, bool ComponentsDigitised, bool ResultDigitised, bool ReusedDigitisedData,
        int? NationalCode);

    /// <summary>Core's classification of one dossier state, as the columns of its row.</summary>
    internal static Classified Classify(State s)
    {
        var fact = ClosingFact(s);
        var completion = fact is null ? null : DossierReport.Closing(fact, CountFinishAt.Completion);
        var ret = fact is null ? null : DossierReport.Closing(fact, CountFinishAt.Return);
        return new Classified(
            fact is not null, s.SubmittedAt, s.ReceivedAt, s.DueAt,
            fact is null ? Instants.Of(s.Status, s.ClosedAt).DeskRefused : null,
            completion?.At.UtcTicks ?? Open, completion?.Kind, ret?.At.UtcTicks ?? Open, ret?.Kind,
            s.Channel, s.FeeAmount, s.Payment, s.ReturnMethod, s.ComponentsDigitised, s.ResultDigitised, s.ReusedDigitisedData,
            NationalStatus.From(s.Status)?.Code);
    }

    /// <summary>Writes the state-derived columns; EF updates only the columns whose value changes.</summary>
    internal static void Apply(ReportDossier row, Classified c)
    {
        row.Counted = c.Counted;
        row.SubmittedAt = c.SubmittedAt;
        row.ReceivedAt = c.ReceivedAt;
        row.DueAt = c.DueAt;
        row.DeskRefusedAt = c.DeskRefusedAt;
        row.ClosedAt = c.ClosedAt;
        row.ClosedKind = c.ClosedKind;
        row.ClosedAtReturn = c.ClosedAtReturn;
        row.ClosedKindReturn = c.ClosedKindReturn;
        row.Channel = c.Channel;
        row.FeeAmount = c.FeeAmount;
        row.PaymentStatus = c.Payment;
        row.ReturnMethod = c.ReturnMethod;
        row.ComponentsDigitised = c.ComponentsDigitised;
        row.ResultDigitised = c.ResultDigitised;
        row.ReusedDigitisedData = c.ReusedDigitisedData;
        row.NationalCode = c.NationalCode;
    }

    /// <summary>
    /// A new row for <paramref name="dossier"/> with its keys pinned: the unit in charge is the first unit of the routed
    /// plan (which leaves out the desk's own steps unless the desk does them all), else the unit it is transferred to.
    /// </summary>
    internal static ReportDossier NewRow(Dossier dossier, Pins pins)
    {
        var planned = dossier.StepPlan.FirstOrDefault(s => s.UnitId is not null);
        return new ReportDossier
        {
            DossierId = dossier.Id,
            Dossier = dossier,
            AgencyId = dossier.AgencyId,
            ProcedureId = pins.ProcedureId,
            FieldId = pins.FieldId,
            FieldName = pins.FieldName,
            OnlineLevel = pins.OnlineLevel,
            ProcedureName = dossier.ProcedureName,
            UnitId = planned?.UnitId,
            UnitName = planned?.UnitName,
        };
    }

    /// <summary>
    /// The row the subscriber would write for <paramref name="dossier"/> as it stands, for loaders that write dossiers
    /// without the app (the unit taken so far given by the caller).
    /// </summary>
    public static ReportDossier RowOf(Dossier dossier, Pins pins, int? unitId, string? unitName)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(pins);
        var row = NewRow(dossier, pins);
        row.Dossier = null;
        if (row.UnitId is null && unitId is not null)
        {
            row.UnitId = unitId;
            row.UnitName = unitName;
        }
        Apply(row, Classify(State.Of(dossier)));
        return row;
    }

    /// <summary>The instants of a counted dossier as Core sees them, or null when the dossier is not counted.</summary>
    private static DossierFact? ClosingFact(State d)
    {
        if (d.ReceivedAt is not { } received)
        {
            // Not received: a draft, a submission waiting for the desk check, or a desk refusal (never received).
            return null;
        }
        var s = Instants.Of(d.Status, d.ClosedAt);
        return new DossierFact("", "", "", "", "", "", "", "", "", "", d.Channel, received, d.DueAt)
        {
            CompletedAt = d.CompletedAt,
            ReturnedAt = d.ReturnedAt,
            WithdrawnAt = s.Withdrawn,
            RefusedAt = s.Refused,
            StoppedAt = s.Stopped,
        };
    }

    /// <summary>Which closing instant a terminal status records (the state keeps one ClosedAt).</summary>
    internal readonly record struct Instants(DateTimeOffset? Withdrawn, DateTimeOffset? Refused, DateTimeOffset? Stopped, DateTimeOffset? DeskRefused)
    {
        public static Instants Of(DossierStatus status, DateTimeOffset? closedAt) => status switch
        {
            DossierStatus.Withdrawn => new(closedAt, null, null, null),
            DossierStatus.RefusedAfterReceipt => new(null, closedAt, null, null),
            DossierStatus.Stopped => new(null, null, closedAt, null),
            DossierStatus.Refused => new(null, null, null, closedAt),
            DossierStatus.Draft or DossierStatus.Submitted or DossierStatus.AwaitingSupplement or DossierStatus.Received
                or DossierStatus.InProcessing or DossierStatus.AwaitingApproval or DossierStatus.AwaitingInterAgency
                or DossierStatus.AwaitingFinancialObligation or DossierStatus.Suspended or DossierStatus.ResultIssued
                or DossierStatus.Returned => default,
        };
    }
}
