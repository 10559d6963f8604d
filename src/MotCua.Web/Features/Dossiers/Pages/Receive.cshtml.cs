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

/// <summary>Tiếp nhận hồ sơ tại Bộ phận Một cửa: pick the procedure, the applicant, the checklist, files, and the outcome.</summary>
[Authorize(Roles = Roles.OneStopOfficer)]
public sealed class ReceiveModel(AppDbContext db, TimeProvider time, ReceiveDossier receipt, DossierReferences references) : PageModel
{
    public sealed class PaperLine
    {
        public string? Name { get; set; }

        public bool Present { get; set; }

        public PaperCopyKind Form { get; set; }

        public int Quantity { get; set; } = 1;
    }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Procedure { get; set; }

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

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    /// <summary>The processing unit for "Tiếp nhận và chuyển xử lý"; preselected from the approved internal process.</summary>
    [BindProperty]
    public int? TransferToUnitId { get; set; }

    /// <summary>The agency's active units other than the desk (id → name), for the transfer choice.</summary>
    public Dictionary<int, string> Units { get; private set; } = [];

    public List<string> Errors { get; } = [];

    private int AgencyId => User.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Version is not null)
        {
            Papers = Version.Papers.OrderBy(p => p.Seq).Select(p => new PaperLine { Name = p.Name, Present = true, Quantity = p.Quantity }).ToList();
            if (Papers.Count == 0)
            {
                // The catalogue lists no papers for this version yet: the officer types them.
                Papers = [new() { Present = true }, new() { Present = true }, new() { Present = true }];
            }
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Procedure))
        {
            Version = await CatalogueQueries.VersionInForceAsync(db, AgencyId, Procedure, time.GetUtcNow(), ct);
        }
        if (Version is not null)
        {
            // The agency's active units that may take a dossier on this procedure's plan: not the desk, unless it does all.
            var plan = (await references.ReceiptBasisAsync(AgencyId, Version.Procedure!.Code, time.GetUtcNow(), ct)).Plan;
            Units = (await db.Units.AsNoTracking().Where(u => u.AgencyId == AgencyId && u.IsActive).OrderBy(u => u.SortOrder)
                    .Select(u => new { u.Id, u.Name, u.Kind }).ToListAsync(ct))
                .Where(u => PlannedStep.MayTake(plan, u.Kind == UnitKind.OneStopDesk)).ToDictionary(u => u.Id, u => u.Name);
            TransferToUnitId ??= PlannedStep.FirstHandOverUnit(plan, Units.ContainsKey);
        }
        if (Version is null)
        {
            Matches = await CatalogueQueries.Search(CatalogueQueries.InForceOn(db, AgencyId, time.Today()), Q, null, null)
                .AsNoTracking().Include(v => v.Procedure).OrderBy(v => v.Procedure!.Code).Take(50).ToListAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostAsync(string outcome, CancellationToken ct)
    {
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
        var files = new List<IncomingFile>();
        foreach (var f in Files.Where(f => f.Length > 0))
        {
            using var ms = new MemoryStream();
            await f.CopyToAsync(ms, ct);
            files.Add(new IncomingFile(f.FileName, ms.ToArray()));
        }
        var input = new ReceiptInput(Procedure, Channel, new ApplicantInput(ApplicantKind, Name, IdNumber, Phone, Email, Address),
            Papers.Where(p => !string.IsNullOrWhiteSpace(p.Name)).Select(p => new PaperInput(p.Name, p.Present, p.Form, p.Quantity)).ToList(),
            which, Note, Payment, files, outcome == "receive-transfer" ? TransferToUnitId : null);
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
        return Redirect("/ho-so/" + Uri.EscapeDataString(result.Dossier.Code));
    }
}
