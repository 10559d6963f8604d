using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Plans;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Plans;

/// <summary>Adds a task to a plan's appendix, edits it, or deletes it (refused once progress is reported).</summary>
[Authorize(Roles = PlanAccess.ManagerRoles)]
public sealed class TaskEditModel(AppDbContext db, TimeProvider time) : PageModel
{
    /// <summary>The value of the group list that starts a new group.</summary>
    public const string NewGroup = "";

    [BindProperty]
    public TaskInput Input { get; set; } = new();

    public ControlPlan Plan { get; private set; } = null!;

    public PlanTask? Task { get; private set; }

    public IReadOnlyList<(string Number, string Title)> Groups { get; private set; } = [];

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public IReadOnlyList<string> TimeFrames => PlanEditing.CommonTimeFrames(Plan.Year);

    /// <summary>The targets the product text states, as they will be stored.</summary>
    public IReadOnlyList<PlanTargetSpec> Targets { get; private set; } = [];

    public string? Refusal { get; private set; }

    public sealed class TaskInput
    {
        [Display(Name = "Nhóm nhiệm vụ")]
        public string? Group { get; set; }

        [StringLength(1000, ErrorMessage = "Tên nhóm tối đa 1000 ký tự.")]
        [Display(Name = "Tên nhóm mới")]
        public string? NewGroupTitle { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập nội dung công việc.")]
        [StringLength(4000, ErrorMessage = "Nội dung công việc tối đa 4000 ký tự.")]
        [Display(Name = "Nội dung công việc")]
        public string Content { get; set; } = "";

        [StringLength(4000, ErrorMessage = "Sản phẩm tối đa 4000 ký tự.")]
        [Display(Name = "Sản phẩm")]
        public string? Product { get; set; }

        [Display(Name = "Đơn vị chủ trì")]
        public List<int> LeadUnitIds { get; set; } = [];

        [Display(Name = "Đơn vị phối hợp")]
        public List<int> CoordinatingUnitIds { get; set; } = [];

        [Required(ErrorMessage = "Vui lòng nhập thời gian thực hiện.")]
        [StringLength(200, ErrorMessage = "Thời gian thực hiện tối đa 200 ký tự.")]
        [Display(Name = "Thời gian thực hiện")]
        public string TimeFrame { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(int planId, int? taskId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(planId, taskId, cancellationToken))
        {
            return NotFound();
        }
        if (Task is { } t)
        {
            Input = new TaskInput
            {
                Group = t.GroupNumber,
                Content = t.Content,
                Product = t.Product,
                LeadUnitIds = [.. t.Units.Where(u => u.Role == PlanTaskUnitRole.Lead).Select(u => u.UnitId)],
                CoordinatingUnitIds = [.. t.Units.Where(u => u.Role == PlanTaskUnitRole.Coordinating).Select(u => u.UnitId)],
                TimeFrame = t.TimeFrameText,
            };
        }
        else
        {
            // A new task goes under the last group by default, as people fill an appendix top to bottom.
            Input.Group = Groups.Count > 0 ? Groups[^1].Number : NewGroup;
        }
        Targets = PlanTargetExtractor.Extract(Input.Product);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, int? taskId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(planId, taskId, cancellationToken))
        {
            return NotFound();
        }
        Targets = PlanTargetExtractor.Extract(Input.Product);
        var matching = Groups.Where(g => string.Equals(g.Number, Input.Group, StringComparison.Ordinal)).ToList();
        (string Number, string Title)? group = matching.Count > 0 ? matching[0] : null;
        if (!string.IsNullOrWhiteSpace(Input.Group) && group is null)
        {
            ModelState.AddModelError("Input.Group", "Nhóm nhiệm vụ không thuộc kế hoạch này.");
        }
        if (string.IsNullOrWhiteSpace(Input.Group) && string.IsNullOrWhiteSpace(Input.NewGroupTitle))
        {
            ModelState.AddModelError("Input.NewGroupTitle", "Vui lòng nhập tên nhóm mới, hoặc chọn một nhóm có sẵn.");
        }
        var unitIds = Units.Select(u => u.Id).ToHashSet();
        if (Input.LeadUnitIds.Count == 0)
        {
            ModelState.AddModelError("Input.LeadUnitIds", "Vui lòng chọn ít nhất một đơn vị chủ trì.");
        }
        if (Input.LeadUnitIds.Concat(Input.CoordinatingUnitIds).Any(id => !unitIds.Contains(id)))
        {
            ModelState.AddModelError("Input.LeadUnitIds", "Đơn vị không thuộc cơ quan của bạn.");
        }
        if (!string.IsNullOrWhiteSpace(Input.TimeFrame) && TimeFrameParser.Parse(Input.TimeFrame, Plan.Year) is { Success: false } frame)
        {
            ModelState.AddModelError("Input.TimeFrame", frame.Error!);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var task = Task is null ? null : await db.PlanTasks.Include(t => t.Units).SingleAsync(t => t.Id == Task.Id, cancellationToken);
        var plan = await db.ControlPlans.Include(p => p.Tasks).Include(p => p.Targets).SingleAsync(p => p.Id == Plan.Id, cancellationToken);
        var before = task is null ? null : Snapshot(task);
        var isNew = task is null;
        task ??= new PlanTask { AgencyId = plan.AgencyId, GroupNumber = "", GroupTitle = "", Number = "", Content = "", TimeFrameText = "", Status = PlanTaskStatus.NotStarted };

        var (groupNumber, groupTitle, groupOrder) = group is { } g
            ? (g.Number, g.Title, plan.Tasks.First(t => t.GroupNumber == g.Number).GroupOrder)
            : NextGroup(plan, PlanEditModel.Nfc(Input.NewGroupTitle)!);
        if (isNew || !string.Equals(task.GroupNumber, groupNumber, StringComparison.Ordinal))
        {
            // A task that joins a group takes the next number in it and goes to its end.
            task.Number = PlanEditing.NextTaskNumber(plan.Tasks.Where(t => t != task && t.GroupNumber == groupNumber).Select(t => t.Number));
            task.SortOrder = plan.Tasks.Select(t => t.SortOrder).DefaultIfEmpty(0).Max() + 1;
        }
        task.GroupNumber = groupNumber;
        task.GroupTitle = groupTitle;
        task.GroupOrder = groupOrder;
        task.Content = PlanEditModel.Nfc(Input.Content)!;
        task.Product = PlanEditModel.Nfc(Input.Product) ?? "";
        task.TimeFrameText = PlanEditModel.Nfc(Input.TimeFrame)!;
        var lead = Input.LeadUnitIds.Distinct().ToList();
        var coordinating = Input.CoordinatingUnitIds.Distinct().Where(id => !lead.Contains(id)).ToList();
        task.LeadUnitsText = UnitsText(lead);
        task.CoordinatingUnitsText = UnitsText(coordinating);
        task.Units.Clear();
        task.Units.AddRange(lead.Select(id => new PlanTaskUnit { UnitId = id, Role = PlanTaskUnitRole.Lead }));
        task.Units.AddRange(coordinating.Select(id => new PlanTaskUnit { UnitId = id, Role = PlanTaskUnitRole.Coordinating }));

        // Targets are read from the product text, as on import, so the text and the figures the report checks never disagree.
        db.PlanTargets.RemoveRange(plan.Targets.Where(t => task.Id != 0 && t.TaskId == task.Id));
        foreach (var spec in Targets)
        {
            plan.Targets.Add(new PlanTarget { Task = task, IndicatorCode = spec.IndicatorCode, Description = spec.Description, Comparison = spec.Comparison, Value = spec.Value, Unit = spec.Unit });
        }

        var issued = PlanEditing.IsIssued(plan.Number, plan.IssuedOn) ? " (kế hoạch đã ban hành)" : "";
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        if (isNew)
        {
            plan.Tasks.Add(task);
            // The audit entry names the new task's id, so the task is saved first; the transaction keeps both or neither.
            await db.SaveChangesAsync(cancellationToken);
            AuditLog.Append(db, time, User, "plan.task.add", nameof(PlanTask), Id(task.Id),
                $"Thêm nhiệm vụ {task.GroupNumber}.{task.Number} vào kế hoạch «{plan.Title}»{issued}.", new { planId = plan.Id, after = Snapshot(task) });
        }
        else
        {
            AuditLog.Append(db, time, User, "plan.task.edit", nameof(PlanTask), Id(task.Id),
                $"Sửa nhiệm vụ {task.GroupNumber}.{task.Number} của kế hoạch «{plan.Title}»{issued}.", new { planId = plan.Id, before, after = Snapshot(task) });
        }
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        TempData["Message"] = isNew ? $"Đã thêm nhiệm vụ {task.GroupNumber}.{task.Number}." : $"Đã lưu nhiệm vụ {task.GroupNumber}.{task.Number}.";
        return Redirect($"/ke-hoach/{Id(plan.Id)}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int planId, int? taskId, CancellationToken cancellationToken)
    {
        if (taskId is null || !await LoadAsync(planId, taskId, cancellationToken) || Task is null)
        {
            return NotFound();
        }
        var label = $"{Task.GroupNumber}.{Task.Number}";
        if (PlanEditing.DeleteRefusal(label, Task.Notes.Count, Task.ProgressPercent) is { } refusal)
        {
            Refusal = refusal;
            await OnGetAsync(planId, taskId, cancellationToken);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        var task = await db.PlanTasks.Include(t => t.Units).SingleAsync(t => t.Id == Task.Id, cancellationToken);
        var issued = PlanEditing.IsIssued(Plan.Number, Plan.IssuedOn) ? " (kế hoạch đã ban hành)" : "";
        db.PlanTargets.RemoveRange(await db.PlanTargets.Where(t => t.TaskId == task.Id).ToListAsync(cancellationToken));
        db.PlanTasks.Remove(task);
        AuditLog.Append(db, time, User, "plan.task.delete", nameof(PlanTask), Id(task.Id),
            $"Xóa nhiệm vụ {label} của kế hoạch «{Plan.Title}»{issued}.", new { planId = Plan.Id, before = Snapshot(task) });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"Đã xóa nhiệm vụ {label}.";
        return Redirect($"/ke-hoach/{Id(Plan.Id)}");
    }

    private async Task<bool> LoadAsync(int planId, int? taskId, CancellationToken cancellationToken)
    {
        var agency = User.AgencyId() ?? 0;
        var plan = await db.ControlPlans.AsNoTracking().AsSplitQuery()
            .Include(p => p.Tasks).ThenInclude(t => t.Units)
            .Include(p => p.Tasks).ThenInclude(t => t.Notes)
            .SingleOrDefaultAsync(p => p.Id == planId && p.AgencyId == agency, cancellationToken);
        if (plan is null)
        {
            return false;
        }
        Plan = plan;
        if (taskId is { } id && (Task = plan.Tasks.FirstOrDefault(t => t.Id == id)) is null)
        {
            return false;
        }
        Groups = [.. plan.Tasks.OrderBy(t => t.GroupOrder).ThenBy(t => t.SortOrder).Select(t => (t.GroupNumber, t.GroupTitle)).Distinct()];
        Units = await db.Units.AsNoTracking().Where(u => u.AgencyId == agency && u.IsActive).OrderBy(u => u.SortOrder).ThenBy(u => u.Id).ToListAsync(cancellationToken);
        return true;
    }

    private static (string Number, string Title, int Order) NextGroup(ControlPlan plan, string title)
    {
        var order = plan.Tasks.Select(t => t.GroupOrder).DefaultIfEmpty(0).Max() + 1;
        var used = plan.Tasks.Select(t => t.GroupNumber).ToHashSet(StringComparer.Ordinal);
        var n = order;
        while (used.Contains(PlanEditing.Roman(n)))
        {
            n++;
        }
        return (PlanEditing.Roman(n), title, order);
    }

    private string UnitsText(IEnumerable<int> ids) => string.Join("; ", ids.Select(id => Units.Single(u => u.Id == id).Name));

    private static object Snapshot(PlanTask t) => new { t.GroupNumber, t.Number, t.Content, t.Product, t.LeadUnitsText, t.CoordinatingUnitsText, TimeFrame = t.TimeFrameText };

    private static string Id(int value) => value.ToString(CultureInfo.InvariantCulture);
}
