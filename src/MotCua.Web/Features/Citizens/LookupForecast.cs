using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Boundary;
using MotCua.Web.Features.Dossiers.Supplement;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Caching;

namespace MotCua.Web.Features.Citizens;

/// <summary>
/// "Dự kiến": what happens next to a dossier, for its applicant after the second factor (the look-up page and
/// GET /api/public/dossiers/{code}/forecast). The rule is <see cref="ProgressForecast"/>; this reads the procedure's
/// recent history once per procedure and agency (cached briefly: a median moves slowly) and the dossier's own steps.
/// </summary>
public static class LookupForecasts
{
    /// <summary>How far back closed dossiers teach the forecast.</summary>
    public const int HistoryMonths = 12;

    /// <summary>The newest step rows read per procedure: enough for a stable median, bounded for a busy procedure.</summary>
    private const int MaxHistoryRows = 5000;

    public sealed record StepDto(int Index, string Name, string Basis, int Samples, DateTimeOffset ExpectedAt, DateTimeOffset? LatestAt, bool Capped,
        bool Overdue);

    /// <summary>One thing asked of the citizen; <see cref="DueLabel"/> and <see cref="DueAt"/> are what the page prints about <see cref="By"/> as of now.</summary>
    public sealed record AskDto(string Kind, string What, DateTimeOffset? From, DateTimeOffset? By, string? DueLabel = null, DateTimeOffset? DueAt = null, bool DuePassed = false);

    /// <summary>
    /// The forecast for the applicant: <see cref="ExpectedAt"/> the expected result ("Dự kiến có kết quả"), never after
    /// <see cref="LatestAt"/> (the legal due instant, "chậm nhất") unless the dossier is already <see cref="Overdue"/>;
    /// <see cref="Summary"/> says it in one Vietnamese sentence; <see cref="Asks"/> what the citizen will be asked and when.
    /// </summary>
    public sealed record ForecastDto(string Code, string Status, string Summary, DateTimeOffset? ExpectedAt, DateTimeOffset? LatestAt, bool Capped,
        bool Overdue, IReadOnlyList<StepDto> Steps, IReadOnlyList<AskDto> Asks);

    /// <summary>Step durations learnt per (step name, unit), and whole processing times, for one procedure of one agency.</summary>
    internal sealed record History(IReadOnlyDictionary<(string Step, int? Unit), TimeSpan[]> Steps, TimeSpan[] Whole);

    private static readonly HashSet<DossierStatus> Running =
        [DossierStatus.Received, DossierStatus.InProcessing, DossierStatus.AwaitingApproval, DossierStatus.AwaitingInterAgency];

    public static async Task<ForecastDto> ForAsync(AppDbContext db, CalendarProvider calendars, ReferenceCache cache, TimeProvider time, Dossier d,
        CancellationToken ct) => await ForAsync(db, calendars, cache, time, d, await LookupFacts.ReadAsync(db, d, ct), ct);

