using System.Globalization;

namespace MotCua.Web.Shared.Dates;

/// <summary>
/// Dates as officers type them (day first: 06/12/2026, 6/12/2026, 06-12-2026, optionally " 14:30") and as links,
/// bookmarks and tests send them (ISO 2026-12-06, 2026-12-06T14:30). Never month first, whatever the culture.
/// </summary>
public static class DateText
{
    public const string DatePlaceholder = "dd/mm/yyyy";

    public const string DateTimePlaceholder = "dd/mm/yyyy hh:mm";

    private static readonly string[] DayFirstDates = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy"];

    private static readonly string[] IsoDates = ["yyyy-MM-dd"];

    private static readonly string[] Times = ["H:mm", "H:mm:ss", "H'h'mm"];

    private static readonly string[] IsoDateTimes =
        ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    private static readonly string[] DateTimeFormats =
        [.. IsoDateTimes, .. DayFirstDates.SelectMany(d => Times.Select(t => d + " " + t))];

    private static readonly string[] DateFormats = [.. DayFirstDates, .. IsoDates];

    // Years outside this range are typing slips (06/12/26 read as year 26), not dates anyone files.
    private static bool Plausible(int year) => year is >= 1900 and <= 2199;

    public static bool TryParseDate(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        return DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && Plausible(date.Year);
    }

    /// <summary>A wall-clock date and time (Kind unspecified); a bare date means its midnight.</summary>
    public static bool TryParseDateTime(string? text, out DateTime value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var trimmed = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (DateTime.TryParseExact(trimmed, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return Plausible(value.Year);
        }
        if (TryParseDate(trimmed, out var date))
        {
            value = date.ToDateTime(TimeOnly.MinValue);
            return true;
        }
        return false;
    }

    /// <summary>An instant typed as Vietnam wall time, or sent with its own offset (ISO round-trip form).</summary>
    public static bool TryParseInstant(string? text, out DateTimeOffset value)
    {
        if (TryParseDateTime(text, out var local))
        {
            value = new DateTimeOffset(local, VietnamTime.Offset);
            return true;
        }
        var withOffset = text?.Trim() ?? "";
        if (withOffset.Length > 10 && withOffset[4] == '-'
            && DateTimeOffset.TryParseExact(withOffset, ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
            && Plausible(value.Year))
        {
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>A time of day on the 24-hour clock: 14:30, 7:00, 14h30.</summary>
    public static bool TryParseTime(string? text, out TimeOnly time)
    {
        time = default;
        return !string.IsNullOrWhiteSpace(text)
            && TimeOnly.TryParseExact(text.Trim(), [.. Times, "H:mm:ss.FFFFFFF"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Format(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Format(DateTime value) => value.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// A value about to be shown in a date field, day first; text that is not a date (a refused entry shown back
    /// with its message) is left as typed.
    /// </summary>
    public static string ForField(string text, bool withTime)
    {
        if (withTime)
        {
            return TryParseDateTime(text, out var value) ? Format(value) : text;
        }
        return TryParseDate(text, out var date) ? Format(date)
            : TryParseDateTime(text, out var midnight) ? Format(DateOnly.FromDateTime(midnight))
            : text;
    }

    public static string InvalidTime(string? label, string typed) =>
        $"{(string.IsNullOrWhiteSpace(label) ? "Giờ" : label.Trim())} “{typed}” không hợp lệ, hãy nhập giờ:phút theo 24 giờ, ví dụ 14:30.";

    /// <summary>The model error for a date that cannot be read, naming the field and showing the expected form.</summary>
    public static string Invalid(string? label, string typed, bool withTime)
    {
        var what = string.IsNullOrWhiteSpace(label) ? "Ngày" : label.Trim();
        var example = withTime ? "ngày/tháng/năm giờ:phút, ví dụ 06/12/2026 14:30" : "ngày/tháng/năm, ví dụ 06/12/2026";
        return $"{what} “{typed}” không hợp lệ, hãy nhập theo dạng {example}.";
    }
}
