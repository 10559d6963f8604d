namespace MotCua.Core.Dossiers;

/// <summary>One paper of the catalogue as the desk checklist sees it: its name and whether the procedure requires it.</summary>
public sealed record CataloguePaper(string Name, bool Required);

/// <summary>One checked line of the desk checklist: the paper's name and whether the officer ticked it as received.</summary>
public sealed record CheckedPaper(string? Name, bool Received);

/// <summary>
/// The desk checklist rule: a dossier is received as complete only when every paper the catalogue requires is ticked as
/// received; otherwise the desk refuses receipt or guides the applicant to supplement, never records it complete.
/// </summary>
public static class ReceiptChecklist
{
    /// <summary>The names of the required papers of <paramref name="catalogue"/> not ticked in <paramref name="checklist"/>, in catalogue order.</summary>
    public static IReadOnlyList<string> MissingRequired(IReadOnlyList<CataloguePaper> catalogue, IReadOnlyList<CheckedPaper> checklist)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(checklist);
        var received = checklist.Where(p => p.Received && !string.IsNullOrWhiteSpace(p.Name))
            .Select(p => Key(p.Name!)).ToHashSet(StringComparer.Ordinal);
        return catalogue.Where(p => p.Required && !received.Contains(Key(p.Name))).Select(p => p.Name).ToList();
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
        return catalogue.Where(p => p.Required && !answered.Contains(Key(p.Name))).Select(p => p.Name).ToList();
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
