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
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Citizens;

/// <summary>
/// Nộp hồ sơ trực tuyến for procedures offered online (toàn trình / một phần): the form lists the procedure's papers,
/// each with an upload checked by content (DossierFileStore), and the dossier goes to the desk's queue as Submitted
/// through the one receipt path (ReceiveDossier) with the online channel.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Security.PublicFormPolicy)]
[RequestSizeLimit(100L * 1024 * 1024)]
public sealed class SubmitModel(AppDbContext db, ReceiveDossier receipt, OnlineDrafts drafts, FileStore files, TimeProvider time) : PageModel
{
    /// <summary>The actor recorded on the dossier's first event: the citizen, through the portal.</summary>
    public const string PortalActor = "cong-dan-truc-tuyen";

    [BindProperty(SupportsGet = true, Name = "thu-tuc")]
    public string? ProcedureCode { get; set; }

    /// <summary>The agency whose catalogue the citizen came from (co-quan), as on the catalogue pages; the first agency when absent.</summary>
    [BindProperty(SupportsGet = true, Name = "co-quan")]
    public string? AgencyCode { get; set; }

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

    /// <summary>The resume token of a saved draft (from the e-mailed link, typed in, or carried by the form).</summary>
    [BindProperty(SupportsGet = true, Name = "ban-nhap")]
    public string? DraftToken { get; set; }

    public OnlineDraft? Draft { get; private set; }

    /// <summary>No procedure chosen: the page sends the citizen to the catalogue's online procedures.</summary>
    public bool NeedsProcedure { get; private set; }

    /// <summary>Set only right after a draft is first saved: the one time the token is shown.</summary>
    public string? NewDraftToken { get; private set; }

    public string? Message { get; private set; }

    /// <summary>The consent box the personal-data law asks for; checked on the server.</summary>
    [BindProperty]
    public bool Consent { get; set; }

    public ProcedureVersion? Version { get; private set; }

    public List<string> Errors { get; } = [];

