using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Dossiers.Supplement;

/// <summary>
/// A supplement request as stored: which act it was (the desk's guidance or the processing body's request), its limits and
/// what the resubmission did to the clock, so the dossier page, the explanation and the reports tell the two apart.
/// </summary>
public sealed class DossierSupplementRequest
{
    public long Id { get; set; }

    public long DossierId { get; set; }

    public Dossier? Dossier { get; set; }

    public SupplementAct Act { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>The act's own limit: the online check for the desk, 02 working days for the processing body.</summary>
    public DateTimeOffset? ActBy { get; set; }

    public DateTimeOffset? NotifyApplicantBy { get; set; }

    public DateTimeOffset? ApplicantDueAt { get; set; }

    public SupplementClockPolicy? Policy { get; set; }

    public DateTimeOffset? DueBefore { get; set; }

    public DateTimeOffset? ResubmittedAt { get; set; }

    public DateTimeOffset? DueAfter { get; set; }

    /// <summary>When the desk notified the applicant of a processing request (recorded by the desk); null while not yet.</summary>
    public DateTimeOffset? ApplicantNotifiedAt { get; set; }

    /// <summary>The request's round in the dossier: 1 for its first supplement request.</summary>
    public int Round { get; set; } = 1;

    /// <summary>The papers present in the dossier when the request was made, one a line: what a later request may not ask again without a reason.</summary>
    public string? PapersHeld { get; set; }

    /// <summary>The papers this request asked for that an earlier request could have asked for, one a line; null when none.</summary>
    public string? RepeatedPapers { get; set; }

    /// <summary>The officer's reason for asking for <see cref="RepeatedPapers"/> again.</summary>
    public string? RepeatReason { get; set; }

    public SupplementRequest ToRequest() => new(Act, RequestedAt)
    {
        Round = Round,
        ActBy = ActBy, NotifyApplicantBy = NotifyApplicantBy, ApplicantNotifiedAt = ApplicantNotifiedAt, ApplicantDueAt = ApplicantDueAt, Policy = Policy,
        DueBefore = DueBefore, ResubmittedAt = ResubmittedAt, DueAfter = DueAfter,
    };
}

internal sealed class DossierSupplementRequestConfiguration : IEntityTypeConfiguration<DossierSupplementRequest>
{
    public void Configure(EntityTypeBuilder<DossierSupplementRequest> builder)
    {
        builder.ToTable("DossierSupplementRequests");
        builder.Property(x => x.Act).HasConversion<string>().HasMaxLength(24);
        builder.Property(x => x.Policy).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.PapersHeld).HasMaxLength(8000);
        builder.Property(x => x.RepeatedPapers).HasMaxLength(4000);
        builder.Property(x => x.RepeatReason).HasMaxLength(SupplementRounds.MaxReasonLength);
        builder.HasOne(x => x.Dossier).WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Cascade);
        // Each act at most once per dossier: the database backs the rule the decider enforces.
        builder.HasIndex(x => new { x.DossierId, x.Act }).IsUnique();
    }
}

public static class SupplementRequestTables
{
    extension(AppDbContext db)
    {
        public DbSet<DossierSupplementRequest> DossierSupplementRequests => db.Set<DossierSupplementRequest>();
    }
}

/// <summary>Records the request in the dossier's one save, and on resubmission when the supplement came in and the new due instant.</summary>
public sealed class SupplementRequestRecorder : IDossierSubscriber
{
    public async Task OnSavingAsync(AppDbContext db, DossierSaving change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        if (change.Decision?.Supplement is { } r)
        {
            // Instants are stored in UTC (PostgreSQL's timestamptz takes no other offset); the calendar computes them at +07:00.
            var held = change.Dossier.Id == 0
                ? change.Dossier.Papers.Where(p => p.Present).OrderBy(p => p.Seq).Select(p => p.Name).ToList()
                : await db.Set<DossierPaper>().Where(p => p.DossierId == change.Dossier.Id && p.Present).OrderBy(p => p.Seq).Select(p => p.Name).ToListAsync(ct);
            var repeat = change.Decision.SupplementRepeat;
            db.Add(new DossierSupplementRequest
            {
                Dossier = change.Dossier, Act = r.Act, RequestedAt = r.RequestedAt.ToUniversalTime(), ActBy = r.ActBy?.ToUniversalTime(),
                NotifyApplicantBy = r.NotifyApplicantBy?.ToUniversalTime(), ApplicantDueAt = r.ApplicantDueAt?.ToUniversalTime(), Policy = r.Policy,
                DueBefore = r.DueBefore?.ToUniversalTime(), Round = r.Round, PapersHeld = Lines(held),
                RepeatedPapers = repeat is null ? null : Lines(repeat.Papers.Select(p => p.Paper)), RepeatReason = repeat?.Reason,
            });
        }
        if (change.Transitions.Any(t => t.Action == DossierAction.ResubmitSupplement) && change.Dossier.Id != 0)
        {
            var open = await db.DossierSupplementRequests
                .Where(x => x.DossierId == change.Dossier.Id && x.ResubmittedAt == null)
                .OrderByDescending(x => x.Id).FirstOrDefaultAsync(ct);
            if (open is not null)
            {
                open.ResubmittedAt = change.At.ToUniversalTime();
                open.DueAfter = (change.Decision?.State?.DueAt ?? change.Dossier.DueAt)?.ToUniversalTime();
            }
        }
    }

