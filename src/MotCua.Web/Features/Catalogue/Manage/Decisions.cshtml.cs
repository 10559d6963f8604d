using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Catalogue.Manage;

/// <summary>Records a publication decision: publishes drafts (new, amended, replacing) and abolishes procedures from its effective date.</summary>
[Authorize(Roles = CatalogueApi.ManagerRoles)]
public sealed class DecisionsModel(AppDbContext db, TimeProvider time, CalendarProvider calendars, IOutputCacheStore pages) : PageModel
{
    /// <summary>The province's dated counting of the publication lead time.</summary>
    public TimeLimitRule Limits => calendars.Limits;

    /// <summary>The last day each listed decision could be signed (ND63 Art. 15 as amended), by decision id.</summary>
    public Dictionary<int, DateOnly> SignBy { get; } = [];

    public sealed class DecisionForm
    {
        [Required(ErrorMessage = "Vui lòng nhập số quyết định.")]
        [StringLength(100, ErrorMessage = "Số quyết định tối đa 100 ký tự.")]
        [Display(Name = "Số quyết định")]
        public string Number { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập ngày ký.")]
        [Display(Name = "Ngày ký")]
        public DateOnly? SignedOn { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập ngày có hiệu lực.")]
        [Display(Name = "Ngày có hiệu lực")]
        public DateOnly? EffectiveFrom { get; set; }

        [Display(Name = "Người ban hành")]
        public DecisionIssuer Issuer { get; set; } = DecisionIssuer.ProvincialChairman;

        [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")]
        [Display(Name = "Cơ quan ban hành")]
        public string? IssuerName { get; set; }

        [StringLength(2000, ErrorMessage = "Tối đa 2.000 ký tự.")]
        [Display(Name = "Trích yếu")]
        public string? Summary { get; set; }

        public List<int> Publish { get; set; } = [];

        public Dictionary<int, int?> Replaces { get; set; } = [];

        public List<int> Abolish { get; set; } = [];
    }

    [BindProperty]
    public DecisionForm Input { get; set; } = new();

    public List<PublicationDecision> Decisions { get; private set; } = [];

    public List<(Procedure Procedure, ProcedureVersion Draft, bool Published)> Drafts { get; private set; } = [];

    public List<(Procedure Procedure, ProcedureVersion Latest)> Active { get; private set; } = [];

    public List<string> Errors { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    private int AgencyId => User.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.SignedOn = time.Today();
        Input.EffectiveFrom = time.Today();
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var requests = Input.Publish.Select(id => new PublishRequest(id, false, Input.Replaces.GetValueOrDefault(id)))
            .Concat(Input.Abolish.Select(id => new PublishRequest(id, true))).ToList();
        var (decision, errors) = await CatalogueService.PublishAsync(db, time, User, AgencyId,
            new DecisionInput(Input.Number, Input.SignedOn!.Value, Input.EffectiveFrom!.Value, Input.Issuer, Input.IssuerName, Input.Summary), requests, ct);
        if (decision is null)
        {
            // Nothing of the decision is kept: reload a clean context state for the page.
            db.ChangeTracker.Clear();
            Errors = errors;
            await LoadAsync(ct);
            return Page();
        }
        await db.SaveChangesAsync(ct);
        await pages.EvictCatalogueAsync(ct);
        Message = $"Đã ghi nhận Quyết định số {decision.Number}: {decision.Items.Count.ToVnNumber()} thủ tục, hiệu lực từ {decision.EffectiveFrom.ToVnDate()}.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Decisions = await db.PublicationDecisions.AsNoTracking().Where(d => d.AgencyId == AgencyId)
            .Include(d => d.Items).ThenInclude(i => i.Procedure)
            .OrderByDescending(d => d.Id).Take(50).ToListAsync(ct);
        var calendar = await calendars.GetAsync(db, ct);
        foreach (var d in Decisions)
        {
            SignBy[d.Id] = PublicationDeadline.Deadline(d.Issuer, d.EffectiveFrom, calendar, Limits);
        }
        var procedures = await db.Procedures.AsNoTracking().Where(p => p.AgencyId == AgencyId && p.AbolishedFrom == null)
            .Include(p => p.Versions).OrderBy(p => p.Code).ToListAsync(ct);
        Drafts = procedures.Where(p => p.Versions.Any(v => v.State == VersionState.Draft))
            .Select(p => (p, p.Versions.First(v => v.State == VersionState.Draft), p.Versions.Any(v => v.State == VersionState.Published))).ToList();
        Active = procedures.Where(p => p.Versions.Any(v => v.State == VersionState.Published))
            .Select(p => (p, p.Versions.Where(v => v.State == VersionState.Published).OrderByDescending(v => v.Number).First())).ToList();
    }
}
