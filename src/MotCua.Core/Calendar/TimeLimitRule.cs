using MotCua.Core.Legal;

namespace MotCua.Core.Calendar;

/// <summary>
/// How a statutory time limit in whole days is counted, chosen by the local date the dossier was received, so that a
/// due instant stored under the earlier rule is reproduced unchanged when it is recomputed.
/// </summary>
/// <param name="CivilCodeFrom">
/// First receipt date counted as Civil Code Art. 147–148 require: the day of receipt is not counted and the limit ends at
/// the close of office hours of its last working day. Dossiers received before it keep the receipt's clock time on the
/// N-th following working day, capped at the Civil Code's instant so that no appointment is later than the legal last day.
/// </param>
public sealed partial record TimeLimitRule(DateOnly CivilCodeFrom)
{
    /// <summary>
    /// The start of the Q4/2026 report data period (Decree 09/2019 Art. 12): the period under way is counted by the law
    /// throughout, and no report period mixes the two rules.
    /// </summary>
    public static DateOnly DefaultCivilCodeFrom { get; } = new(2026, 9, 15);

    /// <summary>The text the counting rests on.</summary>
    public static LegalSource Source => LegalSources.CivilCode2015;

    /// <summary>Whether a limit of a dossier received on <paramref name="receivedOn"/> (local date) is counted by the Civil Code.</summary>
    public bool CivilCodeAppliesTo(DateOnly receivedOn) => receivedOn >= CivilCodeFrom;

    /// <summary>The province's default of 08 working hours for the desk to check an online dossier, as the texts of 2025 set it.</summary>
    public static IReadOnlyList<DatedValue<ProcessingTime>> DefaultOnlineCheck { get; } =
        [new(DateOnly.MinValue, ProcessingTime.WorkingHours(8), LegalSources.Decree297of2025)];

    /// <summary>The desk's time to receive, or request a supplement of, a dossier submitted online, by submission date.</summary>
    public IReadOnlyList<DatedValue<ProcessingTime>> OnlineCheck { get; init; } = DefaultOnlineCheck;

    /// <summary>
    /// Publication decisions were judged in calendar days before the switch date; the text counts working days, so
    /// decisions for texts taking effect from <see cref="DefaultCivilCodeFrom"/> are judged in working days.
    /// </summary>
    public static IReadOnlyList<DatedValue<TimeUnit>> DefaultPublicationCounting { get; } =
    [
        new(DateOnly.MinValue, TimeUnit.CalendarDays, null),
        new(DefaultCivilCodeFrom, TimeUnit.WorkingDays, LegalSources.Decree48of2013),
    ];

    // Declared after the default lists it copies (static initialisers run in order).
    /// <summary>The rule with <see cref="DefaultCivilCodeFrom"/>.</summary>
    public static TimeLimitRule Default { get; } = new(DefaultCivilCodeFrom);

    /// <summary>How the lead time of a publication decision is counted, by the effective date of the legal text it announces.</summary>
    public IReadOnlyList<DatedValue<TimeUnit>> PublicationCounting { get; init; } = DefaultPublicationCounting;

    /// <summary>The online check time in force for a dossier submitted on <paramref name="submittedOn"/>.</summary>
    public DatedValue<ProcessingTime> OnlineCheckOn(DateOnly submittedOn) => DatedValues.On(OnlineCheck, submittedOn);

    /// <summary>The publication counting in force for a legal text taking effect on <paramref name="effectiveFrom"/>.</summary>
    public DatedValue<TimeUnit> PublicationCountingOn(DateOnly effectiveFrom) => DatedValues.On(PublicationCounting, effectiveFrom);
}
