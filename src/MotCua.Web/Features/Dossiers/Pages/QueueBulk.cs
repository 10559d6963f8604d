using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Dossiers.Pages;

/// <summary>What a bulk action did to one dossier: done, or the refusal in Vietnamese.</summary>
public sealed record BulkResult(string Code, bool Succeeded, string Message);

/// <summary>
/// Bulk assignment and transfer from a queue: each ticked dossier is one ordinary action (<see cref="ActOnDossier"/>:
/// scope, decider, one save with its audit) in a scope of its own, so a refused or conflicting dossier leaves nothing
/// tracked behind for the next one and never half-does another.
/// </summary>
public static class QueueBulk
{
    /// <summary>How many dossiers one bulk action takes (a page and a half of the queue).</summary>
    public const int MaxDossiers = 100;

    /// <summary>Form field names (ASCII, like the queue's query string).</summary>
    public const string Codes = "ma";
    public const string Assignee = "nguoinhan";
    public const string TargetUnit = "donvinhan";

    public static async Task<List<BulkResult>> ApplyAsync(IServiceScopeFactory scopes, ClaimsPrincipal user, IReadOnlyList<string> codes, DossierAction action,
        ActionInput input, Func<Dossier, string> done, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(done);
        var results = new List<BulkResult>(codes.Count);
        foreach (var code in codes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).Take(MaxDossiers))
        {
            await using var scope = scopes.CreateAsyncScope();
            var act = scope.ServiceProvider.GetRequiredService<ActOnDossier>();
            var outcome = await act.ApplyAsync(code, action, input, expectedVersion: null, user, ct);
            results.Add(outcome.Succeeded ? new BulkResult(code, true, done(outcome.Dossier!)) : new BulkResult(code, false, outcome.Message));
        }
        return results;
    }

    /// <summary>Active units of the agency that process dossiers (not the one-stop desk itself), in the agency's order.</summary>
    public static async Task<List<(int Id, string Name)>> ProcessingUnitsAsync(AppDbContext db, int agencyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await db.Units.AsNoTracking().Where(u => u.AgencyId == agencyId && u.IsActive && u.Kind != UnitKind.OneStopDesk)
                .OrderBy(u => u.SortOrder).ThenBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Select(u => (u.Id, u.Name)).ToList();
    }
}
