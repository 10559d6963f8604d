using System.Linq.Expressions;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Results;

/// <summary>
/// A result is ready to hand over when its document is recorded, and signed digitally when the applicant chose the
/// electronic return (an unsigned file is no electronic result).
/// </summary>
public sealed class DeskResultReadiness(AppDbContext db) : IDeskResultReadiness
{
    public IQueryable<Dossier> Ready(IQueryable<Dossier> dossiers) => dossiers.Where(ReadyForDesk(db));

    public IQueryable<Dossier> NotReady(IQueryable<Dossier> dossiers)
    {
        var ready = ReadyForDesk(db);
        return dossiers.Where(Expression.Lambda<Func<Dossier, bool>>(Expression.Not(ready.Body), ready.Parameters));
    }

    /// <summary>The same rule over a dossier's result documents already loaded.</summary>
    public static bool IsReady(ResultDelivery? returnChoice, IEnumerable<ResultStatus> statuses) =>
        returnChoice == ResultDelivery.Online
            ? statuses.Any(s => s == ResultStatus.InForce)
            : statuses.Any(s => s is ResultStatus.Draft or ResultStatus.InForce);

    /// <summary>The rule as an expression, for queries that filter in the database.</summary>
    public static Expression<Func<Dossier, bool>> ReadyForDesk(AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var results = db.Set<ResultDocument>();
        return d => d.ReturnChoice == ResultDelivery.Online
            ? results.Any(r => r.AgencyId == d.AgencyId && r.DossierId == d.Id && r.Status == ResultStatus.InForce)
            : results.Any(r => r.AgencyId == d.AgencyId && r.DossierId == d.Id && (r.Status == ResultStatus.Draft || r.Status == ResultStatus.InForce));
    }
}
