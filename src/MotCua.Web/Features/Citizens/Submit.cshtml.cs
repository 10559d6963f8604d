using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Citizens;

/// <summary>
/// Nộp hồ sơ trực tuyến for procedures offered online (toàn trình / một phần): the form lists the procedure's papers,
/// each with an upload checked by content (DossierFileStore), and the dossier goes to the desk's queue as Submitted
/// through the one receipt path (DossierWorkflow) with the online channel.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Security.PublicFormPolicy)]
[RequestSizeLimit(100L * 1024 * 1024)]
public sealed class SubmitModel(AppDbContext db, DossierWorkflow workflow, TimeProvider time) : PageModel
{
    /// <summary>The actor recorded on the dossier's first event: the citizen, through the portal.</summary>
    public const string PortalActor = "cong-dan-truc-tuyen";

    [BindProperty(SupportsGet = true, Name = "thu-tuc")]
    public string? ProcedureCode { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? IdNumber { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    /// <summary>The consent box (Decree 13/2023); checked on the server.</summary>
    [BindProperty]
    public bool Consent { get; set; }

    public ProcedureVersion? Version { get; private set; }

    public List<string> Errors { get; } = [];

    public Dossier? Submitted { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var agencyId = await LoadAsync(ct);
        if (Version is null || agencyId is null)
        {
            return Page();
        }
        if (string.IsNullOrWhiteSpace(Phone) || ApplicantVerification.Phone(Phone).Length is < 9 or > 11)
        {
            Errors.Add("Vui lòng nhập số điện thoại hợp lệ: số này dùng để tra cứu hồ sơ.");
        }
        if (!Consent)
        {
            Errors.Add(Shared.Privacy.ConsentNotice.Missing);
        }
        var papers = Version.Papers.OrderBy(p => p.Seq).ToList();
        var incoming = new List<IncomingFile>();
        var paperInputs = new List<PaperInput>();
        for (var i = 0; i < papers.Count; i++)
        {
            var upload = Request.Form.Files.GetFile("paper-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (upload is { Length: > 0 })
            {
                using var ms = new MemoryStream();
                await upload.CopyToAsync(ms, ct);
                incoming.Add(new IncomingFile(Path.GetFileName(upload.FileName), ms.ToArray()));
            }
            else if (papers[i].Required && Version.OnlineLevel == OnlineServiceLevel.Full)
            {
                Errors.Add($"Vui lòng tải lên: {papers[i].Name}.");
            }
            paperInputs.Add(new PaperInput(papers[i].Name, upload is { Length: > 0 }, PaperCopyKind.Copy));
        }
        if (Errors.Count > 0)
        {
            return Page();
        }
        var citizen = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, PortalActor), new Claim(MotCuaClaims.AgencyId, agencyId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             new Claim(MotCuaClaims.FullName, "Công dân (nộp trực tuyến)")], "portal"));
        var result = await workflow.ReceiveAsync(new ReceiptInput(Version.Procedure!.Code, DossierChannel.Online,
            new ApplicantInput(ApplicantKind.Individual, Name, IdNumber, Phone, Email, Address), paperInputs, ReceiptOutcome.Submit, Files: incoming),
            citizen, null, null, ct);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors?.SelectMany(e => e.Value) ?? [result.Detail ?? result.Title ?? "Không nộp được hồ sơ."]);
            return Page();
        }
        Submitted = result.Dossier;
        return Page();
    }

    private async Task<int?> LoadAsync(CancellationToken ct)
    {
        var agency = await CatalogueQueries.PublicAgencyAsync(db, null, ct);
        if (agency is null || string.IsNullOrWhiteSpace(ProcedureCode))
        {
            Errors.Add("Vui lòng chọn thủ tục hành chính từ danh mục để nộp trực tuyến.");
            return null;
        }
        var code = ProcedureCode.Trim();
        Version = await CatalogueQueries.InForceOn(db, agency.Id, time.Today()).AsNoTracking()
            .Include(v => v.Procedure).Include(v => v.Papers).FirstOrDefaultAsync(v => v.Procedure!.Code == code, ct);
        if (Version is null)
        {
            Errors.Add("Không tìm thấy thủ tục hành chính đang có hiệu lực với mã này.");
        }
        else if (Version.OnlineLevel == OnlineServiceLevel.None)
        {
            Errors.Add("Thủ tục này chưa được cung cấp dịch vụ công trực tuyến; vui lòng nộp tại Bộ phận Một cửa hoặc qua bưu chính.");
            Version = null;
        }
        return agency.Id;
    }
}
