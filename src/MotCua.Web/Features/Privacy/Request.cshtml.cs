using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Core.Privacy;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Privacy;

/// <summary>One data subject's request: acknowledge, answer (carry out or refuse), export the person's data.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.ControlFocalOfficer)]
public sealed class RequestModel(PrivacyDesk desk, AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    public DataSubjectRequest? Item { get; private set; }

    public ErasureDecision? Erasure { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcknowledgeAsync(CancellationToken ct)
    {
        var result = await desk.AcknowledgeAsync(User, Code, ct);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (!result.Ok)
        {
            return await ShowErrorsAsync(result.Errors, ct);
        }
        Message = "Đã ghi nhận phản hồi tiếp nhận yêu cầu.";
        return RedirectToPage(new { code = Code });
    }

    public async Task<IActionResult> OnPostAnswerAsync(CancellationToken ct)
    {
        var result = await desk.AnswerAsync(User, Code, new DataSubjectAnswerInput(Outcome, Answer), ct);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (!result.Ok)
        {
            return await ShowErrorsAsync(result.Errors, ct);
        }
        Message = "Đã gửi trả lời yêu cầu.";
        return RedirectToPage(new { code = Code });
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        var item = await desk.FindAsync(User.AgencyId(), Code, ct);
        if (item is null)
        {
            return NotFound();
        }
        var json = await desk.ExportAsync(item, ct);
        AuditLog.Append(db, time, User, "privacy.request.export", nameof(DataSubjectRequest), item.Code,
            $"Xuất dữ liệu cá nhân của người yêu cầu {item.Code} để trả lời.");
        await db.SaveChangesAsync(ct);
        return File(json, "application/json", $"du-lieu-ca-nhan-{item.Code}.json");
    }

    public async Task<IActionResult> OnPostExportPdfAsync(CancellationToken ct)
    {
        var item = await desk.FindAsync(User.AgencyId(), Code, ct);
        if (item is null)
        {
            return NotFound();
        }
        var pdf = await desk.ExportPdfAsync(item, ct);
        AuditLog.Append(db, time, User, "privacy.request.export", nameof(DataSubjectRequest), item.Code,
            $"Xuất bản sao dữ liệu cá nhân (PDF) của người yêu cầu {item.Code} để trả lời.");
        await db.SaveChangesAsync(ct);
        return File(pdf, "application/pdf", $"du-lieu-ca-nhan-{item.Code}.pdf");
    }

    private async Task<IActionResult> ShowErrorsAsync(IReadOnlyDictionary<string, string[]> errors, CancellationToken ct)
    {
        Errors = errors;
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow();
        Item = await desk.FindAsync(User.AgencyId(), Code, ct);
        if (Item is { Kind: DataSubjectRequestKind.Deletion })
        {
            Erasure = await desk.ErasureAsync(Item, ct);
        }
        return Item is not null;
    }
}
