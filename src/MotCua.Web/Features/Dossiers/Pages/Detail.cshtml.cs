using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers.Supplement;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Organisation.Merging;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Files;
using MotCua.Web.Shared.Privacy;

namespace MotCua.Web.Features.Dossiers.Pages;

/// <summary>The dossier page: state, deadlines and their explanation, timeline, forms, and the actions the officer may take.</summary>
public sealed class DetailModel(AppDbContext db, TimeProvider time, CalendarProvider calendars, DossierStore dossiers, ActOnDossier act, UpdateFees fees, AddFiles addFiles, RecordExplanation explanations, DossierFileStore store) : PageModel
{
    public Dossier Dossier { get; private set; } = null!;

    public List<DossierEvent> Events { get; private set; } = [];

    /// <summary>Messages this dossier caused (citizen, officers, national portal) with their delivery status.</summary>

    public List<DossierForm> Forms { get; private set; } = [];

    public List<DossierStepAssignment> Steps { get; private set; } = [];

    public List<DossierFile> Files { get; private set; } = [];

    public List<DossierExplanation> Explanations { get; private set; } = [];

    public IReadOnlyList<DossierAction> Actions { get; private set; } = [];

    /// <summary>The action the process expects next from this officer, shown as the one primary button (<see cref="DossierNextAction"/>).</summary>
    public DossierAction? PrimaryAction { get; private set; }

    /// <summary>The other actions this officer may take now, in order, behind "Thao tác khác".</summary>
    public IReadOnlyList<DossierAction> OtherActions { get; private set; } = [];

    /// <summary>The papers received (thành phần hồ sơ), in checklist order.</summary>
    public IReadOnlyList<DossierPaper> Papers { get; private set; } = [];

    /// <summary>The component files handed in with the receipt or added later, by the paper they are a copy of.</summary>
    public ILookup<int, DossierFile> FilesByPaper { get; private set; } = Array.Empty<DossierFile>().ToLookup(f => 0);

    /// <summary>Component files not linked to a paper.</summary>
    public IReadOnlyList<DossierFile> UnlinkedFiles { get; private set; } = [];

    /// <summary>Each supplement round (the files the applicant handed in at one time), oldest first.</summary>
    public IReadOnlyList<(DateTimeOffset At, IReadOnlyList<DossierFile> Files)> SupplementRounds { get; private set; } = [];

    /// <summary>The digitised result files.</summary>
    public IReadOnlyList<DossierFile> ResultFiles { get; private set; } = [];

    /// <summary>Specialists of the unit holding the dossier: the officers an assignment may name.</summary>
    public IReadOnlyList<OfficerChoice> UnitSpecialists { get; private set; } = [];

    /// <summary>Specialists of the unit of the next step, for a hand-over to it.</summary>
    public IReadOnlyList<OfficerChoice> NextStepSpecialists { get; private set; } = [];

    /// <summary>Specialists of the units a transfer may go to.</summary>
    public IReadOnlyList<OfficerChoice> TransferSpecialists { get; private set; } = [];

    /// <summary>The leaders who may approve for the unit holding the dossier.</summary>
    public IReadOnlyList<OfficerChoice> Leaders { get; private set; } = [];

    public QueueStanding? Standing { get; private set; }

    public IReadOnlyList<ExplanationLine> DueExplanation { get; private set; } = [];

    /// <summary>The supplement requests of the dossier: the desk's guidance and the processing body's request, each at most once.</summary>
    public IReadOnlyList<SupplementRequest> SupplementRequests { get; private set; } = [];

    /// <summary>When the processing body may still ask for a supplement: the latest instant its request reaches the desk.</summary>
    public DateTimeOffset? ProcessingRequestDueAt { get; private set; }

    public DateTimeOffset Now { get; private set; }

    /// <summary>The action's name; a supplement request is named by the act the dossier's status allows.</summary>
    public string ActionLabel(DossierAction a) =>
        a == DossierAction.RequestSupplement ? SupplementRules.Name(SupplementRules.ActFor(Dossier.Status)) : DossierText.Name(a);

