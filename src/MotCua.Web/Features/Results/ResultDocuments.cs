using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Results;

/// <summary>What the specialist records: the result's fields, and its PDF when one is uploaded (else it is generated at signing).</summary>
public sealed record ResultDraft(ResultDocumentType Type, string? Number, string? Symbol, string? Summary, DateOnly? IssuedOn,
    string? SignerName, string? SignerPosition, DateOnly? ValidFrom, DateOnly? ValidTo, IncomingFile? File);

/// <summary>An action's answer: the result touched, or the Vietnamese reasons it was refused.</summary>
public sealed record ResultOutcome(ResultDocument? Result, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static ResultOutcome Refused(params string[] errors) => new(null, errors);
}

/// <summary>A signed PDF and the certificate that signed it.</summary>
public sealed record SignedPdf(byte[] Pdf, string Subject, string Serial);

/// <summary>
/// The one entry point that signs a PDF with the configured signer after checking its certificate; the result documents
/// use it, and so can any form MotCua issues. A refusal leaves nothing signed.
/// </summary>
public sealed class PdfSignatures(IResultSigner signer, SigningOptions options, TimeProvider time)
{
    public string SecretLabel => signer.SecretLabel;

    public async Task<(SignedPdf? Signed, SigningRefusal? Refusal)> SignAsync(byte[] pdf, string? secret, string reason, CancellationToken ct)
    {
        var (session, refusal) = await signer.OpenAsync(secret, ct);
        if (session is null)
        {
            return (null, refusal ?? new SigningRefusal("Không mở được khóa ký số."));
        }
        using (session)
        {
            if (CertificateChecks.Check(session.Certificate, time.GetUtcNow(), options) is { } refused)
            {
                return (null, refused);
            }
            try
            {
                var signed = await ResultPdfs.SignAsync(pdf, session, reason, options.Location, ct);
                return (new SignedPdf(signed, session.Certificate.GetNameInfo(X509NameType.SimpleName, false), session.Certificate.SerialNumber), null);
            }
            catch (SigningRefusedException e)
            {
                return (null, e.Refusal);
            }
            catch (Exception e) when (e.InnerException is SigningRefusedException inner)
            {
                return (null, inner.Refusal);
            }
            catch (CryptographicException)
            {
                return (null, new SigningRefusal("Không tạo được chữ ký số bằng khóa của chứng thư số này."));
            }
        }
    }
}

