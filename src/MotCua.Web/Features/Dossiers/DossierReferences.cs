using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Caching;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// What dossier commands read besides the dossier: the receipt's catalogue basis, the agency, units and calendar (all
/// through <see cref="ReferenceCache"/>), and the dossier numbers (ADR-004).
/// </summary>
public sealed class DossierReferences(AppDbContext db, TimeProvider time, CalendarProvider calendars, ReferenceCache cache)
{
    /// <summary>The entity types the cached receipt basis, agencies and units come from: an edit of any drops the cache.</summary>
    internal static readonly Type[] CachedFrom =
    [
        typeof(Field), typeof(Procedure), typeof(ProcedureVersion), typeof(ProcedurePaper), typeof(ProcedureFee), typeof(LegalBasis),
        typeof(CatalogueSettings), typeof(PublicationDecision), typeof(PublicationDecisionItem), typeof(InternalProcess), typeof(ProcessStep),
        typeof(Agency), typeof(Unit),
    ];

    /// <summary>
    /// What a receipt reads from the catalogue: the version in force (with its papers, fees and legal bases), the
    /// effective processing time, the step plan of its approved process and the field's name. Cached per agency,
    /// procedure code and local day (<see cref="ReferenceCache"/>: a published version is immutable; which version is
    /// in force, the agency default time and the approved process are mutable, hence the cache's 30 s life and its
    /// drop on any catalogue or organisation edit in this instance).
    /// </summary>
    internal sealed record ReceiptBasis(ReceiveEligibility Eligibility, EffectiveTime? Effective, IReadOnlyList<PlannedStep> Plan, string FieldName);

    internal Task<ReceiptBasis> ReceiptBasisAsync(int agencyId, string procedureCode, DateTimeOffset at, CancellationToken ct) =>
        cache.GetAsync(FormattableString.Invariant($"receipt:{agencyId}:{CatalogueQueries.NormalizeCode(procedureCode)}:{CatalogueQueries.LocalDay(at).DayNumber}"), async (own, c) =>
        {
            var eligibility = await CatalogueQueries.CanReceiveAsync(own, agencyId, procedureCode, at, c);
            if (eligibility.Version is not { } version)
            {
                return new ReceiptBasis(eligibility, null, [], "");
            }
            var effective = await CatalogueQueries.EffectiveProcessingTimeAsync(own, version, agencyId, c);
            var plan = await StepPlanAsync(own, version.Id, agencyId, c);
            var fieldName = await own.CatalogueFields.AsNoTracking().Where(f => f.Id == version.FieldId).Select(f => f.Name).SingleOrDefaultAsync(c);
            return new ReceiptBasis(eligibility, effective, plan, fieldName ?? "");
        }, ct);

    /// <summary>The agency (code, office hours, name), cached (mutable: 30 s life, dropped on an edit here; see <see cref="ReferenceCache"/>).</summary>
    internal Task<Agency> AgencyAsync(int agencyId, CancellationToken ct) => AgencyAsync(cache, agencyId, ct);

