using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;

namespace MotCua.Core.Reports;

/// <summary>
/// One procedure in force for the agency during the period, as the reports see it (a projection of the catalogue at
/// the period's end; the web layer pins it for closed periods).
/// </summary>
/// <param name="Key">Procedure key (the same as <see cref="DossierFact.ProcedureKey"/>).</param>
/// <param name="Name">Its name.</param>
/// <param name="UnitKey">Unit in charge, for per-unit indicators.</param>
/// <param name="FieldKey">Lĩnh vực.</param>
/// <param name="OnlineLevel">Toàn trình / một phần / none.</param>
public sealed record ProcedureFact(string Key, string Name, string UnitKey, string FieldKey, OnlineServiceLevel OnlineLevel)
{
    /// <summary>Eligible to be offered as a full-process (toàn trình) online service; the plan target's denominator.</summary>
    public bool EligibleForFullOnline { get; init; } = true;

    /// <summary>Listed as received and returned through the public postal service (QĐ 45/2016 list).</summary>
    public bool PostalService { get; init; }

    /// <summary>Charges a fee or charge.</summary>
    public bool ChargesFee { get; init; }

    /// <summary>Publicly disclosed (updated on the national database) on time.</summary>
    public bool DisclosedOnTime { get; init; } = true;

    /// <summary>Posted at the office (niêm yết).</summary>
    public bool PostedAtOffice { get; init; } = true;

    /// <summary>Published electronically.</summary>
    public bool PublishedElectronically { get; init; } = true;

    /// <summary>Exempt from receipt at the one-stop section (ND61 Art. 14(5)(a,b)).</summary>
    public bool ExemptFromOneStop { get; init; }

    /// <summary>Received and returned at the one-stop section (BPMC / TT PVHCC).</summary>
    public bool ReceivedAtOneStop { get; init; } = true;

    /// <summary>The one-stop section itself receives, appraises and approves it (evaluation indicator 5, 2 points).</summary>
    public bool DecidedAtOneStop { get; init; }
}

/// <summary>PAKN counts for the period, passed through from the PAKN register.</summary>
/// <param name="Received">Phản ánh, kiến nghị received.</param>
/// <param name="Handled">Handled.</param>
/// <param name="HandledOnTime">Handled on time (evaluation indicator 8).</param>
/// <param name="Prolonged">Prolonged beyond their time limit (kéo dài).</param>
public sealed record PaknCounts(int Received, int Handled, int HandledOnTime = 0, int Prolonged = 0)
{
    /// <summary>No PAKN.</summary>
    public static PaknCounts None { get; } = new(0, 0);
}

/// <summary>Procedures by online level and postal service, and received dossiers by online level and channel.</summary>
public sealed record ProcedureStatistics(
    int Procedures,
    int FullOnline,
    int PartialOnline,
    int NotOnline,
    int PostalService,
    int NotPostalService,
    int DossiersReceived,
    int DossiersOfFullOnlineProcedures,
    int DossiersOfPartialOnlineProcedures,
    int DossiersOfOtherProcedures,
    int DossiersReceivedOnline,
    int DossiersReceivedPostal)
{
    /// <summary>Procedures offered online (toàn trình or một phần).</summary>
    public int Online => FullOnline + PartialOnline;

    /// <summary>Toàn trình share of all procedures, % with 2 decimals (seed 004: 6/18 = 33,33).</summary>
    public decimal? FullOnlinePercent => Percent.Of(FullOnline, Procedures);

    /// <summary>Share of procedures offered online at any level (seed 004: 18/18 = 100).</summary>
    public decimal? OnlinePercent => Percent.Of(Online, Procedures);

    /// <summary>Share of received dossiers submitted online.</summary>
    public decimal? OnlineDossierPercent => Percent.Of(DossiersReceivedOnline, DossiersReceived);

    /// <summary>Counts the procedures, and the dossiers received in <paramref name="period"/> (counted ones only).</summary>
    public static ProcedureStatistics Compute(IEnumerable<ProcedureFact> procedures, IEnumerable<DossierFact> facts, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(procedures);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(period);
        List<ProcedureFact> list = procedures.ToList();
        List<DossierFact> received = facts.Where(f => f.IsCounted && period.Contains(f.ReceivedAt)).ToList();
        return new ProcedureStatistics(
            list.Count,
            list.Count(p => p.OnlineLevel == OnlineServiceLevel.Full),
            list.Count(p => p.OnlineLevel == OnlineServiceLevel.Partial),
            list.Count(p => p.OnlineLevel == OnlineServiceLevel.None),
            list.Count(p => p.PostalService),
            list.Count(p => !p.PostalService),
            received.Count,
            received.Count(f => f.OnlineLevel == OnlineServiceLevel.Full),
            received.Count(f => f.OnlineLevel == OnlineServiceLevel.Partial),
            received.Count(f => f.OnlineLevel == OnlineServiceLevel.None),
            received.Count(f => f.Channel.CountsAsOnline()),
            received.Count(f => f.Channel == DossierChannel.Postal));
    }
}

/// <summary>The figures of section "Về tình hình, kết quả giải quyết TTHC" and its neighbours in the narrative report.</summary>
public sealed record ControlReportFigures(DossierReport Dossiers, ProcedureStatistics Procedures, PaknCounts Pakn)
{
    /// <summary>The agency-level report, the procedure statistics and the PAKN counts for one period.</summary>
    public static ControlReportFigures Compute(
        IEnumerable<DossierFact> facts, IEnumerable<ProcedureFact> procedures, ReportPeriod period, PaknCounts? pakn = null, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        IReadOnlyCollection<DossierFact> all = facts as IReadOnlyCollection<DossierFact> ?? facts.ToList();
        return new ControlReportFigures(
            DossierReport.Compute(all, period, GroupBy.Agency, options),
            ProcedureStatistics.Compute(procedures, all, period),
            pakn ?? PaknCounts.None);
    }
}
