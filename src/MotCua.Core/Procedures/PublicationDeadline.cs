namespace MotCua.Core.Procedures;

/// <summary>
/// ND63 Art. 15: a publication decision must be signed at least 20 days (ministry) or 05 days (the provincial chairman
/// and the heads he delegates to) before the legal document takes effect. The shortened-procedure case (at most 03 days
/// after signature) cannot occur here: the catalogue refuses a decision effective before its signature.
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

    /// <summary>The last day the decision may be signed.</summary>
    public static DateOnly Deadline(DecisionIssuer issuer, DateOnly effectiveFrom) => effectiveFrom.AddDays(-LeadDays(issuer));

    /// <summary>Whether a decision signed on <paramref name="signedOn"/> announced its procedures on time.</summary>
    public static bool OnTime(DecisionIssuer issuer, DateOnly signedOn, DateOnly effectiveFrom) => signedOn <= Deadline(issuer, effectiveFrom);
}
