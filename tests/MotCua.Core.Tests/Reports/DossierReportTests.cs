using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;
using MotCua.Core.Reports;

using static MotCua.Core.Tests.Reports.ReportFacts;

namespace MotCua.Core.Tests.Reports;

public sealed class DossierReportTests
{
    private static readonly ReportPeriod Q1 = ReportPeriod.Quarter(2025, 1, ReportingRegime.Calendar);
    private static readonly DateTimeOffset Due = At(2025, 2, 10, 9, 0);

    private static readonly ReportOptions ByReturn = new() { CountFinishAt = CountFinishAt.Return };

    /// <summary>Each case: a fact, the options, and where it must land in Q1 2025 (null = not in the report).</summary>
    public static readonly IReadOnlyDictionary<string, (DossierFact Fact, ReportOptions Options, PeriodOpening? Opening, PeriodClosing? Closing)> Cases =
        new Dictionary<string, (DossierFact, ReportOptions, PeriodOpening?, PeriodClosing?)>
        {
            ["finished exactly at the appointment instant is on time"] =
                (Fact("e1", At(2025, 2, 3), Due) with { CompletedAt = Due }, ReportOptions.Default, PeriodOpening.ReceivedDirect, PeriodClosing.ResolvedOnTime),
            ["finished on the appointment date after the instant is late"] =
                (Fact("e2", At(2025, 2, 3), Due) with { CompletedAt = Due.AddMinutes(1) }, ReportOptions.Default, PeriodOpening.ReceivedDirect, PeriodClosing.ResolvedLate),
            ["finished on the appointment date before the instant is on time"] =
                (Fact("e3", At(2025, 2, 3), Due) with { CompletedAt = At(2025, 2, 10, 7, 5) }, ReportOptions.Default, PeriodOpening.ReceivedDirect, PeriodClosing.ResolvedOnTime),
            ["finished the day before is early"] =
                (Fact("e4", At(2025, 2, 3), Due) with { CompletedAt = At(2025, 2, 9, 23, 30) }, ReportOptions.Default, PeriodOpening.ReceivedDirect, PeriodClosing.ResolvedEarly),
            ["the local date counts, not the UTC date (06:30 local is the previous UTC day)"] =
                (Fact("e5", At(2025, 2, 3), Due) with { CompletedAt = At(2025, 2, 10, 6, 30) }, ReportOptions.Default, PeriodOpening.ReceivedDirect, PeriodClosing.ResolvedOnTime),
            ["an apology's new appointment does not hide lateness"] =
                (Fact("e6", At(2025, 2, 3), Due) with { RescheduledDueAt = At(2025, 2, 20), CompletedAt = At(2025, 2, 15) }, ReportOptions.Default, PeriodOpening.ReceivedDirect, PeriodClosing.ResolvedLate),
            ["pending at the period end with the appointment after it is within time"] =
                (Fact("p1", At(2025, 3, 20), At(2025, 4, 5)), ReportOptions.Default, PeriodOpening.ReceivedDirect, PeriodClosing.PendingWithinTime),
            ["finished after the period end is pending in the period"] =
                (Fact("p2", At(2025, 3, 20), At(2025, 4, 5)) with { CompletedAt = At(2025, 4, 2) }, ReportOptions.Default, PeriodOpening.ReceivedDirect, PeriodClosing.PendingWithinTime),
            ["pending with the appointment on the last afternoon is overdue"] =
                (Fact("p3", At(2025, 3, 20), At(2025, 3, 31, 16, 0)), ReportOptions.Default, PeriodOpening.ReceivedDirect, PeriodClosing.PendingOverdue),
            ["pending with the appointment exactly at the period's end instant is within time"] =
                (Fact("p4", At(2025, 3, 20), At(2025, 4, 1, 0, 0)), ReportOptions.Default, PeriodOpening.ReceivedDirect, PeriodClosing.PendingWithinTime),
            ["late and still pending is overdue even if finished next quarter"] =
                (Fact("p5", At(2025, 3, 3), At(2025, 3, 10)) with { CompletedAt = At(2025, 4, 3) }, ReportOptions.Default, PeriodOpening.ReceivedDirect, PeriodClosing.PendingOverdue),
            ["an open pause (no due instant) is within time"] =
                (Fact("p6", At(2025, 3, 3), null), ReportOptions.Default, PeriodOpening.ReceivedDirect, PeriodClosing.PendingWithinTime),
            ["received last quarter and finished in this one is carried over"] =
                (Fact("c1", At(2024, 12, 20), At(2025, 1, 8)) with { CompletedAt = At(2025, 1, 5) }, ReportOptions.Default, PeriodOpening.CarriedOver, PeriodClosing.ResolvedEarly),
            ["received last quarter and still pending is carried over and overdue"] =
                (Fact("c2", At(2024, 12, 20), At(2025, 1, 8)), ReportOptions.Default, PeriodOpening.CarriedOver, PeriodClosing.PendingOverdue),
            ["received at 00:00 on the first day is received, not carried over"] =
                (Fact("c3", At(2025, 1, 1, 0, 0), At(2025, 1, 8)), ReportOptions.Default, PeriodOpening.ReceivedDirect, PeriodClosing.PendingOverdue),
            ["finished before the period is not in it"] =
                (Fact("x1", At(2024, 12, 20), At(2025, 1, 8)) with { CompletedAt = At(2024, 12, 31, 23, 59) }, ReportOptions.Default, null, null),
            ["received after the period is not in it"] =
                (Fact("x2", At(2025, 4, 1, 0, 0), At(2025, 4, 8)), ReportOptions.Default, null, null),
            ["a desk refusal is never received"] =
                (Fact("x3", At(2025, 2, 3), null) with { DeskRefusedAt = At(2025, 2, 3, 10) }, ReportOptions.Default, null, null),
            ["a partner agency's copy of an inter-agency dossier is not counted"] =
                (Fact("x4", At(2025, 2, 3), Due) with { InterAgencyPartnerCopy = true }, ReportOptions.Default, null, null),
            ["withdrawn"] =
                (Fact("w1", At(2025, 2, 3), Due, DossierChannel.Online) with { WithdrawnAt = At(2025, 2, 5) }, ReportOptions.Default, PeriodOpening.ReceivedOnline, PeriodClosing.Withdrawn),
            ["refused after receipt"] =
                (Fact("w2", At(2025, 2, 3), Due, DossierChannel.Postal) with { RefusedAt = At(2025, 2, 5) }, ReportOptions.Default, PeriodOpening.ReceivedPostal, PeriodClosing.Refused),
            ["stopped"] =
                (Fact("w3", At(2025, 2, 3), Due) with { StoppedAt = At(2025, 2, 5) }, ReportOptions.Default, PeriodOpening.ReceivedDirect, PeriodClosing.Stopped),
            ["counting completion: completed on time, returned late"] =
                (Fact("m1", At(2025, 2, 3), Due) with { CompletedAt = At(2025, 2, 10, 8), ReturnedAt = At(2025, 2, 12) }, ReportOptions.Default, PeriodOpening.ReceivedDirect, PeriodClosing.ResolvedOnTime),
            ["counting return: the same dossier is late"] =
                (Fact("m2", At(2025, 2, 3), Due) with { CompletedAt = At(2025, 2, 10, 8), ReturnedAt = At(2025, 2, 12) }, ByReturn, PeriodOpening.ReceivedDirect, PeriodClosing.ResolvedLate),
            ["counting return: completed but not collected is still pending"] =
                (Fact("m3", At(2025, 3, 3), At(2025, 3, 10)) with { CompletedAt = At(2025, 3, 7) }, ByReturn, PeriodOpening.ReceivedDirect, PeriodClosing.PendingOverdue),
            ["counting completion: completed then withdrawn before collection is resolved"] =
                (Fact("m4", At(2025, 2, 3), Due) with { CompletedAt = At(2025, 2, 7), WithdrawnAt = At(2025, 2, 8) }, ReportOptions.Default, PeriodOpening.ReceivedDirect, PeriodClosing.ResolvedEarly),
            ["counting return: completed then withdrawn before collection is withdrawn"] =
                (Fact("m5", At(2025, 2, 3), Due) with { CompletedAt = At(2025, 2, 7), WithdrawnAt = At(2025, 2, 8) }, ByReturn, PeriodOpening.ReceivedDirect, PeriodClosing.Withdrawn),
        };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Classification(string name)
    {
        (DossierFact fact, ReportOptions options, PeriodOpening? opening, PeriodClosing? closing) = Cases[name];

        PeriodStanding? standing = DossierReport.Classify(fact, Q1, options);

        Assert.Equal(opening, standing?.Opening);
        Assert.Equal(closing, standing?.Closing);
    }

