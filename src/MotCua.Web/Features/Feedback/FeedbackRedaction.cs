using MotCua.Core.Feedback;

namespace MotCua.Web.Features.Feedback;

/// <summary>The officer's review of what is hidden before a PAKN is published: findings kept as they are, text added.</summary>
/// <param name="Reviewed">True only when the officer published from the review (the page's "Công khai" or the API's <c>reviewed: true</c>).</param>
/// <param name="Restore">Found texts that are not personal data (false positives), shown as written.</param>
/// <param name="Redact">More texts to hide wherever they occur.</param>
public sealed record RedactionReview(bool Reviewed, IReadOnlyList<string> Restore, IReadOnlyList<string> Redact)
{
    public const int MaxTerms = 50;
    public const int MaxTermLength = 200;

    public static RedactionReview None { get; } = new(false, [], []);

    /// <summary>Trimmed, NFC, without blanks or repeats; null when a list is too long (the caller refuses it).</summary>
    public static IReadOnlyList<string>? Clean(IEnumerable<string?>? terms)
    {
        var list = (terms ?? []).SelectMany(t => (t ?? "").Split('\n'))
            .Select(t => t.Trim().Normalize(System.Text.NormalizationForm.FormC)).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return list.Count > MaxTerms || list.Any(t => t.Length > MaxTermLength) ? null : list;
    }
}

/// <summary>One text of a PAKN as it would be published: the spans found and the redacted result.</summary>
public sealed record RedactedText(string Field, string Label, string Original, IReadOnlyList<PersonalDataSpan> Spans, int MaxLength)
{
    public string Redacted => PersonalDataDetector.Redact(Original, Spans);

    /// <summary>The text cut into plain parts and redacted spans, for the review page.</summary>
    public IEnumerable<(string Text, PersonalDataSpan? Span)> Segments()
    {
        var at = 0;
        foreach (var s in Spans)
        {
            if (s.Start > at)
            {
                yield return (Original[at..s.Start], null);
            }
            yield return (s.Of(Original), s);
            at = s.End;
        }
        if (at < Original.Length)
        {
            yield return (Original[at..], null);
        }
    }
}

/// <summary>
/// What publishing a PAKN discloses: the title, content, answer and related regulation with the sender's identifiers
/// found by <see cref="PersonalDataDetector"/> (and the sender's own name and contact wherever they occur) redacted,
/// after the officer's review.
/// </summary>
public static class FeedbackRedaction
{
    /// <summary>The sender's values searched for in every text: the name, the contact as given, the street line of the address.</summary>
    public static IReadOnlyList<KnownValue> Known(FeedbackItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var known = new List<KnownValue> { new(item.SenderName, PersonalDataKind.Name), new(item.SenderAddress, PersonalDataKind.Contact),
            new(item.SenderPhone, PersonalDataKind.Contact), new(item.SenderEmail, PersonalDataKind.Contact) };
        // "12 Trần Hưng Đạo, Tuy Hòa": the part with the house number identifies; the town alone does not.
        known.AddRange(item.SenderAddress.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.Any(char.IsDigit)).Select(p => new KnownValue(p, PersonalDataKind.Contact)));
        return known;
    }

    /// <summary>The texts as they would be published with <paramref name="review"/>'s choices.</summary>
    public static IReadOnlyList<RedactedText> Preview(FeedbackItem item, RedactionReview review)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(review);
        var known = Known(item);
        RedactedText Text(string field, string label, string? text, int max) =>
            new(field, label, text ?? "", PersonalDataDetector.Review(text ?? "", known, review.Restore, review.Redact), max);
        return
        [
            Text("title", "Tiêu đề", item.Title, 300),
            Text("content", "Nội dung", item.Content, 8000),
            Text("answer", "Trả lời", item.AnswerText, 8000),
            Text("regulation", "Quy định liên quan", item.RelatedRegulation, 500),
        ];
    }

    /// <summary>Everything the detector finds in the texts before the review, one entry per distinct text (to keep or hide).</summary>
    public static IReadOnlyList<(string Text, PersonalDataKind Kind)> Findings(FeedbackItem item) =>
        Preview(item, RedactionReview.None).SelectMany(t => t.Spans.Select(s => (Text: s.Of(t.Original), s.Kind)))
            .DistinctBy(f => PersonalDataDetector.Fold(f.Text)).ToList();

    /// <summary>Whether the item waits for a redaction review before (or, published before reviews existed, to return to) the public pages.</summary>
    public static bool AwaitsReview(FeedbackItem item) =>
        item.Status == FeedbackStatus.Approved || (item.Status == FeedbackStatus.Published && item.PublicContent is null);
}
