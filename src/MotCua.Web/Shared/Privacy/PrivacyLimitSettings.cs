using System.Globalization;
using MotCua.Core.Legal;
using MotCua.Core.Privacy;

namespace MotCua.Web.Shared.Privacy;

/// <summary>
/// The province's dated privacy limits (section <c>MotCua:Privacy:Limits</c>); anything not configured keeps the default
/// of <see cref="PrivacyLimits.Default"/>, which names the text each value rests on.
/// </summary>
public static class PrivacyLimitSettings
{
    public const string Section = "MotCua:Privacy:Limits";

    /// <summary>
    /// Reads <c>Acknowledge</c>, <c>Breach</c> and one key per request kind (<c>Access</c>, <c>Correction</c>, <c>Deletion</c>,
    /// <c>Restriction</c>, <c>Objection</c>, <c>WithdrawConsent</c>), each "amount unit" with unit Hours, Days or WorkingDays
    /// (e.g. "15 Days"), applying from <c>&lt;Key&gt;From</c> (yyyy-MM-dd, default 1/1/2026). A configured value rests on
    /// no confirmed text unless it equals the text's value, so pages flag it.
    /// </summary>
    /// <exception cref="InvalidOperationException">A value is not a positive amount with a known unit, or a date is malformed.</exception>
    public static PrivacyLimits Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var result = PrivacyLimits.Default;
        IReadOnlyList<DatedValue<PrivacyLimit>> Apply(string key, IReadOnlyList<DatedValue<PrivacyLimit>> values)
        {
            if (section[key] is not { Length: > 0 } text)
            {
                return values;
            }
            var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0
                || !Enum.TryParse<PrivacyLimitUnit>(parts[1], ignoreCase: true, out var unit) || !Enum.IsDefined(unit))
            {
                throw new InvalidOperationException($"{Section}:{key} must be a positive amount and a unit (Hours, Days, WorkingDays), e.g. \"15 Days\".");
            }
            var from = section[key + "From"] is not { Length: > 0 } fromText ? PrivacyLimits.LawFrom
                : DateOnly.TryParseExact(fromText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
                : throw new InvalidOperationException($"{Section}:{key}From must be a date written yyyy-MM-dd.");
            var limit = new PrivacyLimit(amount, unit);
            var inForce = DatedValues.On(values, from);
            return PrivacyLimits.Override(values, new DatedValue<PrivacyLimit>(from, limit, inForce.Value == limit ? inForce.Source : null));
        }
        return result with
        {
            Acknowledge = Apply("Acknowledge", result.Acknowledge),
            BreachNotification = Apply("Breach", result.BreachNotification),
            Complete = Enum.GetValues<DataSubjectRequestKind>().ToDictionary(k => k, k => Apply(k.ToString(), result.Complete[k])),
        };
    }
}