    public Dossier? Submitted { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(DraftToken))
        {
            Draft = await drafts.FindAsync(DraftToken, ct);
            if (Draft is null)
            {
                Errors.Add(OnlineDrafts.NotFound);
                DraftToken = null;
                return Page();
            }
            ProcedureCode = Draft.ProcedureCode;
            (Name, IdNumber, Phone, Email, Address) = (Draft.Name, Draft.IdNumber, Draft.Phone, Draft.Email, Draft.Address);
            Message = "Đã mở bản nháp. Ông/Bà bổ sung thông tin, tệp còn thiếu rồi nộp hồ sơ; bản nháp được giữ đến ngày " + Draft.ExpiresAt.ToVnDate() + ".";
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Lưu nháp: keeps what is typed and uploaded so far; gives a resume code the first time.</summary>
    public async Task<IActionResult> OnPostSaveDraftAsync(CancellationToken ct)
    {
        if (!await LoadDraftAsync(ct))
        {
            return Page();
        }
        var agencyId = await LoadAsync(ct);
        if (Version is null || agencyId is null)
        {
            return Page();
        }
        var fields = new DraftFields(Name, IdNumber, Phone, Email, Address);
        Errors.AddRange(OnlineDrafts.Validate(fields));
        if (!Consent)
        {
            // A draft keeps personal data too, so it needs the same consent as a submission.
            Errors.Add(Shared.Privacy.ConsentNotice.Missing);
        }
        var uploads = await UploadsAsync(ct);
        if (Errors.Count > 0)
        {
            return Page();
        }
        var (draft, token) = await drafts.SaveAsync(Draft, agencyId.Value, Version.Procedure!.Code, fields,
            uploads.Select(u => (u.Key, u.Value)).ToList(), Version.Name, ct, Request);
        Draft = draft;
        NewDraftToken = token;
        DraftToken = token ?? DraftToken;
        Message = token is null
            ? "Đã lưu bản nháp. Dùng mã tiếp tục nộp hồ sơ đã nhận để quay lại; bản nháp được giữ đến ngày " + draft.ExpiresAt.ToVnDate() + "."
            : "Đã lưu bản nháp.";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadDraftAsync(ct))
        {
            return Page();
        }
        var agencyId = await LoadAsync(ct);
        if (Version is null || agencyId is null)
        {
            return Page();
        }
        if (string.IsNullOrWhiteSpace(Phone))
        {
            Errors.Add("Vui lòng nhập số điện thoại: số này dùng để tra cứu hồ sơ và nhận thông báo.");
        }
        if (!Consent)
        {
            Errors.Add(Shared.Privacy.ConsentNotice.Missing);
        }
        var papers = Version.Papers.OrderBy(p => p.Seq).ToList();
        var uploads = await UploadsAsync(ct);
        // A resumed draft submits exactly like a fresh form: its stored papers count as uploaded unless replaced.
        var saved = Draft is null ? [] : drafts.Contents(Draft);
        var incoming = new List<IncomingFile>();
        var paperInputs = new List<PaperInput>();
        for (var i = 0; i < papers.Count; i++)
        {
            var file = uploads.GetValueOrDefault(i) ?? saved.GetValueOrDefault(i);
            if (file is not null)
            {
                incoming.Add(file);
            }
            else if (papers[i].Required && Version.OnlineLevel == OnlineServiceLevel.Full)
            {
                Errors.Add($"Vui lòng tải lên: {papers[i].Name}.");
            }
            paperInputs.Add(new PaperInput(papers[i].Name, file is not null, PaperCopyKind.Copy, File: file));
        }
        if (Errors.Count > 0)
        {
            return Page();
        }
        var citizen = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, PortalActor), new Claim(MotCuaClaims.AgencyId, agencyId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             new Claim(MotCuaClaims.FullName, "Công dân (nộp trực tuyến)")], "portal"));
        var draft = Draft;
        var result = await receipt.ReceiveAsync(new ReceiptInput(Version.Procedure!.Code, DossierChannel.Online,
            new ApplicantInput(ApplicantKind.Individual, Name, IdNumber, Phone, Email, Address), paperInputs, ReceiptOutcome.Submit, Files: incoming),
            citizen, null, null, draft is null ? null : ctx => OnlineDrafts.RemoveWith(ctx, draft), ct);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors?.SelectMany(e => e.Value) ?? [result.Detail ?? result.Title ?? "Không nộp được hồ sơ."]);
            return Page();
        }
        if (draft is not null)
        {
            // The draft row went with the dossier's SaveChanges; its files were copied into the dossier's folder.
            drafts.DiscardFiles(draft);
            Draft = null;
            DraftToken = null;
        }
        Submitted = result.Dossier;
        return Page();
    }

    /// <summary>Loads the draft named by the posted token; false (with the message) when it is wrong or expired.</summary>
    private async Task<bool> LoadDraftAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(DraftToken))
        {
            return true;
        }
        Draft = await drafts.FindAsync(DraftToken, ct);
        if (Draft is null)
        {
            Errors.Add(OnlineDrafts.NotFound);
            DraftToken = null;
            return false;
        }
        // The procedure of a draft is fixed when it is first saved.
        ProcedureCode = Draft.ProcedureCode;
        return true;
    }

    /// <summary>The files posted now, by paper index, each checked by content; problems go to <see cref="Errors"/>.</summary>
    private async Task<Dictionary<int, IncomingFile>> UploadsAsync(CancellationToken ct)
    {
        var result = new Dictionary<int, IncomingFile>();
        var count = Version?.Papers.Count ?? 0;
        for (var i = 0; i < count; i++)
        {
            var upload = Request.Form.Files.GetFile("paper-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (upload is not { Length: > 0 })
            {
                continue;
            }
            if (upload.Length > files.MaxBytes)
            {
                Errors.Add(files.Check(new IncomingFile(Path.GetFileName(upload.FileName), new byte[files.MaxBytes + 1]))!);
                continue;
            }
            using var ms = new MemoryStream();
            await upload.CopyToAsync(ms, ct);
            var file = new IncomingFile(Path.GetFileName(upload.FileName), ms.ToArray());
            if (files.Check(file) is { } problem)
            {
                Errors.Add(problem);
                continue;
            }
            result[i] = file;
        }
        return result;
    }

    private async Task<int?> LoadAsync(CancellationToken ct)
    {
        // A draft belongs to the agency it was saved for, whatever the link says.
        var agency = Draft is not null
            ? await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == Draft.AgencyId, ct)
            : await CatalogueQueries.PublicAgencyAsync(db, AgencyCode, ct);
        if (agency is null)
        {
            Errors.Add("Không tìm thấy cơ quan này; vui lòng chọn thủ tục từ danh mục thủ tục hành chính.");
            return null;
        }
        AgencyCode = agency.Code;
        if (string.IsNullOrWhiteSpace(ProcedureCode))
        {
            NeedsProcedure = true;
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
