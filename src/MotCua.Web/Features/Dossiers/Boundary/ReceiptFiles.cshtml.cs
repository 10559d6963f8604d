using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dossiers.Boundary;

/// <summary>
/// Tệp đã đính kèm khi tiếp nhận hộ: the files the centre's desk attached to a dossier it received for another agency,
/// to open again (<see cref="CentreFiles"/>); the deciding agency's own working files are not listed.
/// </summary>
[Authorize(Roles = Roles.OneStopOfficer)]
public sealed class ReceiptFilesModel(AppDbContext db, DossierFileStore store) : PageModel
{
    public Dossier Dossier { get; private set; } = null!;

    public IReadOnlyList<DossierFile> Files { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await CentreFiles.ReceivedAsync(db, User.AgencyId(), code, ct) is not { } d)
        {
            return NotFound();
        }
        (Dossier, Files) = (d, await CentreFiles.AttachedAtReceiptAsync(db, d, ct));
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(string code, long id, CancellationToken ct)
    {
        if (await CentreFiles.ReceivedAsync(db, User.AgencyId(), code, ct) is not { } d
            || (await CentreFiles.AttachedAtReceiptAsync(db, d, ct)).FirstOrDefault(f => f.Id == id) is not { } file)
        {
            return NotFound();
        }
        return PhysicalFile(store.FullPath(file), file.ContentType, file.FileName);
    }
}
