using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Core.Calendar;
using MotCua.Web.Features.Identity;

namespace MotCua.Web.Features.Dossiers.Pages;

/// <summary>Sửa thông tin tiếp nhận: the desk fixes a wrong procedure or processing time on the day of receipt, with a reason.</summary>
[Authorize(Roles = Roles.OneStopOfficer)]
public sealed class CorrectReceiptModel(DossierStore store, CorrectReceipt correction) : PageModel
{
    public Dossier? Dossier { get; private set; }

    [BindProperty]
    public string? ProcedureCode { get; set; }

    /// <summary>Bound as text and read invariantly: the browser sends "0.5", which the vi-VN binder would read as 5.</summary>
    [BindProperty]
    public string? TimeValue { get; set; }

    [BindProperty]
    public TimeUnit TimeUnit { get; set; } = TimeUnit.WorkingDays;

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public long? RowVersion { get; set; }

    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Dossier = await store.FindAsync(User, code, ct);
        if (Dossier is null)
        {
            return NotFound();
        }
        ProcedureCode = Dossier.ProcedureCode;
        TimeValue = Dossier.ProcessingTimeValue?.ToString("0.##", CultureInfo.InvariantCulture);
        TimeUnit = Dossier.ProcessingTimeUnit ?? TimeUnit.WorkingDays;
        RowVersion = Dossier.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        var before = await store.FindAsync(User, code, ct);
        if (before is null)
        {
            return NotFound();
        }
        // A changed procedure brings its own time unless the officer also changed the time shown.
        var procedureChanged = !string.Equals(ProcedureCode?.Trim(), before.ProcedureCode, StringComparison.OrdinalIgnoreCase);
        if (!decimal.TryParse((TimeValue ?? "").Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            Errors.Add("Vui lòng nhập thời hạn giải quyết là một số (ví dụ 5 hoặc 0.5).");
            Dossier = before;
            return Page();
        }
        var timeChanged = value != before.ProcessingTimeValue || TimeUnit != before.ProcessingTimeUnit;
        var input = new ReceiptCorrectionInput(Reason, ProcedureCode, procedureChanged && !timeChanged ? null : value,
            procedureChanged && !timeChanged ? null : TimeUnit, RowVersion);
        var result = await correction.CorrectAsync(code, input, User, ct);
        if (!result.Succeeded)
        {
            Errors.Add(result.Message);
            Dossier = await store.FindAsync(User, code, ct);
            return Page();
        }
        TempData["Message"] = $"Đã sửa thông tin tiếp nhận hồ sơ {result.Dossier!.Code} và cấp lại Giấy tiếp nhận hồ sơ và hẹn trả kết quả: in lại cho người nộp.";
        return Redirect("/ho-so/" + Uri.EscapeDataString(result.Dossier.Code));
    }
}
