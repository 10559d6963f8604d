using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Plans;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Plans;

[RequestSizeLimit(5 * EvidenceStore.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 5 * EvidenceStore.MaxBytes)]
public sealed class TaskModel(AppDbContext db, TimeProvider time, EvidenceStore store) : PageModel
{
    public PlanTask Task { get; private set; } = null!;

    public TaskView View { get; private set; } = null!;

    public bool CanUpdate { get; private set; }

    public IReadOnlyList<PlanProgressNote> Notes { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public ProgressInput Input { get; set; } = new();

    public sealed class ProgressInput
    {
        [Range(0, 100, ErrorMessage = "Tiến độ từ 0 đến 100%.")]
        [Display(Name = "Tiến độ (%)")]
        public int Percent { get; set; }

        [Display(Name = "Kỳ báo cáo")]
        public string? PeriodKey { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập nội dung kết quả thực hiện.")]
        [StringLength(4000, ErrorMessage = "Nội dung tối đa 4000 ký tự.")]
        [Display(Name = "Kết quả thực hiện")]
        public string Note { get; set; } = "";

        [Display(Name = "Tài liệu minh chứng")]
        public List<IFormFile> Files { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Input.Percent = Task.ProgressPercent;
        Input.PeriodKey = View.NextDue is { } next && next.Key != TimeFrame.OnceKey ? next.Key : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!CanUpdate)
        {
            return Forbid();
        }
        if (Input.PeriodKey is { Length: > 0 } key && View.Periods.All(p => p.Key != key))
        {
            ModelState.AddModelError("Input.PeriodKey", "Kỳ báo cáo không thuộc thời gian thực hiện của nhiệm vụ.");
        }
        if (Input.Files.Count > 5)
        {
            ModelState.AddModelError("Input.Files", "Tối đa 5 tệp minh chứng mỗi lần.");
        }
        foreach (var f in Input.Files)
        {
            if (!EvidenceStore.AllowedExtensions.Contains(Path.GetExtension(f.FileName).ToLowerInvariant()))
            {
                ModelState.AddModelError("Input.Files", $"Tệp «{f.FileName}» không được nhận. Chỉ nhận: {string.Join(", ", EvidenceStore.AllowedExtensions)}.");
            }
            else if (f.Length == 0)
            {
                ModelState.AddModelError("Input.Files", $"Tệp «{f.FileName}» rỗng.");
            }
            else if (f.Length > EvidenceStore.MaxBytes)
            {
                ModelState.AddModelError("Input.Files", $"Tệp «{f.FileName}» vượt quá 20 MB.");
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var task = await db.PlanTasks.SingleAsync(t => t.Id == id, cancellationToken);
        var status = TaskTracking.StatusFor(Input.Percent);
        var note = new PlanProgressNote
        {
            TaskId = task.Id,
            AgencyId = task.AgencyId,
            At = time.GetUtcNow(),
            UserId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
            UserName = User.DisplayName(),
            PeriodKey = string.IsNullOrEmpty(Input.PeriodKey) ? null : Input.PeriodKey,
            Percent = Input.Percent,
            Status = status,
            Note = Input.Note.Trim().Normalize(NormalizationForm.FormC),
        };
        foreach (var f in Input.Files)
        {
            await using var stream = f.OpenReadStream();
            var (sha, size) = await store.SaveAsync(stream, cancellationToken);
            note.Files.Add(new EvidenceFile
            {
                AgencyId = task.AgencyId,
                FileName = Path.GetFileName(f.FileName).Normalize(NormalizationForm.FormC),
                ContentType = string.IsNullOrEmpty(f.ContentType) ? "application/octet-stream" : f.ContentType,
                Size = size,
                Sha256 = sha,
            });
        }
        var before = new { task.Status, task.ProgressPercent };
        task.Status = status;
        task.ProgressPercent = Input.Percent;
        db.PlanProgressNotes.Add(note);
        AuditLog.Append(db, time, User, "plan.task.progress", nameof(PlanTask), task.Id.ToString(CultureInfo.InvariantCulture),
            $"Cập nhật tiến độ nhiệm vụ {task.GroupNumber}.{task.Number}: {Input.Percent}% ({PlansModule.StatusName(status)}), {note.Files.Count} tệp minh chứng.",
            new { before, after = new { Status = status, ProgressPercent = Input.Percent }, note.PeriodKey, files = note.Files.Select(f => new { f.FileName, f.Sha256 }) });
        await db.SaveChangesAsync(cancellationToken);
        Message = "Đã ghi nhận tiến độ.";
        return Redirect($"/ke-hoach/nhiem-vu/{task.Id}");
    }

    public async Task<IActionResult> OnGetFileAsync(int id, int fileId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var file = Notes.SelectMany(n => n.Files).FirstOrDefault(f => f.Id == fileId);
        if (file is null || store.Open(file.Sha256) is not { } stream)
        {
            return NotFound();
        }
        return File(stream, file.ContentType, file.FileName);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var agency = User.AgencyId() ?? 0;
        var task = await db.PlanTasks.AsNoTracking().AsSplitQuery()
            .Include(t => t.Plan)
            .Include(t => t.Units).ThenInclude(u => u.Unit)
            .Include(t => t.Notes).ThenInclude(n => n.Files)
            .SingleOrDefaultAsync(t => t.Id == id && t.AgencyId == agency, cancellationToken);
        if (task is null)
        {
            return false;
        }
        Task = task;
        View = PlanQueries.View(task, task.Plan!.Year, time.Today());
        CanUpdate = PlanAccess.CanUpdate(User, View);
        Notes = [.. task.Notes.OrderByDescending(n => n.Id)];
        return true;
    }
}
