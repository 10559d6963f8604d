using System.Globalization;

using MotCua.Core.Calendar;
using MotCua.Core.Legal;

namespace MotCua.Core.Dossiers;

/// <summary>
/// The desk's time to check an online dossier as it applies to one procedure: the procedure version's own limit when its
/// announcing text sets one, otherwise the province's dated setting (<see cref="TimeLimitRule.OnlineCheck"/>).
/// </summary>
/// <param name="Time">The check time in working hours.</param>
/// <param name="FromProcedure">True when the procedure version sets it, false for the province's setting.</param>
/// <param name="Basis">"Căn cứ …" for the value: the procedure's stated source, or the province's setting's text.</param>
public sealed record OnlineCheckLimit(ProcessingTime Time, bool FromProcedure, string Basis)
{
    /// <summary>
    /// The longest check a procedure may set: 40 working hours (05 working days). A desk check is a completeness check
    /// before receipt; a longer one would be processing without a clock, which no text allows.
    /// </summary>
    public const decimal MaxWorkingHours = 40;

    /// <summary>
    /// The limit for a dossier of a procedure submitted on <paramref name="submittedOn"/>: the procedure's
    /// <paramref name="procedureHours"/> with its <paramref name="procedureSource"/> when set, else the province's value in
    /// force on that day.
    /// </summary>
    public static OnlineCheckLimit For(TimeLimitRule rule, DateOnly submittedOn, decimal? procedureHours, string? procedureSource)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (procedureHours is { } hours)
        {
            return new(ProcessingTime.WorkingHours(hours), true,
                string.IsNullOrWhiteSpace(procedureSource) ? "Chưa có căn cứ pháp lý được xác nhận" : "Căn cứ " + procedureSource.Trim());
        }
        var province = rule.OnlineCheckOn(submittedOn);
        return new(province.Value, false, province.Basis);
    }

    /// <summary>
    /// Why a procedure's check time cannot be saved, in Vietnamese; null when it can. Null hours means "use the province's
    /// setting" and is always valid; a set value must be positive, at most <see cref="MaxWorkingHours"/>, in whole or half
    /// hours, and name the text that sets it (the public page and the explanation print it as the basis).
    /// </summary>
    public static string? Problem(decimal? hours, string? source)
    {
        if (hours is not { } h)
        {
            return null;
        }
        if (h <= 0)
        {
            return "Thời hạn kiểm tra hồ sơ trực tuyến phải lớn hơn 0 giờ làm việc; để trống nếu áp dụng mức chung của tỉnh.";
        }
        if (h > MaxWorkingHours)
        {
            return $"Thời hạn kiểm tra hồ sơ trực tuyến không quá {MaxWorkingHours.ToString("0", CultureInfo.InvariantCulture)} giờ làm việc (05 ngày làm việc).";
        }
        if (h * 2 != decimal.Truncate(h * 2))
        {
            return "Thời hạn kiểm tra hồ sơ trực tuyến tính theo giờ hoặc nửa giờ làm việc (ví dụ 4 hoặc 4,5).";
        }
        if (string.IsNullOrWhiteSpace(source))
        {
            return "Vui lòng ghi căn cứ (văn bản quy định) của thời hạn kiểm tra hồ sơ trực tuyến riêng của thủ tục.";
        }
        return null;
    }

    /// <summary>"08 giờ làm việc (mặc định của tỉnh)" or "04 giờ làm việc (theo thủ tục)".</summary>
    public string Describe() =>
        Hours(Time.Value) + " giờ làm việc" + (FromProcedure ? " (quy định riêng của thủ tục)" : " (mức chung của tỉnh)");

    /// <summary>The deadline explanation's line for a dossier submitted online at <paramref name="submittedAt"/> and due at <paramref name="due"/>.</summary>
    public ExplanationLine Explain(DateTimeOffset submittedAt, DateTimeOffset due)
    {
        var local = submittedAt.ToOffset(DeadlineCalculator.VietnamOffset);
        return new(DateOnly.FromDateTime(local.DateTime), ExplanationKind.OnlineCheck,
            $"Nộp trực tuyến lúc {local.ToString("HH:mm", CultureInfo.InvariantCulture)}: Bộ phận Một cửa kiểm tra, tiếp nhận hoặc hướng dẫn bổ sung trong {Describe()}, "
            + $"hạn {due.ToOffset(DeadlineCalculator.VietnamOffset).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture)}. {Basis}");
    }

    private static string Hours(decimal value) =>
        value == decimal.Truncate(value) ? value.ToString("00", CultureInfo.InvariantCulture) : value.ToString("0.#", CultureInfo.GetCultureInfo("vi-VN"));
}
