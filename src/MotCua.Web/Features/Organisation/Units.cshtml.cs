using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Organisation;

[Authorize(Policy = Policies.Admin)]
public sealed class UnitsModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<(Unit Unit, int Depth)> Tree { get; private set; } = [];

    /// <summary>The agency the units belong to, with its level, kind and province.</summary>
    public Agency? Agency { get; private set; }

    [BindProperty]
    public UnitInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public sealed class UnitInput
    {
        public int? Id { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập tên đơn vị.")]
        [StringLength(300, ErrorMessage = "Tên đơn vị tối đa 300 ký tự.")]
        [Display(Name = "Tên đơn vị")]
        public string Name { get; set; } = "";

        [Display(Name = "Loại đơn vị")]
        public UnitKind Kind { get; set; } = UnitKind.Division;

        [Display(Name = "Thuộc đơn vị")]
        public int? ParentId { get; set; }

        [Range(0, 1000, ErrorMessage = "Thứ tự từ 0 đến 1000.")]
        [Display(Name = "Thứ tự")]
        public int SortOrder { get; set; }

        [Display(Name = "Đang hoạt động")]
        public bool IsActive { get; set; } = true;
    }

    private int AgencyId => User.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");

    public async Task OnGetAsync(int? edit, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (edit is { } id && Tree.FirstOrDefault(t => t.Unit.Id == id).Unit is { } u)
        {
            Input = new UnitInput { Id = u.Id, Name = u.Name, Kind = u.Kind, ParentId = u.ParentId, SortOrder = u.SortOrder, IsActive = u.IsActive };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var name = Input.Name?.Trim().Normalize(System.Text.NormalizationForm.FormC) ?? "";
        if (Input.ParentId is { } parent)
        {
            if (Tree.All(t => t.Unit.Id != parent))
            {
                ModelState.AddModelError("Input.ParentId", "Đơn vị cấp trên không tồn tại.");
            }
            else if (Input.Id is { } self && IsSelfOrDescendant(parent, self))
            {
                ModelState.AddModelError("Input.ParentId", "Không thể đặt đơn vị làm cấp dưới của chính nó.");
            }
        }
        // A merged unit stays as history: it is neither edited nor given sub-units.
        if (Tree.Any(t => t.Unit.SucceededById is not null && (t.Unit.Id == Input.Id || t.Unit.Id == Input.ParentId)))
        {
            ModelState.AddModelError("Input.ParentId", "Đơn vị đã được sáp nhập vào đơn vị khác: không sửa hay thêm đơn vị trực thuộc được.");
        }
        if (Tree.Any(t => t.Unit.Id != Input.Id && string.Equals(t.Unit.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError("Input.Name", "Đã có đơn vị cùng tên trong cơ quan.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Unit unit;
        if (Input.Id is { } id)
        {
            unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id && u.AgencyId == AgencyId, cancellationToken)
                ?? throw new Shared.NotFoundException("Không tìm thấy đơn vị.");
        }
        else
        {
            unit = new Unit { AgencyId = AgencyId, Name = name };
            db.Units.Add(unit);
        }
        unit.Name = name;
        unit.Kind = Input.Kind;
        unit.ParentId = Input.ParentId;
        unit.SortOrder = Input.SortOrder;
        unit.IsActive = Input.IsActive;
        await db.SaveChangesAsync(cancellationToken);
        Message = Input.Id is null ? $"Đã thêm đơn vị {name}." : $"Đã cập nhật đơn vị {name}.";
        return RedirectToPage();
    }

    private bool IsSelfOrDescendant(int candidate, int self)
    {
        var parents = Tree.ToDictionary(t => t.Unit.Id, t => t.Unit.ParentId);
        for (int? cur = candidate; cur is not null; cur = parents.GetValueOrDefault(cur.Value))
        {
            if (cur == self)
            {
                return true;
            }
        }
        return false;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == AgencyId, cancellationToken);
        var units = await db.Units.AsNoTracking().Where(u => u.AgencyId == AgencyId).ToListAsync(cancellationToken);
        Tree = OrganisationModule.AsTree(units);
    }
}
