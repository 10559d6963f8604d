using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Core.Calendar;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Calendar;

/// <summary>Officers check an appointment date by hand and see why it falls where it does.</summary>
public sealed class DueCalculatorModel(AppDbContext db, CalendarProvider calendars, TimeProvider time) : PageModel
{
    public sealed class Input
    {
        [Display(Name = "Thời điểm tiếp nhận")]
        public DateTime? ReceivedAt { get; set; }

        [Display(Name = "Thời hạn giải quyết")]
        [Range(0.25, 3650, ErrorMessage = "Thời hạn phải từ 0,25 đến 3650.")]
        public decimal? Value { get; set; }

        public TimeUnit Unit { get; set; } = TimeUnit.WorkingDays;

        public bool ApplyCutoff { get; set; }
    }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public Input Q { get; set; } = new();

    public DateTimeOffset? DueAt { get; private set; }

    public DateTimeOffset? StartAt { get; private set; }

    public IReadOnlyList<ExplanationLine> Explanation { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Q.ReceivedAt is null && Q.Value is null)
        {
            Q.ReceivedAt = time.Now().DateTime;
            Q.Value = 5;
            return;
        }
        if (Q.ReceivedAt is null || Q.Value is null || !ModelState.IsValid)
        {
            Error = "Vui lòng nhập thời điểm tiếp nhận và thời hạn hợp lệ (từ 0,25 đến 3650).";
            return;
        }
        if (Q.Unit == TimeUnit.CalendarDays && Q.Value != decimal.Truncate(Q.Value.Value))
        {
            Error = "Thời hạn tính theo ngày dương lịch phải là số nguyên.";
            return;
        }
        var received = new DateTimeOffset(Q.ReceivedAt.Value, VietnamTime.Offset);
        if (received.Year < 1900 || received.Year > 2095)
        {
            Error = "Thời điểm tiếp nhận phải trong khoảng năm 1900–2095.";
            return;
        }
        var calculator = await calendars.CalculatorAsync(db, User.AgencyId(), cancellationToken);
        var agencyCutoff = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
            db.Agencies.Where(a => a.Id == User.AgencyId()).Select(a => (TimeOnly?)a.Cutoff), cancellationToken);
        var options = new DeadlineOptions { ApplyCutoff = Q.ApplyCutoff, Cutoff = agencyCutoff ?? DeadlineOptions.DefaultCutoff };
        var processing = new ProcessingTime(Q.Value.Value, Q.Unit);
        DueAt = calculator.ComputeDue(received, processing, options);
        StartAt = calculator.ComputeDueWithPauses(received, processing, options).StartAt;
        Explanation = calculator.Explain(received, processing, options);
    }

    public static string UnitName(TimeUnit unit) => unit switch
    {
        TimeUnit.WorkingDays => "ngày làm việc",
        TimeUnit.CalendarDays => "ngày (theo lịch)",
        TimeUnit.WorkingHours => "giờ làm việc",
    };
}
