using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// Receipt (tiếp nhận): creates a dossier at the desk, or a Submitted one for the online desk check. Validates, reads the
/// procedure's basis, lets <see cref="DossierDecider"/> decide the outcome (and the transfer made with it), takes the
/// day's number and saves through <see cref="DossierStore"/>. Retries on a lost race for the idempotency key.
/// </summary>
public sealed class ReceiveDossier(AppDbContext db, TimeProvider time, DossierFileStore files, DossierReferences references, DossierStore store,
    Boundary.BoundaryReceipts boundary)
{
    private const int MaxAttempts = 8;

    // Far above any fee of a procedure; a typo of extra zeros is refused rather than printed on the receipt.
    private const long MaxFee = 100_000_000_000;

    public Task<WorkflowOutcome> ReceiveAsync(ReceiptInput input, ClaimsPrincipal user, string? idempotencyKey, string? requestHash, CancellationToken ct) =>
        ReceiveAsync(input, user, idempotencyKey, requestHash, (Action<AppDbContext, Dossier>?)null, ct);

    /// <summary>
    /// As above; <paramref name="alongside"/> adds the caller's own changes (e.g. removing the online draft the dossier
    /// came from) to the context right before the one SaveChanges, so they commit or fail with the dossier.
    /// </summary>
    public Task<WorkflowOutcome> ReceiveAsync(ReceiptInput input, ClaimsPrincipal user, string? idempotencyKey, string? requestHash,
        Action<AppDbContext>? alongside, CancellationToken ct) =>
        ReceiveAsync(input, user, idempotencyKey, requestHash, alongside is null ? null : (c, _) => alongside(c), ct);

    /// <summary>As above, with the new dossier (its code taken) for changes that name it.</summary>
    public async Task<WorkflowOutcome> ReceiveAsync(ReceiptInput input, ClaimsPrincipal user, string? idempotencyKey, string? requestHash,
        Action<AppDbContext, Dossier>? alongside, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
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
            // (the failed attempt's number is rolled back with its transaction).
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
        if (input.Channel == DossierChannel.NationalPortal && (input.NationalCode is null || input.Outcome != ReceiptOutcome.Submit))
        {
            errors["channel"] = ["Hồ sơ từ Cổng Dịch vụ công quốc gia đến qua đồng bộ với Cổng, không tiếp nhận tại đây; chọn trực tiếp, bưu chính hoặc trực tuyến."];
        }
        if (input.ReturnChoice == ResultDelivery.ByPost && string.IsNullOrWhiteSpace(input.ReturnAddress) && string.IsNullOrWhiteSpace(input.Applicant.Address))
        {
            errors["returnAddress"] = ["Vui lòng nhập địa chỉ nhận kết quả qua dịch vụ bưu chính công ích."];
        }
        if (input.ReturnAddress is { Length: > ReceiptRules.AddressMax })
        {
            errors["returnAddress"] = [$"Địa chỉ nhận kết quả dài tối đa {ReceiptRules.AddressMax} ký tự."];
        }
        if (input.FeeAmount is < 0 or > MaxFee)
        {
            errors["feeAmount"] = ["Số tiền phí, lệ phí không hợp lệ."];
        }
        if (input.FeeNote is { Length: > 500 })
        {
            errors["feeNote"] = ["Lý do thay đổi phí, lệ phí dài tối đa 500 ký tự."];
        }
        if (input.TransferToUnitId is not null && input.Outcome != ReceiptOutcome.Receive)
        {
            errors["transferToUnitId"] = ["Chỉ chuyển ngay cho đơn vị xử lý được khi tiếp nhận hồ sơ (không khi yêu cầu bổ sung, từ chối hay chờ kiểm tra)."];
        }
        return errors;
    }

    /// <summary>
    /// The checklist against the catalogue's version, the same on every receipt path (counter, API, online): each required
    /// paper answered, and received before a receipt as complete. The answer names the papers.
    /// </summary>
    private static WorkflowOutcome? ChecklistProblem(ReceiptInput input, Catalogue.ProcedureVersion version) =>
        ReceiptChecklist.Problem(CataloguePapers(version), input.Papers.Select(p => new CheckedPaper(p.Name, p.Present)).ToList(),
            receivedAsComplete: input.Outcome == ReceiptOutcome.Receive) is { } problem
            ? new WorkflowOutcome(OutcomeKind.Unprocessable, Title: "Hồ sơ chưa đủ thành phần bắt buộc.", Detail: problem,
                Errors: new(StringComparer.Ordinal) { ["papers"] = [problem] })
            : null;

    /// <summary>
    /// What the catalogue's version says against the desk's choices: the post only where the procedure returns by post, a
    /// reason for a fee other than the catalogue's.
    /// </summary>
    private static (string Field, string Message)? CounterProblem(ReceiptInput input, Catalogue.ProcedureVersion version)
    {
        if (input.ReturnChoice == ResultDelivery.ByPost && !version.PostalReturn)
        {
            return ("returnChoice", "Thủ tục này không trả kết quả qua dịch vụ bưu chính công ích: vui lòng chọn nhận tại Bộ phận Một cửa hoặc nhận kết quả điện tử.");
        }
        var catalogueFee = (long)version.Fees.Sum(f => f.Amount);
        if (input.FeeAmount is { } fee && fee != catalogueFee && string.IsNullOrWhiteSpace(input.FeeNote))
        {
            return ("feeNote", $"Phí, lệ phí khác với danh mục ({Catalogue.CatalogueText.Money(catalogueFee)}): vui lòng nêu lý do (miễn, giảm...).");
        }
        return null;
    }

    /// <summary>The version's papers as the checklist rule reads them: a paper required only in a stated case is not enforced.</summary>
    internal static IReadOnlyList<CataloguePaper> CataloguePapers(Catalogue.ProcedureVersion version) =>
        version.Papers.OrderBy(p => p.Seq).Select(p => new CataloguePaper(p.Name, p.Requirement == Catalogue.PaperRequirement.Required, p.AlternativeGroup)).ToList();

    /// <summary>A receipt's fields as the Core rules read them (shared with the historical import).</summary>
    internal static ReceiptFields Fields(ApplicantInput a, IReadOnlyList<PaperInput> papers, string? note) =>
        new(a.Kind == ApplicantKind.Organisation, a.Name, a.IdNumber, a.Phone, a.Email, a.Address,
            papers.Select(p => new ReceiptPaperFields(p.Name, p.Quantity)).ToList(), note);

    private async Task<WorkflowOutcome> TryReceiveOnceAsync(ReceiptInput input, ClaimsPrincipal user, int agencyId, string? key, string? hash,
        List<DossierFile> written, Action<AppDbContext, Dossier>? alongside, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // Receipt regardless of boundary: the dossier is the deciding agency's; the caller's centre is recorded beside it.
        var decidingId = input.ForAgencyId ?? agencyId;
        (Core.Legal.DatedValue<Core.Calendar.ProcessingTime> Limit, DateTimeOffset DueAt)? handOver = null;
        if (decidingId != agencyId)
        {
            if (await boundary.RefusalAsync(agencyId, decidingId, input.ProcedureCode!, input.TransferToUnitId is not null, ct) is { } notHere)
            {
                return WorkflowOutcome.Invalid("procedureCode", notHere);
            }
            handOver = await boundary.PlanAsync(agencyId, now, ct);
        }
        var basis = await references.ReceiptBasisAsync(decidingId, input.ProcedureCode!, input.SubmittedAt ?? now, ct);
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

        if (ChecklistProblem(input, version) is { } checklist)
        {
            return checklist;
        }
        if (CounterProblem(input, version) is { } counter)
        {
            return WorkflowOutcome.Invalid(counter.Field, counter.Message);
        }

        var agency = await references.AgencyAsync(decidingId, ct);
        var dossier = DossierReferences.NewDossier(agency, version, basis, input.Channel, input.Applicant, now);
        if (handOver is not null)
        {
            dossier.ReceivingAgencyId = agencyId;
            dossier.ReceivingUnitId = user.UnitId();
            dossier.ReturnAtCentreId = input.ReturnAtCentre && input.ReturnChoice is null or ResultDelivery.AtDesk ? agencyId : null;
        }
        dossier.PaymentStatus = input.Payment;
        dossier.NationalCode = input.NationalCode;
        if (input.FeeAmount is { } fee && fee != dossier.FeeAmount)
        {
            dossier.FeeAmount = fee;
            dossier.FeeNote = TextSearch.NfcOrNull(input.FeeNote);
        }
        dossier.ReturnChoice = input.ReturnChoice;
        dossier.ReturnAddress = input.ReturnChoice == ResultDelivery.ByPost ? TextSearch.NfcOrNull(input.ReturnAddress) ?? dossier.ApplicantAddress : null;
        var seq = 1;
        foreach (var p in input.Papers)
        {
            dossier.Papers.Add(new DossierPaper { Seq = seq++, Name = TextSearch.Nfc(p.Name), Present = p.Present, Form = p.Form, Quantity = p.Quantity });
        }
        var command = new DossierCommand(input.Outcome switch
        {
            ReceiptOutcome.Receive => DossierAction.Receive,
            ReceiptOutcome.RequestSupplement => DossierAction.RequestSupplement,
            ReceiptOutcome.Refuse => DossierAction.Refuse,
            ReceiptOutcome.Submit => DossierAction.Submit,
        })
        {
            Note = TextSearch.NfcOrNull(input.Note),
            UnitId = input.TransferToUnitId,
            UnitField = "transferToUnitId",
            SupplementItems = Forms.SupplementItems.FromChecklist(input.Papers.Select(p => (p.Name, p.Present)), input.Note),
        };
        var context = new DecisionContext(now, await references.CalculatorAsync(agency, ct),
            new DossierActor(user.Identity?.Name, DossierStore.RolesOf(user), user.UnitId(), InLeadership: false))
        {
            Units = input.TransferToUnitId is { } unit ? await references.UnitsAsync([unit], ct) : new Dictionary<int, UnitInfo>(),
        };
        // Decided before a number is taken, so a refused receipt never holds the day's counter.
        if (DossierDecider.Decide(DossierStore.SnapshotOf(dossier, [], isNew: true), command, context) is { Refusal: { } refusal })
        {
            return Refusals.Of(refusal);
        }

        // The number is taken last, inside the receipt's own transaction: whatever fails after it (a lost race for the
        // idempotency key, a database error) rolls the counter back with the dossier, so the register has no gaps.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        dossier.Code = await references.AllocateCodeAsync(agency, now, ct);
        db.Add(dossier);
        // The same pure decision again, now with the number its audit entry names.
        var decision = DossierDecider.Decide(DossierStore.SnapshotOf(dossier, [], isNew: true), command, context);
        store.Apply(dossier, decision, [], user, now, isNew: true);

        foreach (var f in input.Files ?? [])
        {
            var file = files.Save(dossier, f, DossierFileKind.Component, now, user.Identity?.Name);
            file.PaperSeq = PaperInput.SeqOf(input.Papers, f);
            written.Add(file);
            db.Add(file);
        }
        if (written.Count > 0)
        {
            dossier.ComponentsDigitised = true;
        }

        var transferred = decision.Then is not null;
        var audit = new DossierAuditEntry(decision.Audit!.Action, decision.Audit.Summary,
            new
            {
                dossier.Code, Status = dossier.Status.ToString(), dossier.ProcedureCode, Channel = dossier.Channel.ToString(),
                TransferredToUnitId = transferred ? dossier.CurrentUnitId : null, ReturnChoice = dossier.ReturnChoice?.ToString(), dossier.FeeAmount, dossier.FeeNote,
            });
        if (key is not null)
        {
            db.Add(new DossierIdempotencyKey
            {
                AgencyId = agencyId, Key = key, RequestHash = hash ?? "",
                ResponseJson = System.Text.Json.JsonSerializer.Serialize(DossierApi.ReceiptResponse(dossier), DossierApi.Json),
                CreatedAt = now, Dossier = dossier,
            });
        }
        if (handOver is { } plan && dossier.Status is DossierStatus.Received or DossierStatus.InProcessing)
        {
            db.Add(Boundary.BoundaryReceipts.Start(dossier, plan.Limit, plan.DueAt, now));
        }
        alongside?.Invoke(db, dossier);
        await store.SaveAsync(dossier, decision, user, audit, ct);
        await transaction.CommitAsync(ct);
        return new WorkflowOutcome(OutcomeKind.Ok, dossier, Transition: decision.Transition);
    }
}
