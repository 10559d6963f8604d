using System.Globalization;
using MotCua.Core.Calendar;
using MotCua.Core.Legal;
using MotCua.Core.Privacy;

using static MotCua.Core.Tests.Calendar.CalendarTestData;

namespace MotCua.Core.Tests.Privacy;

/// <summary>The personal-data limits and legal bases as dated law: which text holds on a date and when a limit ends.</summary>
public sealed class PrivacyRulesTests
{
    private static readonly DeadlineCalculator Law = new(Official, OfficeHours.Default, TimeLimitRule.Default);

    [Theory]
    // ND356/2025: answer within 02 working days. Received Friday 18/12/2026: the day of receipt is not counted (Civil
    // Code Art. 147), the weekend is off, so the limit ends when office hours close on Tuesday 22/12.
    [InlineData(null, "2026-12-18T10:00:00+07:00", "2026-12-22T17:00:00+07:00")]
    // ND356/2025 Art. 5, 10: restriction, objection and withdrawal carried out within 15 days; counted from Thursday
    // 17/12, the 15th day is Thursday 31/12, a working day.
    [InlineData(DataSubjectRequestKind.Restriction, "2026-12-16T09:00:00+07:00", "2026-12-31T17:00:00+07:00")]
    [InlineData(DataSubjectRequestKind.WithdrawConsent, "2026-12-16T09:00:00+07:00", "2026-12-31T17:00:00+07:00")]
    // Deletion, 20 days [U]: from Monday 21/12/2026 the 20th day is Sunday 10/1/2027, so it moves to Monday 11/1 (Art. 148).
    [InlineData(DataSubjectRequestKind.Deletion, "2026-12-21T09:00:00+07:00", "2027-01-11T17:00:00+07:00")]
    // Access, 10 days [U]: from Friday 18/12/2026 the 10th day is Monday 28/12.
    [InlineData(DataSubjectRequestKind.Access, "2026-12-18T10:00:00+07:00", "2026-12-28T17:00:00+07:00")]
    // ND13/2023 Art. 9: before 1/1/2026 a request was carried out within 72 hours, on the clock, weekend included.
    [InlineData(DataSubjectRequestKind.Deletion, "2025-10-01T09:00:00+07:00", "2025-10-04T09:00:00+07:00")]
    [InlineData(null, "2025-12-31T16:00:00+07:00", "2026-01-03T16:00:00+07:00")]
    public void Request_limits_end_as_the_text_in_force_on_the_day_of_receipt_counts_them(DataSubjectRequestKind? kind, string received, string due)
    {
        var at = T(received);
        var day = DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(7)).DateTime);
        var limit = kind is { } k ? PrivacyLimits.Default.CompleteOn(k, day) : PrivacyLimits.Default.AcknowledgeOn(day);
        Assert.Equal(T(due), limit.Value.DueFrom(at, Law));
    }

    [Theory]
    // Breach detected on a Saturday evening: 72 hours run on the clock (ND13/2023 Art. 23, kept by Law 91/2025 Art. 23 [U]).
    [InlineData("2026-12-19T20:00:00+07:00", "2026-12-22T20:00:00+07:00", "LBVDLCN2025-D23")]
    [InlineData("2025-03-07T08:00:00+07:00", "2025-03-10T08:00:00+07:00", "ND13/2023")]
    public void Breach_notification_ends_72_hours_after_detection(string detected, string due, string sourceKey)
    {
        var at = T(detected);
        var limit = PrivacyLimits.Default.BreachOn(DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(7)).DateTime));
        Assert.Equal(T(due), limit.Value.DueFrom(at, Law));
        Assert.Equal(sourceKey, limit.Source!.Key);
    }

    [Fact]
    public void A_value_resting_on_an_unread_period_says_so()
    {
        Assert.EndsWith("(chưa xác nhận nguồn)", PrivacyLimits.Default.CompleteOn(DataSubjectRequestKind.Access, D("2026-12-01")).Basis, StringComparison.Ordinal);
        Assert.DoesNotContain("chưa xác nhận", PrivacyLimits.Default.AcknowledgeOn(D("2026-12-01")).Basis, StringComparison.Ordinal);
    }

    [Theory]
    // Until 30/6/2025 dossiers were processed under ND61/2018 as amended by ND107/2021, with ND13/2023 Art. 17.
    [InlineData(PersonalDataPurpose.DossierProcessing, "2025-06-30", "ND61/2018")]
    // From 1/7/2025 ND118/2025 replaced ND61/2018; ND13/2023 still governed personal data.
    [InlineData(PersonalDataPurpose.DossierProcessing, "2025-07-01", "ND118/2025")]
    [InlineData(PersonalDataPurpose.DossierProcessing, "2025-12-31", "ND13/2023")]
    // From 1/1/2026 Law 91/2025 replaced ND13/2023.
    [InlineData(PersonalDataPurpose.DossierProcessing, "2026-01-01", "LBVDLCN2025")]
    [InlineData(PersonalDataPurpose.OnlineDraft, "2025-12-31", "ND13/2023")]
    [InlineData(PersonalDataPurpose.OnlineDraft, "2026-12-06", "LBVDLCN2025")]
    [InlineData(PersonalDataPurpose.Notifications, "2025-07-01", "ND118/2025")]
    [InlineData(PersonalDataPurpose.OfficerAccounts, "2026-01-01", "LBVDLCN2025")]
    public void The_basis_on_a_date_cites_the_texts_in_force_that_day(PersonalDataPurpose purpose, string day, string sourceKey) =>
        Assert.Contains(PersonalDataBases.On(purpose, D(day))!.Sources, s => s.Key == sourceKey);

    [Theory]
    // Before Decree 118/2025: Decree 61/2018 current, 118/2025 and the 2026 law still to come, nothing ceased.
    [InlineData("2025-03-10", "ND61/2018", "", "2025-07-01 2026-01-01")]
    [InlineData("2025-06-30", "ND61/2018", "", "2025-07-01 2026-01-01")]
    // Decree 118/2025 current, the Decree 61/2018 basis past, the law still to come.
    [InlineData("2025-07-01", "ND118/2025", "2023-07-01", "2026-01-01")]
    [InlineData("2025-12-31", "ND118/2025", "2023-07-01", "2026-01-01")]
    // From 1/1/2026 the law is current and both earlier bases are past; nothing is to come.
    [InlineData("2026-01-01", "LBVDLCN2025", "2025-07-01 2023-07-01", "")]
    [InlineData("2026-12-06", "LBVDLCN2025", "2025-07-01 2023-07-01", "")]
    public void On_a_day_the_bases_split_into_current_ceased_and_not_yet_in_force(string day, string currentSource, string ceasedFrom, string upcomingFrom)
    {
        var split = PersonalDataBases.Split(PersonalDataPurpose.DossierProcessing, D(day));
        Assert.Contains(split.Current!.Sources, s => s.Key == currentSource);
        Assert.Equal(ceasedFrom, string.Join(' ', split.Ceased.Select(b => b.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        Assert.Equal(upcomingFrom, string.Join(' ', split.Upcoming.Select(b => b.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
    }

    [Theory]
    [InlineData("2025-03-10")]
    [InlineData("2025-12-31")]
    [InlineData("2026-01-01")]
    [InlineData("2026-12-06")]
    public void Every_purpose_lists_each_basis_once_on_any_day_and_never_a_future_one_as_past(string day)
    {
        foreach (var purpose in Enum.GetValues<PersonalDataPurpose>())
        {
            var split = PersonalDataBases.Split(purpose, D(day));
            Assert.Equal(PersonalDataBases.Of(purpose).Count, split.Ceased.Count + split.Upcoming.Count + (split.Current is null ? 0 : 1));
            Assert.All(split.Ceased, b => Assert.True(b.Until < D(day), $"{purpose}: {b.From}"));
            Assert.All(split.Upcoming, b => Assert.True(b.From > D(day), $"{purpose}: {b.From}"));
            Assert.DoesNotContain(split.Ceased, b => b.Sources.Any(s => s.Key == "LBVDLCN2025"));
        }
    }

    [Fact]
    public void Every_basis_cites_only_texts_in_force_for_its_whole_period_and_the_periods_follow_each_other()
    {
        foreach (var purpose in Enum.GetValues<PersonalDataPurpose>())
        {
            var bases = PersonalDataBases.Of(purpose);
            Assert.Null(bases[^1].Until);
            for (var i = 0; i < bases.Count; i++)
            {
                var b = bases[i];
                Assert.All(b.Sources, s => Assert.True(s.InForceOn(b.From) && (b.Until is not { } u ? s.InForceUntil is null : s.InForceOn(u)), $"{purpose}: {s.Key}"));
                if (i > 0)
                {
                    Assert.Equal(bases[i - 1].Until!.Value.AddDays(1), b.From);
                }
            }
        }
    }

    [Theory]
    [InlineData("2025-07-01", new[] { "61/2018", "107/2021" })]
    [InlineData("2026-01-01", new[] { "61/2018", "107/2021", "13/2023" })]
    [InlineData("2026-12-06", new[] { "61/2018", "107/2021", "13/2023" })]
    public void No_basis_holding_after_a_text_ceased_cites_it(string day, string[] repealed)
    {
        foreach (var purpose in Enum.GetValues<PersonalDataPurpose>())
        {
            var basis = PersonalDataBases.On(purpose, D(day))!;
            foreach (var number in repealed)
            {
                Assert.DoesNotContain(number, basis.Text, StringComparison.Ordinal);
                Assert.DoesNotContain(basis.Sources, s => s.Citation.Contains(number, StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    // A submitted dossier is processed under the law's task basis and kept as an archive record: deletion is refused.
    [InlineData(SubjectRecordKind.Dossier, false, false, "LLT2024")]
    // A draft rests on consent and its purpose ended: erased.
    [InlineData(SubjectRecordKind.Dossier, true, true, "LBVDLCN2025")]
    // A PAKN still being answered needs the sender's contact (ND20/2008); once closed it may go.
    [InlineData(SubjectRecordKind.Feedback, false, false, "ND20/2008")]
    [InlineData(SubjectRecordKind.Feedback, true, true, "LBVDLCN2025")]
    public void Deletion_is_granted_only_where_no_law_requires_keeping_the_data(SubjectRecordKind kind, bool purposeOver, bool allowed, string sourceKey)
    {
        var decision = ErasureRule.Decide(kind, purposeOver);
        Assert.Equal(allowed, decision.Allowed);
        Assert.Contains(decision.Sources, s => s.Key == sourceKey);
        Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
    }
}
