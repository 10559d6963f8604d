using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Dossiers.Pages;

/// <summary>
/// Tiếp nhận hồ sơ tại Bộ phận Một cửa: pick the procedure, then the applicant, the catalogue's papers checked one by one
/// (none ticked until the officer ticks it), the due date a receipt now would get, the fee, how the result goes back,
/// files, and the outcome.
/// </summary>
[Authorize(Roles = Roles.OneStopOfficer)]
public sealed class ReceiveModel(AppDbContext db, TimeProvider time, ReceiveDossier receipt, DossierReferences references, ReceiptPreview previews,
    Boundary.BoundaryReceipts boundary) : PageModel
{
    public sealed class PaperLine
    {
        public string? Name { get; set; }

        /// <summary>The paper comes from the catalogue (its name is fixed; <see cref="Required"/> is the catalogue's).</summary>
        public bool FromCatalogue { get; set; }

        public bool Required { get; set; }

        public bool Present { get; set; }

        public PaperCopyKind Form { get; set; }

        public int Quantity { get; set; } = 1;

        /// <summary>The scan of this paper, stored linked to it (<see cref="DossierFile.PaperSeq"/>) so the dossier page shows it under the paper.</summary>
        public IFormFile? File { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Procedure { get; set; }

    /// <summary>The deciding agency's code when a service centre receives for it regardless of boundary.</summary>
    [BindProperty(SupportsGet = true)]
    public string? For { get; set; }

    public Agency? ForAgency { get; private set; }

    /// <summary>Procedures of the province's other agencies this centre may receive (empty for other agencies).</summary>
    public List<Boundary.BoundaryChoice> OtherAgencies { get; private set; } = [];

    public ProcedureVersion? Version { get; private set; }

    public List<ProcedureVersion> Matches { get; private set; } = [];

    [BindProperty]
    public DossierChannel Channel { get; set; } = DossierChannel.Direct;

    [BindProperty]
    public ApplicantKind ApplicantKind { get; set; }

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

    [BindProperty]
    public List<PaperLine> Papers { get; set; } = [];

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public PaymentStatus Payment { get; set; }

    /// <summary>The fee charged, pre-filled with the catalogue's total; a different amount needs <see cref="FeeNote"/>.</summary>
    [BindProperty]
    public long? FeeAmount { get; set; }

    [BindProperty]
    public string? FeeNote { get; set; }

    [BindProperty]
    public ResultDelivery ReturnChoice { get; set; } = ResultDelivery.AtDesk;

    [BindProperty]
    public string? ReturnAddress { get; set; }

    /// <summary>Where the applicant collects the result when the centre receives for another agency (the centre by default).</summary>
    [BindProperty]
    public ResultReturnPlace ReturnPlace { get; set; } = ResultReturnPlace.ReceivingCentre;

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    /// <summary>The processing unit for "Tiếp nhận và chuyển xử lý"; preselected from the approved internal process.</summary>
    [BindProperty]
    public int? TransferToUnitId { get; set; }

    /// <summary>The agency's active units other than the desk (id → name), for the transfer choice.</summary>
    public Dictionary<int, string> Units { get; private set; } = [];

    /// <summary>The due date a receipt made now would get, with its explanation.</summary>
    public DeadlinePreview? Preview { get; private set; }

    /// <summary>The catalogue's total fee for the chosen procedure.</summary>
    public long CatalogueFee { get; private set; }

    /// <summary>The dossiers this officer received today that may still be corrected.</summary>
    public List<Dossier> Correctable { get; private set; } = [];

    public List<string> Errors { get; } = [];

    private int AgencyId => User.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");

    // The catalogue the counter reads: the deciding agency's when receiving for it, else the desk's own.
    private int CatalogueAgencyId => ForAgency?.Id ?? AgencyId;

    private async Task ResolveForAsync(CancellationToken ct) =>
        ForAgency = string.IsNullOrWhiteSpace(For) ? null
            : await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == For && a.Id != AgencyId, ct);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Version is not null)
        {
            // Nothing is ticked: the officer ticks each paper as it is checked, so an untouched list is never complete.
            Papers = Version.Papers.OrderBy(p => p.Seq)
                .Select(p => new PaperLine { Name = p.Name, FromCatalogue = true, Required = p.Required, Form = KindOf(p.Form), Quantity = p.Quantity }).ToList();
            // Room for papers the catalogue does not list (all of them when it lists none yet).
            Papers.AddRange(Enumerable.Range(0, Papers.Count == 0 ? 3 : 2).Select(_ => new PaperLine()));
            FeeAmount = CatalogueFee;
        }
    }

    private static PaperCopyKind KindOf(PaperForm form) => form switch
    {
        PaperForm.Original or PaperForm.OriginalOrCertifiedCopy => PaperCopyKind.Original,
        PaperForm.CertifiedCopy => PaperCopyKind.CertifiedCopy,
        PaperForm.Copy => PaperCopyKind.Copy,
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        await ResolveForAsync(ct);
        if (!string.IsNullOrWhiteSpace(Procedure))
        {
            Version = await CatalogueQueries.VersionInForceAsync(db, CatalogueAgencyId, Procedure, time.GetUtcNow(), ct);
        }
        if (Version is not null)
        {
            // The agency's active units that may take a dossier on this procedure's plan: not the desk, unless it does all.
            var plan = (await references.ReceiptBasisAsync(CatalogueAgencyId, Version.Procedure!.Code, time.GetUtcNow(), ct)).Plan;
            Units = ForAgency is not null ? [] : (await db.Units.AsNoTracking().Where(u => u.AgencyId == AgencyId && u.IsActive).OrderBy(u => u.SortOrder)
                    .Select(u => new { u.Id, u.Name, u.Kind }).ToListAsync(ct))
                .Where(u => PlannedStep.MayTake(plan, u.Kind == UnitKind.OneStopDesk)).ToDictionary(u => u.Id, u => u.Name);
            TransferToUnitId ??= PlannedStep.FirstHandOverUnit(plan, Units.ContainsKey);
            CatalogueFee = (long)Version.Fees.Sum(f => f.Amount);
            Preview = (await previews.PreviewAsync(User, Version.Procedure.Code, ForAgency?.Id, ct)).Preview;
            // The papers posted back keep their catalogue flags from the catalogue, not from the form.
            var required = ReceiveDossier.CataloguePapers(Version);
            foreach (var p in Papers)
            {
                var match = required.FirstOrDefault(c => p.Name is not null && string.Equals(c.Name, p.Name.Trim(), StringComparison.Ordinal));
                p.FromCatalogue = match is not null;
                p.Required = match?.Required ?? false;
            }
        }
        if (Version is null)
        {
            Matches = await CatalogueQueries.SearchAsync(db, CatalogueQueries.InForceOn(db, AgencyId, time.Today()), CatalogueSearchTerms.Parse(Q), null, null,
                limit: 50, allWithoutWords: false, ct);
            OtherAgencies = await boundary.CatalogueAsync(AgencyId, Q, ct);
            var me = User.Identity?.Name;
            var since = new DateTimeOffset(time.Today().ToDateTime(TimeOnly.MinValue), VietnamTime.Offset);
            Correctable = await db.Dossiers.AsNoTracking()
                .Where(d => d.AgencyId == AgencyId && d.ReceivedAt >= since && (d.Status == DossierStatus.Received || d.Status == DossierStatus.InProcessing)
                    && d.Events.Any(e => e.Action == DossierAction.Receive && e.ActorUserName == me))
                .OrderByDescending(d => d.Id).Take(10).ToListAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostAsync(string outcome, CancellationToken ct)
    {
        if (outcome == "preview")
        {
            // "Xem hạn" without JavaScript: the page again, with the preview for a receipt now.
            await LoadAsync(ct);
            return Page();
        }
        await ResolveForAsync(ct);
        var which = outcome switch
        {
            "supplement" => ReceiptOutcome.RequestSupplement,
            "refuse" => ReceiptOutcome.Refuse,
            _ => ReceiptOutcome.Receive,
        };
        // The unit list only matters to "Tiếp nhận và chuyển xử lý"; the other buttons ignore it.
        if (outcome == "receive-transfer" && TransferToUnitId is null)
        {
            Errors.Add("Vui lòng chọn đơn vị xử lý để chuyển hồ sơ ngay khi tiếp nhận.");
            await LoadAsync(ct);
            return Page();
        }
        var papers = new List<PaperInput>();
        var files = new List<IncomingFile>();
        foreach (var p in Papers.Where(p => !string.IsNullOrWhiteSpace(p.Name)))
        {
            var scan = p.File is { Length: > 0 } f ? await IncomingAsync(f, ct) : null;
            if (scan is not null)
            {
                files.Add(scan);
            }
            papers.Add(new PaperInput(p.Name, p.Present, p.Form, p.Quantity, scan));
        }
        var note = Note;
        if (which == ReceiptOutcome.RequestSupplement && string.IsNullOrWhiteSpace(note) && !string.IsNullOrWhiteSpace(Procedure)
            && await CatalogueQueries.VersionInForceAsync(db, CatalogueAgencyId, Procedure, time.GetUtcNow(), ct) is { } version)
        {
            // The guidance names the required papers not ticked, so Mẫu 02 is never empty.
            note = ReceiptChecklist.SupplementGuidance(ReceiveDossier.CataloguePapers(version), papers.Select(p => new CheckedPaper(p.Name, p.Present)).ToList());
        }
        foreach (var f in Files.Where(f => f.Length > 0))
        {
            files.Add(await IncomingAsync(f, ct));
        }
        var input = new ReceiptInput(Procedure, Channel, new ApplicantInput(ApplicantKind, Name, IdNumber, Phone, Email, Address),
            papers, which, note, Payment, files, outcome == "receive-transfer" ? TransferToUnitId : null)
        {
            ReturnChoice = ForAgency is null ? ReturnChoice : ResultHandBack.Of(ReturnPlace).Delivery, ReturnAddress = ReturnAddress, FeeAmount = FeeAmount, FeeNote = FeeNote,
            ForAgencyId = ForAgency?.Id, ReturnAtCentre = ForAgency is not null && ResultHandBack.Of(ReturnPlace).AtCentre,
        };
        var result = await receipt.ReceiveAsync(input, User, null, null, ct);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors?.Values.SelectMany(v => v) ?? [result.Detail ?? result.Title ?? "Không tiếp nhận được hồ sơ."]);
            await LoadAsync(ct);
            return Page();
        }
        var unitName = result.Dossier!.CurrentUnitId is { } unitId ? (await references.UnitAsync(unitId, ct))?.Name : null;
        TempData["Message"] = result.Dossier.Status switch
        {
            DossierStatus.Received => $"Đã tiếp nhận hồ sơ {result.Dossier.Code}. In Giấy tiếp nhận hồ sơ và hẹn trả kết quả cho người nộp.",
            DossierStatus.InProcessing => $"Đã tiếp nhận hồ sơ {result.Dossier.Code} và chuyển cho {unitName ?? "đơn vị xử lý"}. In Giấy tiếp nhận hồ sơ và hẹn trả kết quả cho người nộp.",
            DossierStatus.AwaitingSupplement => $"Đã lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ {result.Dossier.Code}.",
            _ => $"Đã lập Phiếu từ chối tiếp nhận giải quyết hồ sơ {result.Dossier.Code}.",
        };
        // The centre keeps no access to the deciding agency's dossier page: its own list shows what it received for others.
        return Redirect((ForAgency is null ? "/ho-so/" : Boundary.ReceivedForOthersModel.Route + "/") + Uri.EscapeDataString(result.Dossier.Code));
    }

    private static async Task<IncomingFile> IncomingAsync(IFormFile f, CancellationToken ct)
    {
        using var ms = new MemoryStream();
        await f.CopyToAsync(ms, ct);
        return new IncomingFile(f.FileName, ms.ToArray());
    }
}
