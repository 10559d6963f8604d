using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Plans;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Plans;

/// <summary>A task with what the calendar derives from it: periods, due dates, overdue flags.</summary>
public sealed record TaskView(PlanTask Task, TimeFrame? TimeFrame, IReadOnlyList<TaskPeriod> Periods, IReadOnlySet<string> ReportedPeriods, IReadOnlyList<TaskPeriod> OverduePeriods, TaskPeriod? NextDue)
{
    public bool IsOverdue => OverduePeriods.Count > 0;

    public IEnumerable<int> LeadUnitIds => Task.Units.Where(u => u.Role == PlanTaskUnitRole.Lead).Select(u => u.UnitId);
}

/// <summary>Counts of a set of tasks; <see cref="Percent"/> is the mean task progress.</summary>
public sealed record PlanProgress(int Total, int Completed, int InProgress, int NotStarted, int Overdue, decimal Percent)
{
    public static PlanProgress Of(IReadOnlyCollection<TaskView> tasks) => new(
        tasks.Count,
        tasks.Count(t => t.Task.Status == PlanTaskStatus.Completed),
        tasks.Count(t => t.Task.Status == PlanTaskStatus.InProgress),
        tasks.Count(t => t.Task.Status == PlanTaskStatus.NotStarted),
        tasks.Count(t => t.IsOverdue),
        TaskTracking.PlanPercent([.. tasks.Select(t => t.Task.ProgressPercent)]));
}

/// <summary>Who may do what with plans: focal officers and admins manage; a lead unit's officers update their tasks; everyone else reads.</summary>
public static class PlanAccess
{
    public const string ManagerRoles = Roles.Admin + "," + Roles.ControlFocalOfficer;

    public const string ReaderRoles = ManagerRoles + "," + Roles.Leader;

    public static bool CanManage(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.ControlFocalOfficer);

    public static bool CanUpdate(ClaimsPrincipal user, TaskView task) =>
        CanManage(user) || (user.UnitId() is { } unit && task.LeadUnitIds.Contains(unit));
}

public static class PlanQueries
{
    public static async Task<ControlPlan?> LoadPlanAsync(AppDbContext db, int agencyId, int planId, CancellationToken cancellationToken) =>
        await db.ControlPlans.AsNoTracking().AsSplitQuery()
            .Include(p => p.Targets)
            .Include(p => p.Tasks).ThenInclude(t => t.Units).ThenInclude(u => u.Unit)
            .Include(p => p.Tasks).ThenInclude(t => t.Notes)
            .SingleOrDefaultAsync(p => p.Id == planId && p.AgencyId == agencyId, cancellationToken);

    public static IReadOnlyList<TaskView> Views(ControlPlan plan, DateOnly today) =>
        [.. plan.Tasks.OrderBy(t => t.GroupOrder).ThenBy(t => t.SortOrder).Select(t => View(t, plan.Year, today))];

    public static TaskView View(PlanTask task, int planYear, DateOnly today)
    {
        var reported = task.Notes.Where(n => n.PeriodKey is not null).Select(n => n.PeriodKey!).ToHashSet(StringComparer.Ordinal);
        var frame = TimeFrameParser.Parse(task.TimeFrameText, planYear).TimeFrame;
        if (frame is null)
        {
            // Imported texts always parse; a frame that stops parsing after a parser change is shown without due dates rather than hidden.
            return new TaskView(task, null, [], reported, [], null);
        }
        return new TaskView(task, frame, frame.Periods(), reported,
            TaskTracking.OverduePeriods(frame, task.Status, reported, today),
            TaskTracking.NextDue(frame, task.Status, reported, today));
    }

    /// <summary>
    /// The figures the periodic control report reads for a year: per plan, task counts and progress, and the plan's
    /// targets. Computed in memory after a plain load, so SQLite and PostgreSQL agree.
    /// </summary>
    public static async Task<IReadOnlyList<PlanReportFigures>> ReportFiguresAsync(AppDbContext db, int agencyId, int year, DateOnly today, CancellationToken cancellationToken)
    {
        var ids = await db.ControlPlans.AsNoTracking().Where(p => p.AgencyId == agencyId && p.Year == year).Select(p => p.Id).ToListAsync(cancellationToken);
        var result = new List<PlanReportFigures>();
        foreach (var id in ids)
        {
            var plan = (await LoadPlanAsync(db, agencyId, id, cancellationToken))!;
            var views = Views(plan, today);
            result.Add(new PlanReportFigures(plan.Id, plan.Title, plan.Year, PlanProgress.Of(views),
                [.. plan.Targets.OrderBy(t => t.Id).Select(t => new PlanTargetSpec(t.IndicatorCode, t.Description, t.Comparison, t.Value, t.Unit))],
                [.. views.Where(v => v.IsOverdue).Select(v => $"{v.Task.GroupNumber}.{v.Task.Number} {v.Task.Content}")]));
        }
        return result;
    }
}

public sealed record PlanReportFigures(int PlanId, string Title, int Year, PlanProgress Progress, IReadOnlyList<PlanTargetSpec> Targets, IReadOnlyList<string> OverdueTasks);
