using System.Globalization;

namespace MotCua.Core.Calendar;

/// <summary>A year's schedule read from a file or typed rows, or the Vietnamese reasons it cannot be loaded.</summary>
public sealed record ScheduleReading(IReadOnlyList<ScheduleEntry> Entries, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Reads and checks an official yearly schedule before it replaces a year: the JSON shape of the shipped file, or rows
/// "date;kind;name" (CSV with ',' or ';', dates yyyy-MM-dd or dd/MM/yyyy, kinds as codes or Vietnamese names).
/// </summary>
public static class ScheduleImport
{
    /// <summary>Rows beyond this are refused: a year has at most a few dozen exceptional days.</summary>
    public const int MaxRows = 200;

    /// <summary>Reads <paramref name="text"/> (JSON when it starts with '{', rows otherwise) for <paramref name="year"/>, then validates.</summary>
    public static ScheduleReading Read(string text, int year)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim().TrimStart('\uFEFF');
        if (trimmed.Length == 0)
        {
            return Fail("Lịch không có ngày nào: hãy chọn tệp hoặc nhập các dòng ngày, loại ngày, tên.");
        }

        return trimmed.StartsWith('{') ? ReadJson(trimmed, year) : ReadRows(trimmed, year);
    }

    /// <summary>The contradictions and misplaced days of a year's schedule, in Vietnamese; empty when it can be loaded.</summary>
    public static IReadOnlyList<string> Validate(int year, IReadOnlyList<ScheduleEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var errors = new List<string>();
        if (entries.Count == 0)
        {
            errors.Add("Lịch không có ngày nào.");
            return errors;
        }

        if (entries.Count > MaxRows)
        {
            errors.Add($"Lịch có {entries.Count} dòng, tối đa {MaxRows}.");
            return errors;
        }

        foreach (ScheduleEntry e in entries)
        {
            string day = Vn(e.Date);
            if (e.Date.Year != year)
            {
                errors.Add($"Ngày {day} không thuộc năm {year}.");
            }

            if (string.IsNullOrWhiteSpace(e.Name))
            {
                errors.Add($"Ngày {day} thiếu tên (ví dụ: Tết Dương lịch, Nghỉ bù …).");
            }
            else if (e.Name.Length > 200)
            {
                errors.Add($"Tên của ngày {day} dài quá 200 ký tự.");
            }

            bool weekend = StatutoryHolidays.IsWeekend(e.Date);
            switch (e.Kind)
            {
                case DayKind.MakeUpWorkingDay when !weekend:
                    errors.Add($"Ngày làm bù {day} là {Weekday(e.Date)}: ngày làm bù phải là thứ Bảy hoặc Chủ nhật.");
                    break;
                case DayKind.Compensatory when weekend:
                    errors.Add($"Ngày nghỉ bù {day} là {Weekday(e.Date)}: ngày nghỉ bù phải là ngày làm việc (thứ Hai đến thứ Sáu).");
                    break;
                case DayKind.SwappedOff when weekend:
                    errors.Add($"Ngày nghỉ hoán đổi {day} là {Weekday(e.Date)}: ngày nghỉ hoán đổi phải là ngày làm việc (thứ Hai đến thứ Sáu).");
                    break;
                default:
                    break;
            }
        }

        foreach (IGrouping<DateOnly, ScheduleEntry> same in entries.GroupBy(static e => e.Date).Where(static g => g.Count() > 1))
        {
            bool contradictory = same.Any(static e => e.Kind == DayKind.MakeUpWorkingDay) && same.Any(static e => e.Kind != DayKind.MakeUpWorkingDay);
            errors.Add(contradictory
                ? $"Ngày {Vn(same.Key)} vừa là ngày nghỉ vừa là ngày làm bù: hai dòng mâu thuẫn."
                : $"Ngày {Vn(same.Key)} có {same.Count()} dòng trùng nhau: mỗi ngày chỉ một dòng.");
        }

        int swapped = entries.Count(static e => e.Kind == DayKind.SwappedOff);
        int madeUp = entries.Count(static e => e.Kind == DayKind.MakeUpWorkingDay);
        if (swapped > madeUp)
        {
            errors.Add($"Có {swapped} ngày nghỉ hoán đổi nhưng chỉ {madeUp} ngày làm bù: mỗi ngày nghỉ hoán đổi phải có ngày làm bù tương ứng.");
        }
        else if (madeUp > swapped)
        {
            errors.Add($"Có {madeUp} ngày làm bù nhưng chỉ {swapped} ngày nghỉ hoán đổi: ngày làm bù nào cũng đổi cho một ngày nghỉ hoán đổi.");
        }

        return errors;
    }

    private static ScheduleReading ReadJson(string json, int year)
    {
        IReadOnlyDictionary<int, IReadOnlyList<ScheduleEntry>> schedules;
        try
        {
            schedules = WorkingCalendar.ParseSchedules(json);
        }
        catch (FormatException)
        {
            return Fail("Tệp JSON không đúng cấu trúc {\"years\": {\"" + year.ToString(CultureInfo.InvariantCulture) + "\": [{\"date\": \"yyyy-MM-dd\", \"kind\": \"holiday\", \"name\": \"…\"}]}}.");
        }

        if (!schedules.TryGetValue(year, out IReadOnlyList<ScheduleEntry>? entries))
        {
            string found = schedules.Count == 0 ? "không có năm nào" : "chỉ có năm " + string.Join(", ", schedules.Keys.Order());
            return Fail($"Tệp không có lịch năm {year} ({found}).");
        }

        return Checked(year, entries);
    }

    private static ScheduleReading ReadRows(string text, int year)
    {
        var entries = new List<ScheduleEntry>();
        var errors = new List<string>();
        string[] lines = text.Split('\n');
        if (lines.Length > MaxRows + 1)
        {
            return Fail($"Lịch có {lines.Length} dòng, tối đa {MaxRows}.");
        }

        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0)
            {
                continue;
            }

            char separator = line.Contains(';', StringComparison.Ordinal) ? ';' : ',';
            string[] parts = line.Split(separator, 3);
            string first = Unquote(parts[0]);
            DateOnly? date = ParseDate(first);
            if (date is null && i == 0 && entries.Count == 0 && !first.Any(char.IsDigit))
            {
                continue; // a header row: "date,kind,name" or "Ngày;Loại;Tên"
            }

            int row = i + 1;
            if (date is null)
            {
                errors.Add($"Dòng {row}: \"{first}\" không phải ngày (dd/MM/yyyy hoặc yyyy-MM-dd).");
                continue;
            }

            if (parts.Length < 3)
            {
                errors.Add($"Dòng {row}: cần đủ ba cột ngày, loại ngày, tên.");
                continue;
            }

            DayKind? kind = ParseKind(Unquote(parts[1]));
            if (kind is null)
            {
                errors.Add($"Dòng {row}: loại ngày \"{Unquote(parts[1])}\" không hợp lệ (Nghỉ lễ, Nghỉ bù, Nghỉ hoán đổi, Làm bù).");
                continue;
            }

            entries.Add(new ScheduleEntry(date.Value, kind.Value, Unquote(parts[2]).Normalize(System.Text.NormalizationForm.FormC)));
        }

        return errors.Count > 0 ? new ScheduleReading([], errors) : Checked(year, entries);
    }

    private static ScheduleReading Checked(int year, IReadOnlyList<ScheduleEntry> entries)
    {
        IReadOnlyList<string> errors = Validate(year, entries);
        return errors.Count > 0 ? new ScheduleReading([], errors) : new ScheduleReading([.. entries.OrderBy(static e => e.Date)], []);
    }

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d) ? d : null;

    /// <summary>The kind from its code or Vietnamese name, with or without diacritics.</summary>
    public static DayKind? ParseKind(string text)
    {
        string key = Fold(text);
        return key switch
        {
            "holiday" or "nghi le" or "nghi le, tet" or "le" or "tet" or "nghi tet" => DayKind.Holiday,
            "compensatory" or "nghi bu" => DayKind.Compensatory,
            "swappedoff" or "nghi hoan doi" or "hoan doi" => DayKind.SwappedOff,
            "makeupworkingday" or "lam bu" or "di lam bu" => DayKind.MakeUpWorkingDay,
            _ => null,
        };
    }

    private static string Fold(string text)
    {
        string decomposed = text.Trim().ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD);
        var chars = decomposed.Where(static c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .Select(static c => c == 'đ' ? 'd' : c);
        return string.Join(' ', new string([.. chars]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Unquote(string text)
    {
        string t = text.Trim();
        return t.Length >= 2 && t[0] == '"' && t[^1] == '"' ? t[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal).Trim() : t;
    }

    private static ScheduleReading Fail(string message) => new([], [message]);

    private static string Vn(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Monday => "thứ Hai",
        DayOfWeek.Tuesday => "thứ Ba",
        DayOfWeek.Wednesday => "thứ Tư",
        DayOfWeek.Thursday => "thứ Năm",
        DayOfWeek.Friday => "thứ Sáu",
        DayOfWeek.Saturday => "thứ Bảy",
        DayOfWeek.Sunday => "Chủ nhật",
        _ => throw new ArgumentOutOfRangeException(nameof(date)),
    };
}
