using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Documents;
using MotCua.Web.Shared.Files;
using MotCua.Web.Shared.Privacy;

namespace MotCua.Web.Features.Results;

/// <summary>
/// Signs an issued form of a dossier through the same <see cref="PdfSignatures"/> path as results: the form as printed
/// now is signed and kept; a refusal (certificate, PIN) stores nothing but its audit entry.
/// </summary>
public sealed class FormSignatures(AppDbContext db, TimeProvider time, FileStore files, PdfSignatures signatures, CalendarProvider calendars)
{
    /// <summary>
    /// Who may sign a form: the agency's letter (the apology) only a leader; the desk's forms the desk officer who
    /// issues them, or a leader.
    /// </summary>
    public static bool MaySign(ClaimsPrincipal user, string form) =>
        user.IsInRole(Roles.Leader)
        || (form != DossierDocuments.Slug(OfficialFormKind.ApologyAndReschedule) && user.IsInRole(Roles.OneStopOfficer));

    /// <summary>The signed copies of a dossier's forms, newest first.</summary>
    public Task<List<SignedForm>> ForDossierAsync(int agencyId, long dossierId, CancellationToken ct) =>
        db.Set<SignedForm>().AsNoTracking().Where(f => f.AgencyId == agencyId && f.DossierId == dossierId).OrderByDescending(f => f.Id).ToListAsync(ct);

    /// <summary>Signs the form <paramref name="form"/> of the dossier; the signed record, or the reason it was refused.</summary>
    public async Task<(SignedForm? Signed, string? Refusal)> SignAsync(ClaimsPrincipal user, string code, string form, string? secret, string lookupUrl, CancellationToken ct)
    {
        if (!MaySign(user, form))
        {
            return (null, "Chỉ người có thẩm quyền ký biểu mẫu này được ký số (văn bản xin lỗi: lãnh đạo cơ quan; biểu mẫu của Bộ phận Một cửa: công chức Bộ phận Một cửa hoặc lãnh đạo).");
        }
        var agencyId = user.AgencyId();
        var d = await db.Set<Dossier>().AsNoTracking().SingleOrDefaultAsync(x => x.AgencyId == agencyId && x.Code == code, ct);
        if (d is null || !DossierDocuments.IsDocument(form))
        {
            return (null, "Không tìm thấy biểu mẫu của hồ sơ.");
        }
        var contact = PersonalDataReads.Open(db, time, user, d, "form-sign:" + form);
        if (await DossierDocuments.BuildAsync(db, calendars, d, form, lookupUrl, contact, time, ct) is not { } doc)
        {
            return (null, "Hồ sơ chưa có biểu mẫu này để ký.");
        }
        var (signed, refusal) = await signatures.SignAsync(PdfRenderer.Render(doc), secret, "Ký số " + doc.Title.ToLower(VietnamTime.Culture) + " của hồ sơ " + d.Code, ct);
        if (signed is null)
        {
            // Only the audit entry is saved: nothing half-signed is kept.
            db.ChangeTracker.Clear();
            AuditLog.Append(db, time, user, "form.sign.refused", "Dossier", d.Code, $"Không ký số được {doc.Title.ToLower(VietnamTime.Culture)} của hồ sơ {d.Code}: {refusal!.Reason}",
                new { d.Code, Form = form, refusal.Reason });
            await db.SaveChangesAsync(ct);
            return (null, refusal.Reason);
        }
        var stored = files.Save(new IncomingFile(d.Code + "-" + form + "-da-ky.pdf", signed.Pdf), "forms", d.AgencyId.ToString(CultureInfo.InvariantCulture), d.Code);
        var record = new SignedForm
        {
            AgencyId = d.AgencyId, DossierId = d.Id, DossierCode = d.Code, Form = form, Title = doc.Title, SignedPath = stored.StoragePath,
            SignedSha256 = stored.Sha256, SignedAt = time.GetUtcNow(), SignedBy = user.Identity?.Name, CertificateSubject = signed.Subject,
            CertificateSerial = signed.Serial,
        };
        db.Set<SignedForm>().Add(record);
        AuditLog.Append(db, time, user, "form.sign", "Dossier", d.Code, $"Ký số {doc.Title.ToLower(VietnamTime.Culture)} của hồ sơ {d.Code}",
            new { d.Code, Form = form, Certificate = signed.Subject, signed.Serial, stored.Sha256 });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            files.Discard([stored.StoragePath]);
            throw;
        }
        return (record, null);
    }

    /// <summary>A signed copy of a form of the caller's agency, with its bytes.</summary>
    public async Task<(SignedForm? Form, byte[]? Pdf)> FileAsync(ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var agencyId = user.AgencyId();
        var f = await db.Set<SignedForm>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.AgencyId == agencyId, ct);
        return f is null ? (null, null) : (f, files.Read(f.SignedPath));
    }
}
