using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Notifications;

/// <summary>An active leader of an agency: the account, the unit, and whether that unit is the agency's leadership.</summary>
public sealed record AgencyLeader(string UserId, string UserName, int? UnitId, bool InLeadership);

/// <summary>
/// Who decides a dossier waiting for approval, the one rule behind the leader's alert and the leader's inbox: the
/// dossier's assignee when that officer is a leader (the leader chosen at submission), else the leaders of the unit
/// holding it, else (a unit without its own leader) the agency's leadership.
/// </summary>
public static class Approvers
{
    /// <summary>The agency's active leaders (a handful of rows: one read per alert or inbox).</summary>
    public static Task<List<AgencyLeader>> LeadersAsync(AppDbContext db, int agencyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (from u in db.Users.AsNoTracking()
                where u.AgencyId == agencyId && u.IsActive
                   && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Leader))
                orderby u.UserName
                select new AgencyLeader(u.Id, u.UserName!, u.UnitId, db.Set<Unit>().Any(x => x.Id == u.UnitId && x.Kind == UnitKind.Leadership)))
            .ToListAsync(ct);
    }

    /// <summary>The leaders who decide a dossier held by <paramref name="unitId"/> and assigned to <paramref name="assignee"/>.</summary>
    public static IReadOnlyList<AgencyLeader> Of(IReadOnlyList<AgencyLeader> leaders, int? unitId, string? assignee)
    {
        ArgumentNullException.ThrowIfNull(leaders);
        if (assignee is not null && leaders.FirstOrDefault(l => string.Equals(l.UserName, assignee, StringComparison.Ordinal)) is { } chosen)
        {
            return [chosen];
        }
        var ofUnit = leaders.Where(l => unitId is not null && l.UnitId == unitId).ToList();
        return ofUnit.Count > 0 ? ofUnit : leaders.Where(l => l.InLeadership).ToList();
    }
}
