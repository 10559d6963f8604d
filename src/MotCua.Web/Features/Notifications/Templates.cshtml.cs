using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Identity;

namespace MotCua.Web.Features.Notifications;

[Authorize(Policy = Policies.Admin)]
public sealed class TemplatesModel(AppDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<NotificationTemplate> Templates { get; private set; } = [];

    public NotificationTemplate? Editing { get; private set; }

    [BindProperty]
    public TemplateInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public sealed class TemplateInput
    {
        public int Id { get; set; }

        [StringLength(300, ErrorMessage = "Tiêu đề tối đa 300 ký tự.")]
        [Display(Name = "Tiêu đề (thư điện tử, thông báo trong hệ thống)")]
        public string? Subject { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập nội dung mẫu.")]
        [StringLength(4000, ErrorMessage = "Nội dung tối đa 4.000 ký tự.")]
        [Display(Name = "Nội dung")]
        public string Body { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(int? edit, CancellationToken cancellationToken)
    {
        await LoadAsync(edit, cancellationToken);
        if (Editing is { } t)
        {
            Input = new TemplateInput { Id = t.Id, Subject = t.Subject, Body = t.Body };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(Input.Id, cancellationToken);
        if (Editing is null)
        {
            ModelState.AddModelError("", "Không tìm thấy mẫu thông báo.");
            return Page();
        }
        var subject = string.IsNullOrWhiteSpace(Input.Subject) ? null : Input.Subject.Trim().Normalize(NormalizationForm.FormC);
        var body = (Input.Body ?? "").Trim().Normalize(NormalizationForm.FormC);
        foreach (var error in NotificationTemplates.Validate(subject, body))
        {
            ModelState.AddModelError("Input.Body", error);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var template = await db.NotificationTemplates.SingleAsync(t => t.Id == Input.Id, cancellationToken);
        var before = new { template.Subject, template.Body };
        template.Subject = subject;
        template.Body = body;
        template.UpdatedAt = time.GetUtcNow();
        template.UpdatedBy = User.Identity?.Name;
        var name = Core.Notifications.EventRouting.DisplayName(template.EventKind) + " – " + Outbox.ChannelName(template.Channel);
        AuditLog.Append(db, time, User, "notification.template.update", nameof(NotificationTemplate), template.Id.ToString(CultureInfo.InvariantCulture),
            "Sửa mẫu thông báo " + name + ".", new { before, after = new { subject, body } });
        await db.SaveChangesAsync(cancellationToken);
        Message = "Đã lưu mẫu thông báo " + name + ".";
        return RedirectToPage();
    }

    private async Task LoadAsync(int? edit, CancellationToken cancellationToken)
    {
        Templates = (await db.NotificationTemplates.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(t => t.EventKind).ThenBy(t => t.Channel).ToList();
        Editing = edit is { } id ? Templates.FirstOrDefault(t => t.Id == id) : null;
    }
}
