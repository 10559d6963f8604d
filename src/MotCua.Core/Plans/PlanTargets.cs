using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MotCua.Core.Plans;

public enum TargetComparison
{
    /// <summary>"tối thiểu", "ít nhất", "đạt": the live figure must be at least the value.</summary>
    AtLeast,

    /// <summary>"tối đa", "không quá".</summary>
    AtMost,
}

/// <summary>
/// A numeric target of a plan (chỉ tiêu) that the periodic report compares with live figures.
/// <see cref="IndicatorCode"/> names the live figure; see <see cref="PlanIndicators"/>.
/// </summary>
public sealed record PlanTargetSpec(string IndicatorCode, string Description, TargetComparison Comparison, decimal Value, string Unit)
{
    /// <summary>Whether <paramref name="actual"/> meets the target.</summary>
    public bool IsMet(decimal actual) => Comparison switch
    {
        TargetComparison.AtLeast => actual >= Value,
        TargetComparison.AtMost => actual <= Value,
        _ => throw new InvalidOperationException($"Unknown comparison {Comparison}."),
    };
}

/// <summary>The indicator codes the periodic control report knows how to compute. Stable strings: they are stored and sent over the API.</summary>
public static class PlanIndicators
{
    /// <summary>Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC (%).</summary>
    public const string DigitisedRecords = "digitised_records";

    /// <summary>Tỷ lệ kết quả xử lý hồ sơ được đồng bộ trên Cổng Dịch vụ công quốc gia (%).</summary>
    public const string NationalPortalSync = "national_portal_sync";

    /// <summary>Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận (%).</summary>
    public const string OnlineDossiers = "online_dossiers";

    /// <summary>Tỷ lệ thanh toán trực tuyến trên tổng số giao dịch thanh toán (%).</summary>
    public const string OnlinePayments = "online_payments";

    /// <summary>Tỷ lệ dịch vụ công trực tuyến toàn trình trên số TTHC đủ điều kiện (%).</summary>
    public const string FullOnlineServices = "full_online_services";

    /// <summary>A target the system cannot compute yet; it is kept and shown, the report leaves it to a person.</summary>
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [DigitisedRecords, NationalPortalSync, OnlineDossiers, OnlinePayments, FullOnlineServices, Other];

    public static string DisplayName(string code) => code switch
    {
        DigitisedRecords => "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC",
        NationalPortalSync => "Tỷ lệ kết quả được đồng bộ trên Cổng Dịch vụ công quốc gia",
        OnlineDossiers => "Tỷ lệ hồ sơ trực tuyến",
        OnlinePayments => "Tỷ lệ thanh toán trực tuyến",
        FullOnlineServices => "Tỷ lệ dịch vụ công trực tuyến toàn trình",
        _ => "Chỉ tiêu khác",
    };
}

/// <summary>
/// Finds targets such as "Tỷ lệ hồ sơ trực tuyến … tối thiểu là 90%" in a task's product text. Only phrases that start
/// with "Tỷ lệ" and end in a percentage count; "100% dịch vụ công … được triển khai" is an output, not a rate.
/// </summary>
public static partial class PlanTargetExtractor
{
    public static IReadOnlyList<PlanTargetSpec> Extract(string? product)
    {
        var text = (product ?? "").Normalize(NormalizationForm.FormC);
        var result = new List<PlanTargetSpec>();
        foreach (Match m in Rate().Matches(text))
        {
            var description = ("Tỷ lệ " + m.Groups["d"].Value.Trim()).TrimEnd(',', ' ');
            var comparison = m.Groups["c"].Value.ToLower(CultureInfo.InvariantCulture) switch
            {
                var c when c.StartsWith("tối đa", StringComparison.Ordinal) || c.StartsWith("không quá", StringComparison.Ordinal) => TargetComparison.AtMost,
                _ => TargetComparison.AtLeast,
            };
            var value = decimal.Parse(m.Groups["v"].Value.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture);
            result.Add(new PlanTargetSpec(CodeFor(description), description, comparison, value, "%"));
        }
        return result;
    }

    internal static string CodeFor(string description)
    {
        var d = description.ToLower(CultureInfo.InvariantCulture);
        if (d.Contains("số hóa", StringComparison.Ordinal))
        {
            return PlanIndicators.DigitisedRecords;
        }
        if (d.Contains("đồng bộ", StringComparison.Ordinal))
        {
            return PlanIndicators.NationalPortalSync;
        }
        if (d.Contains("thanh toán trực tuyến", StringComparison.Ordinal))
        {
            return PlanIndicators.OnlinePayments;
        }
        if (d.Contains("toàn trình", StringComparison.Ordinal))
        {
            return PlanIndicators.FullOnlineServices;
        }
        if (d.Contains("hồ sơ trực tuyến", StringComparison.Ordinal))
        {
            return PlanIndicators.OnlineDossiers;
        }
        return PlanIndicators.Other;
    }

    [GeneratedRegex(@"Tỷ lệ\s+(?<d>[^%]+?)\s*(?<c>tối thiểu là|tối thiểu|ít nhất là|ít nhất|không thấp hơn|tối đa là|tối đa|không quá|đạt|là|≥|>=)\s*(?<v>\d{1,3}([.,]\d+)?)\s*%", RegexOptions.IgnoreCase)]
    private static partial Regex Rate();
}
