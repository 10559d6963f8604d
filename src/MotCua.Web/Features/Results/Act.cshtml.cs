using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Results;

/// <summary>The result panel's forms post here: record the draft, sign it, revoke or correct it; back to the dossier when done.</summary>
[RequestSizeLimit(25L * 1024 * 1024)]
public sealed class ActModel(ResultDocuments results) : PageModel
{
    [BindProperty]
    public string? DossierCode { get; set; }

    [BindProperty]
    public int Id { get; set; }

    [BindProperty]
    public ResultDocumentType Type { get; set; }

    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? Symbol { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public DateOnly? IssuedOn { get; set; }

    [BindProperty]
    public string? SignerName { get; set; }

    [BindProperty]
    public string? SignerPosition { get; set; }

    [BindProperty]
    public DateOnly? ValidFrom { get; set; }

    [BindProperty]
    public DateOnly? ValidTo { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Secret { get; set; }

    [BindProperty]
    public bool Correct { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? BackCode { get; private set; }

    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        if (Shared.Dates.RefusedDates.Messages(HttpContext) is { Count: > 0 } refused)
        {
            BackCode = DossierCode;
            Errors = refused;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        IncomingFile? file = null;
        if (Upload is { Length: > 0 } upload)
        {
            using var ms = new MemoryStream();
            await upload.CopyToAsync(ms, ct);
            file = new IncomingFile(Path.GetFileName(upload.FileName), ms.ToArray());
        }
        var outcome = await results.RecordAsync(User, DossierCode ?? "",
            new ResultDraft(Type, Number, Symbol, Summary, IssuedOn, SignerName, SignerPosition, ValidFrom, ValidTo, file), ct);
        return Done(outcome, DossierCode);
    }

    public async Task<IActionResult> OnPostSignAsync(CancellationToken ct) => Done(await results.SignAsync(User, Id, Secret, ct), null);

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) => Done(await results.WithdrawAsync(User, Id, Correct, Reason, ct), null);

    private IActionResult Done(ResultOutcome outcome, string? code)
    {
        BackCode = outcome.Result?.DossierCode ?? code ?? results.LastDossierCode;
        if (outcome.Succeeded)
        {
            return Redirect("/ho-so/" + Uri.EscapeDataString(BackCode!) + "#ket-qua");
        }
        Errors = outcome.Errors;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