    /// <summary>The forecast from the facts the look-up page read once for all its sections.</summary>
    public static async Task<ForecastDto> ForAsync(AppDbContext db, CalendarProvider calendars, ReferenceCache cache, TimeProvider time, Dossier d,
        LookupFacts facts, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var calculator = await calendars.CalculatorAsync(db, facts.Hours, ct);
        var due = d.RescheduledDueAt ?? d.DueAt;
        var evaluated = d.Status == DossierStatus.Returned && facts.Evaluated;
        var supplementDue = d.Status == DossierStatus.AwaitingSupplement ? facts.SupplementDue : null;
        ProgressOutlook? outlook = null;
        if (Running.Contains(d.Status))
        {
            var history = await HistoryAsync(db, cache, calculator, d.AgencyId, d.ProcedureCode, now, d.StepPlan.Count == 0, ct);
            outlook = Outlook(d, facts.Assignments, history, now, due, calculator);
        }
        else if (d.Status == DossierStatus.ResultIssued && d.CompletedAt is { } completed)
        {
            outlook = new ProgressOutlook([], completed, due, false, false);
        }
        var delivery = CitizenAsks.DeliveryOf(d.ReturnChoice, d.Channel is DossierChannel.Online or DossierChannel.NationalPortal, facts.Level);
        var asks = CitizenAsks.For(d.Status, d.FeeAmount, d.PaymentStatus != PaymentStatus.Unpaid, delivery,
            outlook?.ExpectedAt, supplementDue, evaluated, facts.CollectPlace);
        return new ForecastDto(d.Code, DossierApi.Camel(d.Status.ToString()), Summary(d.Status, outlook, due),
            outlook?.ExpectedAt, outlook?.LatestAt ?? due, outlook?.Capped ?? false, outlook?.Overdue ?? false,
            outlook?.Steps.Select(s => new StepDto(s.Index, s.Name, DossierApi.Camel(s.Basis.ToString()), s.Samples, s.ExpectedAt, s.LatestAt, s.Capped,
                s.Overdue)).ToList() ?? [],
            asks.Select(a => CitizenAsks.Due(a, now) is { } due
                ? new AskDto(DossierApi.Camel(a.Kind.ToString()), a.What, a.From, a.By, due.Label, due.At, due.Passed)
                : new AskDto(DossierApi.Camel(a.Kind.ToString()), a.What, a.From, a.By)).ToList());
    }

    /// <summary>The dossier's own steps (started, finished, their legal windows) against the procedure's history.</summary>
    private static ProgressOutlook Outlook(Dossier d, IReadOnlyList<LookupFacts.Assignment> assigned, History history, DateTimeOffset now,
        DateTimeOffset? due, DeadlineCalculator calculator)
    {
        var plan = d.StepPlan;
        var byIndex = assigned.ToDictionary(s => s.StepIndex);
        // Steps are planned at the transfer; before it, their legal windows are those a transfer now would set.
        var windows = plan.Count > 0 && assigned.Count == 0 ? StepPlanning.Deadlines(plan, d.ProcessingTime, now, calculator) : [];
        // As the step deadlines are planned: a plan with no step times gives its first step the whole processing time; a step without one takes an hour.
        var untimed = plan.All(p => p.DurationValue <= 0);
        var steps = new List<ForecastStep>(plan.Count);
        var samples = new List<IReadOnlyCollection<TimeSpan>>(plan.Count);
        for (var i = 0; i < plan.Count; i++)
        {
            var a = byIndex.GetValueOrDefault(i);
            // A step the dossier has moved past without a finish recorded ended when the next one started.
            var finished = a?.FinishedAt ?? (i < d.CurrentStep && d.Status == DossierStatus.InProcessing
                ? byIndex.GetValueOrDefault(i + 1)?.StartedAt ?? d.StepStartedAt : null);
            var planned = untimed && i == 0 ? d.ProcessingTime ?? ProcessingTime.WorkingDays(1)
                : plan[i].DurationValue > 0 ? plan[i].Duration : ProcessingTime.WorkingHours(1);
            steps.Add(new ForecastStep(plan[i].Name, planned, a?.StartedAt, finished, a?.PlannedDueAt ?? windows.ElementAtOrDefault(i)?.DueAt));
            samples.Add(history.Steps.GetValueOrDefault((plan[i].Name, a?.UnitId ?? plan[i].UnitId)) ?? []);
        }
        return ProgressForecast.Predict(steps, samples, now, due, calculator, history.Whole, d.ClockStartedAt, d.ProcessingTime);
    }

