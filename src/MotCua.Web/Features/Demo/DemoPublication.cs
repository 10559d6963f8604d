using Microsoft.EntityFrameworkCore;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;

namespace MotCua.Web.Features.Demo;

/// <summary>
/// The province's decision announcing the demo catalogue, signed well ahead of its effective day, and the posting of
/// every procedure at the one-stop desk, so the 766 index's disclosure indicators and the report's posting count read
/// what a department that keeps its catalogue in order would show.
/// </summary>
public static class DemoPublication
{
    public const string DecisionNumber = "2150/QĐ-UBND";

    public static async Task SeedAsync(AppDbContext db, int agencyId, CancellationToken ct)
    {
        if (await db.PublicationDecisions.AnyAsync(d => d.AgencyId == agencyId && d.Number == DecisionNumber, ct))
        {
            return;
        }
        var versions = await db.ProcedureVersions.Include(v => v.Procedure)
            .Where(v => v.Procedure!.AgencyId == agencyId && v.State == VersionState.Published && v.PublicationDecisionId == null)
            .OrderBy(v => v.Id).ToListAsync(ct);
        if (versions.Count == 0)
        {
            return;
        }
        var effective = versions.Min(v => v.EffectiveFrom) ?? new DateOnly(2025, 1, 1);
        var decision = new PublicationDecision
        {
            AgencyId = agencyId,
            Number = DecisionNumber,
            SignedOn = effective.AddDays(-45),
            EffectiveFrom = effective,
            Issuer = DecisionIssuer.ProvincialChairman,
            IssuerName = "Chủ tịch UBND tỉnh Đắk Lắk",
            Summary = "Công bố danh mục thủ tục hành chính thuộc phạm vi chức năng quản lý của Sở Khoa học và Công nghệ",
            CreatedAt = new DateTimeOffset(effective.AddDays(-44).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero),
            CreatedBy = "admin",
        };
        foreach (var version in versions)
        {
            decision.Items.Add(new PublicationDecisionItem { ProcedureId = version.ProcedureId, Action = PublicationAction.New, ProcedureVersionId = version.Id });
            version.PublicationDecision = decision;
            version.PostedOn ??= effective;
        }
        db.PublicationDecisions.Add(decision);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
