using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

using MotCua.Core.Notifications;
using MotCua.Web.Features.Integrations;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Shared.Caching;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Dossiers;

public enum OutcomeKind
{
    Ok,
    Invalid,
    Forbidden,
    NotFound,
    Conflict,
    Unprocessable,
}

/// <summary>The result of a workflow call: the dossier, or why not (Vietnamese title/detail, field errors for 400).</summary>
public sealed record WorkflowOutcome(OutcomeKind Kind, Dossier? Dossier = null, string? Title = null, string? Detail = null,
    Dictionary<string, string[]>? Errors = null, TransitionResult? Transition = null, string? ReplayJson = null)
{
    public bool Succeeded => Kind == OutcomeKind.Ok;

    public const string ConcurrencyMessage = "Hồ sơ đã được cập nhật bởi người khác, vui lòng tải lại.";

    public static WorkflowOutcome Invalid(string field, string message) =>
        new(OutcomeKind.Invalid, Title: "Dữ liệu không hợp lệ.", Errors: new(StringComparer.Ordinal) { [field] = [message] });

    public static WorkflowOutcome Concurrency() => new(OutcomeKind.Conflict, Title: ConcurrencyMessage, Detail: ConcurrencyMessage);

    public string Message => Errors is { Count: > 0 } e ? string.Join(" ", e.Values.SelectMany(v => v)) : Detail ?? Title ?? "";
}

public enum ReceiptOutcome
{
    /// <summary>Complete: received with an appointment.</summary>
    Receive,

    /// <summary>Incomplete: supplement requested at the desk check.</summary>
    RequestSupplement,

    /// <summary>Outside competence or not eligible.</summary>
    Refuse,

    /// <summary>An online (or postal) dossier waiting for the desk check (status Submitted).</summary>
    Submit,
}

public sealed record ApplicantInput(ApplicantKind Kind, string? Name, string? IdNumber, string? Phone, string? Email, string? Address);

public sealed record PaperInput(string? Name, bool Present, PaperCopyKind Form = PaperCopyKind.Original, int Quantity = 1);

public sealed record ReceiptInput(
    string? ProcedureCode,
    DossierChannel Channel,
    ApplicantInput Applicant,
    IReadOnlyList<PaperInput> Papers,
    ReceiptOutcome Outcome = ReceiptOutcome.Receive,
    string? Note = null,
    PaymentStatus Payment = PaymentStatus.Unpaid,
    IReadOnlyList<IncomingFile>? Files = null,
    int? TransferToUnitId = null);

/// <summary>The inputs some actions need (see <see cref="TransitionContext"/>), plus the unit for a transfer.</summary>
public sealed record ActionInput(
    string? Note = null,
    string? Assignee = null,
    int? UnitId = null,
    int? TargetStep = null,
    DateTimeOffset? NewAppointment = null,
    ResultDelivery? Delivery = null,
    string? Partner = null,
    IncomingFile? ResultFile = null);