    private static string? Lines(IEnumerable<string> papers)
    {
        var text = string.Join("\n", papers.Select(p => p.Replace('\n', ' ')));
        return text.Length == 0 ? null : text.Length > 8000 ? text[..8000] : text;
    }
}

/// <summary>Reads the requests of a dossier for its page.</summary>
public static class SupplementRequestQueries
{
    /// <summary>The dossier's earlier requests as the repeat rule reads them: the papers held then and the papers asked.</summary>
    public static async Task<IReadOnlyList<EarlierSupplement>> EarlierAsync(AppDbContext db, long dossierId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var requests = await db.DossierSupplementRequests.AsNoTracking().Where(x => x.DossierId == dossierId)
            .OrderBy(x => x.Round).Select(x => new { x.Round, x.PapersHeld }).ToListAsync(ct);
        if (requests.Count == 0)
        {
            return [];
        }
        var asked = await db.Set<Forms.DossierSupplementItem>().AsNoTracking().Where(x => x.DossierId == dossierId)
            .Select(x => new { x.Round, x.Paper }).ToListAsync(ct);
        return [.. requests.Select(r => new EarlierSupplement(r.Round, (r.PapersHeld ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries),
            [.. asked.Where(a => a.Round == r.Round).Select(a => a.Paper)]))];
    }

    /// <summary>Flagged requests: the round, the papers asked again and the reason, for the dossier page.</summary>
    public static async Task<IReadOnlyList<RepeatFlag>> RepeatsAsync(AppDbContext db, long dossierId, CancellationToken ct) =>
        await db.DossierSupplementRequests.AsNoTracking().Where(x => x.DossierId == dossierId && x.RepeatedPapers != null).OrderBy(x => x.Round)
            .Select(x => new RepeatFlag(x.Round, x.RepeatedPapers!, x.RepeatReason ?? "")).ToListAsync(ct);

    public static async Task<IReadOnlyList<SupplementRequest>> ForDossierAsync(AppDbContext db, long dossierId, CancellationToken ct) =>
        [.. (await db.DossierSupplementRequests.AsNoTracking().Where(x => x.DossierId == dossierId).OrderBy(x => x.Id).ToListAsync(ct))
            .Select(x => x.ToRequest())];
}

/// <summary>What the dossier page's supplement panel shows: the requests, the instant to judge them at and the status.</summary>
/// <param name="NoticeCode">The dossier's code when the viewer is the desk and may record the notice to the applicant.</param>
public sealed record SupplementPanel(IReadOnlyList<SupplementRequest> Requests, DateTimeOffset Now, DossierStatus Status, string? NoticeCode = null)
{
    /// <summary>The applicant's limit passed while the dossier still waits: the desk may close it (Stop, with the reason).</summary>
    public bool Expired => Status == DossierStatus.AwaitingSupplement && Requests.Count > 0 && Requests[^1].ExpiredAt(Now);
}

/// <summary>A request that asked again for papers an earlier one could have asked for.</summary>
/// <param name="Papers">The papers, one a line.</param>
public sealed record RepeatFlag(int Round, string Papers, string Reason);

/// <summary>Told when the desk records that it notified the applicant, so alerts about the notice can be cleared.</summary>
public interface ISupplementNoticeListener
{
    /// <summary>Called in the desk's save, before SaveChanges.</summary>
    Task OnApplicantNotifiedAsync(AppDbContext db, Dossier dossier, DateTimeOffset at, CancellationToken ct);
}