/// <summary>
/// Result documents: the specialist records the draft, the leader signs it, a leader or administrator revokes or
/// corrects it with a reason. Each action writes its audit entry in the same save; a refused signature is audited too.
/// </summary>
public sealed class ResultDocuments(AppDbContext db, TimeProvider time, FileStore files, PdfSignatures signatures, PublicUrls urls, DossierReferences references,
    Notifications.DeskResultAlert deskAlert,
    Notifications.ResultIssuedNotice issuedNotice)
{
    public const int MinReasonLength = 5;

    /// <summary>The dossier of the result last loaded, so a refused action can link back to it.</summary>
    public string? LastDossierCode { get; private set; }

    private static readonly DossierStatus[] RecordStatuses = [DossierStatus.InProcessing, DossierStatus.AwaitingApproval, DossierStatus.ResultIssued];

    private static readonly DossierStatus[] SignStatuses = [DossierStatus.AwaitingApproval, DossierStatus.ResultIssued, DossierStatus.Returned];

    /// <summary>
    /// The kind of result document a procedure issues, from its result in the catalogue (or its name when the catalogue
    /// leaves the result empty): a licence, a certificate, a decision, or a written reply.
    /// </summary>
    public static ResultDocumentType KindOf(string? result)
    {
        var text = (result ?? "").ToLowerInvariant();
        return text switch
        {
            _ when text.Contains("giấy phép", StringComparison.Ordinal) => ResultDocumentType.Licence,
            _ when text.Contains("giấy chứng nhận", StringComparison.Ordinal) || text.Contains("chứng chỉ", StringComparison.Ordinal)
                => ResultDocumentType.Certificate,
            _ when text.Contains("quyết định", StringComparison.Ordinal) || text.Contains("công nhận", StringComparison.Ordinal)
                || text.Contains("phê duyệt", StringComparison.Ordinal) || text.Contains("giao quyền", StringComparison.Ordinal)
                => ResultDocumentType.Decision,
            _ when text.Length > 0 => ResultDocumentType.Reply,
            _ => ResultDocumentType.Other,
        };
    }

    /// <summary>An example symbol for a document of <paramref name="kind"/> issued by the agency <paramref name="agencyCode"/> ("GP-SKHCN").</summary>
    public static string SymbolExample(ResultDocumentType kind, string agencyCode) => kind switch
    {
        ResultDocumentType.Licence => "GP-" + agencyCode,
        ResultDocumentType.Certificate => "GCN-" + agencyCode,
        ResultDocumentType.Decision => "QĐ-" + agencyCode,
        ResultDocumentType.Reply or ResultDocumentType.Other => agencyCode,
    };

    /// <summary>The largest result PDF accepted, in whole megabytes, as the form states it.</summary>
    public long MaxFileMegabytes => files.MaxBytes / (1024 * 1024);

    public static bool MayRecord(ClaimsPrincipal user) => user.IsInRole(Roles.Specialist) || user.IsInRole(Roles.Leader);

    public static bool MaySign(ClaimsPrincipal user) => user.IsInRole(Roles.Leader);

    public static bool MayWithdraw(ClaimsPrincipal user) => user.IsInRole(Roles.Leader) || user.IsInRole(Roles.Admin);

    public static bool CanRecordAt(DossierStatus status) => RecordStatuses.Contains(status);

    public static bool CanSignAt(DossierStatus status) => SignStatuses.Contains(status);

    public string VerifyUrl(string code) => urls.Absolute("/tra-cuu-ket-qua/" + Uri.EscapeDataString(code));

    /// <summary>The dossier's results, newest first (the current one and those it replaced).</summary>
    public Task<List<ResultDocument>> ForDossierAsync(int agencyId, long dossierId, CancellationToken ct) =>
        db.ResultDocuments.AsNoTracking().Where(r => r.AgencyId == agencyId && r.DossierId == dossierId).OrderByDescending(r => r.Id).ToListAsync(ct);

    public async Task<ResultOutcome> RecordAsync(ClaimsPrincipal user, string dossierCode, ResultDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!MayRecord(user))
        {
            return ResultOutcome.Refused("Chỉ chuyên viên xử lý hoặc lãnh đạo được lập văn bản kết quả.");
        }
        var dossier = await DossierAsync(user, dossierCode, ct);
        if (dossier is null)
        {
            return ResultOutcome.Refused($"Không có hồ sơ mã \"{dossierCode}\" của cơ quan.");
        }
        if (!CanRecordAt(dossier.Status))
        {
            return ResultOutcome.Refused("Chỉ lập văn bản kết quả khi hồ sơ đang xử lý, chờ phê duyệt hoặc đã có kết quả (trạng thái hiện tại: " + DossierText.Name(dossier.Status) + ").");
        }
        var errors = Validate(draft);
        if (draft.File is { } file && files.Check(file) is { } problem)
        {
            errors.Add(problem);
        }
        else if (draft.File is { } pdf && FileStore.Sniff(pdf.Content) != "application/pdf")
        {
            errors.Add("Tệp văn bản kết quả phải là tệp PDF.");
        }
        if (errors.Count > 0)
        {
            return new ResultOutcome(null, errors);
        }
        var results = await db.ResultDocuments.Where(r => r.AgencyId == dossier.AgencyId && r.DossierId == dossier.Id).ToListAsync(ct);
        if (results.Any(r => r.Status == ResultStatus.InForce))
        {
            return ResultOutcome.Refused("Hồ sơ đã có văn bản kết quả đã ký số; muốn thay đổi, hãy đính chính văn bản đó.");
        }
        var wasReady = DeskResultReadiness.IsReady(dossier.ReturnChoice, results.Select(r => r.Status));
        var now = time.GetUtcNow();
        var result = results.FirstOrDefault(r => r.Status == ResultStatus.Draft);
        if (result is null)
        {
            result = new ResultDocument
            {
                AgencyId = dossier.AgencyId, DossierId = dossier.Id, DossierCode = dossier.Code, Number = "", Symbol = "", Summary = "",
                SignerName = "", SignerPosition = "", VerificationCode = NewCode(),
            };
            db.ResultDocuments.Add(result);
        }
        Fill(result, draft);
        result.DraftedAt = now;
        result.DraftedBy = user.Identity?.Name;
        string? written = null;
        if (draft.File is { } upload)
        {
            var stored = files.Save(upload, "results", dossier.AgencyId.ToString(CultureInfo.InvariantCulture), dossier.Code);
            result.DraftPath = written = stored.StoragePath;
            result.DraftFileName = stored.FileName;
        }
        AuditLog.Append(db, time, user, "result.record", "ResultDocument", dossier.Code,
            $"Lập dự thảo {ResultPdfs.TypeName(result.Type).ToLower(VietnamTime.Culture)} số {result.NumberAndSymbol} cho hồ sơ {dossier.Code}",
            new { dossier.Code, result.Number, result.Symbol, Type = result.Type.ToString(), File = result.DraftFileName });
        if (dossier.Status == DossierStatus.ResultIssued && !wasReady)
        {
            // Approved before its document existed: the result reaches the desk now, so the desk hears of it now.
            await deskAlert.RaiseAsync(db, dossier, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            files.Discard(written is null ? [] : [written]);
            throw;
        }
        return new ResultOutcome(result, []);
    }

    /// <summary>
    /// Signs the draft with the configured signer: the PDF (uploaded, or generated now) gets the verification line and the
    /// PAdES signature. A refusal stores nothing but its audit entry; the draft stays as it was.
    /// </summary>
    public async Task<ResultOutcome> SignAsync(ClaimsPrincipal user, int resultId, string? secret, CancellationToken ct)
    {
        if (!MaySign(user))
        {
            return ResultOutcome.Refused("Chỉ lãnh đạo có thẩm quyền được ký số văn bản kết quả.");
        }
        var (result, dossier) = await LoadAsync(user, resultId, ct);
        if (result is null || dossier is null)
        {
            return ResultOutcome.Refused("Không tìm thấy văn bản kết quả.");
        }
        if (result.Status != ResultStatus.Draft)
        {
            return ResultOutcome.Refused("Văn bản kết quả này không còn ở dạng dự thảo để ký.");
        }
        if (!CanSignAt(dossier.Status))
        {
            return ResultOutcome.Refused("Chỉ ký số văn bản kết quả khi hồ sơ đã trình phê duyệt (trạng thái hiện tại: " + DossierText.Name(dossier.Status) + ").");
        }
        var now = time.GetUtcNow();
        var url = VerifyUrl(result.VerificationCode);
        byte[]? unsigned;
        if (result.DraftPath is { } path)
        {
            var uploaded = files.Read(path);
            unsigned = uploaded is null ? null : ResultPdfs.Stamp(uploaded, result.VerificationCode, url);
            if (unsigned is null)
            {
                return await RefuseAsync(user, result, new SigningRefusal("Không mở được tệp PDF dự thảo để ký (tệp bị hỏng, có mật khẩu hoặc không còn trên máy chủ)."), ct);
            }
        }
        else
        {
            var agency = await references.AgencyAsync(dossier.AgencyId, ct);
            unsigned = ResultPdfs.Generate(result, DossierDocuments.Issuer(agency!, ""), now, url);
        }
        var (signed, refusal) = await signatures.SignAsync(unsigned, secret,
            $"Ký ban hành {ResultPdfs.TypeName(result.Type).ToLower(VietnamTime.Culture)} số {result.NumberAndSymbol}", ct);
        if (signed is null)
        {
            return await RefuseAsync(user, result, refusal!, ct);
        }
        var stored = files.Save(new IncomingFile(result.NumberAndSymbol.Replace('/', '-') + "-da-ky.pdf", signed.Pdf),
            "results", result.AgencyId.ToString(CultureInfo.InvariantCulture), result.DossierCode);
        result.SignedPath = stored.StoragePath;
        result.SignedSha256 = stored.Sha256;
        result.SignedAt = now;
        result.SignedBy = user.Identity?.Name;
        result.CertificateSubject = signed.Subject;
        result.CertificateSerial = signed.Serial;
        var others = await db.ResultDocuments.Where(r => r.AgencyId == result.AgencyId && r.DossierId == result.DossierId && r.Id != result.Id)
            .Select(r => r.Status).ToListAsync(ct);
        var wasReady = DeskResultReadiness.IsReady(dossier.ReturnChoice, others.Append(ResultStatus.Draft));
        result.Status = ResultStatus.InForce;
        if (dossier.Status == DossierStatus.ResultIssued && !wasReady)
        {
            // An electronic result is ready only once signed: the desk hears of it at the signature.
            await deskAlert.RaiseAsync(db, dossier, ct);
        }
        if (dossier.Status is DossierStatus.ResultIssued or DossierStatus.Returned)
        {
            // Signed after the approval: the portal has the status already, and now gets the result with it.
            await issuedNotice.RaiseAsync(db, dossier, ct);
        }
        AuditLog.Append(db, time, user, "result.sign", "ResultDocument", result.DossierCode,
            $"Ký số văn bản kết quả số {result.NumberAndSymbol} của hồ sơ {result.DossierCode}",
            new { result.DossierCode, result.Number, result.Symbol, result.VerificationCode, Certificate = signed.Subject, signed.Serial, stored.Sha256 });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            files.Discard([stored.StoragePath]);
            throw;
        }
        return new ResultOutcome(result, []);
    }

    /// <summary>Revokes a signed result, or marks it corrected and opens the correcting draft (same fields, a new code).</summary>
    public async Task<ResultOutcome> WithdrawAsync(ClaimsPrincipal user, int resultId, bool correct, string? reason, CancellationToken ct)
    {
        if (!MayWithdraw(user))
        {
            return ResultOutcome.Refused("Chỉ lãnh đạo hoặc quản trị được thu hồi, đính chính văn bản kết quả.");
        }
        var why = TextSearch.NfcOrNull(reason)?.Trim();
        if (why is null || why.Length < MinReasonLength)
        {
            return ResultOutcome.Refused("Vui lòng nêu lý do " + (correct ? "đính chính" : "thu hồi") + " (ít nhất 5 ký tự).");
        }
        if (why.Length > 1000)
        {
            return ResultOutcome.Refused("Lý do dài tối đa 1.000 ký tự.");
        }
        var (result, _) = await LoadAsync(user, resultId, ct);
        if (result is null)
        {
            return ResultOutcome.Refused("Không tìm thấy văn bản kết quả.");
        }
        if (result.Status != ResultStatus.InForce)
        {
            return ResultOutcome.Refused("Chỉ thu hồi hoặc đính chính văn bản kết quả đã ký số và còn hiệu lực.");
        }
        var now = time.GetUtcNow();
        result.Status = correct ? ResultStatus.Corrected : ResultStatus.Revoked;
        result.WithdrawnAt = now;
        result.WithdrawnBy = user.Identity?.Name;
        result.WithdrawnReason = why;
        ResultDocument? replacement = null;
        if (correct)
        {
            replacement = new ResultDocument
            {
                AgencyId = result.AgencyId, DossierId = result.DossierId, DossierCode = result.DossierCode, Type = result.Type, Number = result.Number,
                Symbol = result.Symbol, Summary = result.Summary, IssuedOn = DateOnly.FromDateTime(now.ToVietnam().DateTime), SignerName = result.SignerName,
                SignerPosition = result.SignerPosition, ValidFrom = result.ValidFrom, ValidTo = result.ValidTo, DraftPath = result.DraftPath,
                DraftFileName = result.DraftFileName, VerificationCode = NewCode(), Status = ResultStatus.Draft, DraftedAt = now,
                DraftedBy = user.Identity?.Name, ReplacesId = result.Id,
            };
            db.ResultDocuments.Add(replacement);
        }
        AuditLog.Append(db, time, user, correct ? "result.correct" : "result.revoke", "ResultDocument", result.DossierCode,
            (correct ? "Đính chính" : "Thu hồi") + $" văn bản kết quả số {result.NumberAndSymbol} của hồ sơ {result.DossierCode}: {why}",
            new { result.DossierCode, result.Number, result.Symbol, result.VerificationCode, Reason = why });
        await db.SaveChangesAsync(ct);
        return new ResultOutcome(replacement ?? result, []);
    }

    /// <summary>The signed file of a result of the caller's agency.</summary>
    public async Task<(ResultDocument? Result, byte[]? Pdf)> SignedFileAsync(ClaimsPrincipal user, int resultId, CancellationToken ct)
    {
        var agencyId = user.AgencyId();
        var result = await db.ResultDocuments.AsNoTracking().SingleOrDefaultAsync(r => r.Id == resultId && r.AgencyId == agencyId, ct);
        return result?.SignedPath is { } path ? (result, files.Read(path)) : (result, null);
    }

    private async Task<ResultOutcome> RefuseAsync(ClaimsPrincipal user, ResultDocument result, SigningRefusal refusal, CancellationToken ct)
    {
        // Only the audit entry is saved: the draft's own changes, if any were made, are dropped.
        db.ChangeTracker.Clear();
        AuditLog.Append(db, time, user, "result.sign.refused", "ResultDocument", result.DossierCode,
            $"Không ký được văn bản kết quả số {result.NumberAndSymbol} của hồ sơ {result.DossierCode}: {refusal.Reason}",
            new { result.DossierCode, result.Number, result.Symbol, refusal.Reason });
        await db.SaveChangesAsync(ct);
        return ResultOutcome.Refused(refusal.Reason);
    }

    private Task<Dossier?> DossierAsync(ClaimsPrincipal user, string code, CancellationToken ct)
    {
        var agencyId = user.AgencyId();
        var key = (code ?? "").Trim();
        return db.Set<Dossier>().AsNoTracking().SingleOrDefaultAsync(d => d.AgencyId == agencyId && d.Code == key, ct);
    }

    private async Task<(ResultDocument? Result, Dossier? Dossier)> LoadAsync(ClaimsPrincipal user, int resultId, CancellationToken ct)
    {
        var agencyId = user.AgencyId();
        var result = await db.ResultDocuments.SingleOrDefaultAsync(r => r.Id == resultId && r.AgencyId == agencyId, ct);
        if (result is null)
        {
            return (null, null);
        }
        LastDossierCode = result.DossierCode;
        var dossier = await db.Set<Dossier>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == result.DossierId && d.AgencyId == agencyId, ct);
        return (result, dossier);
    }

    private static List<string> Validate(ResultDraft d)
    {
        var errors = new List<string>();
        void Required(string? value, string label, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"Vui lòng nhập {label}.");
            }
            else if (value.Trim().Length > max)
            {
                errors.Add($"{char.ToUpper(label[0], VietnamTime.Culture)}{label[1..]} dài tối đa {max} ký tự.");
            }
        }
        if (!Enum.IsDefined(d.Type))
        {
            errors.Add("Loại văn bản kết quả không hợp lệ.");
        }
        Required(d.Number, "số văn bản", 32);
        Required(d.Symbol, "ký hiệu văn bản", 64);
        Required(d.Summary, "trích yếu nội dung", 500);
        Required(d.SignerName, "họ tên người ký", 200);
        Required(d.SignerPosition, "chức vụ người ký", 200);
        if (d.IssuedOn is null)
        {
            errors.Add("Vui lòng nhập ngày ban hành.");
        }
        if (d.ValidFrom is { } from && d.ValidTo is { } to && to < from)
        {
            errors.Add("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.");
        }
        return errors;
    }

    private static void Fill(ResultDocument r, ResultDraft d)
    {
        r.Type = d.Type;
        r.Number = TextSearch.NfcOrNull(d.Number)!.Trim();
        r.Symbol = TextSearch.NfcOrNull(d.Symbol)!.Trim();
        r.Summary = TextSearch.NfcOrNull(d.Summary)!.Trim();
        r.IssuedOn = d.IssuedOn!.Value;
        r.SignerName = TextSearch.NfcOrNull(d.SignerName)!.Trim();
        r.SignerPosition = TextSearch.NfcOrNull(d.SignerPosition)!.Trim();
        r.ValidFrom = d.ValidFrom;
        r.ValidTo = d.ValidTo;
    }

    // 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L), random: a code cannot be guessed from another.
    private static string NewCode()
    {
        const string alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        return RandomNumberGenerator.GetString(alphabet, 12);
    }
}
