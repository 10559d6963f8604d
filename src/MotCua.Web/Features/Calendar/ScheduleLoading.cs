using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Calendar;

/// <summary>The source document a yearly schedule is announced in, checked and normalised.</summary>
public sealed record ScheduleSource(string Kind, string Number, DateOnly Date, string Issuer)
{
    /// <summary>"Công văn số … ngày dd/MM/yyyy của …", as the calendar page shows it.</summary>
    public string Text => $"{Kind} số {Number} ngày {Date.ToVnDate()} của {Issuer}";
}

/// <summary>
/// Loading an official yearly schedule with its source document, shared by the calendar page and the API so both check
/// the same things and write the same audited replacement.
/// </summary>
public static class ScheduleLoading
{
    /// <summary>The kinds of document a yearly schedule is announced in.</summary>
    public static readonly IReadOnlyList<string> SourceKinds = ["Công văn", "Thông báo", "Quyết định", "Chỉ thị"];

    /// <summary>Checks the source document of <paramref name="year"/>'s schedule; the errors are in Vietnamese, keyed by field.</summary>
    public static (ScheduleSource? Source, IReadOnlyList<(string Field, string Message)> Errors) CheckSource(
        string? kind, string? number, DateOnly? date, string? issuer, int year, DateOnly today)
    {
        var errors = new List<(string, string)>();
        var cleanNumber = Clean(number);
        var cleanIssuer = Clean(issuer);
        var cleanKind = Clean(kind);
        if (cleanKind is not null && !SourceKinds.Contains(cleanKind, StringComparer.Ordinal))
        {
            errors.Add(("kind", "Loại văn bản phải là một trong: " + string.Join(", ", SourceKinds) + "."));
        }
        if (cleanNumber is null)
        {
            errors.Add(("number", "Vui lòng nhập số, ký hiệu của văn bản thông báo lịch nghỉ (ví dụ 2450/VPCP-KGVX)."));
        }
        else if (cleanNumber.Length > 100)
        {
            errors.Add(("number", "Số, ký hiệu văn bản tối đa 100 ký tự."));
        }
        if (date is not { } sourceDate)
        {
            errors.Add(("date", "Vui lòng nhập ngày ban hành văn bản."));
        }
        else if (sourceDate > today)
        {
            errors.Add(("date", "Ngày ban hành văn bản không được sau ngày hôm nay."));
        }
        else if (sourceDate.Year < year - 2)
        {
            errors.Add(("date", $"Văn bản ngày {sourceDate.ToVnDate()} quá cũ để là thông báo lịch nghỉ năm {year}."));
        }
        if (cleanIssuer is null)
        {
            errors.Add(("issuer", "Vui lòng nhập cơ quan ban hành văn bản (ví dụ Văn phòng Chính phủ, Bộ Nội vụ)."));
        }
        else if (cleanIssuer.Length > 200)
        {
            errors.Add(("issuer", "Tên cơ quan ban hành tối đa 200 ký tự."));
        }
        return errors.Count > 0 ? (null, errors) : (new ScheduleSource(cleanKind ?? SourceKinds[0], cleanNumber!, date!.Value, cleanIssuer!), errors);
    }

