using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Plans;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Api;

namespace MotCua.Web.Features.Plans;

public static class PlansModule
{
    public static IServiceCollection AddPlans(this IServiceCollection services) => services.AddSingleton<EvidenceStore>();

    public sealed record PlanListItem(int Id, string Title, int Year, string? Number, DateOnly? IssuedOn, int TaskCount, int CompletedCount, int OverdueCount, decimal ProgressPercent);

    public sealed record TargetDto(int Id, string IndicatorCode, string Description, string Comparison, decimal Value, string Unit, int? TaskId);

    public sealed record ProgressDto(int Total, int Completed, int InProgress, int NotStarted, int Overdue, decimal Percent);

    public sealed record PlanDto(int Id, string Title, int Year, string? Number, DateOnly? IssuedOn, string? Signer, string? LegalBasis, string? Purposes, string? Requirements, ProgressDto Progress, IReadOnlyList<TargetDto> Targets);

    public sealed record UnitRef(int Id, string Name);

    public sealed record PeriodDto(string Key, string Label, DateOnly Start, DateOnly Due, bool Reported, bool Overdue);

    public sealed record TaskDto(
        int Id, string Group, string GroupTitle, string Number, string Content, string Product,
        string LeadUnitsText, IReadOnlyList<UnitRef> LeadUnits, string CoordinatingUnitsText, IReadOnlyList<UnitRef> CoordinatingUnits,
        string TimeFrame, string? TimeFrameKind, string? Recurrence, DateOnly? NextDue, DateOnly? FinalDue, IReadOnlyList<PeriodDto> Periods,
        string Status, int ProgressPercent, bool Overdue);

    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/plans").WithTags("Kế hoạch kiểm soát TTHC").RequireAuthorization(Policies.Officer);
        api.MapGet("/", ListAsync).WithSummary("Các kế hoạch kiểm soát TTHC của cơ quan");
        api.MapGet("/{id:int}", GetAsync).WithSummary("Một kế hoạch, tiến độ và các chỉ tiêu");
        api.MapGet("/{id:int}/tasks", TasksAsync).WithSummary("Các nhiệm vụ của kế hoạch");
        return app;
    }

    internal static async Task<Ok<List<PlanListItem>>> ListAsync(ClaimsPrincipal user, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var agency = user.AgencyId() ?? 0;
        var plans = await db.ControlPlans.AsNoTracking().AsSplitQuery().Where(p => p.AgencyId == agency)
            .Include(p => p.Tasks).ThenInclude(t => t.Notes)
            .ToListAsync(cancellationToken);
        var today = time.Today();
        return TypedResults.Ok(plans.OrderByDescending(p => p.Year).ThenByDescending(p => p.Id).Select(p =>
        {
            var progress = PlanProgress.Of(PlanQueries.Views(p, today));
            return new PlanListItem(p.Id, p.Title, p.Year, p.Number, p.IssuedOn, progress.Total, progress.Completed, progress.Overdue, progress.Percent);
        }).ToList());
    }

    internal static async Task<Results<Ok<PlanDto>, NotFoundProblem>> GetAsync(int id, ClaimsPrincipal user, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var plan = await PlanQueries.LoadPlanAsync(db, user.AgencyId() ?? 0, id, cancellationToken);
        if (plan is null)
        {
            return PlanNotFound();
        }
        var p = PlanProgress.Of(PlanQueries.Views(plan, time.Today()));
        return TypedResults.Ok(new PlanDto(plan.Id, plan.Title, plan.Year, plan.Number, plan.IssuedOn, plan.Signer, plan.LegalBasis, plan.Purposes, plan.Requirements,
            new ProgressDto(p.Total, p.Completed, p.InProgress, p.NotStarted, p.Overdue, p.Percent),
            [.. plan.Targets.OrderBy(t => t.Id).Select(t => new TargetDto(t.Id, t.IndicatorCode, t.Description, t.Comparison.ToString(), t.Value, t.Unit, t.TaskId))]));
    }

    internal static async Task<Results<Ok<List<TaskDto>>, NotFoundProblem>> TasksAsync(int id, ClaimsPrincipal user, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var plan = await PlanQueries.LoadPlanAsync(db, user.AgencyId() ?? 0, id, cancellationToken);
        if (plan is null)
        {
            return PlanNotFound();
        }
        return TypedResults.Ok(PlanQueries.Views(plan, time.Today()).Select(ToDto).ToList());
    }

    public static TaskDto ToDto(TaskView v)
    {
        var t = v.Task;
        List<UnitRef> Units(PlanTaskUnitRole role) => [.. t.Units.Where(u => u.Role == role).Select(u => new UnitRef(u.UnitId, u.Unit?.Name ?? ""))];
        var overdueKeys = v.OverduePeriods.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        return new TaskDto(t.Id, t.GroupNumber, t.GroupTitle, t.Number, t.Content, t.Product,
            t.LeadUnitsText, Units(PlanTaskUnitRole.Lead), t.CoordinatingUnitsText, Units(PlanTaskUnitRole.Coordinating),
            t.TimeFrameText, v.TimeFrame?.Kind.ToString(), v.TimeFrame?.Recurrence.ToString(), v.NextDue?.Due, v.TimeFrame?.FinalDue,
            [.. v.Periods.Select(p => new PeriodDto(p.Key, p.Label, p.Start, p.Due, v.ReportedPeriods.Contains(p.Key), overdueKeys.Contains(p.Key)))],
            t.Status.ToString(), t.ProgressPercent, v.IsOverdue);
    }

    private static NotFoundProblem PlanNotFound() => ApiProblems.NotFound("Không tìm thấy.", "Không tìm thấy kế hoạch trong cơ quan của bạn.");

    public static string StatusName(PlanTaskStatus status) => status switch
    {
        PlanTaskStatus.NotStarted => "Chưa thực hiện",
        PlanTaskStatus.InProgress => "Đang thực hiện",
        PlanTaskStatus.Completed => "Hoàn thành",
    };

    public static string StatusBadge(PlanTaskStatus status) => status switch
    {
        PlanTaskStatus.NotStarted => "",
        PlanTaskStatus.InProgress => "amber",
        PlanTaskStatus.Completed => "green",
    };

    public static string PlanStatusName(ControlPlan plan) => PlanEditing.IsIssued(plan.Number, plan.IssuedOn) ? "Đã ban hành" : "Dự thảo";

    public static string ComparisonName(TargetComparison c) => c switch
    {
        TargetComparison.AtLeast => "≥",
        TargetComparison.AtMost => "≤",
    };

    public static string Percent(decimal value) => value.ToVnNumber(value == decimal.Truncate(value) ? 0 : 1) + "%";

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
