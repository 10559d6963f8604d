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
public sealed class SubmitModel(AppDbContext db, ReceiveDossier receipt, OnlineDrafts drafts, FileStore files, IDocumentReuse reuse, TimeProvider time) : PageModel
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

    /// <summary>Who submits: a person, or an organisation (then <see cref="Name"/> is the person acting for it).</summary>
    [BindProperty]
    public ApplicantKind Kind { get; set; }

    [BindProperty]
    public string? OrganisationName { get; set; }

    /// <summary>Mã số thuế of the organisation: 10 digits, or 13 for a branch.</summary>
    [BindProperty]
    public string? TaxCode { get; set; }

    /// <summary>Problems by the id of the input they belong to, shown beside it and linked from the summary.</summary>
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>The files kept in the draft after a refused submission, so the citizen need not upload them again.</summary>
    public List<string> KeptFiles { get; } = [];

    /// <summary>The stated upload limit, in MB, shown on the form before any upload.</summary>
    public long MaxMegabytes => files.MaxBytes / (1024 * 1024);

    /// <summary>The resume token of a saved draft (from the e-mailed link, typed in, or carried by the form).</summary>
    [BindProperty(SupportsGet = true, Name = "ban-nhap")]
    public string? DraftToken { get; set; }

    public OnlineDraft? Draft { get; private set; }

    /// <summary>A draft saved under the logged-in citizen's account, opened from "Hồ sơ của tôi" (no resume code needed).</summary>
    [BindProperty(SupportsGet = true, Name = "nhap-cua-toi")]
    public long? MyDraftId { get; set; }

    /// <summary>The citizen logged in with VNeID: their verified ID number is used and cannot be edited.</summary>
    public Citizen? Citizen { get; private set; }

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

    /// <summary>The documents held for the logged-in citizen, offered beside each paper instead of an upload; null when nobody is logged in.</summary>
    public HeldDocuments? Held { get; private set; }

    /// <summary>The held document chosen for each paper (by index) in the posted form, shown again when the form comes back.</summary>
    public Dictionary<int, string> ChosenReuse { get; } = [];

    /// <summary>The papers whose reuse the citizen consented to in the posted form.</summary>
    public HashSet<int> ReuseConsents { get; } = [];

    public const string ReuseConsentMissing = "Vui lòng đánh dấu “Tôi đồng ý cho cơ quan sử dụng lại giấy tờ này” để dùng lại giấy tờ đã chọn, hoặc tải tệp lên.";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Citizen = await Citizen.CurrentAsync(HttpContext);
        if (Citizen is not null && string.IsNullOrWhiteSpace(DraftToken) && MyDraftId is null)
        {
            (Name, IdNumber, Phone, Email, Address) = (Citizen.Name, Citizen.IdNumber, Citizen.Phone, Citizen.Email, Citizen.Address);
        }
        if (Citizen is not null && MyDraftId is { } mine && string.IsNullOrWhiteSpace(DraftToken))
        {
            if (!await LoadDraftAsync(ct))
            {
                return Page();
            }
            (Name, IdNumber, Phone, Email, Address) = (Draft!.Name, Citizen.IdNumber, Draft.Phone, Draft.Email, Draft.Address);
            (Kind, OrganisationName, TaxCode) = (Draft.ApplicantKind, Draft.OrganisationName, Draft.TaxCode);
            foreach (var (index, key, consent) in Draft.ReuseLines())
            {
                ChosenReuse[index] = key;
                if (consent)
                {
                    ReuseConsents.Add(index);
                }
            }
            Message = "Đã mở bản nháp. Ông/Bà bổ sung thông tin, tệp còn thiếu rồi nộp hồ sơ; bản nháp được giữ đến ngày " + Draft.ExpiresAt.ToVnDate() + ".";
        }
        else if (!string.IsNullOrWhiteSpace(DraftToken))
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
            (Kind, OrganisationName, TaxCode) = (Draft.ApplicantKind, Draft.OrganisationName, Draft.TaxCode);
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
        var fields = Fields();
        Errors.AddRange(OnlineDrafts.Validate(fields));
        if (!Consent)
        {
            // A draft keeps personal data too, so it needs the same consent as a submission.
            Errors.Add(Shared.Privacy.ConsentNotice.Missing);
        }
        // A refused file is marked beside its input and nothing is saved until it is fixed or left out.
        var uploads = await UploadsAsync(ct);
        if (Errors.Count > 0 || FieldErrors.Count > 0)
        {
            return Page();
        }
        var (draft, token) = await drafts.SaveAsync(Draft, agencyId.Value, Version.Procedure!.Code, fields,
            uploads.Select(u => (u.Key, u.Value)).ToList(), Version.Name, ct, Request, Citizen?.AccountId, DraftReuse(Version.Papers.Count, uploads));
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
        CheckApplicant();
        if (!Consent)
        {
            FieldErrors["Consent"] = Shared.Privacy.ConsentNotice.Missing;
        }
        var papers = Version.Papers.OrderBy(p => p.Seq).ToList();
        var uploads = await UploadsAsync(ct);
        // A resumed draft submits exactly like a fresh form: its stored papers count as uploaded unless replaced.
        var saved = Draft is null ? [] : drafts.Contents(Draft);
        var reused = await ReusedAsync(papers.Count, uploads, ct);
        var incoming = new List<IncomingFile>();
        var paperInputs = new List<PaperInput>();
        for (var i = 0; i < papers.Count; i++)
        {
            var file = uploads.GetValueOrDefault(i) ?? reused.GetValueOrDefault(i)?.File ?? saved.GetValueOrDefault(i);
            if (file is not null)
            {
                incoming.Add(file);
            }
            paperInputs.Add(new PaperInput(papers[i].Name, file is not null, PaperCopyKind.Copy, File: file));
        }
        CheckCompleteness(papers, paperInputs);
        if (FieldErrors.Count > 0 || Errors.Count > 0)
        {
            return await RefuseKeepingFilesAsync(agencyId.Value, uploads, ct);
        }
        var citizen = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, PortalActor), new Claim(MotCuaClaims.AgencyId, agencyId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             new Claim(MotCuaClaims.FullName, "Công dân (nộp trực tuyến)")], "portal"));
        var draft = Draft;
        var applicant = Kind == ApplicantKind.Organisation
            ? new ApplicantInput(ApplicantKind.Organisation, OrganisationName, ApplicantNumbers.NormalizeTaxCode(TaxCode), Phone, Email, Address, Representative: Name)
            : new ApplicantInput(ApplicantKind.Individual, Name, IdNumber, Phone, Email, Address);
        var result = await receipt.ReceiveAsync(new ReceiptInput(Version.Procedure!.Code, DossierChannel.Online,
            applicant, paperInputs, ReceiptOutcome.Submit, Files: incoming),
            citizen, null, null, (ctx, dossier) =>
            {
                if (draft is not null)
                {
                    OnlineDrafts.RemoveWith(ctx, draft);
                }
                foreach (var (i, document) in reused)
                {
                    reuse.Record(ctx, dossier, i + 1, papers[i].Name, document.Document);
                }
            }, ct);
        if (!result.Succeeded)
        {
            foreach (var (key, messages) in result.Errors ?? [])
            {
                if (FieldOf(key) is { } field)
                {
                    FieldErrors[field] = messages[0];
                }
                else
                {
                    Errors.AddRange(messages);
                }
            }
            if (result.Errors is not { Count: > 0 })
            {
                Errors.Add(result.Detail ?? result.Title ?? "Không nộp được hồ sơ.");
            }
            return await RefuseKeepingFilesAsync(agencyId.Value, uploads, ct);
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

    /// <summary>
    /// The held documents chosen in the posted form for papers without an upload, with their consent boxes, kept with a
    /// draft of a citizen logged in with VNeID (and shown again as chosen); nothing is opened until the submission.
    /// </summary>
    private List<(int Index, string Key, bool Consent)> DraftReuse(int count, Dictionary<int, IncomingFile> uploads)
    {
        var chosen = new List<(int, string, bool)>();
        for (var i = 0; i < count; i++)
        {
            if (Request.Form[ReuseField(i)].ToString() is not { Length: > 0 and <= 200 } key)
            {
                continue;
            }
            var consent = string.Equals(Request.Form[ReuseConsentField(i)].ToString(), "true", StringComparison.Ordinal);
            ChosenReuse[i] = key;
            if (consent)
            {
                ReuseConsents.Add(i);
            }
            if (Citizen is not null && Kind != ApplicantKind.Organisation && !uploads.ContainsKey(i) && !key.Contains('\t', StringComparison.Ordinal) && !key.Contains('\n', StringComparison.Ordinal))
            {
                chosen.Add((i, key, consent));
            }
        }
        return chosen;
    }

    /// <summary>
    /// The held documents chosen for papers without an upload, each looked up again under the logged-in citizen's ID number
    /// and only with the consent ticked for it; a refusal is marked on its paper and nothing is stored.
    /// </summary>
    private async Task<Dictionary<int, ReusedDocument>> ReusedAsync(int count, Dictionary<int, IncomingFile> uploads, CancellationToken ct)
    {
        var result = new Dictionary<int, ReusedDocument>();
        for (var i = 0; i < count; i++)
        {
            if (Request.Form[ReuseField(i)].ToString() is not { Length: > 0 } key)
            {
                continue;
            }
            ChosenReuse[i] = key;
            if (string.Equals(Request.Form[ReuseConsentField(i)].ToString(), "true", StringComparison.Ordinal))
            {
                ReuseConsents.Add(i);
            }
            if (uploads.ContainsKey(i))
            {
                continue; // a file chosen now wins over a held document
            }
            if (Citizen is null || Kind == ApplicantKind.Organisation)
            {
                FieldErrors[PaperField(i)] = "Chỉ công dân đăng nhập bằng VNeID mới dùng lại được giấy tờ đã nộp; vui lòng tải tệp lên.";
                continue;
            }
            if (!ReuseConsents.Contains(i))
            {
                FieldErrors[PaperField(i)] = ReuseConsentMissing;
                continue;
            }
            var (document, problem) = await reuse.OpenAsync(Citizen.IdNumber, key, ct);
            if (document is null)
            {
                FieldErrors[PaperField(i)] = problem ?? "Không dùng lại được giấy tờ đã chọn; vui lòng tải tệp lên.";
                ChosenReuse.Remove(i);
                continue;
            }
            result[i] = document;
        }
        return result;
    }

    /// <summary>The form name of the held document chosen for paper <paramref name="index"/>.</summary>
    public static string ReuseField(int index) => "reuse-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The form name of the consent box for reusing a document for paper <paramref name="index"/>.</summary>
    public static string ReuseConsentField(int index) => "reuse-consent-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private DraftFields Fields() => new(Name, Kind == ApplicantKind.Organisation ? null : IdNumber, Phone, Email, Address, Kind, OrganisationName, TaxCode);

    /// <summary>The applicant's fields as a submission needs them, each problem beside its own input.</summary>
    private void CheckApplicant()
    {
        var organisation = Kind == ApplicantKind.Organisation;
        if (!Enum.IsDefined(Kind))
        {
            FieldErrors["Kind"] = "Vui lòng chọn người nộp là cá nhân hay tổ chức.";
            return;
        }
        if (organisation)
        {
            if (string.IsNullOrWhiteSpace(OrganisationName))
            {
                FieldErrors["OrganisationName"] = "Vui lòng nhập tên tổ chức.";
            }
            else if (OrganisationName.Length > ReceiptRules.NameMax)
            {
                FieldErrors["OrganisationName"] = $"Tên tổ chức dài tối đa {ReceiptRules.NameMax} ký tự.";
            }
            if (string.IsNullOrWhiteSpace(TaxCode))
            {
                FieldErrors["TaxCode"] = "Vui lòng nhập mã số thuế của tổ chức.";
            }
            else if (ApplicantNumbers.NormalizeTaxCode(TaxCode) is null)
            {
                FieldErrors["TaxCode"] = OnlineDrafts.TaxCodeInvalid;
            }
        }
        if (string.IsNullOrWhiteSpace(Name))
        {
            FieldErrors["Name"] = organisation ? "Vui lòng nhập họ tên người đại diện nộp hồ sơ." : "Vui lòng nhập họ tên người nộp hồ sơ.";
        }
        else if (Name.Length > ReceiptRules.NameMax)
        {
            FieldErrors["Name"] = $"Họ tên dài tối đa {ReceiptRules.NameMax} ký tự.";
        }
        if (!organisation && !string.IsNullOrWhiteSpace(IdNumber) && ApplicantNumbers.NormalizeIdNumber(IdNumber, organisation: false) is null)
        {
            FieldErrors["IdNumber"] = ReceiptRules.IdInvalid;
        }
        if (string.IsNullOrWhiteSpace(Phone))
        {
            FieldErrors["Phone"] = "Vui lòng nhập số điện thoại: số này dùng để tra cứu hồ sơ và nhận thông báo.";
        }
        else if (ApplicantNumbers.NormalizePhone(Phone) is null)
        {
            FieldErrors["Phone"] = ReceiptRules.PhoneInvalid;
        }
        if (!string.IsNullOrWhiteSpace(Email) && (Email.Length > ReceiptRules.EmailMax || !System.Net.Mail.MailAddress.TryCreate(Email.Trim(), out _)))
        {
            FieldErrors["Email"] = "Địa chỉ thư điện tử không hợp lệ (ví dụ đúng: ten@vidu.vn).";
        }
        if (Address is { Length: > ReceiptRules.AddressMax })
        {
            FieldErrors["Address"] = $"Địa chỉ dài tối đa {ReceiptRules.AddressMax} ký tự.";
        }
    }

    /// <summary>
    /// What is missing, by the desk's own checklist rule: each required paper (or group of alternatives) without a file is
    /// marked on its first input and named in the summary.
    /// </summary>
    private void CheckCompleteness(List<ProcedurePaper> papers, List<PaperInput> inputs)
    {
        var missing = ReceiptChecklist.MissingRequired(ReceiveDossier.CataloguePapers(Version!),
            inputs.Select(p => new CheckedPaper(p.Name, p.Present)).ToList()).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < papers.Count; i++)
        {
            var line = papers[i].AlternativeGroup is { } g
                ? ReceiptChecklist.AlternativesName(papers.Where(p => string.Equals(p.AlternativeGroup, g, StringComparison.Ordinal)).Select(p => p.Name))
                : papers[i].Name;
            var key = PaperField(i);
            if (missing.Remove(line) && !FieldErrors.ContainsKey(key))
            {
                FieldErrors[key] = papers[i].AlternativeGroup is null
                    ? $"Chưa tải lên thành phần bắt buộc: {line}."
                    : $"Chưa tải lên thành phần bắt buộc: {line[0..1].ToLower(VietnamTime.Culture)}{line[1..]} (chỉ cần một).";
            }
        }
    }

    /// <summary>
    /// A refused submission keeps every file that passed its check in the draft (made now if there was none), so only the
    /// refused ones are uploaded again; nothing is kept without the consent to keep personal data.
    /// </summary>
    private async Task<IActionResult> RefuseKeepingFilesAsync(int agencyId, Dictionary<int, IncomingFile> uploads, CancellationToken ct)
    {
        if (uploads.Count == 0)
        {
            return Page();
        }
        if (!Consent)
        {
            Errors.Add("Các tệp hợp lệ chưa được giữ lại vì Ông/Bà chưa đồng ý cho xử lý dữ liệu cá nhân; sau khi đánh dấu đồng ý, vui lòng chọn lại tệp.");
            return Page();
        }
        var fields = Fields();
        // Fields that would not pass even a draft's lighter check are left out of it; the form still shows them as typed.
        var keep = OnlineDrafts.Validate(fields).Count == 0 ? fields : new DraftFields(null, null, null, null, null, Kind);
        var (draft, token) = await drafts.SaveAsync(Draft, agencyId, Version!.Procedure!.Code, keep,
            uploads.Select(u => (u.Key, u.Value)).ToList(), Version.Name, ct, citizenAccountId: Citizen?.AccountId);
        Draft = draft;
        NewDraftToken = token;
        DraftToken = token ?? DraftToken;
        KeptFiles.AddRange(uploads.OrderBy(u => u.Key).Select(u => u.Value.FileName));
        return Page();
    }

    /// <summary>The input a receipt error key names, or null for a problem of the whole submission.</summary>
    private string? FieldOf(string key) => key switch
    {
        "applicant.name" => Kind == ApplicantKind.Organisation ? "OrganisationName" : "Name",
        "applicant.idNumber" => Kind == ApplicantKind.Organisation ? "TaxCode" : "IdNumber",
        "applicant.phone" => "Phone",
        "applicant.email" => "Email",
        "applicant.address" => "Address",
        _ => null,
    };

    /// <summary>The id and form name of paper <paramref name="index"/>'s file input.</summary>
    public static string PaperField(int index) => "paper-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Loads the draft named by the posted token; false (with the message) when it is wrong or expired.</summary>
    private async Task<bool> LoadDraftAsync(CancellationToken ct)
    {
        Citizen = await Citizen.CurrentAsync(HttpContext);
        if (Citizen is not null && Kind != ApplicantKind.Organisation)
        {
            // The ID number VNeID verified is the applicant's; a posted one is ignored.
            IdNumber = Citizen.IdNumber;
        }
        if (string.IsNullOrWhiteSpace(DraftToken) && MyDraftId is { } mine && Citizen is not null)
        {
            Draft = await drafts.FindOwnAsync(mine, Citizen.AccountId, ct);
            if (Draft is null)
            {
                Errors.Add(OnlineDrafts.NotFound);
                MyDraftId = null;
                return false;
            }
            ProcedureCode = Draft.ProcedureCode;
            return true;
        }
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

    /// <summary>
    /// The files posted now, by paper index, each checked on its own (empty, too large, unreadable, wrong type by content);
    /// each refusal is marked on its paper's input and names the file.
    /// </summary>
    private async Task<Dictionary<int, IncomingFile>> UploadsAsync(CancellationToken ct)
    {
        var result = new Dictionary<int, IncomingFile>();
        var count = Version?.Papers.Count ?? 0;
        for (var i = 0; i < count; i++)
        {
            var upload = Request.Form.Files.GetFile(PaperField(i));
            var name = upload is null ? "" : Path.GetFileName(upload.FileName);
            if (upload is null || (upload.Length == 0 && string.IsNullOrWhiteSpace(name)))
            {
                continue; // no file chosen for this paper
            }
            if (upload.Length > files.MaxBytes)
            {
                FieldErrors[PaperField(i)] = files.Check(new IncomingFile(name, new byte[files.MaxBytes + 1]))!;
                continue;
            }
            IncomingFile file;
            try
            {
                using var ms = new MemoryStream();
                await upload.CopyToAsync(ms, ct);
                file = new IncomingFile(name, ms.ToArray());
            }
            catch (IOException)
            {
                FieldErrors[PaperField(i)] = $"Không đọc được tệp \"{name}\" (tệp bị lỗi hoặc việc tải lên bị gián đoạn); vui lòng chọn lại tệp.";
                continue;
            }
            if (files.Check(file) is { } problem)
            {
                FieldErrors[PaperField(i)] = problem;
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
        if (Version is not null && Citizen is not null && Kind != ApplicantKind.Organisation)
        {
            Held = await reuse.HeldForAsync(Citizen.IdNumber, ct);
        }
        return agency.Id;
    }
}
