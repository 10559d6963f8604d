namespace MotCua.Web.Features.Catalogue;

/// <summary>How an internal process's steps become the steps a dossier is routed along: the catalogue's rule, which the
/// process page previews and the dossiers follow.</summary>
public static class ProcessRouting
{
    /// <summary>A routed step's name: the process's own wording, else one from its kind.</summary>
    public static string NameOf(StepKind kind, string? description) => !string.IsNullOrWhiteSpace(description) ? description : kind switch
    {
        StepKind.Transfer => "Chuyển hồ sơ",
        StepKind.Appraise => "Thẩm định hồ sơ",
        _ => "Xử lý hồ sơ",
    };

    /// <summary>
    /// The steps of an approved internal process (in order) that a dossier is routed along between the desk's hand-over
    /// and the leader's approval. The receipt, approval, signature and return are the state machine's own actions; the
    /// desk's own steps (its hand-over, "Chuyển hồ sơ") are the Transfer action, so a unit that receives the dossier
    /// starts at its own first step instead of having to pass on the desk's. Only when the desk does everything itself
    /// are its steps the plan.
    /// </summary>
    public static List<T> Routed<T>(IEnumerable<T> steps, Func<T, StepKind> kind, Func<T, bool> atDesk)
    {
        var routed = steps.Where(s => kind(s) is not (StepKind.Receive or StepKind.Return or StepKind.Approve or StepKind.Sign)).ToList();
        return routed.Exists(s => !atDesk(s)) ? routed.FindAll(s => !atDesk(s)) : routed;
    }
}
