using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// Fees and digitisation flags: the same scope gate, concurrency check, audit and save as a transition. An officer records
/// by hand only a payment made at the desk; "paid online" is set only by the gateway's verified message and undone only by
/// a refund through the gateway (<see cref="DossierChange.OnlinePayment"/>), so the receipt and the gateway's statement
/// always have a payment behind them.
/// </summary>
public sealed class UpdateFees(DossierStore store)
{
    public const string OnlineOnlyFromGateway =
        "Chỉ cổng thanh toán mới ghi nhận “Đã nộp trực tuyến”; cán bộ chỉ ghi nhận phí, lệ phí nộp tại Bộ phận Một cửa.";

    public const string OnlineUndoneByRefund =
        "Phí, lệ phí đã nộp trực tuyến qua cổng thanh toán; muốn thay đổi, cán bộ hoàn tiền qua cổng thanh toán trên trang hồ sơ.";

    /// <summary>Null when the payment status may be recorded by hand; otherwise why not.</summary>
    public static string? HandRecordingRefusal(PaymentStatus current, PaymentStatus requested) => (current, requested) switch
    {
        (PaymentStatus.PaidOnline, PaymentStatus.PaidOnline) => null,
        (PaymentStatus.PaidOnline, _) => OnlineUndoneByRefund,
        (_, PaymentStatus.PaidOnline) => OnlineOnlyFromGateway,
        _ => null,
    };

    public async Task<WorkflowOutcome> UpdateAsync(string code, long feeAmount, PaymentStatus payment, bool componentsDigitised, long? expectedVersion, ClaimsPrincipal user, CancellationToken ct)
    {
        var (dossier, _, refused) = await store.LoadAsync(user, code, DossierChange.Fees, expectedVersion, null, ct);
        if (dossier is null)
        {
            return refused!;
        }
        if (feeAmount < 0)
        {
            return WorkflowOutcome.Invalid("feeAmount", "Số tiền phí, lệ phí không được âm.");
        }
        if (HandRecordingRefusal(dossier.PaymentStatus, payment) is { } refusal)
        {
            return new WorkflowOutcome(OutcomeKind.Forbidden, Title: "Không ghi nhận được tình trạng thanh toán.", Detail: refusal);
        }
        var before = new { dossier.FeeAmount, Payment = dossier.PaymentStatus.ToString(), dossier.ComponentsDigitised };
        dossier.FeeAmount = feeAmount;
        dossier.PaymentStatus = payment;
        dossier.ComponentsDigitised = componentsDigitised;
        var audit = new DossierAuditEntry("dossier.fees", $"Cập nhật phí, lệ phí và số hóa của hồ sơ {dossier.Code}.",
            new { Before = before, After = new { FeeAmount = feeAmount, Payment = payment.ToString(), ComponentsDigitised = componentsDigitised } });
        try
        {
            await store.SaveChangeAsync(dossier, DossierChange.Fees, user, audit, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WorkflowOutcome.Concurrency();
        }
        return new WorkflowOutcome(OutcomeKind.Ok, dossier);
    }
}

/// <summary>Adds scanned component files to a dossier.</summary>
public sealed class AddFiles(AppDbContext db, TimeProvider time, DossierFileStore files, DossierStore store)
{
    /// <param name="paperSeq">The paper of the dossier the files are copies of (<see cref="DossierPaper.Seq"/>), or null.</param>
    public async Task<WorkflowOutcome> AddAsync(string code, IReadOnlyList<IncomingFile> incoming, int? paperSeq, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var (dossier, _, refused) = await store.LoadAsync(user, code, DossierChange.ComponentFiles, null, null, ct);
        if (dossier is null)
        {
            return refused!;
        }
        foreach (var f in incoming)
        {
            if (files.Check(f) is { } problem)
            {
                return WorkflowOutcome.Invalid("files", problem);
            }
        }
        if (paperSeq is { } seq && !await db.Set<DossierPaper>().AnyAsync(p => p.DossierId == dossier.Id && p.Seq == seq, ct))
        {
            return WorkflowOutcome.Invalid("paperSeq", "Giấy tờ đã chọn không có trong thành phần hồ sơ.");
        }
        var now = time.GetUtcNow();
        var written = incoming.Select(f => files.Save(dossier, f, DossierFileKind.Component, now, user.Identity?.Name)).ToList();
        written.ForEach(w => w.PaperSeq = paperSeq);
        db.AddRange(written);
        dossier.ComponentsDigitised = true;
        var audit = new DossierAuditEntry("dossier.files", $"Thêm {written.Count.ToString(CultureInfo.InvariantCulture)} tệp vào hồ sơ {dossier.Code}.",
            new { Files = written.Select(w => new { w.FileName, w.Sha256, w.Size }) });
        try
        {
            await store.SaveChangeAsync(dossier, DossierChange.ComponentFiles, user, audit, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            files.Discard(written);
            return WorkflowOutcome.Concurrency();
        }
        return new WorkflowOutcome(OutcomeKind.Ok, dossier);
    }
}

/// <summary>Records the text of a required accountability explanation (văn bản giải trình).</summary>
public sealed class RecordExplanation(AppDbContext db, TimeProvider time, DossierStore store)
{
    public async Task<WorkflowOutcome> RecordAsync(string code, long explanationId, string? text, ClaimsPrincipal user, CancellationToken ct)
    {
        var (dossier, _, refused) = await store.LoadAsync(user, code, DossierChange.Explanation, null, null, ct);
        if (dossier is null)
        {
            return refused!;
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
        // The explanation is its own row: the dossier's version stays, so a page open on the dossier can still act.
        await store.SaveAsync(dossier, null, user, new DossierAuditEntry("dossier.explanation", $"Ghi nhận văn bản giải trình của hồ sơ {dossier.Code}.",
            new { Case = explanation.Case.ToString() }), ct, what: DossierChange.Explanation);
        return new WorkflowOutcome(OutcomeKind.Ok, dossier);
    }
}
