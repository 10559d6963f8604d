using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Results;

/// <summary>Digital signing of an issued form of a dossier ("Ký số" beside the form): the PIN, the signed copies, their download.</summary>
public sealed class SignFormModel(AppDbContext db, FormSignatures forms, PdfSignatures signatures) : PageModel
{
    public string Code { get; private set; } = "";

    public string Form { get; private set; } = "";

    public IReadOnlyList<SignedForm> Copies { get; private set; } = [];

    public bool MaySign { get; private set; }

    public string SecretLabel => signatures.SecretLabel;

    public string? Error { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public string? Secret { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, string form, CancellationToken ct) =>
        await LoadAsync(code, form, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, string form, CancellationToken ct)
    {
        var (signed, refusal) = await forms.SignAsync(User, code, form, Secret, DossierDocuments.LookupUrl(Request, code), ct);
        if (signed is not null)
        {
            Message = "Đã ký số " + signed.Title.ToLower(VietnamTime.Culture) + ".";
            return RedirectToPage(new { code, form });
        }
        if (!await LoadAsync(code, form, ct))
        {
            return NotFound();
        }
        Error = refusal;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(int id, CancellationToken ct)
    {
        var (f, pdf) = await forms.FileAsync(User, id, ct);
        return f is null || pdf is null ? NotFound() : File(pdf, "application/pdf", f.DossierCode + "-" + f.Form + "-da-ky.pdf");
    }

    private async Task<bool> LoadAsync(string code, string form, CancellationToken ct)
    {
        var agencyId = User.AgencyId();
        var d = await db.Set<Dossier>().AsNoTracking().Where(x => x.AgencyId == agencyId && x.Code == code).Select(x => new { x.Id, x.AgencyId }).SingleOrDefaultAsync(ct);
        if (d is null || !DossierDocuments.IsDocument(form))
        {
            return false;
        }
        (Code, Form) = (code, form);
        Copies = [.. (await forms.ForDossierAsync(d.AgencyId, d.Id, ct)).Where(f => f.Form == form)];
        MaySign = FormSignatures.MaySign(User, form);
        return true;
    }
}
