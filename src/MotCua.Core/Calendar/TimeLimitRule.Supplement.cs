using MotCua.Core.Dossiers;
using MotCua.Core.Legal;

namespace MotCua.Core.Calendar;

public sealed partial record TimeLimitRule
{
    /// <summary>The processing body's time to return a dossier that fails appraisal to the desk: 02 working days.</summary>
    public static IReadOnlyList<DatedValue<ProcessingTime>> DefaultProcessingSupplement => SupplementDefaults.Processing;

    /// <summary>The desk's time to notify the applicant of the processing body's request: 01 working day.</summary>
    public static IReadOnlyList<DatedValue<ProcessingTime>> DefaultSupplementNotice => SupplementDefaults.Notice;

    /// <summary>What a supplement does to the clock for a procedure that does not set it: recounted from zero.</summary>
    public static IReadOnlyList<DatedValue<SupplementClockPolicy>> DefaultSupplementPolicy => SupplementDefaults.Policy;

    // A nested holder is initialised on first use, so Default (built in the other part) never reads these before they exist.
    private static class SupplementDefaults
    {
        internal static readonly IReadOnlyList<DatedValue<ProcessingTime>> Processing =
            [new(DateOnly.MinValue, ProcessingTime.WorkingDays(2), LegalSources.Decree118of2025SupplementAfterAppraisal)];

        internal static readonly IReadOnlyList<DatedValue<ProcessingTime>> Notice =
            [new(DateOnly.MinValue, ProcessingTime.WorkingDays(1), LegalSources.Decree118of2025SupplementAfterAppraisal)];

        internal static readonly IReadOnlyList<DatedValue<SupplementClockPolicy>> Policy =
            [new(DateOnly.MinValue, SupplementClockPolicy.Restart, LegalSources.Decree297of2025SupplementRestart)];
    }

    /// <summary>The processing body's time to request a supplement, by the date the body received the dossier.</summary>
    public IReadOnlyList<DatedValue<ProcessingTime>> ProcessingSupplement { get; init; } = DefaultProcessingSupplement;

    /// <summary>The desk's time to notify the applicant of a processing body's request, by the request date.</summary>
    public IReadOnlyList<DatedValue<ProcessingTime>> SupplementNotice { get; init; } = DefaultSupplementNotice;

    /// <summary>The province's supplement clock policy for procedures that set none, by submission date.</summary>
    public IReadOnlyList<DatedValue<SupplementClockPolicy>> SupplementPolicy { get; init; } = DefaultSupplementPolicy;

    /// <summary>The processing body's request time in force for a dossier it received on <paramref name="receivedOn"/>.</summary>
    public DatedValue<ProcessingTime> ProcessingSupplementOn(DateOnly receivedOn) => DatedValues.On(ProcessingSupplement, receivedOn);

    /// <summary>The desk's notice time in force on <paramref name="requestedOn"/>.</summary>
    public DatedValue<ProcessingTime> SupplementNoticeOn(DateOnly requestedOn) => DatedValues.On(SupplementNotice, requestedOn);

    /// <summary>The province's default policy in force for a dossier submitted on <paramref name="submittedOn"/>.</summary>
    public DatedValue<SupplementClockPolicy> SupplementPolicyOn(DateOnly submittedOn) => DatedValues.On(SupplementPolicy, submittedOn);
}
