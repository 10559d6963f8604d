using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Calendar;

/// <summary>"Lịch làm việc": every officer can read a year's effective calendar; administrators edit the official schedule and office hours.</summary>
public sealed class WorkCalendarModel(AppDbContext db, CalendarProvider calendars, TimeProvider time) : PageModel
{
    public int Year { get; private set; }

    public bool IsOfficial { get; private set; }

    public string? Source { get; private set; }

    public WorkingCalendar Calendar { get; private set; } = WorkingCalendar.ComputedDefault;

    public IReadOnlyList<CalendarDay> Days { get; private set; } = [];

    public IReadOnlyList<ScheduleEntry> Effective { get; private set; } = [];

    public bool CanEdit => User.IsInRole(Roles.Admin);

    [BindProperty]
    public DayInput Day { get; set; } = new();

    [BindProperty]
    public HoursInput Hours { get; set; } = new();

    [BindProperty]
    public LoadInput Load { get; set; } = new();

    /// <summary>Why a schedule could not be loaded; nothing was changed.</summary>
    public IReadOnlyList<string> LoadErrors { get; private set; } = [];

    /// <summary>Where each computed holiday comes from, by date: the rule and its legal source.</summary>
    public IReadOnlyDictionary<DateOnly, HolidayRule> Rules { get; private set; } = new Dictionary<DateOnly, HolidayRule>();

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public sealed class DayInput
    {
        public int? Id { get; set; }

        [Required(ErrorMessage = "Vui lòng chọn ngày.")]
        [Display(Name = "Ngày")]
        public DateOnly? Date { get; set; }

        [Display(Name = "Loại ngày")]
        public DayKind Kind { get; set; } = DayKind.Holiday;

        [Required(ErrorMessage = "Vui lòng nhập tên ngày nghỉ hoặc ngày làm bù.")]
        [StringLength(200, ErrorMessage = "Tên tối đa 200 ký tự.")]
        [Display(Name = "Tên")]
        public string Name { get; set; } = "";
    }

    /// <summary>An official schedule to load: the source document (required) and the days, from a file or typed rows.</summary>
    public sealed class LoadInput
    {
        public string SourceKind { get; set; } = "Công văn";

        public string? SourceNumber { get; set; }

        public DateOnly? SourceDate { get; set; }

        public string? SourceIssuer { get; set; }

        public string? Rows { get; set; }
    }

    /// <summary>The kinds of document a yearly schedule is announced in.</summary>
    public static IReadOnlyList<string> SourceKinds => ScheduleLoading.SourceKinds;

    /// <summary>A schedule file is a few kilobytes; anything larger is not one.</summary>
    public const int MaxFileBytes = 256 * 1024;

    public sealed class HoursInput
    {
        public TimeOnly MorningStart { get; set; } = new(7, 0);

        public TimeOnly MorningEnd { get; set; } = new(11, 30);

        public TimeOnly AfternoonStart { get; set; } = new(13, 30);

        public TimeOnly AfternoonEnd { get; set; } = new(17, 0);

        public TimeOnly Cutoff { get; set; } = new(15, 0);
    }

