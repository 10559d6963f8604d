using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Web.Features.Audit;

/// <summary>
/// A signed record of the chain's head, written by the sealer in the transaction of each sealing round and to the log.
/// It is kept outside the audited table so that deleting the newest entries cannot also delete the proof that they
/// existed: verification requires every checkpoint's entry to be present with the hash and position it signed.
/// </summary>
public sealed class AuditCheckpoint
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The newest sealed entry when the checkpoint was written.</summary>
    public long LastEntryId { get; set; }

    public required string LastHash { get; set; }

    /// <summary>Sealed entries up to and including <see cref="LastEntryId"/>.</summary>
    public long Count { get; set; }

    /// <summary>
    /// Entries up to this id were sealed before the application authenticated entries (no <see cref="AuditEntry.Mac"/>),
    /// and are vouched for by the chain alone. Set by the first checkpoint and carried forward unchanged.
    /// </summary>
    public long LegacyUpToId { get; set; }

    /// <summary>"keyId.hmac" over the fields above (<see cref="AuditKeys.Sign"/>).</summary>
    public required string Mac { get; set; }
}

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> b)
    {
        b.Property(c => c.LastHash).HasMaxLength(64);
        b.Property(c => c.Mac).HasMaxLength(128);
        b.HasIndex(c => new { c.LastEntryId, c.Id });
    }
}
