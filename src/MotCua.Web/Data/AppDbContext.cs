using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Catalogue;
using Features = MotCua.Web.Features;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace MotCua.Web.Data;

/// <summary>
/// The one model. Provider-specific subclasses exist only so that each provider keeps its own
/// migration set (bitwarden's layout); they add no entities.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser, AppRole, string>(options),
    Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    // Each feature adds its own sets as extension members (Features/<X>/<X>Tables.cs) and maps its entities by its
    // IEntityTypeConfiguration classes, so this context names no feature type.

    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    /// <summary>The audit log is append-only: the app may add entries and fill their chain hash, never change or remove them.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var auto = DetectOnce();
        try
        {
            GuardAuditLog();
            // Reference data cached for the request paths: dropped before and after an edit commits.
            var reference = ReferenceCache.NoteChanges(ChangeTracker);
            // The report roll-up's deltas go in the same transaction as the dossiers they follow.
            var rollup = Features.Reports.ReportRollup.NoteChanges(this);
            int saved;
            try
            {
                saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            catch
            {
                Features.Reports.ReportRollup.Forget(this, rollup);
                throw;
            }
            if (reference)
            {
                ReferenceCache.Invalidate();
            }
            return saved;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = auto;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var auto = DetectOnce();
        try
        {
            GuardAuditLog();
            var reference = ReferenceCache.NoteChanges(ChangeTracker);
            var rollup = Features.Reports.ReportRollup.NoteChanges(this);
            int saved;
            try
            {
                saved = base.SaveChanges(acceptAllChangesOnSuccess);
            }
            catch
            {
                Features.Reports.ReportRollup.Forget(this, rollup);
                throw;
            }
            if (reference)
            {
                ReferenceCache.Invalidate();
            }
            return saved;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = auto;
        }
    }

    /// <summary>
    /// One change-detection pass per save: the audit guard, the cache check and EF's own save would each run a full pass
    /// over the tracker. Nothing changes an entity between here and the save,
    /// so detection is switched off for the rest of it. Returns the caller's setting, restored after the save.
    /// </summary>
    private bool DetectOnce()
    {
        var auto = ChangeTracker.AutoDetectChangesEnabled;
        if (auto)
        {
            ChangeTracker.DetectChanges();
            ChangeTracker.AutoDetectChangesEnabled = false;
        }
        return auto;
    }

    /// <summary>
    /// New entries get the application's MAC here, the one place every entry passes through, so no writer can forget it;
    /// entries and checkpoints are otherwise append-only.
    /// </summary>
    private void GuardAuditLog()
    {
        AuditKeys? keys = null;
        foreach (var e in ChangeTracker.Entries<AuditEntry>())
        {
            if (e.State == EntityState.Added)
            {
                keys ??= this.GetService<AuditKeys>();
                keys.Authenticate(e.Entity);
                e.Property(a => a.At).CurrentValue = e.Entity.At;
                e.Property(a => a.Mac).CurrentValue = e.Entity.Mac;
                continue;
            }
            var forbidden = e.State == EntityState.Deleted
                || (e.State == EntityState.Modified && e.Properties.Any(p => p.IsModified && p.Metadata.Name is not (nameof(AuditEntry.Hash) or nameof(AuditEntry.PreviousHash))));
            if (forbidden)
            {
                throw new InvalidOperationException("The audit log is append-only.");
            }
        }
        if (ChangeTracker.Entries<AuditCheckpoint>().Any(e => e.State is EntityState.Deleted or EntityState.Modified))
        {
            throw new InvalidOperationException("Audit checkpoints are append-only.");
        }
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
