using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dossiers.Supplement;

/// <summary>One item of a supplement request on the dossier page: what was asked, what the applicant answered, the files and the review.</summary>
/// <param name="KeptFrom">The earlier item whose files the answer kept, listed in <paramref name="KeptFiles"/>.</param>
public sealed record AnsweredItem(long Id, string Code, int Round, string Paper, string Problem, string? LegalBasis,
    string? AnswerText, bool AnswerNone, DateTimeOffset? AnsweredAt, bool? Accepted, string? ReviewNote, string? ReviewedBy, IReadOnlyList<DossierFile> Files,
    string? KeptFrom = null, IReadOnlyList<DossierFile>? KeptFiles = null);

/// <summary>
/// The dossier page's panel of supplement rounds: the coded items with the applicant's answers and the officer's review,
/// and the requests flagged as asking again for what an earlier one could have asked.
/// </summary>
/// <param name="ReviewCode">The dossier code when the viewer may review the answers (desk or specialist of the agency); null otherwise.</param>
/// <param name="RepeatCandidates">The papers a new request would ask for again (held at an earlier request and not asked then), for the warning before sending.</param>
public sealed record SupplementRoundsPanel(IReadOnlyList<AnsweredItem> Items, IReadOnlyList<RepeatFlag> Repeats, string? ReviewCode, IReadOnlyList<RepeatedPaper> RepeatCandidates)
{
    /// <summary>The items of the latest round that the applicant has answered and nobody has reviewed yet.</summary>
    public bool AwaitingReview => Items.Any(i => i.AnsweredAt is not null && i.Accepted is null);

    public static async Task<SupplementRoundsPanel> LoadAsync(AppDbContext db, Dossier dossier, IReadOnlyList<DossierFile> files, ClaimsPrincipal user, bool own, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(user);
        var rows = await db.DossierSupplementItems.AsNoTracking().Where(i => i.DossierId == dossier.Id)
            .OrderBy(i => i.Round).ThenBy(i => i.Seq).ThenBy(i => i.Id).ToListAsync(ct);
        var byCode = files.Where(f => f.Kind == DossierFileKind.Supplement && f.SupplementItemCode is not null).ToLookup(f => f.SupplementItemCode!);
        var items = rows.Select(i => new AnsweredItem(i.Id, i.Code, i.Round, i.Paper, i.Problem, i.LegalBasis, i.AnswerText, i.AnswerNone, i.AnsweredAt,
            i.Accepted, i.ReviewNote, i.ReviewedBy, [.. byCode[i.Code]], i.KeptFilesOf,
            i.KeptFilesOf is { } kept ? SupplementAnswerQueries.FilesOf(kept, rows, byCode) : null)).ToList();
        var repeats = await SupplementRequestQueries.RepeatsAsync(db, dossier.Id, ct);
        var mayReview = own && (user.IsInRole(Roles.OneStopOfficer) || user.IsInRole(Roles.Specialist));
        var earlier = await SupplementRequestQueries.EarlierAsync(db, dossier.Id, ct);
        // Asking for every paper the dossier holds shows which of them an earlier request could already have asked for.
        var candidates = SupplementRounds.Repeats(earlier, [.. dossier.Papers.Select(p => new SupplementItem(p.Name, "-", null))]);
        return new SupplementRoundsPanel(items, repeats, mayReview ? dossier.Code : null, candidates);
    }
}

/// <summary>The applicant's answer to one item as posted from the follow page.</summary>
public sealed class ItemAnswerInput
{
    public string? Code { get; set; }

    public string? Text { get; set; }

    public bool None { get; set; }

    /// <summary>Keep the files sent for the earlier, refused answer to the same paper as part of this answer.</summary>
    public bool KeepFiles { get; set; }
}

/// <summary>Files sent for an earlier, refused answer that the applicant may keep for an open item: the earlier item, its review note and the files.</summary>
public sealed record FilesSentBefore(string Code, string? ReviewNote, IReadOnlyList<DossierFile> Files);

