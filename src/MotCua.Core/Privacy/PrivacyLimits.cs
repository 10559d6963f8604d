using System.Globalization;
using MotCua.Core.Calendar;
using MotCua.Core.Legal;

namespace MotCua.Core.Privacy;

/// <summary>What a data subject asks of the agency (the rights of Law 91/2025 Art. 4).</summary>
public enum DataSubjectRequestKind
{
    /// <summary>See or receive a copy of one's data.</summary>
    Access,

    Correction,

    /// <summary>Delete, where no law requires the agency to keep the data.</summary>
    Deletion,

    Restriction,

    Objection,

    WithdrawConsent,
}

/// <summary>The unit a privacy time limit is stated in.</summary>
public enum PrivacyLimitUnit
{
    /// <summary>Elapsed hours, days off included (a breach is notified within 72 hours).</summary>
    Hours,

    /// <summary>Calendar days, ending as the Civil Code counts them.</summary>
    Days,

    WorkingDays,
}

/// <summary>A time limit such as 72 hours, 15 days or 2 working days.</summary>
public readonly record struct PrivacyLimit(int Amount, PrivacyLimitUnit Unit)
{
    public static PrivacyLimit Hours(int hours) => new(hours, PrivacyLimitUnit.Hours);

    public static PrivacyLimit Days(int days) => new(days, PrivacyLimitUnit.Days);

    public static PrivacyLimit WorkingDays(int days) => new(days, PrivacyLimitUnit.WorkingDays);

    /// <summary>"15 ngày", "02 ngày làm việc", "72 giờ".</summary>
    public string Describe() => Unit switch
    {
        PrivacyLimitUnit.Hours => string.Create(CultureInfo.InvariantCulture, $"{Amount:00} giờ"),
        PrivacyLimitUnit.Days => string.Create(CultureInfo.InvariantCulture, $"{Amount:00} ngày"),
        PrivacyLimitUnit.WorkingDays => string.Create(CultureInfo.InvariantCulture, $"{Amount:00} ngày làm việc"),
    };

    /// <summary>
    /// The instant the limit ends for something received at <paramref name="from"/>: hours run on the clock, days and
    /// working days are counted by <paramref name="calculator"/> as every other legal limit of the product.
    /// </summary>
    public DateTimeOffset DueFrom(DateTimeOffset from, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        return Unit switch
        {
            PrivacyLimitUnit.Hours => from.AddHours(Amount),
            PrivacyLimitUnit.Days => calculator.ComputeDue(from, ProcessingTime.CalendarDays(Amount)),
            PrivacyLimitUnit.WorkingDays => calculator.ComputeDue(from, ProcessingTime.WorkingDays(Amount)),
        };
    }
}

/// <summary>
/// The dated limits of the personal-data rules: the first answer to a data subject, the time to carry a request out (per
/// kind), and the breach notification. Each value names its text; a province overrides them from a date through settings.
/// </summary>
/// <param name="Acknowledge">Time to answer a request (at least to say what happens next).</param>
/// <param name="Complete">Time to carry a request out, per kind.</param>
/// <param name="BreachNotification">Time from detecting a breach to notifying the specialised agency.</param>
public sealed record PrivacyLimits(
    IReadOnlyList<DatedValue<PrivacyLimit>> Acknowledge,
    IReadOnlyDictionary<DataSubjectRequestKind, IReadOnlyList<DatedValue<PrivacyLimit>>> Complete,
    IReadOnlyList<DatedValue<PrivacyLimit>> BreachNotification)
{
    /// <summary>Decree 13/2023 took effect: the first dated privacy limits the product knows.</summary>
    public static readonly DateOnly Decree13From = new(2023, 7, 1);

    /// <summary>Law 91/2025 and Decree 356/2025 took effect.</summary>
    public static readonly DateOnly LawFrom = new(2026, 1, 1);

    /// <summary>Decree 13/2023 had every request carried out within 72 hours of receipt.</summary>
    private static DatedValue<PrivacyLimit> Decree13Request => new(Decree13From, PrivacyLimit.Hours(72), LegalSources.Decree13of2023);

    /// <summary>The limits as the texts set them, before any provincial setting.</summary>
    public static PrivacyLimits Default { get; } = new(
        [Decree13Request, new(LawFrom, PrivacyLimit.WorkingDays(2), LegalSources.Decree356of2025)],
        new Dictionary<DataSubjectRequestKind, IReadOnlyList<DatedValue<PrivacyLimit>>>
        {
            [DataSubjectRequestKind.Access] = [Decree13Request, new(LawFrom, PrivacyLimit.Days(10), LegalSources.Decree356of2025Periods)],
            [DataSubjectRequestKind.Correction] = [Decree13Request, new(LawFrom, PrivacyLimit.Days(10), LegalSources.Decree356of2025Periods)],
            [DataSubjectRequestKind.Deletion] = [Decree13Request, new(LawFrom, PrivacyLimit.Days(20), LegalSources.Decree356of2025Periods)],
            [DataSubjectRequestKind.Restriction] = [Decree13Request, new(LawFrom, PrivacyLimit.Days(15), LegalSources.Decree356of2025)],
            [DataSubjectRequestKind.Objection] = [Decree13Request, new(LawFrom, PrivacyLimit.Days(15), LegalSources.Decree356of2025)],
            [DataSubjectRequestKind.WithdrawConsent] = [Decree13Request, new(LawFrom, PrivacyLimit.Days(15), LegalSources.Decree356of2025)],
        },
        [new(Decree13From, PrivacyLimit.Hours(72), LegalSources.Decree13of2023), new(LawFrom, PrivacyLimit.Hours(72), LegalSources.PersonalDataLaw2025Breach)]);

    /// <summary>The acknowledgement limit for a request received on <paramref name="day"/> (Vietnam date).</summary>
    public DatedValue<PrivacyLimit> AcknowledgeOn(DateOnly day) => DatedValues.On(Acknowledge, day);

    /// <summary>The time to carry out a request of <paramref name="kind"/> received on <paramref name="day"/>.</summary>
    public DatedValue<PrivacyLimit> CompleteOn(DataSubjectRequestKind kind, DateOnly day) => DatedValues.On(Complete[kind], day);

    /// <summary>The notification limit for a breach detected on <paramref name="day"/>.</summary>
    public DatedValue<PrivacyLimit> BreachOn(DateOnly day) => DatedValues.On(BreachNotification, day);

    /// <summary>This set with <paramref name="value"/> replacing, from its date on, the values of one list.</summary>
    public static IReadOnlyList<DatedValue<PrivacyLimit>> Override(IReadOnlyList<DatedValue<PrivacyLimit>> values, DatedValue<PrivacyLimit> value)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(value);
        return [.. values.Where(v => v.From < value.From), value];
    }
}