    /// <summary>A history row's action; a supplement request by the act it was (from its status before).</summary>
    public static string EventName(DossierAction a, DossierStatus? from) =>
        a == DossierAction.RequestSupplement && from is { } f ? SupplementRules.Name(SupplementRules.ActFor(f)) : DossierText.Name(a);

    public Dictionary<int, string> Units { get; private set; } = [];

    /// <summary>The desk's own units: not offered as the unit to transfer to on receipt.</summary>
    private HashSet<int> deskUnitIds = [];

    /// <summary>Whether the Transfer and Receive selects offer this unit (<see cref="PlannedStep.MayTake"/>).</summary>
    public bool MayTake(int unitId) => PlannedStep.MayTake(plan, deskUnitIds.Contains(unitId));

    private IReadOnlyList<PlannedStep> plan = []; // read once: StepPlan parses its JSON on every access

    public Dictionary<string, string> Officers { get; private set; } = new(StringComparer.Ordinal);

    public bool CanAct { get; private set; }

    /// <summary>The name of the merged-away agency whose dossier this is; null for the officer's own agency's dossiers.</summary>
    public string? PredecessorName { get; private set; }

    /// <summary>Which of the page's forms this officer may use now (<see cref="DossierAccess.MayChange"/>): none is shown otherwise.</summary>
    public bool CanEditFees { get; private set; }

    /// <summary>Why the fees form is read-only for this officer (Vietnamese), or null.</summary>
    public string? FeesReadOnly { get; private set; }

    public bool CanAddFiles { get; private set; }

    public bool CanExplain { get; private set; }

