using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MotCua.Web.Data;

/// <summary>
/// One change-detection pass per save: the first save interceptor of every app context detects changes, then turns
/// automatic detection off until the save ends, so the interceptors after it (audit guard, cache invalidation) and EF's
/// own save each read the tracker without another full pass over every tracked entity (docs/performance.md). The
/// caller's setting comes back when the save completes, fails or is cancelled, or, when an interceptor refused the
/// save before it began, at the start of the context's next save.
/// </summary>
internal sealed class DetectChangesOnce : SaveChangesInterceptor
{
    public static readonly DetectChangesOnce Instance = new();

    private static readonly object Off = new();
    private readonly ConditionalWeakTable<DbContext, object> _switchedOff = [];

    private DetectChangesOnce()
    {
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Detect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Detect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Restore(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Restore(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Restore(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Restore(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Restore(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Restore(eventData.Context);
        return Task.CompletedTask;
    }

    private void Detect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        Restore(context);
        var tracker = context.ChangeTracker;
        if (tracker.AutoDetectChangesEnabled)
        {
            tracker.DetectChanges();
            tracker.AutoDetectChangesEnabled = false;
            _switchedOff.AddOrUpdate(context, Off);
        }
    }

    private void Restore(DbContext? context)
    {
        if (context is not null && _switchedOff.Remove(context))
        {
            context.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }
}
