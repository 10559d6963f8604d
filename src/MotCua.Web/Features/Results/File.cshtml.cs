using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Web.Features.Results;

/// <summary>The signed PDF of a result of the officer's agency.</summary>
public sealed class FileModel(ResultDocuments results) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (result, pdf) = await results.SignedFileAsync(User, id, ct);
        if (result is null || pdf is null)
        {
            return NotFound();
        }
        return File(pdf, "application/pdf", ResultFiles.DownloadName(result));
    }
}

public static class ResultFiles
{
    public static string DownloadName(ResultDocument r) =>
        "ket-qua-" + r.DossierCode + "-" + r.NumberAndSymbol.Replace('/', '-').Replace(' ', '-') + ".pdf";
}
