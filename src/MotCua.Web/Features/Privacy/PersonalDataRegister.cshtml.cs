using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Privacy;

namespace MotCua.Web.Features.Privacy;

/// <summary>/quan-tri/du-lieu-ca-nhan: the register of personal data, the retention settings, and a purge on demand.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class PersonalDataRegisterModel(AppDbContext db, TimeProvider time, IOptionsMonitor<RetentionOptions> options) : PageModel
{
    public IReadOnlyList<RetentionRule> Rules { get; private set; } = [];

    public RetentionOptions Retention => options.CurrentValue;

    [TempData]
    public string? Message { get; set; }

    /// <summary>The day whose bases the page shows as in force.</summary>
    public DateOnly Today { get; private set; }

    public void OnGet()
    {
        Rules = PersonalData.Rules(options.CurrentValue);
        Today = time.Today();
    }

    public async Task<IActionResult> OnPostPurgeAsync(CancellationToken ct)
    {
        var r = await PersonalDataPurge.RunAsync(db, time, options.CurrentValue, ct);
        Message = r.Total == 0
            ? "Không có dữ liệu cá nhân nào hết thời hạn lưu trữ."
            : $"Đã ẩn danh {r.Dossiers.ToVnNumber()} hồ sơ, {r.Drafts.ToVnNumber()} hồ sơ nháp, {r.Feedback.ToVnNumber()} phản ánh kiến nghị, {r.OutboxMessages.ToVnNumber()} thông báo.";
        return RedirectToPage();
    }

    public static string CategoryName(RetentionCategory c) => c switch
    {
        RetentionCategory.DossierApplicant => "Người nộp hồ sơ",
        RetentionCategory.DossierDraft => "Hồ sơ nháp",
        RetentionCategory.FeedbackSender => "Người gửi PAKN",
        RetentionCategory.OutboxRecipient => "Người nhận thông báo",
        RetentionCategory.OfficerAccount => "Tài khoản cán bộ",
        RetentionCategory.SubjectRequest => "Yêu cầu của chủ thể dữ liệu",
        RetentionCategory.CitizenAccount => "Tài khoản công dân (VNeID)",
        RetentionCategory.AccountingVoucher => "Chứng từ kế toán (lưu ít nhất 10 năm)",
    };

    public static string MaskName(MaskKind m) => m switch
    {
        MaskKind.None => "Không che",
        MaskKind.Digits => "Che giữa (0912***678)",
        MaskKind.Email => "Che tên hộp thư (ng***@…)",
        MaskKind.Address => "Chỉ giữ quận/huyện, tỉnh",
    };
}