    /// <summary>
    /// The working durations of each step (by name and unit) in the agency's dossiers of the procedure that got their
    /// result in the last <see cref="HistoryMonths"/> months: one statement, cached for the reference cache's short life.
    /// The whole processing times are read only when <paramref name="whole"/> (a plan without steps).
    /// </summary>
    private static Task<History> HistoryAsync(AppDbContext db, ReferenceCache cache, DeadlineCalculator calculator, int agencyId, string procedureCode,
        DateTimeOffset now, bool whole, CancellationToken ct)
    {
        var local = now.ToOffset(DeadlineCalculator.VietnamOffset);
        var day = DateOnly.FromDateTime(local.DateTime).DayNumber.ToString(CultureInfo.InvariantCulture);
        var from = now.AddMonths(-HistoryMonths);
        return cache.GetAsync(FormattableString.Invariant($"forecast:{agencyId}:{procedureCode}:{day}:{whole}"), async (own, c) =>
        {
            var rows = await own.DossierStepAssignments.AsNoTracking()
                .Where(s => s.StartedAt != null && s.FinishedAt != null && s.Dossier!.AgencyId == agencyId && s.Dossier.ProcedureCode == procedureCode
                    && (s.Dossier.Status == DossierStatus.ResultIssued || s.Dossier.Status == DossierStatus.Returned)
                    && s.Dossier.CompletedAt >= from)
                .OrderByDescending(s => s.Id).Take(MaxHistoryRows)
                .Select(s => new { s.StepName, s.UnitId, StartedAt = s.StartedAt!.Value, FinishedAt = s.FinishedAt!.Value })
                .ToListAsync(c);
            var steps = rows.GroupBy(r => (r.StepName, r.UnitId))
                .ToDictionary(g => g.Key, g => g.Select(r => calculator.WorkingTimeBetween(r.StartedAt, r.FinishedAt)).ToArray());
            TimeSpan[] totals = [];
            if (whole)
            {
                var spans = await own.Dossiers.AsNoTracking()
                    .Where(x => x.AgencyId == agencyId && x.ProcedureCode == procedureCode && x.ClockStartedAt != null
                        && (x.Status == DossierStatus.ResultIssued || x.Status == DossierStatus.Returned) && x.CompletedAt >= from)
                    .OrderByDescending(x => x.Id).Take(MaxHistoryRows)
                    .Select(x => new { Start = x.ClockStartedAt!.Value, End = x.CompletedAt!.Value })
                    .ToListAsync(c);
                totals = [.. spans.Select(x => calculator.WorkingTimeBetween(x.Start, x.End))];
            }
            return new History(steps, totals);
        }, ct);
    }

    private static string Summary(DossierStatus status, ProgressOutlook? outlook, DateTimeOffset? due) => status switch
    {
        DossierStatus.Submitted => "Hồ sơ đang chờ tiếp nhận; thời hạn giải quyết được tính từ khi cơ quan tiếp nhận hồ sơ.",
        DossierStatus.AwaitingSupplement => "Thời hạn giải quyết đang chờ Ông/Bà bổ sung hồ sơ; thời gian dự kiến sẽ được tính lại khi hồ sơ được bổ sung.",
        DossierStatus.AwaitingFinancialObligation => "Thời hạn giải quyết tạm dừng trong khi chờ Ông/Bà thực hiện nghĩa vụ tài chính.",
        DossierStatus.Suspended => "Việc giải quyết hồ sơ đang tạm dừng; cơ quan sẽ thông báo khi tiếp tục.",
        DossierStatus.ResultIssued => "Hồ sơ đã có kết quả.",
        _ when outlook is { ExpectedAt: { } expected } => outlook.Overdue
            ? "Hồ sơ đã quá hạn giải quyết" + (due is { } d ? " (hạn " + When(d) + ")" : "") + "; dự kiến có kết quả: " + When(expected) + "."
            : "Dự kiến có kết quả: " + When(expected) + (due is { } l ? " (chậm nhất: " + When(l) + ")" : "") + ".",
        _ when Running.Contains(status) && due is { } l => "Hạn giải quyết chậm nhất: " + When(l) + ".",
        _ => "Hồ sơ đã kết thúc.",
    };

    /// <summary>"14:00 ngày 15/12/2026" in Vietnam time.</summary>
    public static string When(DateTimeOffset t) => t.ToVnDateTime();
}
