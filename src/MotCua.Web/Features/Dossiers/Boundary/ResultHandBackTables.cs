using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Dossiers.Boundary;

/// <summary>
/// Chuyển kết quả về nơi tiếp nhận: the paper result of a dossier received at a centre for another agency, on its way
/// back from the deciding agency to that centre, whose desk returns it. The row is written when the deciding agency's
/// desk sends the result; the centre's desk completes it when the result arrives.
/// </summary>
public sealed class ResultHandBackRecord
{
    public long Id { get; set; }

    public long DossierId { get; set; }

    public Dossier? Dossier { get; set; }

    public int DecidingAgencyId { get; set; }

    /// <summary>The centre that returns the result (the dossier's <see cref="Dossier.ReturnAtCentreId"/>), kept here so its lists need no join.</summary>
    public int CentreAgencyId { get; set; }

    public DateTimeOffset SentAt { get; set; }

    public string? SentBy { get; set; }

    public string? SentByName { get; set; }

    public string? SentNote { get; set; }

    public DateTimeOffset? ReceivedAt { get; set; }

    public string? ReceivedBy { get; set; }

    public string? ReceivedByName { get; set; }

    public string? ReceivedNote { get; set; }

    /// <summary>Optimistic concurrency token: two desks recording the same step cannot both win.</summary>
    public long Version { get; set; }

    public ResultHandBackStage Stage => ResultHandBack.Stage(SentAt, ReceivedAt);
}

public static class ResultHandBackTables
{
    extension(AppDbContext db)
    {
        public DbSet<ResultHandBackRecord> ResultHandBacks => db.Set<ResultHandBackRecord>();
    }
}

internal sealed class ResultHandBackConfiguration : IEntityTypeConfiguration<ResultHandBackRecord>
{
    public void Configure(EntityTypeBuilder<ResultHandBackRecord> b)
    {
        b.ToTable("ResultHandBacks");
        b.HasOne(h => h.Dossier).WithMany().HasForeignKey(h => h.DossierId).OnDelete(DeleteBehavior.Cascade);
        // One hand-back per dossier: a second "sent" loses on this index if two desks race.
        b.HasIndex(h => h.DossierId).IsUnique();
        b.HasIndex(h => new { h.CentreAgencyId, h.ReceivedAt });
        b.Property(h => h.SentBy).HasMaxLength(256);
        b.Property(h => h.SentByName).HasMaxLength(200);
        b.Property(h => h.SentNote).HasMaxLength(500);
        b.Property(h => h.ReceivedBy).HasMaxLength(256);
        b.Property(h => h.ReceivedByName).HasMaxLength(200);
        b.Property(h => h.ReceivedNote).HasMaxLength(500);
        b.Property(h => h.Version).IsConcurrencyToken();
        DossierModel.UtcTicks(b);
    }
}