    internal static Task<Agency> AgencyAsync(ReferenceCache cache, int agencyId, CancellationToken ct) =>
        cache.GetAsync(FormattableString.Invariant($"agency:{agencyId}"), (own, c) => own.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, c), ct);

    /// <summary>A unit (agency, name, active flag), cached like the agency; null when there is none.</summary>
    internal Task<Unit?> UnitAsync(int unitId, CancellationToken ct) =>
        cache.GetAsync(FormattableString.Invariant($"unit:{unitId}"), (own, c) => own.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, c), ct);

    /// <summary>The units routing may name, as the decider sees them (cached reads; unknown ids are left out).</summary>
    internal async Task<IReadOnlyDictionary<int, UnitInfo>> UnitsAsync(IEnumerable<int?> ids, CancellationToken ct)
    {
        var units = new Dictionary<int, UnitInfo>();
        foreach (var id in ids.OfType<int>().Distinct())
        {
            if (await UnitAsync(id, ct) is { } u)
            {
                units[id] = new UnitInfo(u.Id, u.AgencyId, u.IsActive, u.Kind == UnitKind.OneStopDesk);
            }
        }
        return units;
    }

    /// <summary>
    /// The deadline calculator of the agency: the calendar as stored now (its change stamp is checked at every command,
    /// so a holiday saved on another instance counts at once) and the cached agency's office hours.
    /// </summary>
    internal async Task<DeadlineCalculator> CalculatorAsync(Agency agency, CancellationToken ct) =>
        new(_calendar ??= _stamp is { } stamp ? await calendars.CurrentAsync(db, stamp, ct) : await calendars.CurrentAsync(db, ct),
            AgencyOfficeHours.Of(agency), calendars.Limits);

    /// <summary>The calendar's stamp as read with the command's dossier (<see cref="DossierStore.FindAsync"/>): the check the calculator then needs.</summary>
    internal void CalendarStampRead(CalendarStamp stamp) => _stamp ??= stamp;

    // One scope is one command: its decision and its answer (the actions available after it) share one stamp check.
    private WorkingCalendar? _calendar;
    private CalendarStamp? _stamp;

    /// <summary>A new dossier pinned to <paramref name="version"/> with its snapshot (code, name, time, step plan).</summary>
    internal async Task<Dossier> NewDossierAsync(Agency agency, ProcedureVersion version, DossierChannel channel, ApplicantInput applicant,
        DateTimeOffset submittedAt, CancellationToken ct)
    {
        var effective = await CatalogueQueries.EffectiveProcessingTimeAsync(db, version, agency.Id, ct);
        var plan = await StepPlanAsync(db, version.Id, agency.Id, ct);
        var fieldName = await db.CatalogueFields.Where(f => f.Id == version.FieldId).Select(f => f.Name).SingleOrDefaultAsync(ct);
        return NewDossier(agency, version, new ReceiptBasis(new ReceiveEligibility(version, ReceiveRefusal.None, null), effective, plan, fieldName ?? ""),
            channel, applicant, submittedAt);
    }

    internal static Dossier NewDossier(Agency agency, ProcedureVersion version, ReceiptBasis basis, DossierChannel channel, ApplicantInput applicant,
        DateTimeOffset submittedAt)
    {
        var effective = basis.Effective!;
        var plan = basis.Plan;
        var dossier = new Dossier
        {
            AgencyId = agency.Id,
            Code = "",
            Channel = channel,
            ApplicantKind = applicant.Kind,
            ApplicantName = TextSearch.Nfc(applicant.Name),
            // Stored in the one normalised form (validated before), so look-up, masking and search see one spelling.
            ApplicantIdNumber = ApplicantNumbers.NormalizeIdNumber(applicant.IdNumber, applicant.Kind == ApplicantKind.Organisation) ?? TextSearch.NfcOrNull(applicant.IdNumber),
            ApplicantPhone = ApplicantNumbers.NormalizePhone(applicant.Phone) ?? TextSearch.NfcOrNull(applicant.Phone),
            ApplicantEmail = TextSearch.NfcOrNull(applicant.Email),
            ApplicantAddress = TextSearch.NfcOrNull(applicant.Address),
            RepresentativeName = applicant.Kind == ApplicantKind.Organisation ? TextSearch.NfcOrNull(applicant.Representative?.Trim()) : null,
            ProcedureVersionId = version.Id,
            ProcedureCode = version.Procedure!.Code,
            ProcedureName = version.Name,
            ProcessingTimeValue = effective.Time.Value,
            ProcessingTimeUnit = effective.Time.Unit,
            ProcessingTimeVerified = effective.Verified,
            SupplementPolicy = version.SupplementPolicy ?? TimeLimitRule.Default.SupplementPolicyOn(DateOnly.FromDateTime(submittedAt.ToOffset(DeadlineCalculator.VietnamOffset).DateTime)).Value,
            SupplementLimitValue = version.SupplementLimitValue,
            SupplementLimitUnit = version.SupplementLimitValue is null ? null : version.SupplementLimitUnit,
            OnlineCheckWorkingHours = version.OnlineCheckWorkingHours,
            Regime = LegalRegime.At(submittedAt).Id,
            SubmittedAt = submittedAt,
            CreatedAt = submittedAt,
            FeeAmount = (long)version.Fees.Sum(f => f.Amount),
        };
        dossier.StepPlan = plan;
        return dossier;
    }

    /// <summary>
    /// The steps of the version's approved internal process: the processing steps, then the leader's (desk receipt and
    /// return are the desk's actions, not steps); one step handled by the unit chosen at transfer when no process is approved.
    /// </summary>
    private static async Task<List<PlannedStep>> StepPlanAsync(AppDbContext db, int versionId, int agencyId, CancellationToken ct)
    {
        var process = await db.InternalProcesses.AsNoTracking()
            .Where(p => p.ProcedureVersionId == versionId && (p.State == ProcessState.InForce || p.State == ProcessState.Approved))
            .OrderByDescending(p => p.State == ProcessState.InForce).ThenByDescending(p => p.Id)
            .Include(p => p.Steps).ThenInclude(s => s.Unit)
            .FirstOrDefaultAsync(ct);
        var steps = process is null ? [] : ProcessRouting.Plan(process.Steps.OrderBy(s => s.Seq), s => s.Kind, s => s.Unit?.Kind == UnitKind.OneStopDesk)
            .Select(p => new PlannedStep(ProcessRouting.NameOf(p.Step.Kind, p.Step.Description), p.Step.UnitId, p.Step.Unit?.Name, p.Step.DurationValue,
                p.Step.DurationUnit, p.Step.Unit?.Kind == UnitKind.OneStopDesk, p.ByLeader))
            .ToList();
        return steps.Exists(s => !s.ByLeader) ? steps : [new PlannedStep("Thẩm định, xử lý hồ sơ", null, null, 0, TimeUnit.WorkingDays), .. steps];
    }

    /// <summary>
    /// A receipt's code: the day's next number taken by ONE atomic upsert (same SQL on SQLite 3.35+ and PostgreSQL), run
    /// as the first statement of the receipt's transaction once every check has passed, so a receipt that fails after it
    /// rolls the number back and the register has no gaps. Concurrent desks of one agency wait on the counter
    /// row only for the rest of that transaction; none retries on it (an optimistic token would make every loser re-run
    /// the whole receipt: docs/decisions/ADR-004-gapless-dossier-numbers.md).
    /// </summary>
    internal async Task<string> AllocateCodeAsync(Agency agency, DateTimeOffset at, CancellationToken ct)
    {
        var day = DossierCode.SequenceDate(at);
        var taken = await db.Database.SqlQuery<int>($"INSERT INTO \"DossierCodeCounters\" (\"AgencyId\", \"Day\", \"Next\") VALUES ({agency.Id}, {day}, 2) ON CONFLICT (\"AgencyId\", \"Day\") DO UPDATE SET \"Next\" = \"DossierCodeCounters\".\"Next\" + 1 RETURNING \"Next\" - 1 AS \"Value\"")
            .ToListAsync(ct);
        return DossierCode.Default.Build(agency.Code, day, taken.Single());
    }

    /// <summary>
    /// The next code of the agency's local day, for the historical import (many dossiers in one SaveChanges). The counter row carries its value as a concurrency token: two receipts
    /// that read the same value cannot both save (the loser's UPDATE matches no row, or its INSERT hits the key), and
    /// the caller retries. Same behaviour on SQLite and PostgreSQL, one SaveChanges with the dossier.
    /// </summary>
    internal async Task<string> NextCodeAsync(Agency agency, DateTimeOffset at, CancellationToken ct)
    {
        var day = DossierCode.SequenceDate(at);
        var counter = db.ChangeTracker.Entries<DossierCodeCounter>().Select(e => e.Entity).FirstOrDefault(c => c.AgencyId == agency.Id && c.Day == day)
            ?? await db.Set<DossierCodeCounter>().SingleOrDefaultAsync(c => c.AgencyId == agency.Id && c.Day == day, ct);
        if (counter is null)
        {
            counter = new DossierCodeCounter { AgencyId = agency.Id, Day = day, Next = 1 };
            db.Add(counter);
        }
        var seq = counter.Next;
        counter.Next = seq + 1;
        return DossierCode.Default.Build(agency.Code, day, seq);
    }

    /// <summary>
    /// The unit a dossier of the procedure is handed to by default today (the receipt's preselected unit), or null when the
    /// procedure is not received here or its plan names no unit; other pages use it to suggest the unit in charge.
    /// </summary>
    /// <remarks>Reads through <see cref="ReceiptBasisAsync"/>, which clears the change tracker when it fills the cache:
    /// call it with no unsaved changes (the PAKN page reads with nothing tracked).</remarks>
    public async Task<int?> UnitInChargeAsync(int agencyId, string procedureCode, CancellationToken ct)
    {
        var basis = await ReceiptBasisAsync(agencyId, procedureCode, time.GetUtcNow(), ct);
        return basis.Eligibility.Version is null ? null : DossierDecider.FirstHandOverUnit(basis.Plan, agencyId, await UnitsAsync(basis.Plan.Select(s => s.UnitId), ct));
    }
}