    /// <summary>Replaces <paramref name="year"/>'s stored schedule by <paramref name="entries"/> in one transaction, audited <c>calendar.schedule.load</c>.</summary>
    public static async Task StoreAsync(AppDbContext db, CalendarProvider calendars, TimeProvider time, ClaimsPrincipal user, int year,
        ScheduleSource source, IReadOnlyList<ScheduleEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(calendars);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(entries);
        var text = source.Text;
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await db.CalendarYears.SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        var old = await db.CalendarDays.Where(d => d.Year == year).OrderBy(d => d.Date).ToListAsync(cancellationToken);
        var before = row is null ? null : new { row.Source, days = old.Select(d => new { date = d.Date, kind = d.Kind.ToString(), d.Name }).ToList() };
        if (row is null)
        {
            row = new CalendarYear { Year = year };
            db.CalendarYears.Add(row);
        }
        db.CalendarDays.RemoveRange(old);
        // The old days go first (inside the transaction) so the unique date index is free for the new rows.
        await db.SaveChangesAsync(cancellationToken);
        (row.Source, row.SourceNumber, row.SourceDate, row.SourceIssuer) = (text, source.Number, source.Date, source.Issuer);
        row.UpdatedAt = time.GetUtcNow();
        row.UpdatedBy = user.Identity?.Name;
        db.CalendarDays.AddRange(entries.Select(e => new CalendarDay { Date = e.Date, Year = year, Kind = e.Kind, Name = e.Name.Trim() }));
        AuditLog.Append(db, time, user, "calendar.schedule.load", "CalendarYear", year.ToString(CultureInfo.InvariantCulture),
            $"Nạp lịch chính thức năm {year} theo {text}: {entries.Count} ngày" + (before is null ? "" : $" (thay {old.Count} ngày của lịch trước)"),
            new { before, after = new { source = text, number = source.Number, date = source.Date, issuer = source.Issuer, days = entries.Select(e => new { date = e.Date, kind = e.Kind.ToString(), e.Name }).ToList() } });
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        calendars.Invalidate();
    }

    /// <summary>The source document in the API body.</summary>
    public sealed record SourceDto(string? Kind, string? Number, DateOnly? Date, string? Issuer);

    /// <summary>One day of the schedule, as in the shipped file: kind is holiday, compensatory, swappedOff or makeUpWorkingDay.</summary>
    public sealed record DayDto(string? Date, string? Kind, string? Name);

    /// <summary>The API body: the file format of the calendar page (<c>years</c>, one year) with its source document.</summary>
    public sealed record LoadRequest(SourceDto? Source, Dictionary<string, List<DayDto>>? Years);

    public sealed record LoadedResponse(int Year, string Source, int Days);

    /// <summary>POST /api/calendar/schedules: the same checks as the page; nothing is changed when any fails.</summary>
    internal static async Task<Results<Ok<LoadedResponse>, ValidationProblem>> PostAsync(
        LoadRequest? body, ClaimsPrincipal user, AppDbContext db, CalendarProvider calendars, TimeProvider time, CancellationToken cancellationToken)
    {
        if (body?.Years is not { Count: 1 } years)
        {
            return Invalid("years", "Mỗi lần nạp đúng một năm: {\"years\": {\"2027\": [{\"date\": \"2027-01-01\", \"kind\": \"holiday\", \"name\": \"Tết Dương lịch\"}]}}.");
        }
        var (key, days) = years.Single();
        if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year < WorkingCalendar.MinDate.Year || year > WorkingCalendar.MaxDate.Year)
        {
            return Invalid("years", "Năm phải là số từ 1900 đến 2100.");
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (source, sourceErrors) = CheckSource(body.Source?.Kind, body.Source?.Number, body.Source?.Date, body.Source?.Issuer, year, time.Today());
        foreach (var group in sourceErrors.GroupBy(e => e.Field, StringComparer.Ordinal))
        {
            errors["source." + group.Key] = [.. group.Select(e => e.Message)];
        }
        // Read through the same reader as an uploaded file, so the API cannot load what the page refuses.
        var reading = ScheduleImport.Read(JsonSerializer.Serialize(new { years = new Dictionary<string, List<DayDto>?>(StringComparer.Ordinal) { [key] = days } }, FileJson), year);
        if (reading.Errors.Count > 0)
        {
            errors["years." + key] = [.. reading.Errors];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Lịch nghỉ không nạp được; lịch đang dùng không thay đổi.");
        }
        await StoreAsync(db, calendars, time, user, year, source!, reading.Entries, cancellationToken);
        return TypedResults.Ok(new LoadedResponse(year, source!.Text, reading.Entries.Count));
    }

    private static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web);

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] }, title: "Lịch nghỉ không nạp được; lịch đang dùng không thay đổi.");

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim().Normalize(System.Text.NormalizationForm.FormC);
}
