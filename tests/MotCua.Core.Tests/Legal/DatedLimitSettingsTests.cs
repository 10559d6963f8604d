using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Legal;
using MotCua.Core.Procedures;

using static MotCua.Core.Tests.Calendar.CalendarTestData;

namespace MotCua.Core.Tests.Legal;

/// <summary>The publication deadline and the online check time as dated, sourced settings; every rule names its text.</summary>
public sealed class DatedLimitSettingsTests
{
    [Theory]
    // ND63 Art. 15 as amended by ND48/2013: "chậm nhất trước 05 ngày làm việc"; 1/1/2027 is a holiday and 2–3/1 a
    // weekend, so the fifth working day before Monday 4/1/2027 is Friday 25/12/2026.
    [InlineData(DecisionIssuer.ProvincialChairman, "2026-12-25", "2027-01-04", true)]
    [InlineData(DecisionIssuer.ProvincialChairman, "2026-12-28", "2027-01-04", false)] // on time in calendar days (30/12), late in working days
    // A ministry: 20 working days before Monday 1/2/2027 is Monday 4/1/2027 (1/1 off).
    [InlineData(DecisionIssuer.Minister, "2027-01-04", "2027-02-01", true)]
    [InlineData(DecisionIssuer.Minister, "2027-01-05", "2027-02-01", false)]
    // A text taking effect before the switch date is judged as it was, in calendar days: 5 days before 14/9/2026.
    [InlineData(DecisionIssuer.ProvincialChairman, "2026-09-09", "2026-09-14", true)]
    public void Publication_lead_time_counts_working_days_for_texts_effective_from_the_switch(DecisionIssuer issuer, string signedOn, string effective, bool onTime) =>
        Assert.Equal(onTime, PublicationDeadline.OnTime(issuer, D(signedOn), D(effective), Official, TimeLimitRule.Default));

    [Fact]
    public void Publication_counting_names_its_basis_and_the_earlier_count_says_it_has_none()
    {
        Assert.Same(LegalSources.Decree48of2013, TimeLimitRule.Default.PublicationCountingOn(D("2027-01-04")).Source);
        Assert.Equal("Chưa có căn cứ pháp lý được xác nhận", TimeLimitRule.Default.PublicationCountingOn(D("2026-09-14")).Basis);
    }

    [Fact]
    public void Online_check_time_is_the_provincial_setting_in_force_on_the_submission_date()
    {
        var rule = TimeLimitRule.Default with
        {
            OnlineCheck = [.. TimeLimitRule.DefaultOnlineCheck, new DatedValue<ProcessingTime>(D("2027-01-01"), ProcessingTime.WorkingHours(4), LegalSources.Decree297of2025)],
        };
        var calc = new DeadlineCalculator(Official, OfficeHours.Default, rule);

        // Before the provincial change, 08 working hours: 09:00 Thursday to 09:00 Friday.
        Assert.Equal(T("2026-12-18T09:00:00+07:00"), DossierQueue.OnlineCheckDue(T("2026-12-17T09:00:00+07:00"), calc));
        // From 1/1/2027, 04 working hours: 09:00–11:30 and 13:30–15:00.
        Assert.Equal(T("2027-01-04T15:00:00+07:00"), DossierQueue.OnlineCheckDue(T("2027-01-04T09:00:00+07:00"), calc));
        Assert.Same(LegalSources.Decree297of2025, rule.OnlineCheckOn(D("2027-01-04")).Source);
    }

    [Fact]
    public void Every_rule_names_registered_texts_or_says_it_has_none()
    {
        foreach (LegalRule rule in LegalRules.All)
        {
            Assert.All(rule.Sources, s => Assert.Contains(s, LegalSources.All));
            Assert.StartsWith(rule.Sources.Count == 0 ? "Chưa có căn cứ" : "Căn cứ ", rule.Basis, StringComparison.Ordinal);
        }

        Assert.Equal(LegalRules.All.Count, LegalRules.All.Select(static r => r.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.EndsWith("(chưa xác nhận nguồn)", LegalRules.SupplementEffects.Basis, StringComparison.Ordinal);
        Assert.Contains(LegalRules.TimeLimits, LegalRules.Using(LegalSources.CivilCode2015));
    }

    [Fact]
    public void No_rule_applied_after_a_text_ceased_rests_on_it()
    {
        // Rules apply today: none may rest on a text no longer in force (Decree 61/2018, Circular 01/2018, Decree 13/2023).
        var today = new DateOnly(2026, 12, 6);
        Assert.All(LegalRules.All.SelectMany(static r => r.Sources), s => Assert.True(s.InForceOn(today) || s.InForceFrom > today, s.Key));
    }
}