    [Fact]
    public void The_rows_count_every_case_once_and_reconcile()
    {
        List<DossierFact> facts = Cases.Values.Where(c => c.Options == ReportOptions.Default).Select(c => c.Fact).ToList();

        DossierReport report = DossierReport.Compute(facts, Q1, GroupBy.Agency);

        DossierReportRow row = Assert.Single(report.Rows);
        Assert.Equal(2, row.CarriedOver);
        Assert.Equal(1, row.ReceivedOnline);
        Assert.Equal(1, row.ReceivedPostal);
        Assert.Equal(16, row.ReceivedDirect);
        Assert.Equal((3, 4, 2), (row.ResolvedEarly, row.ResolvedOnTime, row.ResolvedLate));
        Assert.Equal((4, 4), (row.PendingWithinTime, row.PendingOverdue));
        Assert.Equal((1, 1, 1), (row.Withdrawn, row.Refused, row.Stopped));
        Assert.Equal(1, row.RefusedAtDesk);
        Assert.True(row.Reconciles);
        Assert.Equal(row, report.Total with { Key = row.Key, Name = row.Name });
        Assert.Contains("kết thúc xử lý", report.FinishRuleText, StringComparison.Ordinal);
        Assert.Contains("trả kết quả cho tổ chức", DossierReport.Compute(facts, Q1, GroupBy.Agency, ByReturn).FinishRuleText, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_report_2020_fifteen_received_none_carried_over_fifteen_on_time_and_six_of_eighteen_full_online()
    {
        // Tiền Giang Chi cục TĐC, 2020: 15 new dossiers, none from the previous period, 15 resolved on time, none late;
        // 18/18 procedures online at level 3–4, of which 6/18 at level 4 (toàn trình) = 33,33%; 17 by post, 1 not.
        ReportPeriod year = ReportPeriod.FullYear(2020);
        var facts = Enumerable.Range(1, 15)
            .Select(i =>
            {
                DateTimeOffset received = At(2020, 1 + (i % 11), 3 + i, 8);
                DateTimeOffset due = received.AddDays(7);
                return Fact(i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), received, due, i % 3 == 0 ? DossierChannel.Online : DossierChannel.Direct, procedure: "p" + (i % 5))
                    with
                { CompletedAt = due.AddHours(-1), ReturnedAt = due };
            })
            .ToList();
        var procedures = Enumerable.Range(1, 18)
            .Select(i => Procedure("p" + i, i <= 6 ? OnlineServiceLevel.Full : OnlineServiceLevel.Partial) with { PostalService = i != 18 })
            .ToList();

        ControlReportFigures figures = ControlReportFigures.Compute(facts, procedures, year);

        DossierReportRow total = figures.Dossiers.Total;
        Assert.Equal(15, total.Received);
        Assert.Equal(0, total.CarriedOver);
        Assert.Equal(15, total.ResolvedOnTime);
        Assert.Equal(15, total.Resolved);
        Assert.Equal(0, total.ResolvedLate + total.ResolvedEarly + total.Pending + total.ClosedWithoutResult);
        Assert.True(total.Reconciles);
        Assert.Equal(18, figures.Procedures.Procedures);
        Assert.Equal(18, figures.Procedures.Online);
        Assert.Equal(6, figures.Procedures.FullOnline);
        Assert.Equal(33.33m, figures.Procedures.FullOnlinePercent);
        Assert.Equal(100m, figures.Procedures.OnlinePercent);
        Assert.Equal((17, 1), (figures.Procedures.PostalService, figures.Procedures.NotPostalService));
        Assert.Equal(0, figures.Pakn.Received);
    }

    [Theory]
    [InlineData(6, 18, 33.33)]
    [InlineData(2, 3, 66.67)]
    [InlineData(1, 8, 12.5)]
    [InlineData(1, 200, 0.5)]
    [InlineData(1, 400, 0.25)]
    [InlineData(1, 800, 0.13)]
    public void Percentages_round_half_away_from_zero_to_two_decimals(int part, int whole, double expected)
    {
        Assert.Equal((decimal)expected, Percent.Of(part, whole));
    }

    [Fact]
    public void Percentage_of_nothing_is_null()
    {
        Assert.Null(Percent.Of(0, 0));
    }

    [Fact]
    public void Rows_per_unit_field_and_procedure_take_the_newest_pinned_name()
    {
        var facts = new List<DossierFact>
        {
            Fact("1", At(2025, 1, 5), At(2025, 1, 10), unit: "u1", field: "f1", procedure: "p1"),
            Fact("2", At(2025, 2, 5), At(2025, 2, 10), unit: "u1", field: "f2", procedure: "p1") with { ProcedureName = "Thủ tục p1 (sửa đổi)" },
            Fact("3", At(2025, 3, 5), At(2025, 3, 10), unit: "u2", field: "f2", procedure: "p2"),
        };

        Assert.Equal(["u1", "u2"], DossierReport.Compute(facts, Q1, GroupBy.Unit).Rows.Select(r => r.Key));
        Assert.Equal([1, 2], DossierReport.Compute(facts, Q1, GroupBy.Field).Rows.Select(r => r.Received));
        DossierReportRow p1 = DossierReport.Compute(facts, Q1, GroupBy.Procedure).Rows.Single(r => r.Key == "p1");
        Assert.Equal("Thủ tục p1 (sửa đổi)", p1.Name);
        Assert.Equal(2, p1.Received);
    }

    [Fact]
    public void A_closed_period_gives_the_same_numbers_when_later_dossiers_exist()
    {
        List<DossierFact> before = RandomFacts(new Random(7), 500, At(2024, 10, 1));
        DossierReport first = DossierReport.Compute(before, Q1, GroupBy.Procedure);
        List<DossierFact> later = before
            .Concat(RandomFacts(new Random(8), 200, At(2025, 4, 1, 0, 0)).Select(f => f with { Id = "later-" + f.Id }))
            .ToList();

        DossierReport rerun = DossierReport.Compute(later, Q1, GroupBy.Procedure);

        Assert.Equal(first.Rows, rerun.Rows);
        Assert.Equal(first.Total, rerun.Total);
    }

    [Theory]
    [InlineData(GroupBy.Agency)]
    [InlineData(GroupBy.Unit)]
    [InlineData(GroupBy.Field)]
    [InlineData(GroupBy.Procedure)]
    public void Every_row_reconciles_over_random_scenarios(GroupBy groupBy)
    {
        var random = new Random(20250310 + (int)groupBy);
        for (var scenario = 0; scenario < 20; scenario++)
        {
            List<DossierFact> facts = RandomFacts(random, 2000, At(2024, 9, 1));
            ReportPeriod period = random.Next(3) switch
            {
                0 => ReportPeriod.Quarter(2025, 1 + random.Next(2)),
                1 => ReportPeriod.Month(2025, 1 + random.Next(6), ReportingRegime.Calendar),
                _ => ReportPeriod.HalfYear(2025, 1),
            };
            foreach (ReportOptions options in new[] { ReportOptions.Default, ByReturn })
            {
                DossierReport report = DossierReport.Compute(facts, period, groupBy, options);

                Assert.All(report.Rows, r => Assert.True(r.Reconciles, $"{period.Key} {r.Key}: {r}"));
                Assert.True(report.Total.Reconciles);
                Assert.Equal(report.Rows.Sum(r => r.Total), report.Total.Total);
                Assert.Equal(report.Rows.Sum(r => r.ResolvedLate), report.Total.ResolvedLate);
                Assert.Equal(report.Rows.Sum(r => r.RefusedAtDesk), report.Total.RefusedAtDesk);

                // Periods chain: what is open at the end of the previous period is what this one carries over.
                DossierReport previous = DossierReport.Compute(facts, period.Previous(), groupBy, options);
                if (period.Kind != ReportPeriodKind.Custom)
                {
                    Assert.Equal(previous.Total.Pending, report.Total.CarriedOver);
                }
            }
        }
    }

    /// <summary>Random dossiers with every kind of ending, including ones recorded before receipt (bad data).</summary>
    internal static List<DossierFact> RandomFacts(Random random, int count, DateTimeOffset from)
    {
        var facts = new List<DossierFact>(count);
        for (var i = 0; i < count; i++)
        {
            DateTimeOffset received = from.AddMinutes(random.Next(0, 60 * 24 * 300));
            DateTimeOffset? due = random.Next(20) == 0 ? null : received.AddHours(random.Next(4, 24 * 40));
            DateTimeOffset Later() => received.AddHours(random.Next(-2, 24 * 60));
            DossierFact fact = Fact(
                i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                received,
                due,
                (DossierChannel)random.Next(1, 4),
                unit: "u" + random.Next(4),
                field: "f" + random.Next(3),
                procedure: "p" + random.Next(12));
            switch (random.Next(10))
            {
                case 0: fact = fact with { WithdrawnAt = Later() }; break;
                case 1: fact = fact with { RefusedAt = Later() }; break;
                case 2: fact = fact with { StoppedAt = Later() }; break;
                case 3: fact = fact with { DueAt = null, DeskRefusedAt = received.AddHours(2) }; break;
                case 4: fact = fact with { InterAgencyPartnerCopy = true, CompletedAt = Later() }; break;
                case 5: break;
                case 6:
                    {
                        DateTimeOffset completed = Later();
                        fact = fact with { CompletedAt = completed, WithdrawnAt = completed.AddHours(random.Next(1, 100)) };
                        break;
                    }

                default:
                    {
                        DateTimeOffset completed = Later();
                        fact = fact with { CompletedAt = completed, ReturnedAt = random.Next(4) == 0 ? null : completed.AddHours(random.Next(0, 24 * 10)) };
                        break;
                    }
            }

            facts.Add(fact with { Imported = random.Next(10) == 0 });
        }

        return facts;
    }
}
