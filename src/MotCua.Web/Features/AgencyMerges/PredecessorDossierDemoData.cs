using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.AgencyMerges;

/// <summary>
/// Closed dossiers of the merged-away Phú Yên department, received before the provinces merged on 1/7/2025, saved the
/// way the historical import saves them (under the predecessor's own codes), so the successor's tracking book and
/// reports show its predecessor's history.
/// </summary>
public static class PredecessorDossierDemoData
{
    public const string PredecessorCode = "SKHCN-PY";

    // Applicant, phone, receipt, and whether the result came after the appointment.
    private static readonly (string Applicant, string Phone, DateTimeOffset Received, bool Late)[] History =
    [
        ("Công ty TNHH Thiết bị Đo lường Tuy Hòa", "0905318274", new(2025, 2, 10, 8, 30, 0, TimeSpan.FromHours(7)), false),
        ("Công ty Cổ phần Thủy sản Sông Cầu", "0914627385", new(2025, 3, 18, 9, 15, 0, TimeSpan.FromHours(7)), false),
        ("Hợp tác xã Nông nghiệp Hòa Xuân", "0935172846", new(2025, 4, 22, 14, 0, 0, TimeSpan.FromHours(7)), true),
        ("Công ty TNHH Cơ khí Đông Hòa", "0983514627", new(2025, 5, 27, 10, 45, 0, TimeSpan.FromHours(7)), false),
        ("Công ty Cổ phần Dược phẩm Phú Yên", "0978246153", new(2025, 6, 16, 8, 0, 0, TimeSpan.FromHours(7)), false),
    ];

    public static async Task SeedAsync(IServiceProvider sp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sp);
        var db = sp.GetRequiredService<AppDbContext>();
        var predecessor = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == PredecessorCode && a.SucceededById != null, ct);
        if (predecessor is null || await db.Dossiers.AnyAsync(d => d.AgencyId == predecessor.Id, ct))
        {
            return;
        }
        // The predecessor's procedures moved to its successor with the merge; their earliest published versions stand in.
        var versions = await db.ProcedureVersions.AsNoTracking().Include(v => v.Procedure).Include(v => v.Fees)
            .Where(v => v.Procedure!.AgencyId == predecessor.SucceededById && v.State == VersionState.Published)
            .OrderBy(v => v.Procedure!.Code).ThenBy(v => v.Number).ToListAsync(ct);
        versions = [.. versions.DistinctBy(v => v.ProcedureId).Take(3)];
        if (versions.Count == 0)
        {
            return;
        }
        var references = sp.GetRequiredService<DossierReferences>();
        var calculator = await references.CalculatorAsync(predecessor, ct);
        var dossiers = new List<Dossier>();
        for (var i = 0; i < History.Length; i++)
        {
            var (applicant, phone, received, late) = History[i];
            var version = versions[i % versions.Count];
            var dossier = await references.NewDossierAsync(predecessor, version, DossierChannel.Direct,
                new ApplicantInput(ApplicantKind.Organisation, applicant, null, phone, null, "Tuy Hòa, Phú Yên"), received.ToUniversalTime(), ct);
            dossier.Code = await references.NextCodeAsync(predecessor, received, ct);
            var time = dossier.ProcessingTime ?? ProcessingTime.WorkingDays(10);
            var due = calculator.ComputeDue(received, time);
            var resolved = late ? due.AddDays(2) : received + ((due - received) / 2);
            var history = new HistoricalDossier(received.ToUniversalTime(), due, resolved, resolved.AddHours(2));
            dossier.Imported = true;
            dossier.CreatedAt = received.ToUniversalTime();
            dossier.Apply(HistoricalImport.ToState(history, DossierChannel.Direct, dossier.Terms)!);
            dossier.Version = 1;
            dossier.Events.Add(new DossierEvent
            {
                At = received.ToUniversalTime(), Action = null, FromStatus = null, ToStatus = dossier.Status, ActorUserName = "admin",
                ActorName = "Dữ liệu mẫu", Note = "Nhập từ hệ thống một cửa của " + predecessor.Name + ".",
            });
            dossiers.Add(dossier);
        }
        var seeder = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, "admin"),
                new Claim(ClaimTypes.Role, Roles.Admin),
                new Claim(MotCuaClaims.AgencyId, predecessor.Id.ToString(CultureInfo.InvariantCulture)),
            ], "Seed"));
        await sp.GetRequiredService<DossierStore>().SaveNewAsync(dossiers, seeder,
            new DossierAuditEntry("dossier.import", "Dữ liệu mẫu: hồ sơ đã giải quyết của " + predecessor.Name + " trước khi hợp nhất.", new { Codes = dossiers.Select(d => d.Code).ToList() }), ct);
    }
}