/// <summary>
/// The one place a dossier changes: receipt (<see cref="ReceiveAsync"/>) and every later transition
/// (<see cref="ApplyAsync"/>), each persisted with its history row, audit entry, issued form and explanation record in
/// ONE SaveChanges. Notification hooks belong in <see cref="PersistAsync"/>.
/// </summary>
public sealed class DossierWorkflow(AppDbContext db, TimeProvider time, CalendarProvider calendars, DossierFileStore files, Notifier notifier, ReferenceCache cache,
    IEnumerable<IDossierSubscriber> subscribers)
{
    private const int MaxAttempts = 8;

    /// <summary>The officer an action was just checked against (agency, user name, id), so the alert need not read them again.</summary>
    private (int AgencyId, string UserName, string Id)? _checkedAssignee;

    public static IReadOnlyCollection<string> RolesOf(ClaimsPrincipal user) =>
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);

    // ================================================================== receipt

    /// <summary>
    /// Creates a dossier at the desk (or a Submitted one for the online desk check): validation, eligibility of the
    /// procedure, code from the per-day counter, the outcome's transition. Retries on a lost race for the counter.
    /// </summary>
    public Task<WorkflowOutcome> ReceiveAsync(ReceiptInput input, ClaimsPrincipal user, string? idempotencyKey, string? requestHash, CancellationToken ct) =>
        ReceiveAsync(input, user, idempotencyKey, requestHash, null, ct);

    /// <summary>
    /// As above; <paramref name="alongside"/> adds the caller's own changes (e.g. removing the online draft the dossier
    /// came from) to the context right before the one SaveChanges, so they commit or fail with the dossier.
    /// </summary>
    public async Task<WorkflowOutcome> ReceiveAsync(ReceiptInput input, ClaimsPrincipal user, string? idempotencyKey, string? requestHash,
        Action<AppDbContext>? alongside, CancellationToken ct)
    {
        var agencyId = user.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return new WorkflowOutcome(OutcomeKind.Invalid, Title: "Dữ liệu không hợp lệ.", Errors: errors);
        }

        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            // A key is looked up only after a failed attempt: a new key (nearly every receipt) costs no read, and a
            // repeated one fails the first save on the unique index (AgencyId, Key), so the retry finds it and replays
            // (one statement less per receipt; the failed attempt's number is rolled back with its transaction).
            if (idempotencyKey is not null && attempt > 1 && await db.Set<DossierIdempotencyKey>().AsNoTracking()
                    .SingleOrDefaultAsync(k => k.AgencyId == agencyId && k.Key == idempotencyKey, ct) is { } seen)
            {
                if (!string.Equals(seen.RequestHash, requestHash, StringComparison.Ordinal))
                {
                    return new WorkflowOutcome(OutcomeKind.Unprocessable, Title: "Khóa Idempotency-Key đã được dùng.",
                        Detail: "Khóa Idempotency-Key này đã được dùng cho một yêu cầu tiếp nhận khác; vui lòng dùng khóa mới.");
                }
                var earlier = await db.Set<Dossier>().AsNoTracking().SingleAsync(d => d.Id == seen.DossierId, ct);
                return new WorkflowOutcome(OutcomeKind.Ok, earlier, ReplayJson: seen.ResponseJson);
            }

            var written = new List<DossierFile>();
            try
            {
                var outcome = await TryReceiveOnceAsync(input, user, agencyId, idempotencyKey, requestHash, written, alongside, ct);
                if (!outcome.Succeeded)
                {
                    files.Discard(written);
                }
                return outcome;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another receipt took the same code sequence (or the same idempotency key) first: try again.
                files.Discard(written);
            }
            catch
            {
                files.Discard(written);
                throw;
            }
        }
    }

    private static Dictionary<string, string[]> Validate(ReceiptInput input)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.ProcedureCode))
        {
            errors["procedureCode"] = ["Vui lòng chọn thủ tục hành chính."];
        }
        // Sizes, phone and ID formats and an unguessable look-up factor: the same rules for every receipt path (Core).
        foreach (var (field, messages) in ReceiptRules.Check(Fields(input.Applicant, input.Papers, input.Note), factorRequired: true))
        {
            errors[field] = messages;
        }
        if (input.Outcome is ReceiptOutcome.RequestSupplement or ReceiptOutcome.Refuse && string.IsNullOrWhiteSpace(input.Note))
        {
            errors["note"] = [input.Outcome == ReceiptOutcome.Refuse ? "Vui lòng nêu rõ lý do từ chối." : "Vui lòng nêu rõ nội dung cần bổ sung."];
        }
        if (input.Outcome == ReceiptOutcome.Receive && input.Channel == DossierChannel.Online)
        {
            errors["channel"] = ["Hồ sơ trực tuyến được tạo ở trạng thái chờ tiếp nhận; Bộ phận Một cửa kiểm tra rồi mới tiếp nhận."];
        }
        if (input.TransferToUnitId is not null && input.Outcome != ReceiptOutcome.Receive)
        {
            errors["transferToUnitId"] = ["Chỉ chuyển ngay cho đơn vị xử lý được khi tiếp nhận hồ sơ (không khi yêu cầu bổ sung, từ chối hay chờ kiểm tra)."];
        }
        return errors;
    }

    /// <summary>A receipt's fields as the Core rules read them (shared with the historical import).</summary>
    internal static ReceiptFields Fields(ApplicantInput a, IReadOnlyList<PaperInput> papers, string? note) =>
        new(a.Kind == ApplicantKind.Organisation, a.Name, a.IdNumber, a.Phone, a.Email, a.Address,
            papers.Select(p => new ReceiptPaperFields(p.Name, p.Quantity)).ToList(), note);

    private async Task<WorkflowOutcome> TryReceiveOnceAsync(ReceiptInput input, ClaimsPrincipal user, int agencyId, string? key, string? hash,
        List<DossierFile> written, Action<AppDbContext>? alongside, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var basis = await ReceiptBasisAsync(agencyId, input.ProcedureCode!, now, ct);
        if (basis.Eligibility.Version is not { } version)
        {
            return WorkflowOutcome.Invalid("procedureCode", basis.Eligibility.Message ?? "Không tiếp nhận được hồ sơ của thủ tục này.");
        }
        foreach (var f in input.Files ?? [])
        {
            if (files.Check(f) is { } problem)
            {
                return WorkflowOutcome.Invalid("files", problem);
            }
        }

        var agency = await AgencyAsync(agencyId, ct);
        var dossier = NewDossier(agency, version, basis, input.Channel, input.Applicant, now);
        dossier.PaymentStatus = input.Payment;
        var seq = 1;
        foreach (var p in input.Papers)
        {
            dossier.Papers.Add(new DossierPaper { Seq = seq++, Name = TextSearch.Nfc(p.Name), Present = p.Present, Form = p.Form, Quantity = p.Quantity });
        }
        var calculator = await CalculatorAsync(agency, ct);
        DossierAction? action = input.Outcome switch
        {
            ReceiptOutcome.Receive => DossierAction.Receive,
            ReceiptOutcome.RequestSupplement => DossierAction.RequestSupplement,
            ReceiptOutcome.Refuse => DossierAction.Refuse,
            ReceiptOutcome.Submit => null,
        };
        if (await ReceiptRefusalAsync(input, action, user, dossier, now, calculator, ct) is { } refusal)
        {
            return refusal;
        }

        // The number is taken last, inside the receipt's own transaction: whatever fails after it (a lost race for the
        // idempotency key, a database error) rolls the counter back with the dossier, so the register has no gaps.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        dossier.Code = await AllocateCodeAsync(agency, now, ct);
        db.Add(dossier);

        var state = DossierState.Start(input.Channel, dossier.Terms);
        var submitRecorded = state.Status == DossierStatus.Draft;
        if (submitRecorded)
        {
            // The online form submits as the applicant; an officer creating one here records that submission.
            var submit = DossierStateMachine.Apply(state, DossierAction.Submit, new TransitionContext(now, [DossierRoles.Applicant], calculator));
            Record(dossier, submit, now, user, null, null);
            state = submit.State!;
        }
        dossier.Apply(state);
        dossier.Version = 1;

        TransitionResult? result = null;
        TransitionResult? then = null;
        if (action is { } a)
        {
            var ctx = new TransitionContext(now, RolesOf(user), calculator) { Note = TextSearch.NfcOrNull(input.Note) };
            result = DossierStateMachine.Apply(state, a, ctx);
            if (!result.Succeeded)
            {
                return Refusal(result);
            }
            dossier.Apply(result.State);
            dossier.Version = 1;
            Record(dossier, result, now, user, ctx.Note, null);
            if (input.TransferToUnitId is { } unitId)
            {
                var (transfer, refused) = await TransferOnReceiptAsync(dossier, result, unitId, "transferToUnitId", user, now, calculator, ct);
                if (refused is not null)
                {
                    return refused;
                }
                then = transfer;
            }
        }
        else if (!submitRecorded)
        {
            // Postal/desk dossiers start as Submitted without a transition; online ones already recorded Draft → Submitted
            // above, and a second "Nộp hồ sơ" step would show twice on the citizen's look-up.
            dossier.Events.Add(Event(dossier, DossierAction.Submit, null, dossier.Status, now, user, TextSearch.NfcOrNull(input.Note)));
        }

        foreach (var f in input.Files ?? [])
        {
            var file = files.Save(dossier, f, DossierFileKind.Component, now, user.Identity?.Name);
            written.Add(file);
            db.Add(file);
        }
        if (written.Count > 0)
        {
            dossier.ComponentsDigitised = true;
        }

        AuditLog.Append(db, time, user, "dossier.receive", "Dossier", dossier.Code,
            $"Tạo hồ sơ {dossier.Code} ({DossierText.Name(dossier.Status)}) – thủ tục {dossier.ProcedureCode}{(then is null ? "" : " – tiếp nhận và chuyển ngay cho đơn vị xử lý")}.",
            new { dossier.Code, Status = dossier.Status.ToString(), dossier.ProcedureCode, Channel = dossier.Channel.ToString(), TransferredToUnitId = then is null ? null : dossier.CurrentUnitId });
        var response = DossierApi.ReceiptResponse(dossier);
        if (key is not null)
        {
            db.Add(new DossierIdempotencyKey
            {
                AgencyId = agencyId, Key = key, RequestHash = hash ?? "", ResponseJson = System.Text.Json.JsonSerializer.Serialize(response, DossierApi.Json),
                CreatedAt = now, Dossier = dossier,
            });
        }
        alongside?.Invoke(db);
        await PersistAsync(dossier, result, ct, then);
        await transaction.CommitAsync(ct);
        return new WorkflowOutcome(OutcomeKind.Ok, dossier, Transition: result);
    }

    /// <summary>
    /// Why the receipt's transitions would be refused (the caller's role, the transfer's unit), decided before a dossier
    /// number is taken; null when they will pass. The same pure rules run again when the dossier is built.
    /// </summary>
    private async Task<WorkflowOutcome?> ReceiptRefusalAsync(ReceiptInput input, DossierAction? action, ClaimsPrincipal user, Dossier dossier,
        DateTimeOffset now, DeadlineCalculator calculator, CancellationToken ct)
    {
        if (action is not { } a)
        {
            return null;
        }
        var state = DossierState.Start(input.Channel, dossier.Terms);
        if (state.Status == DossierStatus.Draft)
        {
            state = DossierStateMachine.Apply(state, DossierAction.Submit, new TransitionContext(now, [DossierRoles.Applicant], calculator)).State!;
        }
        var ctx = new TransitionContext(now, RolesOf(user), calculator) { Note = TextSearch.NfcOrNull(input.Note) };
        var result = DossierStateMachine.Apply(state, a, ctx);
        if (!result.Succeeded)
        {
            return Refusal(result);
        }
        if (input.TransferToUnitId is { } unitId)
        {
            var transfer = DossierStateMachine.Apply(result.State!, DossierAction.Transfer, new TransitionContext(now, RolesOf(user), calculator));
            if (!transfer.Succeeded)
            {
                return Refusal(transfer);
            }
            if (await TransferProblemAsync(unitId, dossier.AgencyId, dossier.StepPlan, ct) is { } problem)
            {
                return WorkflowOutcome.Invalid("transferToUnitId", problem);
            }
        }
        return null;
    }

    /// <summary>The entity types the receipt basis, agency and unit above are read from: an edit of any of them drops the cache.</summary>
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
    /// in force, the agency default time and the approved process are mutable, hence the cache's life and its drop on
    /// any catalogue or organisation edit in this instance).
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

    /// <summary>The agency (code, office hours, name), cached (mutable: dropped on an edit here; see <see cref="ReferenceCache"/>).</summary>
    internal Task<Agency> AgencyAsync(int agencyId, CancellationToken ct) => AgencyAsync(cache, agencyId, ct);

    internal static Task<Agency> AgencyAsync(ReferenceCache cache, int agencyId, CancellationToken ct) =>
        cache.GetAsync(FormattableString.Invariant($"agency:{agencyId}"), (own, c) => own.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, c), ct);

    /// <summary>A unit (agency, name, active flag), cached like the agency; null when there is none.</summary>
    internal Task<Unit?> UnitAsync(int unitId, CancellationToken ct) =>
        cache.GetAsync(FormattableString.Invariant($"unit:{unitId}"), (own, c) => own.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, c), ct);

    /// <summary>
    /// The dossier's tracker entry without a change-detection pass: only its state (Added or not) and original values are
    /// read, which detection does not change, and a full pass over a wide dossier row is not free.
    /// </summary>
    private Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Dossier> EntryWithoutDetection(Dossier dossier)
    {
        var auto = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.Entry(dossier);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = auto;
        }
    }

    /// <summary>The deadline calculator of the agency: the shared calendar, checked current, and the cached agency's office hours.</summary>
    private async Task<DeadlineCalculator> CalculatorAsync(Agency agency, CancellationToken ct) =>
        new(await calendars.CurrentAsync(db, ct), AgencyOfficeHours.Of(agency));

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

    private static Dossier NewDossier(Agency agency, ProcedureVersion version, ReceiptBasis basis, DossierChannel channel, ApplicantInput applicant,
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
            ProcedureVersionId = version.Id,
            ProcedureCode = version.Procedure!.Code,
            ProcedureName = version.Name,
            ProcessingTimeValue = effective.Time.Value,
            ProcessingTimeUnit = effective.Time.Unit,
            ProcessingTimeVerified = effective.Verified,
            SupplementPolicy = SupplementClockPolicy.Restart,
            Regime = LegalRegime.At(submittedAt).Id,
            SubmittedAt = submittedAt,
            CreatedAt = submittedAt,
            FeeAmount = (long)version.Fees.Sum(f => f.Amount),
        };
        dossier.StepPlan = plan;
        return dossier;
    }

    /// <summary>
    /// The processing steps of the version's approved internal process (desk receipt/return and the leader's approval
    /// are statuses, not steps); one step handled by the unit chosen at transfer when no process is approved.
    /// </summary>
    private static async Task<List<PlannedStep>> StepPlanAsync(AppDbContext db, int versionId, int agencyId, CancellationToken ct)
    {
        var process = await db.InternalProcesses.AsNoTracking()
            .Where(p => p.ProcedureVersionId == versionId && (p.State == ProcessState.InForce || p.State == ProcessState.Approved))
            .OrderByDescending(p => p.State == ProcessState.InForce).ThenByDescending(p => p.Id)
            .Include(p => p.Steps).ThenInclude(s => s.Unit)
            .FirstOrDefaultAsync(ct);
        var steps = process is null ? [] : PlannedStep.Routed(process.Steps.OrderBy(s => s.Seq), s => s.Kind, s => s.Unit?.Kind == UnitKind.OneStopDesk)
            .Select(s => new PlannedStep(PlannedStep.NameOf(s.Kind, s.Description), s.UnitId, s.Unit?.Name, s.DurationValue, s.DurationUnit, s.Unit?.Kind == UnitKind.OneStopDesk))
            .ToList();
        return steps.Count > 0 ? steps : [new PlannedStep("Thẩm định, xử lý hồ sơ", null, null, 0, TimeUnit.WorkingDays)];
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

    // ================================================================== transitions

    /// <summary>Loads a dossier of the caller's agency by code (tracked), or null.</summary>
    public Task<Dossier?> FindAsync(ClaimsPrincipal user, string code, CancellationToken ct)
    {
        var agencyId = user.AgencyId();
        var key = (code ?? "").Trim();
        // Without its papers: no transition reads them (the online confirmation is built at receipt, from the new
        // dossier), and the JOIN made every step read, materialise and track them.
        return db.Set<Dossier>().SingleOrDefaultAsync(d => d.AgencyId == agencyId && d.Code == key, ct);
    }

    /// <summary>
    /// Applies one action through <see cref="DossierStateMachine"/>. <paramref name="expectedVersion"/> is the version the
    /// caller saw: if someone acted in between, the caller loses with the concurrency message.
    /// </summary>
    public async Task<WorkflowOutcome> ApplyAsync(string code, DossierAction action, ActionInput input, long? expectedVersion, ClaimsPrincipal user, CancellationToken ct)
    {
        var dossier = await FindAsync(user, code, ct);
        if (dossier is null)
        {
            return new WorkflowOutcome(OutcomeKind.NotFound, Title: "Không tìm thấy hồ sơ.", Detail: $"Không có hồ sơ mã \"{code}\" của cơ quan.");
        }
        if (expectedVersion is { } v && v != dossier.Version)
        {
            return WorkflowOutcome.Concurrency();
        }
        if (await RefusalAsync(user, dossier, DossierChange.Transition, ct) is { } outOfScope)
        {
            return outOfScope;
        }

        var now = time.GetUtcNow();
        var calculator = await CalculatorAsync(await AgencyAsync(dossier.AgencyId, ct), ct);
        var note = TextSearch.NfcOrNull(input.Note);
        var ctx = new TransitionContext(now, RolesOf(user), calculator)
        {
            Note = note,
            Assignee = input.Assignee?.Trim(),
            TargetStep = input.TargetStep,
            NewAppointment = input.NewAppointment,
            Delivery = input.Delivery,
            Partner = TextSearch.NfcOrNull(input.Partner),
        };
        if (!string.IsNullOrWhiteSpace(ctx.Assignee))
        {
            // One read both checks the officer and gives the id the queue alert needs (NoticesAsync).
            var assigneeId = await db.Users.Where(u => u.UserName == ctx.Assignee && u.AgencyId == dossier.AgencyId && u.IsActive).Select(u => u.Id).FirstOrDefaultAsync(ct);
            if (assigneeId is null)
            {
                return WorkflowOutcome.Invalid("assignee", $"Không có cán bộ \"{ctx.Assignee}\" trong cơ quan.");
            }
            _checkedAssignee = (dossier.AgencyId, ctx.Assignee, assigneeId);
        }

        var result = DossierStateMachine.Apply(dossier.ToState(), action, ctx);
        if (!result.Succeeded)
        {
            return Refusal(result);
        }

        var plan = dossier.StepPlan;
        int? unitBefore = dossier.CurrentUnitId;
        var stepBefore = dossier.CurrentStep;
        dossier.Apply(result.State);
        switch (action)
        {
            case DossierAction.Transfer:
                var unit = input.UnitId ?? await FirstHandOverUnitAsync(plan, dossier.AgencyId, ct);
                if (unit is null)
                {
                    return WorkflowOutcome.Invalid("unitId", "Vui lòng chọn đơn vị xử lý hồ sơ.");
                }
                if (await TransferProblemAsync(unit.Value, dossier.AgencyId, plan, ct) is { } notThere)
                {
                    return WorkflowOutcome.Invalid("unitId", notThere);
                }
                dossier.CurrentUnitId = unit;
                PlanSteps(dossier, plan, unit.Value, now, calculator);
                break;
            case DossierAction.Forward or DossierAction.ReturnToPreviousStep or DossierAction.Reject:
                dossier.CurrentUnitId = plan[dossier.CurrentStep].UnitId ?? await StepUnitAsync(dossier.Id, dossier.CurrentStep, ct) ?? dossier.CurrentUnitId;
                break;
            case DossierAction.ApologyReschedule:
                db.Add(new DossierApology
                {
                    Dossier = dossier, ResponsibleUnitId = dossier.CurrentUnitId, Reason = note!, OriginalDueAt = result.State.DueAt!.Value,
                    NewAppointmentAt = input.NewAppointment!.Value, IssuedAt = now, IssuedBy = user.Identity?.Name,
                });
                break;
            case DossierAction.DigitiseResult when input.ResultFile is { } resultFile:
                if (files.Check(resultFile) is { } problem)
                {
                    return WorkflowOutcome.Invalid("resultFile", problem);
                }
                var written = files.Save(dossier, resultFile, DossierFileKind.Result, now, user.Identity?.Name);
                db.Add(written);
                break;
            default:
                break;
        }
        if (action is DossierAction.Forward or DossierAction.ReturnToPreviousStep or DossierAction.Reject or DossierAction.Assign
            or DossierAction.Appraise or DossierAction.Transfer)
        {
            await TrackStepsAsync(dossier, stepBefore, action, now, ct);
        }

        Record(dossier, result, now, user, note, unitBefore, stepBefore);
        TransitionResult? then = null;
        if (action == DossierAction.Receive && input.UnitId is { } transferTo)
        {
            // The desk check of an online (or resubmitted) dossier can hand it to the unit at once, as the receipt can.
            var (transfer, refused) = await TransferOnReceiptAsync(dossier, result, transferTo, "unitId", user, now, calculator, ct);
            if (refused is not null)
            {
                return refused;
            }
            then = transfer;
        }
        var reached = then ?? result;
        AuditLog.Append(db, time, user, "dossier.transition", "Dossier", dossier.Code,
            $"Hồ sơ {dossier.Code}: {DossierText.Name(action)}{(then is null ? "" : " và chuyển xử lý")} ({DossierText.Name(result.From)} → {DossierText.Name(reached.To)}).",
            new { dossier.Code, Action = action.ToString(), From = result.From.ToString(), To = reached.To.ToString(), Note = note, TransferredToUnitId = then is null ? null : dossier.CurrentUnitId });
        try
        {
            await PersistAsync(dossier, result, ct, then);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WorkflowOutcome.Concurrency();
        }
        // The receipt's own transition is the one the caller reports (its warnings); the dossier shows where it went.
        return new WorkflowOutcome(OutcomeKind.Ok, dossier, Transition: result);
    }

    /// <summary>
    /// Why a dossier may not go to a unit, or null: it goes to an active unit of its own agency (the cached unit: no
    /// query) that <see cref="PlannedStep.MayTake"/> it.
    /// </summary>
    private async Task<string?> TransferProblemAsync(int unitId, int agencyId, IReadOnlyList<PlannedStep> plan, CancellationToken ct) =>
        await UnitAsync(unitId, ct) is not { } target || target.AgencyId != agencyId || !target.IsActive
            ? "Đơn vị xử lý không tồn tại hoặc đã ngừng hoạt động; vui lòng chọn đơn vị khác."
            : !PlannedStep.MayTake(plan, target.Kind == UnitKind.OneStopDesk)
                ? "Bộ phận Một cửa chỉ tiếp nhận và chuyển hồ sơ này, không phải đơn vị xử lý; vui lòng chọn đơn vị xử lý theo quy trình."
                : null;

    /// <summary>
    /// The unit a dossier of the procedure is handed to by default today (the receipt's preselected unit), or null when the
    /// procedure is not received here or its plan names no unit; other pages use it to suggest the unit in charge.
    /// </summary>
    public async Task<int?> UnitInChargeAsync(int agencyId, string procedureCode, CancellationToken ct)
    {
        var basis = await ReceiptBasisAsync(agencyId, procedureCode, time.GetUtcNow(), ct);
        return basis.Eligibility.Version is null ? null : await FirstHandOverUnitAsync(basis.Plan, agencyId, ct);
    }

    /// <summary><see cref="PlannedStep.FirstHandOverUnit"/> over the units <see cref="TransferProblemAsync"/> accepts (cached reads).</summary>
    private async Task<int?> FirstHandOverUnitAsync(IReadOnlyList<PlannedStep> plan, int agencyId, CancellationToken ct)
    {
        var accepted = new HashSet<int>();
        foreach (var id in plan.Select(s => s.UnitId).OfType<int>().Distinct())
        {
            if (await TransferProblemAsync(id, agencyId, plan, ct) is null)
            {
                accepted.Add(id);
            }
        }
        return PlannedStep.FirstHandOverUnit(plan, accepted.Contains);
    }

    /// <summary>
    /// "Tiếp nhận và chuyển xử lý": the desk's transfer to the processing unit right after <paramref name="received"/>, in
    /// the same save, recorded as its own step (the process-control slip shows the hand-over) with the steps planned,
    /// instead of a second action on the dossier (a second read, UPDATE and transaction).
    /// </summary>
    private async Task<(TransitionResult? Transfer, WorkflowOutcome? Refused)> TransferOnReceiptAsync(Dossier dossier, TransitionResult received, int unitId,
        string field, ClaimsPrincipal user, DateTimeOffset now, DeadlineCalculator calculator, CancellationToken ct)
    {
        var transfer = DossierStateMachine.Apply(received.State!, DossierAction.Transfer, new TransitionContext(now, RolesOf(user), calculator));
        if (!transfer.Succeeded)
        {
            return (null, Refusal(transfer));
        }
        if (await TransferProblemAsync(unitId, dossier.AgencyId, dossier.StepPlan, ct) is { } problem)
        {
            return (null, WorkflowOutcome.Invalid(field, problem));
        }
        var stepBefore = dossier.CurrentStep;
        dossier.Apply(transfer.State);
        dossier.CurrentUnitId = unitId;
        PlanSteps(dossier, dossier.StepPlan, unitId, now, calculator);
        Record(dossier, transfer, now, user, null, null, stepBefore);
        return (transfer, null);
    }

    /// <summary>
    /// THE persistence point of every dossier change: one SaveChanges (dossier, history, audit, form, explanation,
    /// idempotency row, code counter). Hooks that must follow a successful transition (notifications, #9) go after it.
    /// </summary>
    private async Task PersistAsync(Dossier dossier, TransitionResult? transition, CancellationToken ct, TransitionResult? then = null)
    {
        // The messages this change causes are added to the same context, so they commit (or roll back) with it.
        foreach (var notice in await NoticesAsync(dossier, transition, then, ct))
        {
            await notifier.RaiseAsync(db, notice, ct);
        }
        var change = new DossierSaving(dossier, db.Entry(dossier).State == EntityState.Added,
            new[] { transition, then }.OfType<TransitionResult>().ToList(), time.GetUtcNow());
        foreach (var subscriber in subscribers)
        {
            await subscriber.OnSavingAsync(db, change, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// What a transition tells the outside world: the citizen at receipt, supplement request, result and return; the
    /// unit or specialist when the dossier enters their queue; the national portal at every status change.
    /// </summary>
    /// <remarks>
    /// <paramref name="then"/> is a second transition saved with the first (receipt and transfer at once): each status
    /// change gets its own notice (the citizen is told of the receipt), but only the state reached last goes to the
    /// national portal. Syncs saved together share one instant, and the outbox orders a dossier's syncs by instant, so
    /// two of them could arrive in either order and leave the portal on the older status.
    /// </remarks>
    private async Task<List<DossierNotice>> NoticesAsync(Dossier dossier, TransitionResult? transition, TransitionResult? then, CancellationToken ct)
    {
        var notices = new List<DossierNotice>();
        if (transition?.State is null)
        {
            if (db.Entry(dossier).State == EntityState.Added && dossier.Status == DossierStatus.Submitted && dossier.Channel == DossierChannel.Online)
            {
                notices.Add(await OnlineConfirmationAsync(dossier, ct));
                if (await AwaitingCheckAsync(dossier, dossier.SubmittedAt, ct) is { } alert)
                {
                    notices.Add(alert);
                }
            }
            return notices;
        }
        var entry = EntryWithoutDetection(dossier);
        var added = entry.State == EntityState.Added;
        var unitChanged = added ? dossier.CurrentUnitId is not null : !Equals(entry.OriginalValues.GetValue<int?>(nameof(Dossier.CurrentUnitId)), dossier.CurrentUnitId);
        var assigneeChanged = added ? dossier.Assignee is not null : !string.Equals(entry.OriginalValues.GetValue<string?>(nameof(Dossier.Assignee)), dossier.Assignee, StringComparison.Ordinal);
        string? assigneeId = null;
        if (assigneeChanged && dossier.Assignee is { } assignee)
        {
            assigneeId = _checkedAssignee is { } known && known.AgencyId == dossier.AgencyId && string.Equals(known.UserName, assignee, StringComparison.Ordinal)
                ? known.Id
                : await db.Users.Where(u => u.UserName == assignee && u.AgencyId == dossier.AgencyId).Select(u => u.Id).SingleOrDefaultAsync(ct);
        }
        // The note of the event this change adds: events join through dossier.Events and have no id before the save, so
        // they are found without a change-detection pass over the tracker (one per notice otherwise).
        var addedNote = dossier.Events.Where(x => x.Id == 0).Select(x => x.Note).LastOrDefault(n => !string.IsNullOrWhiteSpace(n));
        var national = NationalStatus.From(dossier.Status) is { } ns
            ? new NationalDossierSnapshot
            {
                MaHoSo = dossier.Code,
                MaTTHC = dossier.ProcedureCode,
                TenTTHC = dossier.ProcedureName,
                ChuHoSo = dossier.ApplicantName,
                LoaiDoiTuong = dossier.ApplicantKind == ApplicantKind.Organisation ? 2 : 1,
                NgayTiepNhan = dossier.ReceivedAt,
                NgayHenTra = dossier.AppointmentAt,
                TrangThaiHoSo = ns.Code,
                NgayTra = dossier.ReturnedAt,
            }
            : null;
        DossierNotice Notice(DossierEventKind kind, bool withNational) => new()
        {
            AgencyId = dossier.AgencyId,
            DossierCode = dossier.Code,
            Kind = kind,
            Applicant = new ApplicantContact(dossier.ApplicantName, dossier.ApplicantPhone, dossier.ApplicantEmail),
            ProcedureName = dossier.ProcedureName,
            UnitId = dossier.CurrentUnitId,
            AssigneeUserId = assigneeId,
            DueAt = dossier.AppointmentAt ?? dossier.DueAt,
            Note = addedNote,
            National = withNational ? national : null,
        };

        var from = added ? (DossierStatus?)null : transition.From;
        var last = then ?? transition;
        foreach (var t in then is null ? [transition] : new[] { transition, then })
        {
            if (from != t.To)
            {
                notices.Add(Notice(t.To switch
                {
                    DossierStatus.Received => DossierEventKind.Received,
                    DossierStatus.AwaitingSupplement => DossierEventKind.SupplementRequested,
                    DossierStatus.ResultIssued => DossierEventKind.ResultReady,
                    DossierStatus.Returned => DossierEventKind.Returned,
                    _ => DossierEventKind.StatusChanged,
                }, withNational: t == last));
            }
            if (t.From == DossierStatus.AwaitingSupplement && t.To == DossierStatus.Submitted && dossier.Channel == DossierChannel.Online
                && await AwaitingCheckAsync(dossier, time.GetUtcNow(), ct) is { } back)
            {
                // The supplement asked for at the check is in: the desk checks the dossier again, on a new check time.
                notices.Add(back);
            }
            from = t.To;
        }
        if ((unitChanged || assigneeChanged) && !last.State!.IsTerminal && last.To != DossierStatus.Received)
        {
            notices.Add(Notice(DossierEventKind.EnteredQueue, withNational: false));
        }
        return notices;
    }

    /// <summary>
    /// The citizen's confirmation of an online submission (waiting for the desk check); for "một phần" procedures it
    /// lists the originals to bring to the desk, as the confirmation page does.
    /// </summary>
    private async Task<DossierNotice> OnlineConfirmationAsync(Dossier dossier, CancellationToken ct)
    {
        var level = await db.ProcedureVersions.AsNoTracking().Where(v => v.Id == dossier.ProcedureVersionId).Select(v => v.OnlineLevel).SingleOrDefaultAsync(ct);
        var bring = level == OnlineServiceLevel.Partial
            ? "Dịch vụ công trực tuyến một phần: khi nhận kết quả, ông/bà mang bản chính các giấy tờ sau đến Bộ phận Một cửa để đối chiếu: "
              + string.Join("; ", dossier.Papers.OrderBy(p => p.Seq).Select(p => p.Name)) + "."
            : null;
        return new DossierNotice
        {
            AgencyId = dossier.AgencyId,
            DossierCode = dossier.Code,
            Kind = DossierEventKind.OnlineSubmitted,
            Applicant = new ApplicantContact(dossier.ApplicantName, dossier.ApplicantPhone, dossier.ApplicantEmail),
            ProcedureName = dossier.ProcedureName,
            Note = bring,
        };
    }

    /// <summary>
    /// The desk's alert of a new online dossier, with the instant by which it must be received or a supplement asked for
    /// (<see cref="DossierQueue.OnlineCheckTime"/>); none when the agency has no active one-stop desk unit to alert.
    /// </summary>
    private async Task<DossierNotice?> AwaitingCheckAsync(Dossier dossier, DateTimeOffset from, CancellationToken ct)
    {
        var desk = await db.Units.AsNoTracking().Where(u => u.AgencyId == dossier.AgencyId && u.Kind == UnitKind.OneStopDesk && u.IsActive)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        if (desk is null)
        {
            return null;
        }
        var calculator = await CalculatorAsync(await AgencyAsync(dossier.AgencyId, ct), ct);
        var due = DossierQueue.OnlineCheckDue(from, calculator);
        return new DossierNotice
        {
            AgencyId = dossier.AgencyId,
            DossierCode = dossier.Code,
            Kind = DossierEventKind.AwaitingCheck,
            Applicant = new ApplicantContact(dossier.ApplicantName),
            ProcedureName = dossier.ProcedureName,
            UnitId = desk,
            Note = "Hạn tiếp nhận hoặc yêu cầu bổ sung: " + due.ToVnDateTime() + ".",
        };
    }

    /// <summary>
    /// The applicant hands in the requested supplement online (nộp bổ sung trực tuyến, after the look-up's second
    /// factor): the files join the dossier and the dossier goes back to the desk check (or resumes processing), with
    /// its history row and audit entry in one SaveChanges.
    /// </summary>
    public async Task<WorkflowOutcome> SupplementOnlineAsync(Dossier dossier, IReadOnlyList<IncomingFile> incoming, string? note, ClaimsPrincipal applicant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(incoming);
        if (incoming.Count == 0)
        {
            return WorkflowOutcome.Invalid("files", "Vui lòng tải lên ít nhất một tệp giấy tờ bổ sung.");
        }
        foreach (var f in incoming)
        {
            if (files.Check(f) is { } problem)
            {
                return WorkflowOutcome.Invalid("files", problem);
            }
        }
        var now = time.GetUtcNow();
        var calculator = await CalculatorAsync(await AgencyAsync(dossier.AgencyId, ct), ct);
        var text = TextSearch.NfcOrNull(note);
        var ctx = new TransitionContext(now, [DossierRoles.Applicant], calculator) { Note = text };
        var result = DossierStateMachine.Apply(dossier.ToState(), DossierAction.ResubmitSupplement, ctx);
        if (!result.Succeeded)
        {
            return Refusal(result);
        }
        int? unitBefore = dossier.CurrentUnitId;
        var stepBefore = dossier.CurrentStep;
        dossier.Apply(result.State);
        var written = incoming.Select(f => files.Save(dossier, f, DossierFileKind.Component, now, applicant.Identity?.Name)).ToList();
        db.AddRange(written);
        Record(dossier, result, now, applicant, text ?? "Nộp bổ sung trực tuyến " + written.Count.ToString(CultureInfo.InvariantCulture) + " tệp.", unitBefore, stepBefore);
        AuditLog.Append(db, time, applicant, "dossier.transition", "Dossier", dossier.Code,
            $"Hồ sơ {dossier.Code}: nộp bổ sung trực tuyến ({DossierText.Name(result.From)} → {DossierText.Name(result.To)}).",
            new { dossier.Code, Action = nameof(DossierAction.ResubmitSupplement), Files = written.Select(w => new { w.FileName, w.Sha256, w.Size }) });
        try
        {
            await PersistAsync(dossier, result, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            files.Discard(written);
            return WorkflowOutcome.Concurrency();
        }
        catch
        {
            files.Discard(written);
            throw;
        }
        return new WorkflowOutcome(OutcomeKind.Ok, dossier, Transition: result);
    }

    /// <summary>Whether the dossier is in the caller's scope (<see cref="DossierAccess.InScope"/>), for showing what may be changed.</summary>
    public async Task<bool> InScopeAsync(ClaimsPrincipal user, Dossier dossier, CancellationToken ct) =>
        user.AgencyId() == dossier.AgencyId && DossierAccess.InScope(await ActorAsync(user, ct), HoldingOf(dossier));

    /// <summary>
    /// The one gate every change to an existing dossier passes (<see cref="DossierAccess.MayChange"/>): null when allowed,
    /// else the refusal (403 out of scope or role, 409 on a closed dossier).
    /// </summary>
    public async Task<WorkflowOutcome?> RefusalAsync(ClaimsPrincipal user, Dossier dossier, DossierChange what, CancellationToken ct)
    {
        var refusal = user.AgencyId() != dossier.AgencyId
            ? new AccessRefusal(AccessRefusalKind.OutOfScope, "Hồ sơ không thuộc cơ quan của bạn.")
            : DossierAccess.MayChange(await ActorAsync(user, ct), HoldingOf(dossier), what);
        return refusal switch
        {
            null => null,
            { Kind: AccessRefusalKind.Closed } => new WorkflowOutcome(OutcomeKind.Conflict, Title: "Hồ sơ đã kết thúc.", Detail: refusal.Message),
            _ => new WorkflowOutcome(OutcomeKind.Forbidden, Title: "Không có quyền xử lý hồ sơ.", Detail: refusal.Message),
        };
    }

    /// <summary>The actions the caller could perform on the dossier now (<see cref="DossierAccess.AvailableActions"/>).</summary>
    public async Task<IReadOnlyList<DossierAction>> AvailableActionsAsync(ClaimsPrincipal user, Dossier dossier, CancellationToken ct)
    {
        if (user.AgencyId() != dossier.AgencyId)
        {
            return [];
        }
        var calculator = await CalculatorAsync(await AgencyAsync(dossier.AgencyId, ct), ct);
        var actor = await ActorAsync(user, ct);
        return DossierAccess.AvailableActions(actor, HoldingOf(dossier), dossier.ToState(), new TransitionContext(time.GetUtcNow(), actor.Roles, calculator));
    }

    /// <summary>The caller as the scope rule sees them; the unit's kind comes from the cache (no query).</summary>
    public async Task<DossierActor> ActorAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var unitId = user.UnitId();
        var leadership = user.IsInRole(Roles.Leader) && unitId is { } u && (await UnitAsync(u, ct))?.Kind == UnitKind.Leadership;
        return new DossierActor(user.Identity?.Name, RolesOf(user), unitId, leadership);
    }

    public static DossierHolding HoldingOf(Dossier dossier) => new(dossier.Status, dossier.CurrentUnitId, dossier.Assignee);

    private void PlanSteps(Dossier dossier, IReadOnlyList<PlannedStep> plan, int firstUnit, DateTimeOffset now, DeadlineCalculator calculator)
    {
        // The default plan (no approved process: no step times) takes the whole processing time; otherwise the
        // process's own step times, also for a single routed step (the desk's and the leaders' times are not its own).
        IReadOnlyList<ProcessingTime> times = plan.All(p => p.DurationValue <= 0)
            ? [dossier.ProcessingTime ?? ProcessingTime.WorkingDays(1)]
            : plan.Select(p => p.DurationValue > 0 ? p.Duration : ProcessingTime.WorkingHours(1)).ToList();
        var deadlines = calculator.SplitSteps(now, times);
        for (var i = 0; i < plan.Count; i++)
        {
            var d = deadlines[Math.Min(i, deadlines.Count - 1)];
            db.Add(new DossierStepAssignment
            {
                Dossier = dossier,
                StepIndex = i,
                StepName = plan[i].Name,
                UnitId = i == 0 ? firstUnit : plan[i].UnitId ?? firstUnit,
                Assignee = i == 0 ? dossier.Assignee : null,
                PlannedStartAt = d.StartAt,
                PlannedDueAt = d.DueAt,
                StartedAt = i == 0 ? now : null,
            });
        }
    }

    private async Task<int?> StepUnitAsync(long dossierId, int step, CancellationToken ct) =>
        await db.Set<DossierStepAssignment>().Where(s => s.DossierId == dossierId && s.StepIndex == step).Select(s => s.UnitId).FirstOrDefaultAsync(ct);

    private async Task TrackStepsAsync(Dossier dossier, int stepBefore, DossierAction action, DateTimeOffset now, CancellationToken ct)
    {
        if (action == DossierAction.Transfer)
        {
            return; // planned just now
        }
        var steps = await db.Set<DossierStepAssignment>().Where(s => s.DossierId == dossier.Id).ToListAsync(ct);
        var before = steps.FirstOrDefault(s => s.StepIndex == stepBefore);
        var current = steps.FirstOrDefault(s => s.StepIndex == dossier.CurrentStep);
        if (action is DossierAction.Appraise && before is not null)
        {
            before.FinishedAt = now;
            return;
        }
        if (before is not null && before != current)
        {
            before.FinishedAt = now;
        }
        if (current is not null)
        {
            current.Assignee = dossier.Assignee;
            if (before != current || action == DossierAction.Reject)
            {
                current.StartedAt = now;
                current.FinishedAt = null;
            }
        }
    }

    private void Record(Dossier dossier, TransitionResult result, DateTimeOffset now, ClaimsPrincipal user, string? note, int? unitBefore, int? stepBefore = null)
    {
        var e = Event(dossier, result.Action, result.From, result.To, now, user, note);
        e.FromStep = stepBefore ?? e.FromStep;
        e.FromUnitId = unitBefore;
        dossier.Events.Add(e);
        if (result.Form is { } form)
        {
            var regime = LegalRegime.Of(dossier.Regime);
            db.Add(new DossierForm
            {
                Dossier = dossier,
                Kind = form,
                Number = FormNumber(dossier, form, now),
                IssuedAt = now,
                IssuedBy = user.Identity?.Name,
                Content = note ?? regime.Form(form).Title,
            });
        }
        if (result.ExplanationRequired is { } why)
        {
            db.Add(new DossierExplanation { Dossier = dossier, Case = why, RequiredAt = now });
        }
    }

    // Numbered by the dossier code and the instant, so two issues of one form (a new receipt after a supplement) differ.
    private static string FormNumber(Dossier dossier, OfficialFormKind kind, DateTimeOffset at) =>
        dossier.Code + "/" + kind switch
        {
            OfficialFormKind.ReceiptAndAppointment => "TN",
            OfficialFormKind.SupplementRequest => "BS",
            OfficialFormKind.Refusal => "TC",
            OfficialFormKind.ApologyAndReschedule => "XL",
            OfficialFormKind.ProcessControl => "KS",
            OfficialFormKind.TrackingBook => "STD",
            OfficialFormKind.StopNotice => "DG",
        } + "-" + at.ToOffset(VietnamTime.Offset).ToString("HHmmss", CultureInfo.InvariantCulture);

    private static DossierEvent Event(Dossier dossier, DossierAction action, DossierStatus? from, DossierStatus to, DateTimeOffset at, ClaimsPrincipal user, string? note) => new()
    {
        At = at,
        Action = action,
        FromStatus = from,
        ToStatus = to,
        FromStep = dossier.CurrentStep,
        ToStep = dossier.CurrentStep,
        ToUnitId = dossier.CurrentUnitId,
        ActorUserName = user.Identity?.Name,
        ActorName = user.DisplayName(),
        Assignee = dossier.Assignee,
        Note = note,
    };

    private static WorkflowOutcome Refusal(TransitionResult r) => r.Refusal switch
    {
        RefusalKind.NotAllowedInStatus => new(OutcomeKind.Conflict, Title: "Không thực hiện được thao tác.", Detail: r.Message, Transition: r),
        RefusalKind.RoleNotPermitted => new(OutcomeKind.Forbidden, Title: "Không có quyền thực hiện thao tác.", Detail: r.Message, Transition: r),
        RefusalKind.MissingInput => new(OutcomeKind.Invalid, Title: "Thiếu thông tin.", Detail: r.Message, Transition: r,
            Errors: new(StringComparer.Ordinal) { [InputField(r.Action)] = [r.Message!] }),
        RefusalKind.RuleViolated => new(OutcomeKind.Unprocessable, Title: "Thao tác trái quy định.", Detail: r.Message, Transition: r),
        null => throw new InvalidOperationException("A refused transition without a refusal kind."),
    };

    private static string InputField(DossierAction action) => action switch
    {
        DossierAction.Assign => "assignee",
        DossierAction.Return => "delivery",
        DossierAction.TransferInterAgency => "partner",
        DossierAction.ReturnToPreviousStep => "note",
        DossierAction.ApologyReschedule => "newAppointment",
        _ => "note",
    };

    // ================================================================== other changes (not status transitions)

    /// <summary>Fees and digitisation flags; same concurrency check and audit as transitions.</summary>
    public async Task<WorkflowOutcome> UpdateFeesAsync(string code, long feeAmount, PaymentStatus payment, bool componentsDigitised, long? expectedVersion, ClaimsPrincipal user, CancellationToken ct)
    {
        var dossier = await FindAsync(user, code, ct);
        if (dossier is null)
        {
            return new WorkflowOutcome(OutcomeKind.NotFound, Title: "Không tìm thấy hồ sơ.");
        }
        if (expectedVersion is { } v && v != dossier.Version)
        {
            return WorkflowOutcome.Concurrency();
        }
        if (await RefusalAsync(user, dossier, DossierChange.Fees, ct) is { } refused)
        {
            return refused;
        }
        if (feeAmount < 0)
        {
            return WorkflowOutcome.Invalid("feeAmount", "Số tiền phí, lệ phí không được âm.");
        }
        var before = new { dossier.FeeAmount, Payment = dossier.PaymentStatus.ToString(), dossier.ComponentsDigitised };
        dossier.FeeAmount = feeAmount;
        dossier.PaymentStatus = payment;
        dossier.ComponentsDigitised = componentsDigitised;
        dossier.Version++;
        AuditLog.Append(db, time, user, "dossier.fees", "Dossier", dossier.Code,
            $"Cập nhật phí, lệ phí và số hóa của hồ sơ {dossier.Code}.",
            new { Before = before, After = new { FeeAmount = feeAmount, Payment = payment.ToString(), ComponentsDigitised = componentsDigitised } });
        try
        {
            await PersistAsync(dossier, null, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WorkflowOutcome.Concurrency();
        }
        return new WorkflowOutcome(OutcomeKind.Ok, dossier);
    }

    /// <summary>Records the text of a required accountability explanation (văn bản giải trình).</summary>
    public async Task<WorkflowOutcome> RecordExplanationAsync(string code, long explanationId, string? text, ClaimsPrincipal user, CancellationToken ct)
    {
        var dossier = await FindAsync(user, code, ct);
        if (dossier is null)
        {
            return new WorkflowOutcome(OutcomeKind.NotFound, Title: "Không tìm thấy hồ sơ.");
        }
        if (await RefusalAsync(user, dossier, DossierChange.Explanation, ct) is { } refused)
        {
            return refused;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return WorkflowOutcome.Invalid("text", "Vui lòng nhập nội dung giải trình.");
        }
        var explanation = await db.Set<DossierExplanation>().SingleOrDefaultAsync(e => e.Id == explanationId && e.DossierId == dossier.Id, ct);
        if (explanation is null)
        {
            return new WorkflowOutcome(OutcomeKind.NotFound, Title: "Không tìm thấy yêu cầu giải trình.");
        }
        explanation.Text = TextSearch.Nfc(text);
        explanation.RecordedAt = time.GetUtcNow();
        explanation.RecordedBy = user.Identity?.Name;
        AuditLog.Append(db, time, user, "dossier.explanation", "Dossier", dossier.Code, $"Ghi nhận văn bản giải trình của hồ sơ {dossier.Code}.",
            new { Case = explanation.Case.ToString() });
        await db.SaveChangesAsync(ct);
        return new WorkflowOutcome(OutcomeKind.Ok, dossier);
    }

    /// <summary>Adds scanned component files to a dossier.</summary>
    public async Task<WorkflowOutcome> AddFilesAsync(string code, IReadOnlyList<IncomingFile> incoming, ClaimsPrincipal user, CancellationToken ct)
    {
        var dossier = await FindAsync(user, code, ct);
        if (dossier is null)
        {
            return new WorkflowOutcome(OutcomeKind.NotFound, Title: "Không tìm thấy hồ sơ.");
        }
        if (await RefusalAsync(user, dossier, DossierChange.ComponentFiles, ct) is { } refused)
        {
            return refused;
        }
        foreach (var f in incoming)
        {
            if (files.Check(f) is { } problem)
            {
                return WorkflowOutcome.Invalid("files", problem);
            }
        }
        var now = time.GetUtcNow();
        var written = incoming.Select(f => files.Save(dossier, f, DossierFileKind.Component, now, user.Identity?.Name)).ToList();
        db.AddRange(written);
        dossier.ComponentsDigitised = true;
        dossier.Version++;
        AuditLog.Append(db, time, user, "dossier.files", "Dossier", dossier.Code, $"Thêm {written.Count.ToString(CultureInfo.InvariantCulture)} tệp vào hồ sơ {dossier.Code}.",
            new { Files = written.Select(w => new { w.FileName, w.Sha256, w.Size }) });
        try
        {
            await PersistAsync(dossier, null, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            files.Discard(written);
            return WorkflowOutcome.Concurrency();
        }
        return new WorkflowOutcome(OutcomeKind.Ok, dossier);
    }
}