    public async Task<IActionResult> OnGetAsync(int? year, int? edit, CancellationToken cancellationToken)
    {
        if (!TryYear(year))
        {
            return NotFound();
        }
        await LoadAsync(cancellationToken);
        if (edit is { } id && Days.FirstOrDefault(d => d.Id == id) is { } day)
        {
            Day = new DayInput { Id = day.Id, Date = day.Date, Kind = day.Kind, Name = day.Name };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveDayAsync(int year, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!TryYear(year))
        {
            return NotFound();
        }
        ModelState.Remove("Hours");
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Hours.", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        await LoadAsync(cancellationToken);
        var name = (Day.Name ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC);
        if (Day.Date is { } date)
        {
            foreach (var message in ValidateDay(date, Day.Kind, Year))
            {
                ModelState.AddModelError("Day.Date", message);
            }
            if (Days.Any(d => d.Date == date && d.Id != Day.Id))
            {
                ModelState.AddModelError("Day.Date", "Ngày này đã có trong lịch; hãy sửa dòng đã có.");
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var madeOfficial = await EnsureOfficialAsync(cancellationToken);
        CalendarDay row;
        object? before = null;
        if (Day.Id is { } id && !madeOfficial)
        {
            row = await db.CalendarDays.SingleOrDefaultAsync(d => d.Id == id && d.Year == Year, cancellationToken)
                ?? throw new NotFoundException("Không tìm thấy ngày cần sửa.");
            before = new { date = row.Date, kind = row.Kind.ToString(), row.Name };
        }
        else
        {
            // When the year has just been copied from the computed default, the edited day may be among the copies.
            row = db.CalendarDays.Local.FirstOrDefault(d => d.Date == Day.Date) ?? new CalendarDay { Name = name };
            if (row.Id == 0 && !db.CalendarDays.Local.Contains(row))
            {
                db.CalendarDays.Add(row);
            }
        }
        row.Date = Day.Date!.Value;
        row.Year = Year;
        row.Kind = Day.Kind;
        row.Name = name;
        Touch();
        AuditLog.Append(db, time, User, "calendar.day.set", "CalendarDay", row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            $"Cập nhật lịch năm {Year}: {row.Date.ToVnDate()} — {DayKindText.Name(row.Kind)}: {row.Name}",
            new { before, after = new { date = row.Date, kind = row.Kind.ToString(), row.Name } });
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        calendars.Invalidate();
        Message = $"Đã lưu {DayKindText.Name(row.Kind).ToLower(VietnamTime.Culture)} ngày {row.Date.ToVnDate()}.";
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostDeleteDayAsync(int year, int id, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!TryYear(year))
        {
            return NotFound();
        }
        var row = await db.CalendarDays.SingleOrDefaultAsync(d => d.Id == id && d.Year == year, cancellationToken);
        if (row is null)
        {
            Message = "Ngày cần xóa không còn trong lịch.";
            return RedirectToPage(new { year });
        }
        db.CalendarDays.Remove(row);
        Touch();
        AuditLog.Append(db, time, User, "calendar.day.delete", "CalendarDay", row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            $"Xóa khỏi lịch năm {year}: {row.Date.ToVnDate()} — {DayKindText.Name(row.Kind)}: {row.Name}",
            new { date = row.Date, kind = row.Kind.ToString(), row.Name });
        await db.SaveChangesAsync(cancellationToken);
        calendars.Invalidate();
        Message = $"Đã xóa ngày {row.Date.ToVnDate()} khỏi lịch.";
        return RedirectToPage(new { year });
    }

    public async Task<IActionResult> OnPostMakeOfficialAsync(int year, string? source, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!TryYear(year))
        {
            return NotFound();
        }
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await EnsureOfficialAsync(cancellationToken);
        var row = await db.CalendarYears.SingleAsync(y => y.Year == year, cancellationToken);
        row.Source = string.IsNullOrWhiteSpace(source) ? row.Source : source.Trim();
        Touch();
        AuditLog.Append(db, time, User, "calendar.year.official", "CalendarYear", year.ToString(CultureInfo.InvariantCulture),
            created ? $"Lập lịch chính thức năm {year} từ lịch tính theo Bộ luật Lao động" : $"Cập nhật căn cứ lịch năm {year}: {row.Source}",
            new { row.Source });
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        calendars.Invalidate();
        Message = created ? $"Đã lập lịch chính thức năm {year}; hãy điều chỉnh theo văn bản thông báo nghỉ lễ." : "Đã cập nhật căn cứ của lịch.";
        return RedirectToPage(new { year });
    }

    public async Task<IActionResult> OnPostUseComputedAsync(int year, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!TryYear(year))
        {
            return NotFound();
        }
        var row = await db.CalendarYears.SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (row is not null)
        {
            var count = await db.CalendarDays.CountAsync(d => d.Year == year, cancellationToken);
            db.CalendarYears.Remove(row); // days cascade
            AuditLog.Append(db, time, User, "calendar.year.computed", "CalendarYear", year.ToString(CultureInfo.InvariantCulture),
                $"Bỏ lịch chính thức năm {year} ({count} ngày), dùng lịch tính theo Bộ luật Lao động", new { row.Source, days = count });
            await db.SaveChangesAsync(cancellationToken);
            calendars.Invalidate();
        }
        Message = $"Năm {year} dùng lịch tính theo Bộ luật Lao động.";
        return RedirectToPage(new { year });
    }

    public async Task<IActionResult> OnPostHoursAsync(int year, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!TryYear(year))
        {
            return NotFound();
        }
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Day.", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        var agency = await db.Agencies.SingleAsync(a => a.Id == User.AgencyId(), cancellationToken);
        OfficeHours hours;
        try
        {
            hours = new OfficeHours(Hours.MorningStart, Hours.MorningEnd, Hours.AfternoonStart, Hours.AfternoonEnd);
        }
        catch (ArgumentException)
        {
            ModelState.AddModelError("Hours", "Giờ làm việc phải theo thứ tự: bắt đầu sáng < kết thúc sáng ≤ bắt đầu chiều < kết thúc chiều.");
            await LoadAsync(cancellationToken);
            return Page();
        }
        if (Hours.Cutoff <= hours.MorningStart || Hours.Cutoff >= hours.AfternoonEnd)
        {
            ModelState.AddModelError("Hours", "Giờ chốt tiếp nhận phải nằm trong giờ làm việc.");
            await LoadAsync(cancellationToken);
            return Page();
        }
        var before = new { agency.MorningStart, agency.MorningEnd, agency.AfternoonStart, agency.AfternoonEnd, agency.Cutoff };
        (agency.MorningStart, agency.MorningEnd, agency.AfternoonStart, agency.AfternoonEnd, agency.Cutoff) =
            (Hours.MorningStart, Hours.MorningEnd, Hours.AfternoonStart, Hours.AfternoonEnd, Hours.Cutoff);
        AuditLog.Append(db, time, User, "agency.hours", "Agency", agency.Id.ToString(CultureInfo.InvariantCulture),
            $"Cập nhật giờ làm việc: {Hours.MorningStart:HH\\:mm}–{Hours.MorningEnd:HH\\:mm}, {Hours.AfternoonStart:HH\\:mm}–{Hours.AfternoonEnd:HH\\:mm}; giờ chốt {Hours.Cutoff:HH\\:mm}",
            new { before, after = Hours });
        await db.SaveChangesAsync(cancellationToken);
        Message = "Đã cập nhật giờ làm việc của cơ quan.";
        return RedirectToPage(new { year });
    }

