using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Legal;

using static MotCua.Core.Tests.Calendar.CalendarTestData;
using static MotCua.Core.Tests.Dossiers.DossierFixtures;

namespace MotCua.Core.Tests.Dossiers;

/// <summary>
/// The desk's time to check an online dossier: the province sets it (08 working hours, Decree 297/2025 as practised),
/// and a procedure whose announcing or sector text sets a different time overrides it with that text as its basis.
/// </summary>
public sealed class OnlineCheckLimitTests
{
    private const string Sector = "Khoản 2 Điều 5 Thông tư số 01/2026/TT-BKHCN";

    [Theory]
    // The procedure states nothing: the province's setting in force on the submission day, with its own text.
    [InlineData(null, null, 8, false, "Căn cứ Nghị định số 297/2025/NĐ-CP ngày 17/11/2025 của Chính phủ")]
    // A sector text sets a shorter check: the procedure's value and that text, not the province's.
    [InlineData(4, Sector, 4, true, "Căn cứ " + Sector)]
    // The same value as the province's is still the procedure's own, with its own basis.
    [InlineData(8, Sector, 8, true, "Căn cứ " + Sector)]
    // A value without a named text (older data) is shown as unconfirmed rather than borrowing the province's basis.
    [InlineData(16, null, 16, true, "Chưa có căn cứ pháp lý được xác nhận")]
    public void The_procedures_own_limit_overrides_the_provinces_setting_with_its_own_basis(int? procedureHours, string? source, int expectedHours, bool fromProcedure, string basis)
    {
        var limit = OnlineCheckLimit.For(TimeLimitRule.Default, new DateOnly(2026, 12, 7), procedureHours, source);

        Assert.Equal(ProcessingTime.WorkingHours(expectedHours), limit.Time);
        Assert.Equal(fromProcedure, limit.FromProcedure);
        Assert.Equal(basis, limit.Basis);
    }

    [Fact]
    public void Without_the_procedures_value_the_provinces_dated_setting_applies_by_submission_day()
    {
        var rule = TimeLimitRule.Default with
        {
            OnlineCheck = [.. TimeLimitRule.DefaultOnlineCheck, new DatedValue<ProcessingTime>(new DateOnly(2027, 1, 1), ProcessingTime.WorkingHours(6), LegalSources.Decree297of2025)],
        };

        Assert.Equal(ProcessingTime.WorkingHours(8), OnlineCheckLimit.For(rule, new DateOnly(2026, 12, 31), null, null).Time);
        Assert.Equal(ProcessingTime.WorkingHours(6), OnlineCheckLimit.For(rule, new DateOnly(2027, 1, 4), null, null).Time);
        // The procedure's own value holds whatever the province changes.
        Assert.Equal(ProcessingTime.WorkingHours(4), OnlineCheckLimit.For(rule, new DateOnly(2027, 1, 4), 4, Sector).Time);
    }

    [Theory]
    // Submitted Monday 10/3/2025 09:00; a working day has 8 working hours.
    [InlineData(null, "2025-03-11T09:00")] // the province's 08 working hours: Tuesday 09:00
    [InlineData(8, "2025-03-11T09:00")]
    [InlineData(16, "2025-03-12T09:00")]   // two working days
    [InlineData(40, "2025-03-17T09:00")]   // the longest allowed: five working days, over the weekend
    public void The_desks_check_due_instant_counts_the_procedures_hours(int? procedureHours, string due)
    {
        ProcessingTime? limit = procedureHours is { } h ? ProcessingTime.WorkingHours(h) : null;

        Assert.Equal(At(due), DossierQueue.OnlineCheckDue(At("2025-03-10T09:00"), Calculator, limit));
        Assert.Equal(At(due), DossierQueue.OnlineCheckStanding(At("2025-03-10T09:00"), At("2025-03-10T10:00"), Calculator, limit).DueAt);
    }

    [Fact]
    public void A_shorter_procedure_limit_brings_the_check_forward()
    {
        var province = DossierQueue.OnlineCheckDue(At("2025-03-10T09:00"), Calculator);
        var procedure = DossierQueue.OnlineCheckDue(At("2025-03-10T09:00"), Calculator, ProcessingTime.WorkingHours(4));

        Assert.True(procedure < province);
        Assert.Equal(PendingTimeliness.Overdue,
            DossierQueue.OnlineCheckStanding(At("2025-03-10T09:00"), At("2025-03-10T16:59"), Calculator, ProcessingTime.WorkingHours(4)).Status);
    }

    [Theory]
    // Empty: the province's setting, always allowed.
    [InlineData(null, null, null)]
    [InlineData(4.0, Sector, null)]
    [InlineData(4.5, Sector, null)]
    [InlineData(40.0, Sector, null)]
    // Zero or less is no check at all: the desk must still receive or guide, so it is refused.
    [InlineData(0.0, Sector, "lớn hơn 0")]
    [InlineData(-8.0, Sector, "lớn hơn 0")]
    // Beyond five working days the "check" would be processing without a clock.
    [InlineData(40.5, Sector, "không quá 40 giờ")]
    [InlineData(1000.0, Sector, "không quá 40 giờ")]
    // Office hours are planned in half hours; 4.3 hours is a typing slip.
    [InlineData(4.3, Sector, "nửa giờ")]
    // A procedure's own limit must name the text that sets it: it is printed as the basis.
    [InlineData(4.0, null, "căn cứ")]
    [InlineData(4.0, "  ", "căn cứ")]
    public void Bad_procedure_limits_are_refused_in_Vietnamese(double? hours, string? source, string? problem)
    {
        var found = OnlineCheckLimit.Problem(hours is { } h ? (decimal)h : null, source);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.NotNull(found);
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_explanation_line_names_the_limit_its_due_instant_and_basis()
    {
        var limit = OnlineCheckLimit.For(TimeLimitRule.Default, new DateOnly(2025, 3, 10), 4, Sector);

        var line = limit.Explain(At("2025-03-10T09:00"), At("2025-03-10T14:00"));

        Assert.Equal(ExplanationKind.OnlineCheck, line.Kind);
        Assert.Equal(new DateOnly(2025, 3, 10), line.Date);
        Assert.Contains("04 giờ làm việc (quy định riêng của thủ tục)", line.Reason, StringComparison.Ordinal);
        Assert.Contains("hạn 14:00 ngày 10/03/2025", line.Reason, StringComparison.Ordinal);
        Assert.EndsWith("Căn cứ " + Sector, line.Reason, StringComparison.Ordinal);
    }
}
