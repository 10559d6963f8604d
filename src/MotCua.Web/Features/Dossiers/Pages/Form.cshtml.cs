using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Documents;
using MotCua.Web.Shared.Privacy;

namespace MotCua.Web.Features.Dossiers.Pages;

/// <summary>The HTML print view of one official form of a dossier (the same model renders the PDF).</summary>
public sealed class FormModel(AppDbContext db, TimeProvider time, CalendarProvider calendars) : PageModel
{
    public OfficialDocument Document { get; private set; } = null!;

    public string Code { get; private set; } = "";

    public string Form { get; private set; } = "";

    private const string ReceiptSlug = "tiep-nhan";

    private const string ControlSlug = "kiem-soat";

    public async Task<IActionResult> OnGetAsync(string code, string form, CancellationToken ct) =>
        await LoadAsync(code, form, "form:", ct) ? Page() : NotFound();

    /// <summary>The same document as PDF, for the documents the dossiers API does not serve (hand-over slip, online confirmation).</summary>
    public async Task<IActionResult> OnGetPdfAsync(string code, string form, CancellationToken ct) =>
        await LoadAsync(code, form, "form-pdf:", ct) ? File(PdfRenderer.Render(Document), "application/pdf", Code + "-" + Form + ".pdf") : NotFound();

    private async Task<bool> LoadAsync(string code, string form, string purpose, CancellationToken ct)
    {
        var agencyId = User.AgencyId();
        // A service centre prints again the receipt it issued for another agency's dossier, and the control slip of its part.
        var centreForm = form is ReceiptSlug or ControlSlug;
        var d = await db.Dossiers.AsNoTracking().FirstOrDefaultAsync(x => x.Code == code
            && (x.AgencyId == agencyId || (x.ReceivingAgencyId == agencyId && centreForm)), ct);
        if (d is null || !DossierDocuments.IsDocument(form))
        {
            return false;
        }
        // Personal-data law: the form shows the applicant's contact as this officer may see it, and the read is logged.
        var contact = PersonalDataReads.Open(db, time, User, d, purpose + form);
        var lookupUrl = DossierDocuments.LookupUrl(Request, d.Code);
        var built = d.AgencyId != agencyId && form == ControlSlug
            ? await Boundary.CentreControlSlip.BuildAsync(db, d, agencyId, lookupUrl, contact, time, ct)
            : await DossierDocuments.BuildAsync(db, calendars, d, form, lookupUrl, contact, time, ct);
        if (built is not { } doc)
        {
            return false;
        }
        await db.SaveChangesAsync(ct);
        (Document, Code, Form) = (doc, d.Code, form);
        return true;
    }
}
