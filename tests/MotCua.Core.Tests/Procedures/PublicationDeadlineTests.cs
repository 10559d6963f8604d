using System.Globalization;
using MotCua.Core.Procedures;

namespace MotCua.Core.Tests.Procedures;

public sealed class PublicationDeadlineTests
{
    [Theory]
    [InlineData(DecisionIssuer.ProvincialChairman, "2025-03-05", "2025-03-10", true)]
    [InlineData(DecisionIssuer.ProvincialChairman, "2025-03-06", "2025-03-10", false)]
    [InlineData(DecisionIssuer.Other, "2025-03-05", "2025-03-10", true)]
    [InlineData(DecisionIssuer.Minister, "2025-02-18", "2025-03-10", true)]
    [InlineData(DecisionIssuer.Minister, "2025-02-19", "2025-03-10", false)]
    [InlineData(DecisionIssuer.ProvincialChairman, "2025-03-10", "2025-03-10", false)]
    public void A_decision_is_on_time_when_signed_by_the_ND63_lead(DecisionIssuer issuer, string signedOn, string effective, bool onTime) =>
        Assert.Equal(onTime, PublicationDeadline.OnTime(issuer, DateOnly.Parse(signedOn, CultureInfo.InvariantCulture), DateOnly.Parse(effective, CultureInfo.InvariantCulture)));
}
