namespace MotCua.Core.Dossiers;

/// <summary>
/// Orders the actions a person may take on a dossier for the page: the step the process expects next first (the one
/// button that stands out), then the other ways forward, then the pauses and exceptions, and the irreversible ones last.
/// </summary>
public static class DossierNextAction
{
    /// <summary>The rank of an action: lower comes first; the first available one is the expected next step.</summary>
    public static int Rank(DossierAction action) => action switch
    {
        DossierAction.Receive => 0,
        DossierAction.Transfer => 1,
        DossierAction.Approve => 2,
        DossierAction.Appraise => 3,
        DossierAction.Assign => 4,
        DossierAction.Forward => 5,
        DossierAction.Return => 6,
        DossierAction.ResubmitSupplement => 7,
        DossierAction.ReceiveInterAgencyResult => 8,
        DossierAction.ResumeAfterFinancialObligation => 9,
        DossierAction.Resume => 10,
        DossierAction.DigitiseResult => 11,
        DossierAction.Submit => 12,
        DossierAction.Reject => 20,
        DossierAction.ReturnToPreviousStep => 21,
        DossierAction.RequestSupplement => 22,
        DossierAction.TransferInterAgency => 23,
        DossierAction.PauseForFinancialObligation => 24,
        DossierAction.ApologyReschedule => 25,
        DossierAction.Suspend => 26,
        DossierAction.Refuse => 30,
        DossierAction.Stop => 31,
        DossierAction.Withdraw => 32,
    };

    /// <summary>Whether the action ends or turns down the dossier, so the page asks for confirmation and never offers it first.</summary>
    public static bool IsIrreversible(DossierAction action) => Rank(action) >= 30;

    /// <summary>
    /// The expected next action (null when there is none, or only irreversible ones are left) and the others in order.
    /// </summary>
    public static (DossierAction? Primary, IReadOnlyList<DossierAction> Others) Split(IEnumerable<DossierAction> available)
    {
        ArgumentNullException.ThrowIfNull(available);
        var ordered = available.Distinct().OrderBy(Rank).ToList();
        if (ordered.Count == 0 || IsIrreversible(ordered[0]) || Rank(ordered[0]) >= 20)
        {
            return (null, ordered);
        }
        return (ordered[0], ordered.Skip(1).ToList());
    }
}
