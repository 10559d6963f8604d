using System.Globalization;
using System.Text.RegularExpressions;
using MotCua.Core.Review;

namespace MotCua.Web.Features.Review;

/// <summary>
/// Cost inputs of one phase (before or after) as typed on a form. Numbers are bound as text and read by
/// <see cref="Number"/>, because vi-VN binding would read a browser's "1.5" as fifteen.
/// </summary>
public sealed class CostPhaseInput
{
    /// <summary>Thời gian giải quyết (ngày làm việc): the provinces' short form, becomes one requirement of days × 8 hours.</summary>
    public string? ProcessingDays { get; set; }

    /// <summary>Số đối tượng (hồ sơ) mỗi năm.</summary>
    public string? Subjects { get; set; }

    /// <summary>Tần suất mỗi năm.</summary>
    public string? Frequency { get; set; } = "1";

    public List<RequirementInput> Requirements { get; set; } = [new(), new(), new()];
}

public sealed class RequirementInput
{
    public string? Name { get; set; }

    public string? Hours { get; set; }

    public string? Outsourcing { get; set; }

    public string? Fees { get; set; }

    public string? Other { get; set; }
}

public static partial class CostForm
{
    /// <summary>
    /// Reads "40000", "40.000", "40.000,5", "1,5" or "1.5". A dot followed by groups of three digits is a thousands
    /// separator (vi-VN); otherwise a single dot or comma is the decimal mark. Blank is zero.
    /// </summary>
    public static decimal? Number(string? text)
    {
        var s = (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        if (s.Length == 0)
        {
            return 0m;
        }
        if (s.Contains('.', StringComparison.Ordinal) && s.Contains(',', StringComparison.Ordinal))
        {
            s = s.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        }
        else if (s.Contains(',', StringComparison.Ordinal))
        {
            s = s.Replace(',', '.');
        }
        else if (Grouped().IsMatch(s))
        {
            s = s.Replace(".", "", StringComparison.Ordinal);
        }
        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : null;
    }

    /// <summary>The requirement lines of a phase, or the errors (keyed by field) that stop it.</summary>
    public static (List<ComplianceCostItem> Items, decimal Subjects, decimal Frequency) Read(CostPhaseInput input, CostPhase phase, string prefix, IDictionary<string, string> errors)
    {
        var items = new List<ComplianceCostItem>();
        decimal Get(string? text, string field, string label)
        {
            if (Number(text) is { } v)
            {
                return v;
            }
            errors[$"{prefix}.{field}"] = $"{label}: «{text}» không phải số không âm hợp lệ.";
            return 0m;
        }
        var days = Get(input.ProcessingDays, nameof(input.ProcessingDays), "Thời gian giải quyết");
        if (days > 0)
        {
            items.Add(new ComplianceCostItem
            {
                Phase = phase,
                Name = $"Thời gian giải quyết ({days.ToString("0.##", VnCulture)} ngày làm việc × 8 giờ)",
                Hours = days * ComplianceCost.HoursPerWorkingDay,
            });
        }
        for (var i = 0; i < input.Requirements.Count; i++)
        {
            var r = input.Requirements[i];
            var f = $"Requirements[{i}]";
            var hours = Get(r.Hours, f + ".Hours", "Số giờ");
            var outsourcing = Get(r.Outsourcing, f + ".Outsourcing", "Chi phí thuê dịch vụ");
            var fees = Get(r.Fees, f + ".Fees", "Phí, lệ phí");
            var other = Get(r.Other, f + ".Other", "Chi phí khác");
            if (string.IsNullOrWhiteSpace(r.Name) && hours == 0 && outsourcing == 0 && fees == 0 && other == 0)
            {
                continue;
            }
            items.Add(new ComplianceCostItem
            {
                Phase = phase,
                Name = string.IsNullOrWhiteSpace(r.Name) ? $"Yêu cầu {i + 1}" : r.Name.Trim().Normalize(System.Text.NormalizationForm.FormC),
                Hours = hours,
                OutsourcingCost = outsourcing,
                Fees = fees,
                OtherCosts = other,
            });
        }
        var subjects = Get(input.Subjects, nameof(input.Subjects), "Số đối tượng/hồ sơ mỗi năm");
        var frequency = Get(input.Frequency, nameof(input.Frequency), "Tần suất mỗi năm");
        return (items, subjects, frequency);
    }

    public static CostPhaseInput ToInput(IEnumerable<ComplianceCostItem> items, decimal subjects, decimal frequency)
    {
        var input = new CostPhaseInput
        {
            Subjects = subjects.ToString("0.##", CultureInfo.InvariantCulture),
            Frequency = frequency.ToString("0.####", CultureInfo.InvariantCulture),
            Requirements = [.. items.Select(c => new RequirementInput
            {
                Name = c.Name,
                Hours = c.Hours.ToString("0.##", CultureInfo.InvariantCulture),
                Outsourcing = c.OutsourcingCost.ToString("0", CultureInfo.InvariantCulture),
                Fees = c.Fees.ToString("0", CultureInfo.InvariantCulture),
                Other = c.OtherCosts.ToString("0", CultureInfo.InvariantCulture),
            })],
        };
        while (input.Requirements.Count < 3)
        {
            input.Requirements.Add(new());
        }
        return input;
    }

    private static CultureInfo VnCulture => Shared.VietnamTime.Culture;

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+$")]
    private static partial Regex Grouped();
}
