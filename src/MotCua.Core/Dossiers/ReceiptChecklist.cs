namespace MotCua.Core.Dossiers;

/// <summary>
/// One paper of the catalogue as the desk checklist sees it: its name, whether the procedure requires it, and the group of
/// alternatives it belongs to ("một trong các giấy tờ sau"), whose members each satisfy the group.
/// </summary>
public sealed record CataloguePaper(string Name, bool Required, string? Group = null);

/// <summary>One checked line of the desk checklist: the paper's name and whether the officer ticked it as received.</summary>
public sealed record CheckedPaper(string? Name, bool Received);

/// <summary>
/// The desk checklist rule: a dossier is received as complete only when every paper the catalogue requires is ticked as
/// received; otherwise the desk refuses receipt or guides the applicant to supplement, never records it complete.
/// </summary>
public static class ReceiptChecklist
{
    /// <summary>
    /// The required papers of <paramref name="catalogue"/> not ticked in <paramref name="checklist"/>, in catalogue order:
    /// a paper's name, or for a group of alternatives none of which is ticked, "Một trong các giấy tờ: A hoặc B".
    /// </summary>
    public static IReadOnlyList<string> MissingRequired(IReadOnlyList<CataloguePaper> catalogue, IReadOnlyList<CheckedPaper> checklist)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(checklist);
        var received = checklist.Where(p => p.Received && !string.IsNullOrWhiteSpace(p.Name))
            .Select(p => Key(p.Name!)).ToHashSet(StringComparer.Ordinal);
        return Lacking(catalogue, received);
    }

    /// <summary>
    /// Whether a paper's own name makes it optional ("…nếu có", "…nếu còn"): such a paper is never required, whatever flag
    /// the catalogue entry carries, since the applicant may truly have none.
    /// </summary>
    public static bool NamedOptional(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }
        var key = Key(name);
        return key.Contains("NẾU CÓ", StringComparison.Ordinal) || key.Contains("NẾU CÒN", StringComparison.Ordinal);
    }

    /// <summary>The alternatives of a group as one line, the way the missing list and the online form name them.</summary>
    public static string AlternativesName(IEnumerable<string> names) => "Một trong các giấy tờ: " + string.Join(" hoặc ", names);

    // Required lines (single papers and groups of alternatives) none of whose papers is in `present`, in catalogue order.
    private static List<string> Lacking(IReadOnlyList<CataloguePaper> catalogue, HashSet<string> present)
    {
        var result = new List<string>();
        var groupsSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paper in catalogue)
        {
            if (string.IsNullOrWhiteSpace(paper.Group))
            {
                if (paper.Required && !present.Contains(Key(paper.Name)))
                {
                    result.Add(paper.Name);
                }
                continue;
            }
            if (!groupsSeen.Add(paper.Group))
            {
                continue;
            }
            // A group is required when any of its members is; any one member present satisfies it.
            var members = catalogue.Where(p => string.Equals(p.Group, paper.Group, StringComparison.Ordinal)).ToList();
            if (members.Any(p => p.Required) && !members.Any(p => present.Contains(Key(p.Name))))
            {
                result.Add(AlternativesName(members.Select(p => p.Name)));
            }
        }
        return result;
    }

    /// <summary>Why a receipt as complete is refused, or null: the missing required papers named, and the two ways on.</summary>
    public static string? IncompleteProblem(IReadOnlyList<CataloguePaper> catalogue, IReadOnlyList<CheckedPaper> checklist)
    {
        var missing = MissingRequired(catalogue, checklist);
        return missing.Count == 0
            ? null
            : "Hồ sơ chưa đủ thành phần bắt buộc (chưa đánh dấu đã nhận): " + string.Join("; ", missing)
              + ". Không tiếp nhận hồ sơ chưa đầy đủ: vui lòng chọn \"Hướng dẫn bổ sung\" hoặc \"Từ chối tiếp nhận\" (nêu rõ lý do).";
    }

    /// <summary>
    /// The required papers of <paramref name="catalogue"/> the checklist does not answer at all (neither received nor
    /// marked not received), in catalogue order: a receipt that is silent about a required paper is refused whatever its outcome.
    /// </summary>
    public static IReadOnlyList<string> Unanswered(IReadOnlyList<CataloguePaper> catalogue, IReadOnlyList<CheckedPaper> checklist)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(checklist);
        var answered = checklist.Where(p => !string.IsNullOrWhiteSpace(p.Name)).Select(p => Key(p.Name!)).ToHashSet(StringComparer.Ordinal);
        return Lacking(catalogue, answered);
    }

    /// <summary>
    /// Why a receipt's checklist is refused, or null: a required paper left unanswered (any outcome), or, for a receipt as
    /// complete, a required paper not received. The message names each paper.
    /// </summary>
    public static string? Problem(IReadOnlyList<CataloguePaper> catalogue, IReadOnlyList<CheckedPaper> checklist, bool receivedAsComplete)
    {
        var unanswered = Unanswered(catalogue, checklist);
        if (unanswered.Count > 0)
        {
            return "Danh sách thành phần hồ sơ chưa có thành phần bắt buộc: " + string.Join("; ", unanswered)
                + ". Vui lòng ghi từng thành phần bắt buộc theo danh mục thủ tục, kèm đã nhận hay chưa.";
        }
        return receivedAsComplete ? IncompleteProblem(catalogue, checklist) : null;
    }

    /// <summary>The supplement guidance listing what is missing, for a desk officer who left the note empty.</summary>
    public static string? SupplementGuidance(IReadOnlyList<CataloguePaper> catalogue, IReadOnlyList<CheckedPaper> checklist)
    {
        var missing = MissingRequired(catalogue, checklist);
        return missing.Count == 0 ? null : "Đề nghị bổ sung: " + string.Join("; ", missing) + ".";
    }

    // Names match whatever the spacing, case and Unicode form the page or the catalogue gave them.
    private static string Key(string name) =>
        string.Join(' ', name.Normalize(System.Text.NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