    public bool CanReadFiles { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    /// <summary>The applicant's contact as this officer may see it (<see cref="PersonalData.SeesFull"/>), opened with its read logged.</summary>
    public ContactDetails Applicant { get; private set; } = null!;

    /// <summary>True when this officer sees the applicant's contact in full.</summary>
    public bool FullContact => !Applicant.Masked;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, "page", ct))
        {
            return NotFound();
        }
        await db.SaveChangesAsync(ct);
        return Page();
    }

    /// <summary>Loads the dossier and opens its applicant's contact for <paramref name="view"/>; the caller saves the read's audit entry.</summary>
    private async Task<bool> LoadAsync(string code, string view, CancellationToken ct)
    {
        var agencyId = User.AgencyId();
        var d = await db.Dossiers.AsNoTracking().Include(x => x.Papers).SingleOrDefaultAsync(x => x.AgencyId == agencyId && x.Code == code, ct);
        if (d is null)
        {
            // A predecessor's dossier under its old code: shown to the successor's officers, read-only.
            var predecessors = (await AgencyLineage.AgencyIdsInViewAsync(db, agencyId, ct)).Skip(1).ToList();
            d = predecessors.Count == 0 ? null : await db.Dossiers.AsNoTracking().Include(x => x.Papers)
                .Where(x => predecessors.Contains(x.AgencyId) && x.Code == code).OrderBy(x => x.Id).FirstOrDefaultAsync(ct);
            if (d is null)
            {
                return false;
            }
            PredecessorName = await db.Agencies.AsNoTracking().Where(a => a.Id == d.AgencyId).Select(a => a.Name).SingleAsync(ct);
        }
        Dossier = d;
        plan = d.StepPlan;
        Events = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == d.Id).OrderBy(e => e.Id).ToListAsync(ct);
        Forms = await db.DossierForms.AsNoTracking().Where(e => e.DossierId == d.Id).OrderBy(e => e.Id).ToListAsync(ct);
        Steps = await db.DossierStepAssignments.AsNoTracking().Where(e => e.DossierId == d.Id).OrderBy(e => e.StepIndex).ToListAsync(ct);
        Files = await db.DossierFiles.AsNoTracking().Where(e => e.DossierId == d.Id).OrderBy(e => e.Id).ToListAsync(ct);
        Explanations = await db.DossierExplanations.AsNoTracking().Where(e => e.DossierId == d.Id).OrderBy(e => e.Id).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.AgencyId == agencyId && u.IsActive).OrderBy(u => u.SortOrder)
            .Select(u => new { u.Id, u.Name, u.Kind }).ToListAsync(ct);
        Units = units.ToDictionary(u => u.Id, u => u.Name);
        deskUnitIds = units.Where(u => u.Kind == UnitKind.OneStopDesk).Select(u => u.Id).ToHashSet();
        Officers = await db.Users.AsNoTracking().Where(u => u.AgencyId == agencyId && u.IsActive).OrderBy(u => u.FullName)
            .ToDictionaryAsync(u => u.UserName!, u => u.FullName, StringComparer.Ordinal, ct);
        var actor = await dossiers.ActorAsync(User, ct);
        var holding = DossierStore.HoldingOf(d);
        var own = PredecessorName is null;
        CanAct = own && DossierAccess.InScope(actor, holding);
        FeesReadOnly = own ? DossierAccess.MayChange(actor, holding, DossierChange.Fees)?.Message : "Hồ sơ của " + PredecessorName + " (cơ quan đã hợp nhất) nên chỉ được xem.";
        CanEditFees = FeesReadOnly is null;
        CanAddFiles = own && DossierAccess.MayChange(actor, holding, DossierChange.ComponentFiles) is null;
        CanExplain = own && DossierAccess.MayChange(actor, holding, DossierChange.Explanation) is null;
        CanReadFiles = await DossierFileAccess.RefusalAsync(db, dossiers, User, d, ct) is null;
        // Personal-data law: every read of a dossier's personal data is logged (who, which dossier, which view, masked or not).
        Applicant = PersonalDataReads.Open(db, time, User, d, view);
        Actions = await act.AvailableActionsAsync(User, d, ct);
        (PrimaryAction, OtherActions) = DossierNextAction.Split(Actions);
        await LoadChoicesAsync(d, ct);
        Papers = [.. d.Papers.OrderBy(p => p.Seq)];
        var components = Files.Where(f => f.Kind == DossierFileKind.Component).ToList();
        var seqs = Papers.Select(p => p.Seq).ToHashSet();
        FilesByPaper = components.Where(f => f.PaperSeq is { } s && seqs.Contains(s)).ToLookup(f => f.PaperSeq!.Value);
        UnlinkedFiles = [.. components.Where(f => f.PaperSeq is not { } s || !seqs.Contains(s))];
        // A file answering a supplement item is listed here too, with its item's code, so the officer can open it to review the answer.
        SupplementRounds = [.. Files.Where(f => f.Kind == DossierFileKind.Supplement).GroupBy(f => f.UploadedAt).OrderBy(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyList<DossierFile>)[.. g]))];
        ResultFiles = [.. Files.Where(f => f.Kind == DossierFileKind.Result)];
        var calculator = await calendars.CalculatorAsync(db, agencyId, ct);
        var state = d.ToState();
        Standing = DossierQueue.Standing(state, time.GetUtcNow(), calculator);
        if (d.ProcessingTime is { } t && d.ClockStartedAt is { } start)
        {
            DueExplanation = calculator.Explain(start, t, d.Terms.Options(state.Pauses));
        }
        if (d.Channel == DossierChannel.Online)
        {
            // The desk's check comes before the clock: the explanation starts with it and the basis of its limit.
            var source = d.OnlineCheckWorkingHours is null ? null
                : await db.ProcedureVersions.AsNoTracking().Where(v => v.Id == d.ProcedureVersionId).Select(v => v.OnlineCheckSource).FirstOrDefaultAsync(ct);
            var check = OnlineCheckLimit.For(calculator.Rule, DateOnly.FromDateTime(d.SubmittedAt.ToOffset(DeadlineCalculator.VietnamOffset).DateTime), d.OnlineCheckWorkingHours, source);
            DueExplanation = [check.Explain(d.SubmittedAt, DossierQueue.OnlineCheckDue(d.SubmittedAt, calculator, d.Terms.OnlineCheckLimit)), .. DueExplanation];
        }
        Now = time.GetUtcNow();
        SupplementRequests = await SupplementRequestQueries.ForDossierAsync(db, d.Id, ct);
        RoundsPanel = SupplementRequests.Count > 0 ? await SupplementRoundsPanel.LoadAsync(db, d, Files, User, own, ct) : RoundsPanel;
        if (SupplementRequests.Count > 0)
        {
            // A stable sort keeps each day's counting lines before that day's supplement lines.
            DueExplanation = [.. DueExplanation.Concat(SupplementRequests.SelectMany(SupplementRules.Explain)).OrderBy(l => l.Date)];
        }
        if (Actions.Contains(DossierAction.RequestSupplement) && SupplementRules.ActFor(d.Status) == MotCua.Core.Dossiers.SupplementAct.ProcessingRequest
            && (d.StepStartedAt ?? d.ReceivedAt) is { } bodyReceived)
        {
            ProcessingRequestDueAt = SupplementRules.ProcessingRequestDue(bodyReceived, calculator);
        }
        return true;
    }

    /// <summary>Reads only the officer lists the available actions offer.</summary>
    private async Task LoadChoicesAsync(Dossier d, CancellationToken ct)
    {
        if (Actions.Contains(DossierAction.Assign) && d.CurrentUnitId is { } unit)
        {
            UnitSpecialists = await DossierOfficers.SpecialistsAsync(db, d.AgencyId, [unit], ct);
        }
        if (Actions.Contains(DossierAction.Forward))
        {
            var next = plan.ElementAtOrDefault(d.CurrentStep + 1)?.UnitId ?? d.CurrentUnitId;
            NextStepSpecialists = next is { } n ? await DossierOfficers.SpecialistsAsync(db, d.AgencyId, [n], ct) : [];
        }
        if (Actions.Contains(DossierAction.Transfer))
        {
            TransferSpecialists = await DossierOfficers.SpecialistsAsync(db, d.AgencyId, [.. Units.Keys.Where(MayTake)], ct);
        }
        if (Actions.Contains(DossierAction.Appraise))
        {
            Leaders = await DossierOfficers.LeadersAsync(db, d.AgencyId, d.CurrentUnitId, ct);
        }
    }

    /// <summary>The name of the page's preview frame, which file links open into.</summary>
    public const string PreviewFrame = "xem-truoc";

    /// <summary>The file the preview frame opens with: the first PDF or image in the order the page lists them, if the officer may read files.</summary>
    public DossierFile? FirstPreview =>
        CanReadFiles ? Papers.SelectMany(p => FilesByPaper[p.Seq]).Concat(UnlinkedFiles).Concat(SupplementRounds.SelectMany(r => r.Files)).Concat(ResultFiles).FirstOrDefault(Previewable) : null;

    /// <summary>Whether the browser can show the file inside the page (PDF in a frame, images as images).</summary>
    public static bool Previewable(DossierFile file) => IsPdf(file) || IsImage(file);

    public static bool IsPdf(DossierFile file) => string.Equals(file?.ContentType, "application/pdf", StringComparison.Ordinal);

    public static bool IsImage(DossierFile file) => file?.ContentType is "image/jpeg" or "image/png";

    /// <summary>The file's type as officers read it.</summary>
    public static string TypeName(DossierFile file) => file?.ContentType switch
    {
        "application/pdf" => "PDF",
        "image/jpeg" => "Ảnh JPG",
        "image/png" => "Ảnh PNG",
        FileStore.DocxType => "Văn bản Word (DOCX)",
        _ => "Tệp",
    };

    public static string CopyName(PaperCopyKind form) => form switch
    {
        PaperCopyKind.Original => "Bản chính",
        PaperCopyKind.CertifiedCopy => "Bản sao chứng thực",
        PaperCopyKind.Copy => "Bản sao",
    };

    public string OfficerName(string? userName) =>
        userName is null ? "" : Officers.TryGetValue(userName, out var n) ? n : userName;

    public string UnitName(int? id) => id is { } x && Units.TryGetValue(x, out var n) ? n : "";

    [BindProperty]
    public string? ActionName { get; set; }

    [BindProperty]
    public long RowVersion { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? Assignee { get; set; }

    [BindProperty]
    public int? UnitId { get; set; }

    [BindProperty]
    public int? TargetStep { get; set; }

    [BindProperty]
    public string? NewAppointment { get; set; }

    [BindProperty]
    public ResultDelivery? Delivery { get; set; }

    [BindProperty]
    public string? Partner { get; set; }

    [BindProperty]
    public IFormFile? ResultFile { get; set; }

    [BindProperty]
    public string? LeaderUserId { get; set; }

    [BindProperty]
    public List<SupplementItem>? SupplementItems { get; set; }

    [BindProperty]
    public SupplementAct? SupplementAct { get; set; }

    [BindProperty]
    public string? RepeatReason { get; set; }

    /// <summary>The supplement items with the applicant's answers and the review, the flagged requests and the repeat warning.</summary>
    public SupplementRoundsPanel RoundsPanel { get; private set; } = new([], [], null, []);

    public async Task<IActionResult> OnPostActAsync(string code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ActionName) || !DossierApi.TryParseAction(ActionName, out var action))
        {
            return await FailAsync(code, "Thao tác không hợp lệ.", ct);
        }
        DateTimeOffset? appointment = null;
        if (!string.IsNullOrWhiteSpace(NewAppointment))
        {
            // datetime-local is Vietnam wall time.
            if (!Shared.Dates.DateText.TryParseDateTime(NewAppointment, out var local))
            {
                return await FailAsync(code, Shared.Dates.DateText.Invalid("Thời điểm hẹn trả mới", NewAppointment.Trim(), withTime: true), ct);
            }
            appointment = new DateTimeOffset(local, VietnamTime.Offset);
        }
        IncomingFile? file = null;
        if (ResultFile is { Length: > 0 })
        {
            using var ms = new MemoryStream();
            await ResultFile.CopyToAsync(ms, ct);
            file = new IncomingFile(ResultFile.FileName, ms.ToArray());
        }
        var result = await act.ApplyAsync(code, action, new ActionInput(Note, string.IsNullOrWhiteSpace(Assignee) ? null : Assignee, UnitId, TargetStep, appointment, Delivery, Partner, file,
            SupplementItems: SupplementItems, LeaderUserId: string.IsNullOrWhiteSpace(LeaderUserId) ? null : LeaderUserId, SupplementAct: SupplementAct, RepeatReason: RepeatReason),
            RowVersion, User, ct);
        if (!result.Succeeded)
        {
            return await FailAsync(code, result.Message, ct);
        }
        var transferred = action == DossierAction.Receive && result.Dossier?.Status == DossierStatus.InProcessing;
        Message = "Đã " + DossierText.Name(action).ToLower(VietnamTime.Culture) + (transferred ? " và chuyển xử lý" : "") + "."
            + (result.Transition?.Warnings is { Count: > 0 } w ? " " + string.Join(" ", w) : "");
        return Redirect("/ho-so/" + Uri.EscapeDataString(code));
    }

    [BindProperty]
    public long FeeAmount { get; set; }

    [BindProperty]
    public PaymentStatus Payment { get; set; }

    [BindProperty]
    public bool ComponentsDigitised { get; set; }

    public async Task<IActionResult> OnPostFeesAsync(string code, CancellationToken ct)
    {
        var result = await fees.UpdateAsync(code, FeeAmount, Payment, ComponentsDigitised, RowVersion, User, ct);
        if (!result.Succeeded)
        {
            return await FailAsync(code, result.Message, ct);
        }
        Message = "Đã lưu phí, lệ phí và tình trạng số hóa.";
        return Redirect("/ho-so/" + Uri.EscapeDataString(code));
    }

    [BindProperty]
    public List<IFormFile> Uploads { get; set; } = [];

    [BindProperty]
    public int? PaperSeq { get; set; }

    public async Task<IActionResult> OnPostFilesAsync(string code, CancellationToken ct)
    {
        var incoming = new List<IncomingFile>();
        foreach (var f in Uploads.Where(f => f.Length > 0))
        {
            using var ms = new MemoryStream();
            await f.CopyToAsync(ms, ct);
            incoming.Add(new IncomingFile(f.FileName, ms.ToArray()));
        }
        if (incoming.Count == 0)
        {
            return await FailAsync(code, "Vui lòng chọn tệp.", ct);
        }
        var result = await addFiles.AddAsync(code, incoming, PaperSeq, User, ct);
        if (!result.Succeeded)
        {
            return await FailAsync(code, result.Message, ct);
        }
        Message = "Đã lưu tệp.";
        return Redirect("/ho-so/" + Uri.EscapeDataString(code));
    }

    [BindProperty]
    public long ExplanationId { get; set; }

    [BindProperty]
    public string? ExplanationText { get; set; }

    public async Task<IActionResult> OnPostExplainAsync(string code, CancellationToken ct)
    {
        var result = await explanations.RecordAsync(code, ExplanationId, ExplanationText, User, ct);
        if (!result.Succeeded)
        {
            return await FailAsync(code, result.Message, ct);
        }
        Message = "Đã ghi nhận văn bản giải trình.";
        return Redirect("/ho-so/" + Uri.EscapeDataString(code));
    }

    /// <summary>A stored file of the dossier, for the officers handling it (<see cref="DossierChange.ReadFiles"/>), not the whole agency.</summary>
    public async Task<IActionResult> OnGetFileAsync(string code, long id, CancellationToken ct)
    {
        var file = await ReadableFileAsync(code, id, ct);
        if (file is null)
        {
            return NotFound();
        }
        if (await DossierFileAccess.RefusalAsync(db, dossiers, User, file.Dossier!, ct) is not null)
        {
            return Forbid();
        }
        return PhysicalFile(store.FullPath(file), file.ContentType, file.FileName);
    }

    /// <summary>The file <paramref name="id"/> of the dossier the caller's agency answers for under <paramref name="code"/>, with its dossier.</summary>
    private async Task<DossierFile?> ReadableFileAsync(string code, long id, CancellationToken ct) =>
        await DossierFileAccess.FindAsync(db, User.AgencyId(), code, ct) is { } d
            ? await db.DossierFiles.AsNoTracking().Include(f => f.Dossier).SingleOrDefaultAsync(f => f.Id == id && f.DossierId == d.Id, ct)
            : null;

    /// <summary>
    /// A PDF or image of the dossier shown inside the page, under the same rule as the download; anything else is offered
    /// for download instead.
    /// </summary>
    public async Task<IActionResult> OnGetPreviewAsync(string code, long id, CancellationToken ct)
    {
        var file = await ReadableFileAsync(code, id, ct);
        if (file is null)
        {
            return NotFound();
        }
        if (await DossierFileAccess.RefusalAsync(db, dossiers, User, file.Dossier!, ct) is not null)
        {
            return Forbid();
        }
        if (!Previewable(file))
        {
            return PhysicalFile(store.FullPath(file), file.ContentType, file.FileName);
        }
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(file.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        HttpContext.AllowFramingBySelf();
        return PhysicalFile(store.FullPath(file), file.ContentType);
    }

    /// <summary>
    /// The page again with the refusal. What the failed command left in the change tracker is dropped first, so that
    /// saving the read's audit entry cannot write half a transition.
    /// </summary>
    private async Task<IActionResult> FailAsync(string code, string message, CancellationToken ct)
    {
        Error = message;
        db.ChangeTracker.Clear();
        if (!await LoadAsync(code, "page-action", ct))
        {
            return NotFound();
        }
        await db.SaveChangesAsync(ct);
        return Page();
    }
}