    /// <summary>
    /// Replaces the year's schedule with an official one read from a file (JSON of the shipped shape, or CSV rows) or from
    /// typed rows, with its source document; any error leaves the stored schedule as it was.
    /// </summary>
    public async Task<IActionResult> OnPostLoadScheduleAsync(int year, IFormFile? file, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!TryYear(year))
        {
            return NotFound();
        }
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Day.", StringComparison.Ordinal) || k.StartsWith("Hours.", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        var (source, sourceErrors) = ScheduleLoading.CheckSource(Load.SourceKind, Load.SourceNumber, Load.SourceDate, Load.SourceIssuer, Year, time.Today());
        var errors = Shared.Dates.RefusedDates.Messages(HttpContext).Concat(sourceErrors.Select(e => e.Message)).ToList();

        string text;
        if (file is { Length: > 0 })
        {
            if (file.Length > MaxFileBytes)
            {
                errors.Add("Tệp lịch quá lớn (tối đa 256 KB): hãy chọn tệp JSON hoặc CSV của lịch nghỉ.");
                text = "";
            }
            else
            {
                using var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8);
                text = await reader.ReadToEndAsync(cancellationToken);
            }
        }
        else
        {
            text = Load.Rows ?? "";
        }

        var reading = ScheduleImport.Read(text, Year);
        errors.AddRange(reading.Errors);
        if (errors.Count > 0)
        {
            LoadErrors = errors;
            await LoadAsync(cancellationToken);
            return Page();
        }

        await ScheduleLoading.StoreAsync(db, calendars, time, User, Year, source!, reading.Entries, cancellationToken);
        Message = $"Đã nạp lịch chính thức năm {Year} ({reading.Entries.Count} ngày) theo {source!.Text}. Hạn của hồ sơ đã tiếp nhận không tự thay đổi: xem trước và tính lại tại mục \"Tính lại hạn hồ sơ\".";
        return RedirectToPage(new { year = Year });
    }

    /// <summary>Checks a day against the rules of its kind; messages in Vietnamese.</summary>
    internal static IEnumerable<string> ValidateDay(DateOnly date, DayKind kind, int year)
    {
        if (date.Year != year)
        {
            yield return $"Ngày phải thuộc năm {year}.";
        }
        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        switch (kind)
        {
            case DayKind.MakeUpWorkingDay when !weekend:
                yield return "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.";
                break;
            case DayKind.Compensatory when weekend:
                yield return "Ngày nghỉ bù phải là ngày làm việc (thứ Hai đến thứ Sáu).";
                break;
            case DayKind.SwappedOff when weekend:
                yield return "Ngày nghỉ hoán đổi phải là ngày làm việc (thứ Hai đến thứ Sáu).";
                break;
            default:
                break;
        }
    }

    /// <summary>Editing a computed year first copies the computed schedule, so one edit never drops the other holidays.</summary>
    private async Task<bool> EnsureOfficialAsync(CancellationToken cancellationToken)
    {
        if (await db.CalendarYears.AnyAsync(y => y.Year == Year, cancellationToken))
        {
            return false;
        }
        db.CalendarYears.Add(new CalendarYear { Year = Year, Source = "Lập từ lịch tính theo Bộ luật Lao động 2019", UpdatedAt = time.GetUtcNow(), UpdatedBy = User.Identity?.Name });
        foreach (var e in StatutoryHolidays.ComputeDefault(Year).Where(e => e.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) || e.Kind == DayKind.MakeUpWorkingDay))
        {
            db.CalendarDays.Add(new CalendarDay { Date = e.Date, Year = Year, Kind = e.Kind, Name = e.Name });
        }
        return true;
    }

    private void Touch()
    {
        var row = db.CalendarYears.Local.FirstOrDefault(y => y.Year == Year) ?? db.CalendarYears.Find(Year);
        if (row is not null)
        {
            row.UpdatedAt = time.GetUtcNow();
            row.UpdatedBy = User.Identity?.Name;
        }
    }

    private bool TryYear(int? year)
    {
        Year = year ?? time.Today().Year;
        return Year >= WorkingCalendar.MinDate.Year && Year <= WorkingCalendar.MaxDate.Year;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Calendar = await calendars.GetAsync(db, cancellationToken);
        var yearRow = await db.CalendarYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == Year, cancellationToken);
        IsOfficial = yearRow is not null;
        Source = yearRow?.Source;
        Days = await db.CalendarDays.AsNoTracking().Where(d => d.Year == Year).OrderBy(d => d.Date).ToListAsync(cancellationToken);
        Effective = Calendar.EffectiveSchedule(Year);
        var rules = new Dictionary<DateOnly, HolidayRule>();
        foreach (var (date, _, rule) in StatutoryHolidays.Holidays(Year))
        {
            rules.TryAdd(date, rule);
        }
        Rules = rules;
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == User.AgencyId(), cancellationToken);
        if (agency is not null && Request.Method == HttpMethods.Get)
        {
            Hours = new HoursInput { MorningStart = agency.MorningStart, MorningEnd = agency.MorningEnd, AfternoonStart = agency.AfternoonStart, AfternoonEnd = agency.AfternoonEnd, Cutoff = agency.Cutoff };
        }
    }
}
