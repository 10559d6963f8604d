using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Calendar;

public static class CalendarModule
{
    internal const string SeedResource = "MotCua.Web.Features.Calendar.holidays-public-sector-2023-2026.json";

    public static IServiceCollection AddCalendar(this IServiceCollection services) =>
        services.AddSingleton(sp => LimitSettings.Read(sp.GetRequiredService<IConfiguration>()))
            .AddSingleton<CalendarProvider>();

    /// <summary>
    /// The official schedules are reference data every installation needs (not demo data): on a database with no
    /// official year yet, load the shipped 2023–2026 schedules.
    /// </summary>
    public static async Task SeedCalendarAsync(AppDbContext db, TimeProvider time, CancellationToken cancellationToken = default)
    {
        if (await db.CalendarYears.AnyAsync(cancellationToken))
        {
            return;
        }
        await using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(SeedResource)
            ?? throw new InvalidOperationException("Embedded holiday schedule missing.");
        using var reader = new StreamReader(stream);
        var schedules = WorkingCalendar.ParseSchedules(await reader.ReadToEndAsync(cancellationToken));
        var now = time.GetUtcNow();
        foreach (var (year, entries) in schedules)
        {
            db.CalendarYears.Add(new CalendarYear { Year = year, Source = "Lịch nghỉ lễ, Tết của cơ quan hành chính nhà nước năm " + year.ToString(CultureInfo.InvariantCulture) + " (dữ liệu kèm theo phần mềm)", UpdatedAt = now, UpdatedBy = "system" });
            db.CalendarDays.AddRange(entries.Select(e => new CalendarDay { Date = e.Date, Year = year, Kind = e.Kind, Name = e.Name }));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/calendar").WithTags("Lịch làm việc").AllowAnonymous();
        api.MapGet("/{year}", GetYearAsync).WithSummary("Ngày nghỉ và ngày làm bù của một năm (lịch hiệu lực)");
        api.MapGet("/lunar/{date}", GetLunar).WithSummary("Đổi ngày dương lịch sang âm lịch (múi giờ UTC+7)");
        api.MapGet("/due", GetDueAsync).WithSummary("Tính ngày hẹn trả kết quả theo ngày làm việc, kèm giải thích");
        // Outside the anonymous group: replacing a year's schedule moves every deadline computed from it.
        app.MapPost("/api/calendar/schedules", ScheduleLoading.PostAsync).WithTags("Lịch làm việc")
            .WithSummary("Nạp lịch nghỉ chính thức của một năm kèm văn bản thông báo (quản trị; cùng định dạng tệp với trang Lịch làm việc)")
            .RequireAuthorization(Policies.Officer).RequireAuthorization(Policies.Admin).DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    public sealed record NamedDay(string Date, string Name);

    public sealed record YearResponse(int Year, bool Official, IReadOnlyList<NamedDay> DaysOff, IReadOnlyList<NamedDay> WorkingWeekendDays);

    public sealed record LunarResponse(int Day, int Month, int Year, bool LeapMonth);

    public sealed record ExplanationDto(string Date, string Kind, string Reason, int? Ordinal, string Text);

    public sealed record DueResponse(DateTimeOffset DueAt, DateTimeOffset StartAt, IReadOnlyList<ExplanationDto> Explanation);

    internal static async Task<Results<Ok<YearResponse>, ValidationProblem>> GetYearAsync(string year, AppDbContext db, CalendarProvider calendars, CancellationToken cancellationToken)
    {
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < WorkingCalendar.MinDate.Year || y > WorkingCalendar.MaxDate.Year)
        {
            return Invalid("year", "Năm phải là số từ 1900 đến 2100.");
        }
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var official = await db.CalendarYears.AnyAsync(c => c.Year == y, cancellationToken);
        var daysOff = new List<NamedDay>();
        var worked = new List<NamedDay>();
        for (var d = new DateOnly(y, 1, 1); d.Year == y; d = d.AddDays(1))
        {
            var weekend = d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var working = calendar.IsWorkingDay(d);
            if (!weekend && !working)
            {
                daysOff.Add(new NamedDay(Iso(d), calendar.EntryFor(d)?.Name ?? "Ngày nghỉ"));
            }
            else if (weekend && working)
            {
                worked.Add(new NamedDay(Iso(d), calendar.EntryFor(d)?.Name ?? "Ngày làm bù"));
            }
        }
        return TypedResults.Ok(new YearResponse(y, official, daysOff, worked));
    }

    internal static Results<Ok<LunarResponse>, ValidationProblem> GetLunar(string date)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            || d < WorkingCalendar.MinDate || d > WorkingCalendar.MaxDate)
        {
            return Invalid("date", "Ngày phải có dạng yyyy-MM-dd, trong khoảng 1900-01-01 đến 2100-12-31.");
        }
        var lunar = VietnameseLunarCalendar.FromSolar(d);
        return TypedResults.Ok(new LunarResponse(lunar.Day, lunar.Month, lunar.Year, lunar.IsLeapMonth));
    }

    internal static async Task<Results<Ok<DueResponse>, ValidationProblem>> GetDueAsync(
        string? receivedAt, string? workingDays, string? workingHours, string? calendarDays, string? agency, bool? applyCutoff,
        AppDbContext db, CalendarProvider calendars, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        DateTimeOffset received = default;
        if (string.IsNullOrWhiteSpace(receivedAt))
        {
            errors["receivedAt"] = ["Thiếu thời điểm tiếp nhận (receivedAt), ví dụ 2025-03-10T09:00:00+07:00."];
        }
        else if (!TryParseInstant(receivedAt, out received))
        {
            errors["receivedAt"] = ["Thời điểm tiếp nhận (receivedAt) phải theo ISO 8601, ví dụ 2025-03-10T09:00:00+07:00, trong khoảng 1900–2100."];
        }

        var given = new[] { ("workingDays", workingDays, TimeUnit.WorkingDays), ("workingHours", workingHours, TimeUnit.WorkingHours), ("calendarDays", calendarDays, TimeUnit.CalendarDays) }
            .Where(x => x.Item2 is not null).ToList();
        ProcessingTime time = default;
        if (given.Count != 1)
        {
            errors["workingDays"] = ["Cần đúng một trong các tham số workingDays, workingHours hoặc calendarDays."];
        }
        else if (!decimal.TryParse(given[0].Item2, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value <= 0 || value > 3650
            || (given[0].Item3 == TimeUnit.CalendarDays && value != decimal.Truncate(value)))
        {
            errors[given[0].Item1] = ["Thời hạn phải là số dương không quá 3650 (ngày theo lịch phải là số nguyên)."];
        }
        else
        {
            time = new ProcessingTime(value, given[0].Item3);
        }

        int? agencyId = null;
        var cutoff = DeadlineOptions.DefaultCutoff;
        if (!string.IsNullOrWhiteSpace(agency))
        {
            var found = int.TryParse(agency, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
                : await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == agency.Trim(), cancellationToken);
            // A merged agency's code answers for its successor from the merge date; receipts before it keep the old office hours.
            if (found is { SucceededById: not null } && errors.Count == 0)
            {
                found = await Organisation.Merging.AgencyLineage.AnsweringOnAsync(db, found, DateOnly.FromDateTime(received.ToVietnam().Date), cancellationToken);
            }
            if (found is null)
            {
                errors["agency"] = ["Không tìm thấy cơ quan (agency) theo mã hoặc số hiệu đã cho."];
            }
            else
            {
                agencyId = found.Id;
                cutoff = found.Cutoff;
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Tham số không hợp lệ.");
        }

        var calculator = await calendars.CalculatorAsync(db, agencyId, cancellationToken);
        var options = new DeadlineOptions { ApplyCutoff = applyCutoff == true, Cutoff = cutoff };
        try
        {
            var due = calculator.ComputeDue(received, time, options);
            var start = calculator.ComputeDueWithPauses(received, time, options).StartAt;
            var explanation = calculator.Explain(received, time, options).Select(ToDto).ToList();
            return TypedResults.Ok(new DueResponse(due, start, explanation));
        }
        catch (ArgumentOutOfRangeException)
        {
            return Invalid("receivedAt", "Ngày hẹn vượt quá phạm vi lịch (1900–2100).");
        }
    }

    internal static ExplanationDto ToDto(ExplanationLine line) =>
        new(Iso(line.Date), JsonNamingPolicyCamel(line.Kind.ToString()), line.Reason, line.Ordinal, line.ToString());

    /// <summary>ISO 8601 with an offset; a local time without offset is read as Vietnam time.</summary>
    internal static bool TryParseInstant(string text, out DateTimeOffset instant)
    {
        var styles = DateTimeStyles.AllowWhiteSpaces;
        var ok = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out instant);
        if (!ok || instant.Year < 1900 || instant.Year > 2100)
        {
            return false; // checked before re-basing: year 1 at +07:00 is not a representable instant
        }
        if (!HasOffset(text))
        {
            instant = new DateTimeOffset(instant.DateTime, TimeSpan.FromHours(7));
        }
        return true;

        static bool HasOffset(string s)
        {
            var t = s.Trim();
            var timePart = t.IndexOf('T', StringComparison.Ordinal);
            return t.EndsWith('Z') || t.EndsWith('z') || (timePart > 0 && (t.IndexOf('+', timePart) > 0 || t.IndexOf('-', timePart) > 0));
        }
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string JsonNamingPolicyCamel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);

    private static ValidationProblem Invalid(string parameter, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [parameter] = [message] }, title: "Tham số không hợp lệ.");
}