/// <summary>The open items the applicant answers: those of the dossier's latest round.</summary>
public static class SupplementAnswerQueries
{
    public static async Task<IReadOnlyList<DossierSupplementItem>> OpenItemsAsync(AppDbContext db, long dossierId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var round = await db.DossierSupplementItems.Where(i => i.DossierId == dossierId).MaxAsync(i => (int?)i.Round, ct);
        if (round is not { } r)
        {
            return [];
        }
        var items = await db.DossierSupplementItems.Where(i => i.DossierId == dossierId && i.Round == r).OrderBy(i => i.Seq).ThenBy(i => i.Id).ToListAsync(ct);
        // Answered items belong to a round already handed in; a later request recorded without items is answered as a whole.
        return items.Any(i => i.AnsweredAt is not null) ? [] : items;
    }

    /// <summary>
    /// The files an answer to an earlier item holds: those uploaded for it and, when it kept the files of a refused
    /// answer before it, those too.
    /// </summary>
    public static IReadOnlyList<DossierFile> FilesOf(string code, IReadOnlyList<DossierSupplementItem> items, ILookup<string, DossierFile> byCode)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(byCode);
        var files = new List<DossierFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (string? c = code; c is not null && seen.Add(c); c = items.FirstOrDefault(i => string.Equals(i.Code, c, StringComparison.Ordinal))?.KeptFilesOf)
        {
            files.AddRange(byCode[c]);
        }
        return files;
    }

    /// <summary>For each open item, the files of the earlier refused answer to the same paper that the applicant may keep (<see cref="SupplementRounds.FilesSentBefore"/>).</summary>
    public static async Task<IReadOnlyDictionary<string, FilesSentBefore>> SentBeforeAsync(AppDbContext db, long dossierId, IReadOnlyList<DossierSupplementItem> open, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(open);
        var found = new Dictionary<string, FilesSentBefore>(StringComparer.Ordinal);
        if (open.Count == 0)
        {
            return found;
        }
        var all = await db.DossierSupplementItems.AsNoTracking().Where(i => i.DossierId == dossierId).ToListAsync(ct);
        var byCode = (await db.DossierFiles.AsNoTracking()
            .Where(f => f.DossierId == dossierId && f.Kind == DossierFileKind.Supplement && f.SupplementItemCode != null).OrderBy(f => f.Id).ToListAsync(ct))
            .ToLookup(f => f.SupplementItemCode!);
        var earlier = all.Select(i => new ReviewedItem(i.Code, i.Round, i.Paper, i.Accepted, FilesOf(i.Code, all, byCode).Count)).ToList();
        foreach (var item in open)
        {
            if (SupplementRounds.FilesSentBefore(new CodedItem(item.Code, item.Paper), item.Round, earlier) is { } before)
            {
                found[item.Code] = new FilesSentBefore(before.Code, all.First(i => i.Code == before.Code).ReviewNote, FilesOf(before.Code, all, byCode));
            }
        }
        return found;
    }

    /// <summary>Records the answers on the items (tracked), in the caller's save; an answer keeps earlier files only where <paramref name="sentBefore"/> offers them.</summary>
    public static void Record(IReadOnlyList<DossierSupplementItem> items, IReadOnlyList<ItemAnswerInput> answers, DateTimeOffset at,
        IReadOnlyDictionary<string, FilesSentBefore>? sentBefore = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(answers);
        foreach (var item in items)
        {
            var a = answers.FirstOrDefault(x => string.Equals(x.Code, item.Code, StringComparison.Ordinal));
            item.AnswerText = TextSearch.NfcOrNull(a?.Text);
            item.AnswerNone = a?.None ?? false;
            item.KeptFilesOf = a is { KeepFiles: true } && sentBefore?.GetValueOrDefault(item.Code) is { } before ? before.Code : null;
            item.AnsweredAt = at.ToUniversalTime();
            item.Accepted = null;
            item.ReviewNote = null;
            item.ReviewedBy = null;
            item.ReviewedAt = null;
        }
    }
}
