namespace MotCua.Core.Procedures;

/// <summary>What a step of an internal process does (quy trình nội bộ).</summary>
public enum StepKind
{
    Receive,
    Transfer,
    Appraise,
    Approve,
    Sign,
    Return,
    Other,
}

/// <summary>
/// How an internal process's steps become the steps a dossier is planned along: the catalogue's rule, which the process
/// page previews and the dossiers follow.
/// </summary>
public static class ProcessRouting
{
    /// <summary>A planned step's name: the process's own wording, else one from its kind.</summary>
    public static string NameOf(StepKind kind, string? description) => !string.IsNullOrWhiteSpace(description) ? description : kind switch
    {
        StepKind.Transfer => "Chuyển hồ sơ",
        StepKind.Appraise => "Thẩm định hồ sơ",
        StepKind.Approve => "Lãnh đạo phê duyệt",
        StepKind.Sign => "Lãnh đạo ký duyệt",
        StepKind.Receive or StepKind.Return or StepKind.Other => "Xử lý hồ sơ",
    };

    /// <summary>Whether the step is the leader's own (phê duyệt, ký duyệt), taken while the dossier awaits approval.</summary>
    public static bool ByLeader(StepKind kind) => kind is StepKind.Approve or StepKind.Sign;

    /// <summary>
    /// The steps of an approved internal process (in order) that a dossier is routed along between the desk's hand-over
    /// and the submission for approval. The receipt and return are the desk's own actions, and the desk's own steps (its
    /// hand-over, "Chuyển hồ sơ") are the Transfer action, so a unit that receives the dossier starts at its own first
    /// step instead of having to pass on the desk's. Only when the desk does everything itself are its steps the plan.
    /// </summary>
    public static List<T> Routed<T>(IEnumerable<T> steps, Func<T, StepKind> kind, Func<T, bool> atDesk)
    {
        var routed = steps.Where(s => kind(s) is not (StepKind.Receive or StepKind.Return) && !ByLeader(kind(s))).ToList();
        return routed.Exists(s => !atDesk(s)) ? routed.FindAll(s => !atDesk(s)) : routed;
    }

    /// <summary>
    /// A dossier's plan: the <see cref="Routed"/> processing steps, then the leader's steps in the process's order, so the
    /// leader's time and step are planned and tracked like any other while the forwarding between processing steps is unchanged.
    /// </summary>
    public static List<(T Step, bool ByLeader)> Plan<T>(IEnumerable<T> steps, Func<T, StepKind> kind, Func<T, bool> atDesk)
    {
        var all = steps.ToList();
        return Routed(all, kind, atDesk).Select(s => (s, false))
            .Concat(all.Where(s => ByLeader(kind(s))).Select(s => (s, true)))
            .ToList();
    }
}
