using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MotCua.Core.Plans;

/// <summary>A task row of the appendix, with its units matched to the agency's unit names.</summary>
public sealed record AppendixTask(
    int RowNumber,
    string Number,
    string Content,
    string Product,
    string LeadUnitsText,
    IReadOnlyList<string> LeadUnits,
    string CoordinatingUnitsText,
    IReadOnlyList<string> CoordinatingUnits,
    TimeFrame TimeFrame,
    IReadOnlyList<PlanTargetSpec> Targets);

/// <summary>A group row ("I", "II", …) and the tasks under it.</summary>
public sealed record AppendixGroup(int RowNumber, string Number, string Title, IReadOnlyList<AppendixTask> Tasks);

/// <summary>A row that cannot be imported, with the reason in Vietnamese. Row numbers are 1-based as a spreadsheet shows them.</summary>
public sealed record AppendixError(int RowNumber, string Message);

public sealed record AppendixParseResult(IReadOnlyList<AppendixGroup> Groups, IReadOnlyList<AppendixError> Errors)
{
    public bool Success => Errors.Count == 0;

    public int TaskCount => Groups.Sum(g => g.Tasks.Count);
}

/// <summary>
/// Reads the task table of a control plan ("PHỤ LỤC HOẠT ĐỘNG KIỂM SOÁT TTHC"): columns STT | Nội dung công việc |
/// Sản phẩm | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện. Rows above the header (titles) are skipped; a Roman
/// STT starts a group; an Arabic STT is a task. All-or-nothing: any bad row makes the whole table fail, with every bad
/// row listed, so a half-imported plan never exists.
/// </summary>
public static partial class PlanAppendix
{
    public static readonly IReadOnlyList<string> Columns = ["STT", "Nội dung công việc", "Sản phẩm", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"];

    public static AppendixParseResult Parse(IReadOnlyList<IReadOnlyList<string?>> rows, int planYear, IReadOnlyCollection<string> knownUnits)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(knownUnits);
        var errors = new List<AppendixError>();
        var groups = new List<(int Row, string Number, string Title, List<AppendixTask> Tasks)>();

        var header = -1;
        for (var i = 0; i < rows.Count && header < 0; i++)
        {
            if (rows[i].Count >= 2 && string.Equals(Cell(rows[i], 0).ToUpperInvariant(), "STT", StringComparison.Ordinal)
                && Cell(rows[i], 1).StartsWith("nội dung", StringComparison.OrdinalIgnoreCase))
            {
                header = i;
            }
        }
        if (header < 0)
        {
            return new([], [new AppendixError(1, "Không tìm thấy dòng tiêu đề của bảng (STT | Nội dung công việc | Sản phẩm | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện).")]);
        }

        for (var i = header + 1; i < rows.Count; i++)
        {
            var row = rows[i];
            var rowNumber = i + 1;
            var cells = Enumerable.Range(0, 6).Select(c => Cell(row, c)).ToArray();
            if (cells.All(c => c.Length == 0))
            {
                continue;
            }
            var stt = cells[0].TrimEnd('.');
            if (GroupNumber().IsMatch(stt))
            {
                if (cells[1].Length == 0)
                {
                    errors.Add(new(rowNumber, $"Nhóm {stt}: cột «Nội dung công việc» trống (ghi tên nhóm nhiệm vụ)."));
                }
                else if (groups.Any(g => string.Equals(g.Number, stt, StringComparison.Ordinal)))
                {
                    errors.Add(new(rowNumber, $"Nhóm {stt}: cột «STT» trùng với một nhóm phía trên."));
                }
                groups.Add((rowNumber, stt, cells[1], []));
                continue;
            }
            if (!TaskNumber().IsMatch(stt))
            {
                errors.Add(new(rowNumber, stt.Length == 0
                    ? "Cột «STT» trống: dòng nhóm ghi số La Mã (I, II, …), dòng nhiệm vụ ghi số (1, 2, …)."
                    : $"Cột «STT»: «{cells[0]}» không hợp lệ: dòng nhóm ghi số La Mã (I, II, …), dòng nhiệm vụ ghi số (1, 2, …)."));
                continue;
            }
            var problems = new List<string>();
            if (groups.Count == 0)
            {
                problems.Add("cột «STT»: nhiệm vụ nằm trước dòng nhóm đầu tiên (I, II, …)");
            }
            if (cells[1].Length == 0)
            {
                problems.Add("cột «Nội dung công việc» trống");
            }
            var lead = MatchUnits(RawCell(row, 3), knownUnits, problems, Columns[3]);
            if (cells[3].Length == 0)
            {
                problems.Add("cột «Đơn vị chủ trì» trống");
            }
            var coordinating = MatchUnits(RawCell(row, 4), knownUnits, problems, Columns[4]);
            var frame = TimeFrameParser.Parse(cells[5], planYear);
            if (!frame.Success)
            {
                problems.Add("cột «Thời gian thực hiện»: " + LowerFirst(frame.Error!));
            }
            if (problems.Count > 0)
            {
                errors.Add(new(rowNumber, $"Nhiệm vụ {stt}: {string.Join("; ", problems)}."));
                continue;
            }
            groups[^1].Tasks.Add(new AppendixTask(rowNumber, stt, cells[1], cells[2], cells[3], lead, cells[4], coordinating, frame.TimeFrame!, PlanTargetExtractor.Extract(cells[2])));
        }

        if (errors.Count == 0 && groups.Sum(g => g.Tasks.Count) == 0)
        {
            errors.Add(new(header + 1, "Bảng không có nhiệm vụ nào."));
        }
        return new([.. groups.Select(g => new AppendixGroup(g.Row, g.Number, g.Title, g.Tasks))], errors);
    }

    private static List<string> MatchUnits(string text, IReadOnlyCollection<string> known, List<string> problems, string column)
    {
        var matched = new List<string>();
        foreach (var written in UnitNames.SplitList(text))
        {
            if (UnitNames.Match(written, known) is { } name)
            {
                if (!matched.Contains(name, StringComparer.Ordinal))
                {
                    matched.Add(name);
                }
            }
            else
            {
                problems.Add($"cột «{column}»: không tìm thấy đơn vị «{written}» trong danh sách đơn vị của cơ quan");
            }
        }
        return matched;
    }

    /// <summary>NFC, trimmed, inner runs of whitespace (line breaks from merged cells) collapsed to one space.</summary>
    private static string Cell(IReadOnlyList<string?> row, int index) =>
        index < row.Count && row[index] is { } v ? Whitespace().Replace(v.Normalize(NormalizationForm.FormC), " ").Trim() : "";

    /// <summary>Keeps line breaks, which separate units in a spreadsheet cell.</summary>
    private static string RawCell(IReadOnlyList<string?> row, int index) =>
        index < row.Count && row[index] is { } v ? v.Normalize(NormalizationForm.FormC).Trim() : "";

    private static string LowerFirst(string s) => s.Length == 0 ? s : char.ToLower(s[0], CultureInfo.InvariantCulture) + s[1..].TrimEnd('.');

    [GeneratedRegex(@"^[IVXL]+$")]
    private static partial Regex GroupNumber();

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex TaskNumber();

    [GeneratedRegex(@"[ \t\r\n\u00a0]+")]
    private static partial Regex Whitespace();
}
