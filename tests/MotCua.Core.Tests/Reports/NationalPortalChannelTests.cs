using MotCua.Core.Dossiers;
using MotCua.Core.Indices;
using MotCua.Core.Procedures;
using MotCua.Core.Reports;

using static MotCua.Core.Tests.Reports.ReportFacts;

namespace MotCua.Core.Tests.Reports;

/// <summary>A dossier from the National Public Service Portal is a dossier received online in every count of channels.</summary>
public sealed class NationalPortalChannelTests
{
    private static readonly ReportPeriod Q1 = ReportPeriod.Quarter(2025, 1, ReportingRegime.Calendar);

    private static readonly List<DossierFact> Facts =
    [
        Fact("n1", At(2025, 2, 3), At(2025, 2, 20), DossierChannel.NationalPortal),
        Fact("o1", At(2025, 2, 4), At(2025, 2, 20), DossierChannel.Online),
        Fact("d1", At(2025, 2, 5), At(2025, 2, 20), DossierChannel.Direct),
    ];

    [Fact]
    public void The_report_the_statistics_and_the_766_index_count_it_as_online()
    {
        DossierReportRow row = Assert.Single(DossierReport.Compute(Facts, Q1, GroupBy.Agency).Rows);
        Assert.Equal((2, 1, 0), (row.ReceivedOnline, row.ReceivedDirect, row.ReceivedPostal));

        ProcedureStatistics stats = ProcedureStatistics.Compute([Procedure("p1", OnlineServiceLevel.Full)], Facts, Q1);
        Assert.Equal(2, stats.DossiersReceivedOnline);

        MeasureCount online = Index766.Measure(new Index766Input(Facts, [Procedure("p1", OnlineServiceLevel.Full)], []), Q1)[Index766Measure.DossiersOnline];
        Assert.Equal((2, 3), (online.Numerator, online.Denominator));
    }
}
