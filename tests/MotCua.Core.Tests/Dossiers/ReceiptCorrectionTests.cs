using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;

using static MotCua.Core.Tests.Calendar.CalendarTestData;
using static MotCua.Core.Tests.Dossiers.DossierFixtures;

namespace MotCua.Core.Tests.Dossiers;

public sealed class ReceiptCorrectionTests
{
    // Received on Friday 28/8/2026 at 09:00 for 5 working days; 31/8 (swapped), 1/9 and 2/9/2026 are days off.
    private static readonly DateTimeOffset Received = At("2026-08-28T09:00");

    private static ReceiptCorrectionFacts Facts(DossierStatus status = DossierStatus.Received, params DossierAction[] actions) =>
        new("DOST-260828-0001", status, Received, Received, "1.000001", new DossierTerms(ProcessingTime.WorkingDays(5), 1),
            Calculator.ComputeDue(Received, ProcessingTime.WorkingDays(5)), actions.Length == 0 ? [DossierAction.Receive] : actions);

    private static DossierActor Actor(string role) => new("motcua", [role], 1, false);

    private static ReceiptCorrectionRequest Fix(string? reason = "Chọn nhầm thủ tục", string? code = null, decimal days = 3) =>
        new(reason, code, ProcessingTime.WorkingDays(days));

    public static TheoryData<string, ReceiptCorrectionFacts, ReceiptCorrectionRequest, string, string, DecisionRefusalKind?> Cases => new()
    {
        { "desk, same day, before handling", Facts(), Fix(), Desk, "2026-08-28T16:00", null },
        { "desk, received and transferred, time only", Facts(DossierStatus.InProcessing, DossierAction.Receive, DossierAction.Transfer), Fix(), Desk, "2026-08-28T16:00", null },
        { "desk, a wrong procedure", Facts(), Fix(code: "1.000002"), Desk, "2026-08-28T10:00", null },
        { "a specialist", Facts(), Fix(), Specialist, "2026-08-28T16:00", DecisionRefusalKind.RoleNotPermitted },
        { "a leader", Facts(), Fix(), Leader, "2026-08-28T16:00", DecisionRefusalKind.RoleNotPermitted },
        { "the next working day", Facts(), Fix(), Desk, "2026-08-31T08:00", DecisionRefusalKind.RuleViolated },
        { "after a handling step", Facts(DossierStatus.InProcessing, DossierAction.Receive, DossierAction.Transfer, DossierAction.Assign), Fix(), Desk, "2026-08-28T16:00", DecisionRefusalKind.NotAllowedInStatus },
        { "a refused dossier", Facts(DossierStatus.Refused), Fix(), Desk, "2026-08-28T16:00", DecisionRefusalKind.NotAllowedInStatus },
        { "no reason", Facts(), Fix(reason: "  "), Desk, "2026-08-28T16:00", DecisionRefusalKind.MissingInput },
        { "the procedure after the transfer", Facts(DossierStatus.InProcessing, DossierAction.Receive, DossierAction.Transfer), Fix(code: "1.000002"), Desk, "2026-08-28T16:00", DecisionRefusalKind.RuleViolated },
        { "nothing changed", Facts(), Fix(days: 5), Desk, "2026-08-28T16:00", DecisionRefusalKind.MissingInput },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Who_when_and_why(string name, ReceiptCorrectionFacts facts, ReceiptCorrectionRequest request, string role, string at, DecisionRefusalKind? refused)
    {
        var decision = ReceiptCorrection.Decide(facts, request, Actor(role), At(at), Calculator);
        Assert.True(refused == decision.Refusal?.Kind, $"{name}: expected {refused?.ToString() ?? "allowed"}, got {decision.Refusal?.Kind.ToString() ?? "allowed"} ({decision.Refusal?.Message})");
    }

    [Fact]
    public void The_new_due_date_counts_from_the_original_receipt_not_from_the_correction()
    {
        // Corrected at 16:00, still counted from 09:00 on 28/8: 3/9, 4/9, 7/9 (31/8 to 2/9 and the weekend are days off).
        var decision = ReceiptCorrection.Decide(Facts(), Fix(days: 3), Actor(Desk), At("2026-08-28T16:00"), Calculator);
        Assert.True(decision.Succeeded, decision.Refusal?.Message);
        Assert.Equal(Calculator.ComputeDue(Received, ProcessingTime.WorkingDays(3)), decision.DueAt);
        Assert.Equal(new DateOnly(2026, 9, 7), DateOnly.FromDateTime(decision.DueAt!.Value.ToOffset(DeadlineCalculator.VietnamOffset).DateTime));
        Assert.NotEqual(Calculator.ComputeDue(At("2026-08-28T16:00"), ProcessingTime.WorkingDays(3)), decision.DueAt);
        Assert.Contains("Chọn nhầm thủ tục", decision.Summary, StringComparison.Ordinal);
    }
}
