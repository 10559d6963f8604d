using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace MotCua.Web.Features.Audit;

/// <summary>
/// The audit log is append-only: a save may add entries and fill their chain hash, never change or remove an entry
/// or a checkpoint. New entries get the application's MAC here, the one place every entry passes through, so no
/// writer can forget it. A save interceptor in every app context's options (<see cref="AuditModule.AddAudit"/>).
/// </summary>
public sealed class AuditLogGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Guard(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Guard(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Guard(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        AuditKeys? keys = null;
        foreach (var e in context.ChangeTracker.Entries<AuditEntry>())
        {
            if (e.State == EntityState.Added)
            {
                keys ??= context.GetService<AuditKeys>();
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
        if (context.ChangeTracker.Entries<AuditCheckpoint>().Any(e => e.State is EntityState.Deleted or EntityState.Modified))
        {
            throw new InvalidOperationException("Audit checkpoints are append-only.");
        }
    }
}
