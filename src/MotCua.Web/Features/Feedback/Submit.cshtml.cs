using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Feedback;

/// <summary>The public PAKN form, with the agency's PAKN address posted as Seed 001 VI.1 requires.</summary>
[AllowAnonymous]
[EnableRateLimiting(Security.PublicFormPolicy)]
[RequestSizeLimit(FeedbackDesk.MaxAttachments * 21L * 1024 * 1024)]
public sealed class SubmitModel(AppDbContext db, FeedbackDesk desk, FileStore files) : PageModel
{
    [BindProperty]
    public FeedbackInput Input { get; set; } = new(null, null, null, null, null, null, null, null, null);

    public Agency? Agency { get; private set; }

    /// <summary>The agency the PAKN is addressed to (co-quan, as on the catalogue pages); the first agency when absent.</summary>
    [BindProperty(SupportsGet = true, Name = "co-quan")]
    public string? AgencyCode { get; set; }

    /// <summary>Set when the citizen comes from a procedure's page: the related procedure is filled in.</summary>
    [BindProperty(SupportsGet = true, Name = "thu-tuc")]
    public string? ProcedureCode { get; set; }

    public Dictionary<string, string[]> Errors { get; private set; } = new(StringComparer.Ordinal);

    public FeedbackItem? Acknowledged { get; private set; }

    /// <summary>The per-file upload limit, stated on the form before any upload.</summary>
    public long MaxMegabytes => files.MaxBytes / (1024 * 1024);

    /// <summary>The consent box the personal-data law asks for; checked on the server.</summary>
    [BindProperty]
    public bool Consent { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Agency = await CatalogueQueries.PublicAgencyAsync(db, AgencyCode, ct);
        if (Agency is null && !string.IsNullOrWhiteSpace(AgencyCode))
        {
            // A link naming no agency of this site: not found, as on the catalogue's pages.
            return NotFound();
        }
        if (!string.IsNullOrWhiteSpace(ProcedureCode))
        {
            Input = Input with { RelatedProcedureCode = ProcedureCode.Trim() };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Agency = await CatalogueQueries.PublicAgencyAsync(db, AgencyCode, ct);
        if (Agency is null && !string.IsNullOrWhiteSpace(AgencyCode))
        {
            return NotFound();
        }
        var attachments = new List<IncomingFile>();
        foreach (var upload in Request.Form.Files.Where(f => f.Name == "Attachments" && f.Length > 0).Take(FeedbackDesk.MaxAttachments + 1))
        {
            // Oversized files are refused by the store's check without being read whole.
            var content = upload.Length > files.MaxBytes ? new byte[files.MaxBytes + 1] : await ReadAsync(upload, ct);
            attachments.Add(new IncomingFile(Path.GetFileName(upload.FileName), content));
        }
        // Nothing is stored without consent; a missing consent is reported with every other problem at once.
        var (item, errors) = await desk.SubmitAsync(Input, AgencyCode, attachments, Consent, ct);
        Errors = errors;
        Acknowledged = item;
        return Page();
    }

    /// <summary>The id of the input an error key belongs to, for the summary's links; null for a problem of the whole form.</summary>
    public static string? InputId(string key) => key switch
    {
        "senderName" => "name",
        "senderAddress" => "address",
        "senderPhone" => "phone",
        "senderEmail" => "email",
        "contentType" => "type",
        "relatedProcedureCode" => "proc",
        "relatedRegulation" => "reg",
        "title" => "title",
        "content" => "content",
        "attachments" => "attachments",
        Shared.Privacy.ConsentNotice.Field => "Consent",
        _ => null,
    };

    private static async Task<byte[]> ReadAsync(IFormFile upload, CancellationToken ct)
    {
        using var ms = new MemoryStream();
        await upload.CopyToAsync(ms, ct);
        return ms.ToArray();
    }
}
