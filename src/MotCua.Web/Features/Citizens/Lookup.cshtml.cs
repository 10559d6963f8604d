using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Caching;
using MotCua.Web.Shared.Documents;
using MotCua.Web.Shared.Files;
using MotCua.Web.Shared.Privacy;

namespace MotCua.Web.Features.Citizens;

/// <summary>
/// Tra cứu hồ sơ (reached from the receipt's QR code): the code is in the address, the second factor is posted, never
/// put in the address, so it stays out of logs and browser history. Returned dossiers can be rated here once.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Security.LookupPolicy)]
[RequestSizeLimit(100L * 1024 * 1024)]
public sealed class LookupModel(AppDbContext db, TimeProvider time, SupplementOnline supplement, FileStore files, CalendarProvider calendars,
    ReferenceCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string? Factor { get; set; }

    [BindProperty]
    public List<int?>? Answers { get; set; }

    /// <summary>The questions offered today; a ballot is checked against the same set the form showed.</summary>
    public MotCua.Core.Evaluation.CitizenQuestionnaire Questionnaire => questionnaire ??= CitizenEvaluations.Current(time);

    private MotCua.Core.Evaluation.CitizenQuestionnaire? questionnaire;

    /// <summary>A ballot was posted and refused: the form marks the unanswered questions.</summary>
    public bool EvaluationRefused { get; private set; }

    [BindProperty]
    public string? Comment { get; set; }

    public PublicLookup.LookupDto? Result { get; private set; }

    /// <summary>What happens next: expected completions and what the applicant will be asked (after the factor only).</summary>
    public LookupForecasts.ForecastDto? Forecast { get; private set; }

    /// <summary>Who read the dossier's personal data, one page of it (after the factor only).</summary>
    public LookupReaders.ReadersDto? Readers { get; private set; }

    [BindProperty]
    public int ReadersPage { get; set; } = 1;

    public List<string> Errors { get; } = [];

    public string? Message { get; private set; }

    /// <summary>An online dossier waiting for the applicant's supplement: the upload form is shown.</summary>
    public bool CanSupplement { get; private set; }

    /// <summary>A dossier submitted online: its confirmation (the citizen's copy) can be downloaded.</summary>
    public bool SubmittedOnline { get; private set; }

    /// <summary>The coded items of the open supplement request, which the applicant answers one by one.</summary>
    public IReadOnlyList<Dossiers.Forms.DossierSupplementItem> SupplementItems { get; private set; } = [];

    /// <summary>Per open item, the files already sent for a refused earlier answer to the same paper, which the applicant may keep.</summary>
    public IReadOnlyDictionary<string, Dossiers.Supplement.FilesSentBefore> SentBefore { get; private set; } = new Dictionary<string, Dossiers.Supplement.FilesSentBefore>();

    /// <summary>The applicant's answers, item by item (kept when the submission is refused).</summary>
    [BindProperty]
    public List<Dossiers.Supplement.ItemAnswerInput> ItemAnswers { get; set; } = [];

    /// <summary>The form field of an item's files.</summary>
    public static string ItemFilesField(string code) => "ItemFiles_" + code;

    /// <summary>
    /// Where and by when a dossier received at the counter or by post hands in what was asked: it cannot be supplemented
    /// online, so the look-up lists the request read-only with the desk's address and hours.
    /// </summary>
    public sealed record HandIn(bool ByPost, string? AgencyName, string? Address, string Hours, DateTimeOffset? DueAt);

    /// <summary>Set for a dossier awaiting supplement that is not answered online.</summary>
    public HandIn? SupplementHandIn { get; private set; }

    /// <summary>What the desk asked for (the note of the supplement request).</summary>
    public string? SupplementNote { get; private set; }

    [BindProperty]
    public string? SupplementComment { get; set; }

    /// <summary>The logged-in citizen opening a dossier of their own: no second factor is asked.</summary>
    public bool OwnDossier { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Code) && await Citizen.CurrentAsync(HttpContext) is not null)
        {
            await LoadAsync(ct);
            if (Result is null)
            {
                // Not theirs: the factor form stays, with no message that would tell whether the code exists.
                Errors.Clear();
            }
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEvaluateAsync(CancellationToken ct)
    {
        if (await VerifiedAsync(ct) is not { } dossier)
        {
            return Page();
        }
        var (outcome, errors) = await CitizenEvaluations.SaveAsync(db, time, Questionnaire, dossier, Answers, Comment, ct);
        if (outcome == EvaluationOutcome.Saved)
        {
            Message = "Cảm ơn Ông/Bà đã đánh giá mức độ hài lòng. Ý kiến của Ông/Bà giúp cơ quan phục vụ tốt hơn.";
        }
        else
        {
            Errors.AddRange(errors);
            EvaluationRefused = outcome == EvaluationOutcome.Invalid;
        }
        await LoadInsightsAsync(dossier, ct);
        return Page();
    }

    /// <summary>Giấy xác nhận nộp hồ sơ trực tuyến as PDF, after the second factor, with the applicant's own details in full.</summary>
    public async Task<IActionResult> OnPostConfirmationAsync(CancellationToken ct)
    {
        if (await VerifiedAsync(ct) is not { } dossier)
        {
            return Page();
        }
        var doc = await DossierDocuments.BuildAsync(db, calendars, dossier, DossierDocuments.OnlineSubmissionSlug,
            DossierDocuments.LookupUrl(Request, dossier.Code), ContactDetails.Of(dossier), time, ct);
        if (doc is null)
        {
            Errors.Add("Hồ sơ không nộp trực tuyến nên không có giấy xác nhận nộp hồ sơ trực tuyến.");
            await LoadAsync(ct);
            return Page();
        }
        return File(PdfRenderer.Render(doc), "application/pdf", dossier.Code + "-xac-nhan-nop.pdf");
    }

    /// <summary>Nộp bổ sung trực tuyến: the second factor again, the files, and the dossier goes back to the desk.</summary>
    public async Task<IActionResult> OnPostSupplementAsync(CancellationToken ct)
    {
        if (await VerifiedAsync(ct) is not { } dossier)
        {
            return Page();
        }
        if (dossier.Status != DossierStatus.AwaitingSupplement || dossier.Channel != DossierChannel.Online)
        {
            Errors.Add("Hồ sơ không ở trạng thái chờ bổ sung trực tuyến.");
        }
        else if ((SupplementComment?.Length ?? 0) > 2000)
        {
            Errors.Add("Ghi chú dài tối đa 2.000 ký tự.");
        }
        else
        {
            var incoming = new List<IncomingFile>();
            var itemFiles = new List<(string Code, IncomingFile File)>();
            foreach (var upload in Request.Form.Files.Where(f => f.Length > 0 && (f.Name == "SupplementFiles" || f.Name.StartsWith("ItemFiles_", StringComparison.Ordinal))).Take(40))
            {
                if (upload.Length > files.MaxBytes)
                {
                    Errors.Add(files.Check(new IncomingFile(Path.GetFileName(upload.FileName), new byte[files.MaxBytes + 1]))!);
                    continue;
                }
                using var ms = new MemoryStream();
                await upload.CopyToAsync(ms, ct);
                var file = new IncomingFile(Path.GetFileName(upload.FileName), ms.ToArray());
                if (upload.Name == "SupplementFiles")
                {
                    incoming.Add(file);
                }
                else
                {
                    itemFiles.Add((upload.Name["ItemFiles_".Length..], file));
                }
            }
            if (Errors.Count == 0)
            {
                var applicant = new ClaimsPrincipal(new ClaimsIdentity(
                    [new Claim(ClaimTypes.Name, SubmitModel.PortalActor),
                     new Claim(MotCuaClaims.AgencyId, dossier.AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Claim(MotCuaClaims.FullName, "Công dân (nộp bổ sung trực tuyến)")], "portal"));
                var outcome = await supplement.SupplementAsync(dossier, incoming, SupplementComment, applicant, ct, ItemAnswers, itemFiles);
                if (outcome.Succeeded)
                {
                    Message = "Đã nộp bổ sung hồ sơ. Bộ phận Một cửa sẽ kiểm tra lại và thông báo cho Ông/Bà.";
                }
                else
                {
                    Errors.Add(outcome.Message);
                }
            }
        }
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The dossier the code and factor open, or null with the message (missing factor, no match, code locked).</summary>
    private async Task<Dossier?> VerifiedAsync(CancellationToken ct, bool tracked = true)
    {
        if (string.IsNullOrWhiteSpace(Factor) && await Citizen.CurrentAsync(HttpContext) is { } citizen)
        {
            var own = await PublicLookup.FindOwnAsync(db, Code, citizen.IdNumber, ct, tracked);
            OwnDossier = own is not null;
            if (own is null)
            {
                Errors.Add(PublicLookup.NeedFactor);
            }
            return own;
        }
        var found = await PublicLookup.FindAsync(db, time, Code, Factor, ct, tracked);
        if (found.LockedUntil is { } until)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Errors.Add(LookupThrottles.LockedMessage(until));
        }
        else if (found.Value is null)
        {
            Errors.Add(string.IsNullOrWhiteSpace(Factor) ? PublicLookup.NeedFactor : PublicLookup.NoMatch);
        }
        return found.Value;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code) || (string.IsNullOrWhiteSpace(Factor) && await Citizen.CurrentAsync(HttpContext) is null))
        {
            Errors.Add(PublicLookup.NeedFactor);
            return;
        }
        // Shown only, not changed: read without tracking.
        if (await VerifiedAsync(ct, tracked: false) is not { } dossier)
        {
            return;
        }
        await LoadInsightsAsync(dossier, ct);
        SubmittedOnline = dossier.Channel == DossierChannel.Online;
        CanSupplement = dossier.Status == DossierStatus.AwaitingSupplement && dossier.Channel == DossierChannel.Online;
        if (dossier.Status == DossierStatus.AwaitingSupplement)
        {
            SupplementItems = await Dossiers.Supplement.SupplementAnswerQueries.OpenItemsAsync(db, dossier.Id, ct);
            if (CanSupplement)
            {
                SentBefore = await Dossiers.Supplement.SupplementAnswerQueries.SentBeforeAsync(db, dossier.Id, SupplementItems, ct);
            }
            else
            {
                var deskId = dossier.ReceivingAgencyId ?? dossier.AgencyId;
                var desk = await db.Set<Organisation.Agency>().AsNoTracking().Where(a => a.Id == deskId)
                    .Select(a => new { a.Name, a.Address, a.MorningStart, a.MorningEnd, a.AfternoonStart, a.AfternoonEnd }).SingleOrDefaultAsync(ct);
                var due = await db.Set<Dossiers.Supplement.DossierSupplementRequest>().AsNoTracking().Where(q => q.DossierId == dossier.Id).OrderByDescending(q => q.Id)
                    .Select(q => q.ApplicantDueAt).FirstOrDefaultAsync(ct);
                var hours = desk is null ? "giờ hành chính các ngày làm việc"
                    : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"sáng {desk.MorningStart:HH:mm}–{desk.MorningEnd:HH:mm}, chiều {desk.AfternoonStart:HH:mm}–{desk.AfternoonEnd:HH:mm} các ngày làm việc");
                SupplementHandIn = new HandIn(dossier.Channel == DossierChannel.Postal, desk?.Name, desk?.Address, hours, due);
            }
            SupplementNote = await db.DossierEvents.AsNoTracking()
                .Where(e => e.DossierId == dossier.Id && e.Action == DossierAction.RequestSupplement)
                .OrderByDescending(e => e.Id).Select(e => e.Note).FirstOrDefaultAsync(ct);
        }
    }

    /// <summary>The answer, the forecast and the readers, read only once the factor matched, from facts read once for all three.</summary>
    private async Task LoadInsightsAsync(Dossier dossier, CancellationToken ct)
    {
        var answer = await LookupAnswer.ReadAsync(db, calendars, cache, time, dossier, ReadersPage, ct);
        (Result, Forecast, Readers) = (answer.Result, answer.Forecast, answer.Readers);
    }
}
