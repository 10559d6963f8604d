using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Audit;

/// <summary>
/// One append-only audit record (who, when, what, from, to). It is added to the caller's DbContext so it commits in
/// the same transaction as the change it describes: a rolled-back change leaves no audit entry and vice versa.
/// <see cref="Hash"/> chains entries (each stores the previous entry's hash) and is filled by the sealer, in id order,
/// outside the request path, so receipts never wait on a chain lock. <see cref="Mac"/> is set when the entry is saved
/// (AppDbContext) with the key from configuration; the sealer refuses a row without a valid one.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public int? AgencyId { get; set; }

    public DateTimeOffset At { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    /// <summary>Stable machine code, e.g. "calendar.day.set", "dossier.transition".</summary>
    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    /// <summary>What a person reads in the log, in Vietnamese.</summary>
    public required string Summary { get; set; }

    /// <summary>Details as JSON (before/after values), invariant culture.</summary>
    public string? Data { get; set; }

    public string? PreviousHash { get; set; }

    public string? Hash { get; set; }

    /// <summary>"keyId.nonce.hmac" (<see cref="AuditKeys"/>): proves the application wrote this row. Null only on rows
    /// sealed before entries were authenticated.</summary>
    public string? Mac { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.UserId).HasMaxLength(64);
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.EntityType).HasMaxLength(64);
        b.Property(a => a.EntityId).HasMaxLength(128);
        b.Property(a => a.Summary).HasMaxLength(2000);
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        b.Property(a => a.Mac).HasMaxLength(128);
        // Each MAC has its own nonce: a copy of a genuine row is refused by the database.
        b.HasIndex(a => a.Mac).IsUnique();
        b.HasIndex(a => new { a.EntityType, a.EntityId });
        b.HasIndex(a => new { a.AgencyId, a.At });
        // The lists an agency showed in full ("who read my data" looks for a dossier's code in those since it was submitted).
        b.HasIndex(a => new { a.Action, a.AgencyId, a.At });
    }
}

public static class AuditLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds an entry to <paramref name="db"/>; the caller's SaveChanges commits it with the change.</summary>
    public static AuditEntry Append(AppDbContext db, TimeProvider time, ClaimsPrincipal? user, string action, string entityType, string entityId, string summary, object? data = null)
    {
        var entry = new AuditEntry
        {
            AgencyId = user?.AgencyId(),
            At = time.GetUtcNow(),
            UserId = user?.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = user?.Identity?.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Summary = summary,
            Data = data is null ? null : JsonSerializer.Serialize(data, Json),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
