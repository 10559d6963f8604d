using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Demo;

/// <summary>
/// An internal process in force for each demo procedure (desk → specialist unit → leader → desk), so demo dossiers
/// are routed the way a department's approved processes route them: measurement and quality to the sub-department,
/// everything else to the science and technology management division.
/// </summary>
public static class DemoProcesses
{
    public const string DecisionNumber = "125/QĐ-SKHCN";

    public static async Task SeedAsync(AppDbContext db, int agencyId, CancellationToken ct)
    {
        if (await db.InternalProcesses.AnyAsync(p => p.ProcedureVersion!.Procedure!.AgencyId == agencyId, ct))
        {
            return;
        }
        var units = await db.Units.AsNoTracking().Where(u => u.AgencyId == agencyId && u.IsActive).ToListAsync(ct);
        var desk = units.First(u => u.Kind == UnitKind.OneStopDesk);
        var leadership = units.First(u => u.Kind == UnitKind.Leadership);
        var quality = units.First(u => u.Kind == UnitKind.SubDepartment);
        var management = units.First(u => u.Name.StartsWith("Phòng Quản lý", StringComparison.Ordinal));
        var versions = await db.ProcedureVersions.AsNoTracking().Include(v => v.Field)
            .Where(v => v.Procedure!.AgencyId == agencyId && v.State == VersionState.Published && v.ProcessingTimeValue != null)
            .ToListAsync(ct);
        foreach (var v in versions)
        {
            var unit = v.Field!.Name.StartsWith("Tiêu chuẩn", StringComparison.Ordinal) ? quality : management;
            var total = v.ProcessingTimeValue!.Value;
            var timeUnit = v.ProcessingTimeUnit ?? TimeUnit.WorkingDays;
            var receive = Math.Round(total * 0.1m, 2);
            var approve = Math.Round(total * 0.2m, 2);
            var process = new InternalProcess
            {
                ProcedureVersionId = v.Id,
                State = ProcessState.InForce,
                ApprovalDecisionNumber = DecisionNumber,
                ApprovedOn = CatalogueSeed.DemoEffectiveFrom,
                InForceFrom = CatalogueSeed.DemoEffectiveFrom,
            };
            process.Steps.AddRange(
            [
                Step(1, StepKind.Receive, desk.Id, "Tiếp nhận, kiểm tra hồ sơ, chuyển đơn vị xử lý", receive, timeUnit),
                Step(2, StepKind.Appraise, unit.Id, "Thẩm định hồ sơ, dự thảo kết quả", total - receive - approve - receive, timeUnit),
                Step(3, StepKind.Approve, leadership.Id, "Lãnh đạo Sở xem xét, ký duyệt", approve, timeUnit),
                Step(4, StepKind.Return, desk.Id, "Trả kết quả", receive, timeUnit),
            ]);
            db.InternalProcesses.Add(process);
        }
        await db.SaveChangesAsync(ct);
    }

    private static ProcessStep Step(int seq, StepKind kind, int unitId, string description, decimal duration, TimeUnit unit) => new()
    {
        Seq = seq, Kind = kind, UnitId = unitId, Description = description, DurationValue = duration, DurationUnit = unit,
    };
}
