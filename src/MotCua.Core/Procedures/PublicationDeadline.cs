using MotCua.Core.Calendar;

namespace MotCua.Core.Procedures;

/// <summary>
/// ND63 Art. 15 as amended (Decree 48/2013, Decree 92/2017): a publication decision must be issued at least 20 working
/// days (ministry) or 05 working days (the provincial chairman and the heads he delegates to) before the legal document
/// takes effect. How the days are counted is a dated setting (<see cref="TimeLimitRule.PublicationCounting"/>), so a
/// decision judged in calendar days before the switch is judged the same way again. The shortened-procedure case (at
/// most 03 days after signature) cannot occur here: the catalogue refuses a decision effective before its signature.
/// </summary>
public static class PublicationDeadline
{
    /// <summary>Days the decision must precede its effective date.</summary>
    public static int LeadDays(DecisionIssuer issuer) => issuer switch
    {
        DecisionIssuer.Minister => 20,
        DecisionIssuer.ProvincialChairman => 5,
        DecisionIssuer.Other => 5,
    };

    /// <summary>The last day the decision may be signed, counted in calendar days (the count before the switch date).</summary>
    public static DateOnly Deadline(DecisionIssuer issuer, DateOnly effectiveFrom) => effectiveFrom.AddDays(-LeadDays(issuer));

    /// <summary>Whether a decision signed on <paramref name="signedOn"/> announced its procedures on time, in calendar days.</summary>
    public static bool OnTime(DecisionIssuer issuer, DateOnly signedOn, DateOnly effectiveFrom) => signedOn <= Deadline(issuer, effectiveFrom);

    /// <summary>
    /// The last day the decision may be signed under the counting in force for <paramref name="effectiveFrom"/>: in
    /// working days, the N-th working day before the effective date.
    /// </summary>
    public static DateOnly Deadline(DecisionIssuer issuer, DateOnly effectiveFrom, WorkingCalendar calendar, TimeLimitRule rule)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(rule);
        return rule.PublicationCountingOn(effectiveFrom).Value == TimeUnit.WorkingDays
            ? calendar.AddWorkingDays(effectiveFrom, -LeadDays(issuer))
            : Deadline(issuer, effectiveFrom);
    }

    /// <summary>Whether a decision signed on <paramref name="signedOn"/> was on time under the counting in force for its effective date.</summary>
    public static bool OnTime(DecisionIssuer issuer, DateOnly signedOn, DateOnly effectiveFrom, WorkingCalendar calendar, TimeLimitRule rule) =>
        signedOn <= Deadline(issuer, effectiveFrom, calendar, rule);
}
