using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Plans;
using MotCua.Web.Features.Review;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Inspections;

[Authorize(Roles = PlanAccess.ReaderRoles)]
public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public InspectionFigures Figures { get; private set; } = null!;

    public IReadOnlyList<Inspection> Inspections { get; private set; } = [];

    public IReadOnlyList<DisciplineRecord> Records { get; private set; } = [];

    [BindProperty] public InspectionInput NewInspection { get; set; } = new();

    [BindProperty] public RecordInput NewRecord { get; set; } = new();

    [TempData] public string? Message { get; set; }

    public sealed class InspectionInput
    {
        [Required(ErrorMessage = "Vui lòng nhập ngày kiểm tra.")]
        [Display(Name = "Ngày kiểm tra")]
        public DateOnly? InspectedOn { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập đơn vị được kiểm tra.")]
        [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")]
        [Display(Name = "Đơn vị được kiểm tra")]
        public string InspectedUnit { get; set; } = "";

        [Display(Name = "Hình thức")]
        public InspectionForm Form { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập nội dung kiểm tra.")]
        [StringLength(4000, ErrorMessage = "Tối đa 4000 ký tự.")]
        [Display(Name = "Nội dung kiểm tra")]
        public string Content { get; set; } = "";

        [StringLength(4000, ErrorMessage = "Tối đa 4000 ký tự.")]
        [Display(Name = "Kết quả, kiến nghị")]
        public string? Findings { get; set; }
    }

    public sealed class RecordInput
    {
        [Display(Name = "Loại")]
        public DisciplineKind Kind { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập ngày quyết định.")]
        [Display(Name = "Ngày quyết định")]
        public DateOnly? DecidedOn { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập cá nhân hoặc tập thể.")]
        [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")]
        [Display(Name = "Cá nhân/tập thể")]
        public string Subject { get; set; } = "";

        [Display(Name = "Tập thể")]
        public bool IsCollective { get; set; }

        [StringLength(100, ErrorMessage = "Tối đa 100 ký tự.")]
        [Display(Name = "Số quyết định")]
        public string? DecisionNumber { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập lý do.")]
        [StringLength(4000, ErrorMessage = "Tối đa 4000 ký tự.")]
        [Display(Name = "Lý do, nội dung")]
        public string Reason { get; set; } = "";
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostInspectionAsync(CancellationToken cancellationToken)
    {
        if (!ReviewModule.CanManage(User))
        {
            return Forbid();
        }
        ModelState.Clear();
        Shared.Dates.RefusedDates.Restore(HttpContext, ModelState);
        if (!TryValidateModel(NewInspection, nameof(NewInspection)))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        db.Inspections.Add(new Inspection
        {
            AgencyId = User.AgencyId() ?? 0,
            InspectedOn = NewInspection.InspectedOn!.Value,
            InspectedUnit = ReviewModule.Clean(NewInspection.InspectedUnit)!,
            Form = NewInspection.Form,
            Content = ReviewModule.Clean(NewInspection.Content)!,
            Findings = ReviewModule.Clean(NewInspection.Findings),
        });
        await db.SaveChangesAsync(cancellationToken);
        Message = "Đã ghi nhận cuộc kiểm tra.";
        return Redirect($"/kiem-tra?year={NewInspection.InspectedOn.Value.Year}");
    }

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken cancellationToken)
    {
        if (!ReviewModule.CanManage(User))
        {
            return Forbid();
        }
        ModelState.Clear();
        Shared.Dates.RefusedDates.Restore(HttpContext, ModelState);
        if (!TryValidateModel(NewRecord, nameof(NewRecord)))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        db.DisciplineRecords.Add(new DisciplineRecord
        {
            AgencyId = User.AgencyId() ?? 0,
            Kind = NewRecord.Kind,
            DecidedOn = NewRecord.DecidedOn!.Value,
            Subject = ReviewModule.Clean(NewRecord.Subject)!,
            IsCollective = NewRecord.IsCollective,
            DecisionNumber = ReviewModule.Clean(NewRecord.DecisionNumber),
            Reason = ReviewModule.Clean(NewRecord.Reason)!,
        });
        await db.SaveChangesAsync(cancellationToken);
        Message = NewRecord.Kind == DisciplineKind.Reward ? "Đã ghi nhận khen thưởng." : "Đã ghi nhận xử lý vi phạm.";
        return Redirect($"/kiem-tra?year={NewRecord.DecidedOn.Value.Year}");
    }

    public static string FormName(InspectionForm f) => f switch
    {
        InspectionForm.Planned => "Theo kế hoạch",
        InspectionForm.Unscheduled => "Đột xuất",
    };

    public static string KindName(DisciplineKind k) => k switch
    {
        DisciplineKind.Reward => "Khen thưởng",
        DisciplineKind.Discipline => "Xử lý vi phạm",
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var agency = User.AgencyId() ?? 0;
        var year = Year is >= 2000 and <= 2100 ? Year.Value : time.Today().Year;
        Year = year;
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        Figures = await InspectionFigures.CountAsync(db, agency, from, to, cancellationToken);
        Inspections = await db.Inspections.AsNoTracking().Where(i => i.AgencyId == agency && i.InspectedOn >= from && i.InspectedOn <= to).OrderBy(i => i.InspectedOn).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        Records = await db.DisciplineRecords.AsNoTracking().Where(r => r.AgencyId == agency && r.DecidedOn >= from && r.DecidedOn <= to).OrderBy(r => r.DecidedOn).ThenBy(r => r.Id).ToListAsync(cancellationToken);
    }
}
