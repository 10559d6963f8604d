namespace MotCua.Web.Data;

/// <summary>
/// Where reports, indices, dashboards and public statistics read from. Today the primary, read without change
/// tracking; when a read replica is configured (issue #10) this is the one place that switches, so report code never
/// chooses a connection itself. Never write through it; queries use <c>AsNoTracking()</c> (the primary context is the
/// request's own, so its tracking behaviour is not changed here).
/// </summary>
public sealed class ReportingDb
{
    public ReportingDb(AppDbContext primary)
    {
        ArgumentNullException.ThrowIfNull(primary);
        Context = primary;
    }

    public AppDbContext Context { get; }
}
