using System.Globalization;
using System.Text;

using MotCua.Core.Legal;

namespace MotCua.Core.Dossiers;

/// <summary>An earlier supplement request of the dossier as the repeat rule reads it: its round, the papers the dossier held then, and the papers it asked for.</summary>
/// <param name="Round">The request's round in the dossier (1 for the first).</param>
/// <param name="PapersHeld">The papers present in the dossier when the request was made.</param>
/// <param name="PapersAsked">The papers the request's items named.</param>
public sealed record EarlierSupplement(int Round, IReadOnlyList<string> PapersHeld, IReadOnlyList<string> PapersAsked);

/// <summary>A paper a new request asks for that an earlier request could already have asked for.</summary>
/// <param name="Paper">The paper as the new item names it.</param>
/// <param name="EarlierRound">The earliest round at which the paper was already in the dossier and not asked for.</param>
public sealed record RepeatedPaper(string Paper, int EarlierRound);

/// <summary>A request that asks again for what an earlier one could have asked: the papers, and the officer's reason to proceed.</summary>
public sealed record SupplementRepeat(IReadOnlyList<RepeatedPaper> Papers, string Reason);

/// <summary>What the applicant gave for one item: files, a written answer, or "không có" with the reason.</summary>
/// <param name="Code">The item's code (<see cref="SupplementRounds.Code"/>).</param>
/// <param name="Text">The written answer, or the reason when <paramref name="None"/>.</param>
/// <param name="None">The applicant states they do not have the paper.</param>
/// <param name="Files">How many files were uploaded for the item.</param>
public sealed record SupplementAnswer(string Code, string? Text, bool None, int Files);

/// <summary>An item of a request as the answer rule reads it: its code and paper.</summary>
public sealed record CodedItem(string Code, string Paper);

/// <summary>An item of an earlier round with its review: whether its answer was accepted and how many files the answer sent.</summary>
public sealed record ReviewedItem(string Code, int Round, string Paper, bool? Accepted, int Files);

/// <summary>
/// Supplement rounds: each request is a round of the dossier and its items are coded by round and number; a later round
/// may not ask again for a paper the dossier already held at an earlier round unless the officer says why; the applicant
/// answers every item.
/// </summary>
public static class SupplementRounds
{
    /// <summary>The warning shown, and the refusal given without a reason, when a paper is asked for again.</summary>
    public const string RepeatWarning =
        "Giấy tờ này đã có trong hồ sơ khi yêu cầu bổ sung lần trước, không được yêu cầu bổ sung lần nữa nếu có thể phát hiện từ lần trước";

    /// <summary>The longest reason an officer may give for a repeated request.</summary>
    public const int MaxReasonLength = 2000;

    /// <summary>The item's stable code within the dossier: "BS" + round + "-" + two-digit number, e.g. BS1-01.</summary>
    public static string Code(int round, int seq) =>
        string.Create(CultureInfo.InvariantCulture, $"BS{round}-{seq:00}");

    /// <summary>The round a new request is, given the dossier's earlier requests.</summary>
    public static int NextRound(IReadOnlyList<EarlierSupplement> earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return earlier.Count == 0 ? 1 : earlier.Max(e => e.Round) + 1;
    }

    /// <summary>
    /// The papers of <paramref name="items"/> that were already in the dossier at an earlier request and were not an item
    /// of it: that request could have asked for them. Each paper is named once, with the earliest such round.
    /// </summary>
    public static IReadOnlyList<RepeatedPaper> Repeats(IReadOnlyList<EarlierSupplement> earlier, IReadOnlyList<SupplementItem> items)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(items);
        var found = new List<RepeatedPaper>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = Key(item.Paper);
            if (key.Length == 0 || !seen.Add(key))
            {
                continue;
            }
            var round = earlier.OrderBy(e => e.Round)
                .FirstOrDefault(e => e.PapersHeld.Any(p => Key(p) == key) && !e.PapersAsked.Any(p => Key(p) == key))?.Round;
            if (round is { } r)
            {
                found.Add(new RepeatedPaper(item.Paper.Trim(), r));
            }
        }
        return found;
    }

    /// <summary>Why the request is refused without a reason: the warning, the papers and the basis.</summary>
    public static string RepeatRefusal(IReadOnlyList<RepeatedPaper> repeats, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(repeats);
        return RepeatWarning + ": " + string.Join("; ", repeats.Select(r => $"\"{r.Paper}\" (lần {r.EarlierRound.ToString(CultureInfo.InvariantCulture)})"))
            + ". Nếu vẫn cần yêu cầu, vui lòng nêu lý do. " + SupplementRules.OnceBasis(at).Basis + ".";
    }

    /// <summary>Why a reason given is not acceptable, or null.</summary>
    public static string? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "Vui lòng nêu lý do yêu cầu bổ sung lại giấy tờ đã có trong hồ sơ."
        : reason.Length > MaxReasonLength ? "Lý do dài tối đa 2.000 ký tự."
        : null;

    /// <summary>
    /// The items the answers leave unanswered: an item is answered by a file, a written answer, or "không có" with the
    /// reason; null when every item is answered, else the message naming each unanswered item.
    /// </summary>
    public static string? Unanswered(IReadOnlyList<CodedItem> items, IReadOnlyList<SupplementAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(answers);
        var missing = new List<string>();
        var noReason = new List<string>();
        foreach (var item in items)
        {
            var a = answers.FirstOrDefault(x => string.Equals(x.Code, item.Code, StringComparison.Ordinal));
            var text = !string.IsNullOrWhiteSpace(a?.Text);
            if (a is { None: true } && !text)
            {
                noReason.Add($"{item.Code} ({item.Paper})");
            }
            else if (a is null || (!a.None && !text && a.Files == 0))
            {
                missing.Add($"{item.Code} ({item.Paper})");
            }
        }
        if (missing.Count == 0 && noReason.Count == 0)
        {
            return null;
        }
        var message = new StringBuilder();
        if (missing.Count > 0)
        {
            message.Append("Chưa trả lời nội dung cần bổ sung: ").Append(string.Join("; ", missing))
                .Append(". Mỗi nội dung cần tải lên tệp, ghi câu trả lời hoặc chọn \"Không có\" và nêu lý do.");
        }
        if (noReason.Count > 0)
        {
            message.Append(message.Length > 0 ? " " : "").Append("Chọn \"Không có\" cần nêu lý do: ").Append(string.Join("; ", noReason)).Append('.');
        }
        return message.ToString();
    }

    /// <summary>
    /// The earlier item whose files are offered again for <paramref name="item"/>: the latest item of an earlier round that
    /// asked for the same paper, whose answer was not accepted and sent files. Those files stay in the dossier's record, so
    /// the applicant may keep them for the new answer instead of uploading them again; null when there is none.
    /// </summary>
    public static ReviewedItem? FilesSentBefore(CodedItem item, int round, IReadOnlyList<ReviewedItem> earlier)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(earlier);
        var key = Key(item.Paper);
        return earlier.Where(e => e.Round < round && e.Accepted == false && e.Files > 0 && Key(e.Paper) == key)
            .OrderByDescending(e => e.Round).ThenByDescending(e => e.Code, StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>The report band of a dossier's round count: 1, 2, or 3 for three and more.</summary>
    public static int Band(int rounds) => Math.Clamp(rounds, 1, 3);

    private static string Key(string? paper) => (paper ?? "").Trim().Normalize(NormalizationForm.FormC).ToUpperInvariant();
}
