using System.Globalization;

namespace MotCua.Web.Shared;

/// <summary>
/// Vietnam keeps UTC+7 with no daylight saving, so a fixed offset is exact and needs no tz database.
/// Instants are stored in UTC; people read them in Vietnam time and vi-VN formats.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    public static DateTimeOffset ToVietnam(this DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateTimeOffset Now(this TimeProvider time) => time.GetUtcNow().ToOffset(Offset);

    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.Now().DateTime);

    /// <summary>dd/MM/yyyy, the form every Vietnamese official document uses.</summary>
    public static string ToVnDate(this DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string ToVnDate(this DateTimeOffset instant) => instant.ToVietnam().ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string ToVnDateTime(this DateTimeOffset instant) => instant.ToVietnam().ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>1.234,5: vi-VN grouping and decimal separators.</summary>
    public static string ToVnNumber(this decimal value, int decimals = 0) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture);

    public static string ToVnNumber(this int value) => value.ToString("N0", Culture);

    /// <summary>An amount of money as Vietnamese write it: whole đồng with thousands dots, "4.840.000 đồng" (no decimals: the đồng has no subunit).</summary>
    public static string ToVnMoney(this decimal value) => Math.Round(value, 0, MidpointRounding.AwayFromZero).ToString("N0", Culture) + " đồng";

    /// <inheritdoc cref="ToVnMoney(decimal)"/>
    public static string ToVnMoney(this long value) => value.ToString("N0", Culture) + " đồng";

    public static string DayOfWeekName(this DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Monday => "Thứ Hai",
        DayOfWeek.Tuesday => "Thứ Ba",
        DayOfWeek.Wednesday => "Thứ Tư",
        DayOfWeek.Thursday => "Thứ Năm",
        DayOfWeek.Friday => "Thứ Sáu",
        DayOfWeek.Saturday => "Thứ Bảy",
        DayOfWeek.Sunday => "Chủ nhật",
        _ => throw new ArgumentOutOfRangeException(nameof(date)),
    };
}
