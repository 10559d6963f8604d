using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Reports;

/// <summary>
/// The report columns of a dossier (Core Reports/README, "the same classification in SQL"): the keys a report groups by,
/// pinned at receipt so a closed period re-runs to the same rows after catalogue edits, and the closing event per
/// finish mode, kept from <see cref="DossierReport.Closing"/> so SQL and the in-memory reference agree by construction.
/// Called by the dossier's single persistence point and by the import, never elsewhere.
/// </summary>
public static class DossierProjection
{
    /// <summary>The closing instant of an open dossier: "open at :s" is then the one range predicate closed_at &gt;= :s.</summary>
    public const long Open = long.MaxValue;

    /// <summary>Row key and name of dossiers no unit has taken yet (received, never transferred, no planned unit).</summary>
    public const string NoUnitKey = "0";

    public const string NoUnitName = "Chưa chuyển đơn vị xử lý";

    /// <summary>Pins the grouping keys of the version the dossier is received under (called when the dossier is created).</summary>
    public static void Pin(Dossier dossier, ProcedureVersion version, string fieldName)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(version);
        dossier.ReportProcedureId = version.ProcedureId;
        dossier.ReportFieldId = version.FieldId;
        dossier.ReportFieldName = fieldName;
        dossier.ReportOnlineLevel = version.OnlineLevel;
        // The unit in charge is the first unit of the routed plan, which leaves out the desk's own steps
        // (PlannedStep.Routed) unless the desk does them all.
        var planned = dossier.StepPlan.FirstOrDefault(s => s.UnitId is not null);
        if (planned is not null)
        {
            dossier.ReportUnitId = planned.UnitId;
            dossier.ReportUnitName = planned.UnitName;
        }
    }

    /// <summary>
    /// Refreshes the counted flag and both closing events from the dossier's state, and pins the unit at the first
    /// transfer when the plan named none. Must run before every SaveChanges that changes a dossier's state.
    /// </summary>
    /// <param name="unitName">Where the first unit's name comes from; the request paths pass their cached units
    /// (issue #10), others read it from the database.</param>
    public static async Task RefreshAsync(AppDbContext db, Dossier dossier, CancellationToken ct, Func<int, CancellationToken, Task<string?>>? unitName = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(dossier);
        if (dossier.ReportUnitId is null && dossier.CurrentUnitId is { } unitId)
        {
            dossier.ReportUnitId = unitId;
            dossier.ReportUnitName = unitName is null
                ? await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync(ct)
                : await unitName(unitId, ct);
        }
        Refresh(dossier);
    }

    /// <summary>The state-derived part of <see cref="RefreshAsync"/> (no look-up).</summary>
    public static void Refresh(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var fact = ClosingFact(dossier);
        dossier.ReportCounted = fact is not null;
        var completion = fact is null ? null : DossierReport.Closing(fact, CountFinishAt.Completion);
        var ret = fact is null ? null : DossierReport.Closing(fact, CountFinishAt.Return);
        dossier.ReportClosedAt = completion?.At.UtcTicks ?? Open;
        dossier.ReportClosedKind = completion?.Kind;
        dossier.ReportClosedAtReturn = ret?.At.UtcTicks ?? Open;
        dossier.ReportClosedKindReturn = ret?.Kind;
    }

    /// <summary>The instants of a counted dossier as Core sees them, or null when the dossier is not counted.</summary>
    private static DossierFact? ClosingFact(Dossier d)
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
