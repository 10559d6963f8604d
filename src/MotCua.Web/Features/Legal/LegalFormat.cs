using System.Globalization;
using MotCua.Core.Calendar;
using MotCua.Core.Legal;

namespace MotCua.Web.Features.Legal;

/// <summary>How the legal registry prints dates, periods, certainty and limits (vi-VN).</summary>
public static class LegalFormat
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Period(LegalSource source) => (source.InForceFrom, source.InForceUntil) switch
    {
        ({ } from, { } until) => "Từ " + Date(from) + " đến " + Date(until),
        ({ } from, null) => "Từ " + Date(from),
        (null, { } until) => "Đến " + Date(until),
        (null, null) => "Chưa ghi ngày hiệu lực",
    };

    public static string Certainty(SourceCertainty certainty) => certainty switch
    {
        SourceCertainty.Confirmed => "Đã đối chiếu văn bản",
        SourceCertainty.Practice => "Theo nhiều nguồn, thực tiễn",
        SourceCertainty.Unconfirmed => "Chưa xác nhận",
    };

    public static string Time(ProcessingTime time) => time.Value.ToString("0.##", Vi) + time.Unit switch
    {
        TimeUnit.WorkingDays => " ngày làm việc",
        TimeUnit.WorkingHours => " giờ làm việc",
        TimeUnit.CalendarDays => " ngày",
    };
}
