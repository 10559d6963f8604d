using System.Globalization;

namespace MotCua.Core.Plans;

/// <summary>The rules a control officer meets when writing a plan on pages rather than importing it.</summary>
public static class PlanEditing
{
    /// <summary>
    /// A plan is issued (ban hành) once the clerical office has given it a number and a date (Decree 30/2020: a
    /// document without number and date is a draft), so the status is derived from them rather than stored apart.
    /// </summary>
    public static bool IsIssued(string? number, DateOnly? issuedOn) => !string.IsNullOrWhiteSpace(number) && issuedOn is not null;

    /// <summary>The Vietnamese reason the typed header does not match the chosen status, or null when it does.</summary>
    public static string? StatusProblem(bool issued, string? number, DateOnly? issuedOn) =>
        issued && !IsIssued(number, issuedOn) ? "Kế hoạch đã ban hành phải có số ký hiệu và ngày ban hành."
        : !issued && (!string.IsNullOrWhiteSpace(number) || issuedOn is not null) ? "Kế hoạch dự thảo chưa có số ký hiệu và ngày ban hành: để trống hai ô này, hoặc chọn «Đã ban hành»."
        : null;

    /// <summary>
    /// Why a task may not be deleted, or null. A task with reported progress is kept: its notes and evidence are what
    /// the periodic control report cites, so a control officer changes its content instead of losing that record.
    /// </summary>
    public static string? DeleteRefusal(string label, int progressNotes, int progressPercent) =>
        progressNotes > 0 || progressPercent > 0
            ? $"Không xóa được nhiệm vụ {label}: nhiệm vụ đã có {progressNotes.ToString(CultureInfo.InvariantCulture)} lần báo cáo tiến độ, là căn cứ của báo cáo kiểm soát TTHC. Hãy sửa nội dung nhiệm vụ thay vì xóa."
            : null;

    /// <summary>The Roman numeral of a group's position (1 → I, 14 → XIV), as plan appendices number their groups.</summary>
    public static string Roman(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 89);
        (int Value, string Symbol)[] symbols = [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var result = "";
        foreach (var (value, symbol) in symbols)
        {
            while (number >= value)
            {
                result += symbol;
                number -= value;
            }
        }
        return result;
    }

    /// <summary>The next task number of a group: one more than the largest number in it.</summary>
    public static string NextTaskNumber(IEnumerable<string> numbers) =>
        ((numbers ?? []).Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0).DefaultIfEmpty(0).Max() + 1)
            .ToString(CultureInfo.InvariantCulture);

    /// <summary>"Thời gian thực hiện" values offered in lists (all understood by <see cref="TimeFrameParser"/>); other wordings may still be typed.</summary>
    public static IReadOnlyList<string> CommonTimeFrames(int year)
    {
        var y = year.ToString(CultureInfo.InvariantCulture);
        return [$"Quý I/{y}", $"Quý II/{y}", $"Quý III/{y}", $"Quý IV/{y}", "6 tháng đầu năm", "6 tháng cuối năm", "Trong năm", "Thường xuyên", "Hằng quý", "Tháng, quý, năm"];
    }
}
