using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Evaluation;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reports;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Demo;

/// <summary>
/// A year of the demo department's dossiers, PAKN and evaluations, so the dashboards, reports, public statistics and
/// the 766 index have something true to show. Finished dossiers are saved the way the historical import saves them
/// (report rows, search text through the dossier save); the open ones are received the same way and then moved by the
/// demo officers through the real commands, so the queues, alerts and step assignments are the product's own.
/// Deterministic: one seeded random and the clock's today.
/// </summary>
public static class DemoHistory
{
    /// <summary>The opt-in for the generated year; defaults to on in Development, off elsewhere (the test apps set it off).</summary>
    public const string Setting = "MotCua:SeedDemoHistory";

    private const int Seed = 20_261_206;

    /// <summary>Working-day receipts per day on average: a provincial department's volume.</summary>
    private const double PerDay = 3.6;

    private static readonly TimeSpan Vn = DeadlineCalculator.VietnamOffset;

    public static bool Enabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>(Setting) ?? environment.IsDevelopment();

    /// <param name="HandBackSteps">For a dossier whose applicant collects the result at the centre: how many hand-back steps are done (sent, received, returned).</param>
    /// <param name="Sent">When an online or postal dossier was sent, if on a day the desk was closed; it is received on the next working day.</param>
    private sealed record Plan(ProcedureVersion Version, DossierChannel Channel, bool AtCentre, DateTimeOffset Received, Outcome Outcome, int? HandBackSteps = null,
        DateTimeOffset? Sent = null);

    private enum Outcome
    {
        Returned,
        Late,
        Supplemented,
        RefusedAtDesk,
        RefusedAfterReceipt,
        Withdrawn,
        AwaitingSupplement,
        ResultIssued,
        Received,
        InUnit,
        Assigned,
        AwaitingApproval,
    }

    public static async Task SeedAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == "SKHCN", ct);
        if (agency is null || await db.Dossiers.AnyAsync(d => d.AgencyId == agency.Id, ct))
        {
            return;
        }
        await DemoProcesses.SeedAsync(db, agency.Id, ct);
        await DemoPublication.SeedAsync(db, agency.Id, ct);
        var versions = await db.ProcedureVersions.AsNoTracking().Include(v => v.Procedure).Include(v => v.Fees).Include(v => v.Field).Include(v => v.Papers).AsSplitQuery()
            .Where(v => v.Procedure!.AgencyId == agency.Id && v.State == VersionState.Published)
            .OrderBy(v => v.Procedure!.Code).ThenBy(v => v.Id).ToListAsync(ct);
        if (versions.Count == 0)
        {
            return;
        }
        var centre = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == Dossiers.Boundary.BoundaryDemoData.CentreCode, ct);
        var centreDesk = centre is null ? null
            : await db.Units.AsNoTracking().Where(u => u.AgencyId == centre.Id && u.Kind == UnitKind.OneStopDesk).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var random = new Random(Seed);
        var references = sp.GetRequiredService<DossierReferences>();
        var calculator = await references.CalculatorAsync(agency, ct);
        var plans = PlanYear(random, versions, centre is not null, now, calculator.Calendar.IsWorkingDay);

        var people = new People(random);
        var store = sp.GetRequiredService<DossierStore>();
        var seeder = Seeder(agency.Id);
        var open = new List<(string Code, Outcome Outcome, bool Quality)>();
        var batch = new List<Dossier>();
        var issued = new List<string>();
        var handBacks = new List<(string Code, int Steps)>();
        string? secondRound = null;
        foreach (var plan in plans)
        {
            // The oldest online dossier awaiting supplement is the one whose applicant already answered the desk's guidance once.
            var deskCheck = secondRound is null && plan.Outcome == Outcome.AwaitingSupplement && plan.Channel == DossierChannel.Online;
            var (dossier, outcome) = await NewDossierAsync(references, calculator, agency, plan, people, random, now, ct, deskCheck);
            if (deskCheck && dossier.Status == DossierStatus.Submitted)
            {
                secondRound = dossier.Code;
            }
            if (plan.AtCentre && centre is not null)
            {
                dossier.ReceivingAgencyId = centre.Id;
                dossier.ReceivingUnitId = centreDesk;
                if (plan.HandBackSteps is { } handBack && dossier.Status == DossierStatus.ResultIssued)
                {
                    dossier.ReturnAtCentreId = centre.Id;
                    dossier.ReturnChoice = ResultDelivery.AtDesk;
                    handBacks.Add((dossier.Code, handBack));
                }
            }
            if (outcome == Outcome.ResultIssued && dossier.ReturnChoice != ResultDelivery.Online)
            {
                issued.Add(dossier.Code);
            }
            if (outcome is Outcome.InUnit or Outcome.Assigned or Outcome.AwaitingApproval || (outcome == Outcome.AwaitingSupplement && dossier.Code != secondRound))
            {
                open.Add((dossier.Code, outcome, (dossier.StepPlan.Count > 0 ? dossier.StepPlan[0] : null)?.UnitName?.StartsWith("Chi cục", StringComparison.Ordinal) == true));
            }
            batch.Add(dossier);
            if (batch.Count == 200)
            {
                await SaveAsync(db, store, seeder, batch, ct);
            }
        }
        await SaveAsync(db, store, seeder, batch, ct);
        await MoveOpenDossiersAsync(sp.GetRequiredService<IServiceScopeFactory>(), agency.Id, open, at => DossierHistoryRules.AtWork(at, now, calculator.Calendar.IsWorkingDay),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoHistory)), ct);
        if (secondRound is not null)
        {
            await DemoSupplements.SecondRoundAsync(sp.GetRequiredService<IServiceScopeFactory>(), agency.Id, secondRound,
                at => DossierHistoryRules.AtWork(at, now, calculator.Calendar.IsWorkingDay), sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoHistory)), ct);
        }
        await RecordResultsAsync(sp.GetRequiredService<IServiceScopeFactory>(), agency.Id, issued, sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoHistory)), ct);
        await HandBackAsync(sp.GetRequiredService<IServiceScopeFactory>(), handBacks, at => DossierHistoryRules.AtWork(at, now, calculator.Calendar.IsWorkingDay),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoHistory)), ct);
        await EvaluateAsync(db, agency.Id, random, now, ct);
        await DemoFeedback.SeedAsync(db, agency, calculator, people, random, now, ct);
        await AcknowledgeAsync(db, agency.Id, random, ct);
    }

    /// <summary>Which procedure, channel, receipt instant and ending each dossier of the past year gets.</summary>
    private static List<Plan> PlanYear(Random random, List<ProcedureVersion> versions, bool hasCentre, DateTimeOffset now, Func<DateOnly, bool> isWorkingDay)
    {
        // X-ray licensing and measurement or quality checks of imports are most of a department's volume.
        var weights = versions.Select(v => v.Field!.Name switch
        {
            var f when f.StartsWith("Năng lượng", StringComparison.Ordinal) => v.Name.Contains("X-quang", StringComparison.Ordinal) ? 8.0 : 2.0,
            var f when f.StartsWith("Tiêu chuẩn", StringComparison.Ordinal) => 7.0,
            var f when f.StartsWith("Chuyển giao", StringComparison.Ordinal) => 1.5,
            _ => 1.0,
        }).ToArray();
        var sum = weights.Sum();
        var today = DateOnly.FromDateTime(now.ToOffset(Vn).DateTime);
        var plans = new List<Plan>();
        // The sub-department's longer procedures, whose recent dossiers the demo specialist and leader have on their desks:
        // some for the leader to assign, some with the specialist, some for the leader to approve.
        var quality = versions.Where(v => v.Field!.Name.StartsWith("Tiêu chuẩn", StringComparison.Ordinal)
            && v.ProcessingTimeUnit == TimeUnit.WorkingDays && v.ProcessingTimeValue >= 5).ToList();
        for (var day = today.AddDays(-365); day < today; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }
            // A weekday the calendar gives off (a public holiday) still gets its draws, so the rest of the year stays as it
            // was: the desk receives nothing at its counter that day, and what came online or by post the next working day.
            var open = isWorkingDay(day);
            if (quality.Count > 0 && day >= today.AddDays(-8))
            {
                var sent = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), Vn).AddMinutes(random.Next(0, 8 * 60)).ToUniversalTime();
                plans.Add(new Plan(quality[random.Next(quality.Count)], DossierChannel.Online, false, open ? sent : NextWorkingDay(sent, now, isWorkingDay),
                    (day.DayNumber % 3) switch { 0 => Outcome.AwaitingApproval, 1 => Outcome.Assigned, _ => Outcome.InUnit }, Sent: open ? null : sent));
            }
            var count = (int)Math.Round(PerDay * (0.5 + random.NextDouble()));
            for (var i = 0; i < count; i++)
            {
                var pick = random.NextDouble() * sum;
                var index = 0;
                while (index < versions.Count - 1 && (pick -= weights[index]) > 0)
                {
                    index++;
                }
                var version = versions[index];
                var received = new DateTimeOffset(day.ToDateTime(new TimeOnly(7, 30)), Vn).AddMinutes(random.Next(0, 9 * 60)).ToUniversalTime();
                var channel = DossierHistoryRules.Channel(random.NextDouble());
                if (channel == DossierChannel.Online && random.NextDouble() < 0.15)
                {
                    channel = DossierChannel.NationalPortal;
                }
                var atCentre = hasCentre && channel == DossierChannel.Direct && day >= new DateOnly(2025, 7, 1) && random.NextDouble() < 0.08;
                var outcome = OutcomeOf(random, now - received, LateShare(version));
                if (open)
                {
                    plans.Add(new Plan(version, channel, atCentre, received, outcome));
                }
                else if (channel != DossierChannel.Direct)
                {
                    plans.Add(new Plan(version, channel, false, NextWorkingDay(received, now, isWorkingDay), outcome, Sent: received));
                }
            }
        }
        if (hasCentre)
        {
            // Results of the last working days that applicants collect at the commune centre, one at each hand-back stage;
            // planned last and without a draw so the rest of the year stays as it was. Received three working days ago and
            // approved the next, they leave the two working days since for the hand-back steps.
            var lastDay = today;
            for (var back = 0; back < 3; back++)
            {
                lastDay = lastDay.AddDays(-1);
                while (!isWorkingDay(lastDay))
                {
                    lastDay = lastDay.AddDays(-1);
                }
            }
            var longest = versions.OrderByDescending(v => v.ProcessingTimeUnit == TimeUnit.WorkingDays ? v.ProcessingTimeValue : 0).First();
            var version = quality.Count > 0 ? quality[0] : longest;
            for (var steps = 0; steps <= 3; steps++)
            {
                plans.Add(new Plan(version, DossierChannel.Direct, true, new DateTimeOffset(lastDay.ToDateTime(new TimeOnly(8, 0)), Vn).AddMinutes(30 * steps).ToUniversalTime(),
                    Outcome.ResultIssued, steps));
            }
        }
        // The year's draw may leave no online dossier awaiting supplement, or only one dossier waiting, depending on the
        // start day: the supplement journey (an online dossier in its second round, and a counter dossier with its
        // request) is then planned last, without a draw, so the rest of the year stays as it was.
        var papered = versions.OrderByDescending(v => v.Papers.Count(p => p.Required)).ThenBy(v => v.Id).First();
        if (!plans.Any(p => p.Outcome == Outcome.AwaitingSupplement && p.Channel == DossierChannel.Online))
        {
            plans.Add(new Plan(papered, DossierChannel.Online, false, WorkingDayBefore(today, 6, new TimeOnly(8, 0), isWorkingDay), Outcome.AwaitingSupplement));
        }
        if (plans.Count(p => p.Outcome == Outcome.AwaitingSupplement) < 2)
        {
            plans.Add(new Plan(papered, DossierChannel.Direct, false, WorkingDayBefore(today, 5, new TimeOnly(9, 30), isWorkingDay), Outcome.AwaitingSupplement));
        }
        return plans;
    }

    /// <summary>The instant at <paramref name="time"/> on the <paramref name="count"/>-th working day before <paramref name="today"/>.</summary>
    private static DateTimeOffset WorkingDayBefore(DateOnly today, int count, TimeOnly time, Func<DateOnly, bool> isWorkingDay)
    {
        var day = today;
        for (var back = 0; back < count; back++)
        {
            day = day.AddDays(-1);
            while (!isWorkingDay(day))
            {
                day = day.AddDays(-1);
            }
        }
        return new DateTimeOffset(day.ToDateTime(time), Vn).ToUniversalTime();
    }

    /// <summary>The same time of day on the next working day: when the desk receives what was sent while it was closed.</summary>
    private static DateTimeOffset NextWorkingDay(DateTimeOffset sent, DateTimeOffset now, Func<DateOnly, bool> isWorkingDay)
    {
        var local = sent.ToOffset(Vn);
        do
        {
            local = local.AddDays(1);
        }
        while (!isWorkingDay(DateOnly.FromDateTime(local.Date)));
        return DossierHistoryRules.AtWork(local, now, isWorkingDay);
    }

    private static Outcome OutcomeOf(Random random, TimeSpan age, double lateShare)
    {
        var draw = random.NextDouble();
        if (age < TimeSpan.FromDays(4))
        {
            return draw < 0.5 ? Outcome.Received : Outcome.InUnit;
        }
        if (age < TimeSpan.FromDays(14) || (age < TimeSpan.FromDays(45) && draw < 0.02))
        {
            draw = random.NextDouble();
            return draw switch
            {
                < 0.10 => Outcome.AwaitingSupplement,
                < 0.20 => Outcome.ResultIssued,
                < 0.45 => Outcome.InUnit,
                < 0.70 => Outcome.Assigned,
                _ => Outcome.AwaitingApproval,
            };
        }
        draw = random.NextDouble();
        return draw switch
        {
            < 0.02 => Outcome.RefusedAtDesk,
            < 0.02 + DossierHistoryRules.RefusedShare => Outcome.RefusedAfterReceipt,
            < 0.06 => Outcome.Withdrawn,
            < 0.06 + DossierHistoryRules.SupplementShare => Outcome.Supplemented,
            _ => random.NextDouble() < lateShare ? Outcome.Late : Outcome.Returned,
        };
    }

    /// <summary>
    /// A well-run department is late on a few dossiers, most of them in the two procedures whose appraisal needs an
    /// outside inspection (imported goods' quality, a new X-ray licence); the overall share stays near <see cref="DossierHistoryRules.OnTimeShare"/>.
    /// </summary>
    private static double LateShare(ProcedureVersion version) =>
        version.Name.StartsWith("Kiểm tra nhà nước về chất lượng", StringComparison.Ordinal)
        || version.Name.StartsWith("Cấp giấy phép tiến hành công việc bức xạ", StringComparison.Ordinal) ? 0.14 : 0.005;

    private static async Task<(Dossier Dossier, Outcome Outcome)> NewDossierAsync(DossierReferences references, DeadlineCalculator calculator, Agency agency, Plan plan, People people,
        Random random, DateTimeOffset now, CancellationToken ct, bool deskCheck = false)
    {
        var organisation = random.NextDouble() < DossierHistoryRules.OrganisationShare
            || (plan.Version.ApplicantTypes != ApplicantTypes.None && !plan.Version.ApplicantTypes.HasFlag(ApplicantTypes.Citizen));
        var applicant = people.Applicant(organisation);
        var received = plan.Received;
        var submitted = plan.Channel is DossierChannel.Online or DossierChannel.NationalPortal ? (plan.Sent ?? received).AddMinutes(-random.Next(10, 3000))
            : plan.Sent ?? received;
        var dossier = await references.NewDossierAsync(agency, plan.Version, plan.Channel, applicant, submitted, ct);
        dossier.Code = await references.NextCodeAsync(agency, received, ct);
        var time = dossier.ProcessingTime ?? ProcessingTime.WorkingDays(10);
        var due = calculator.ComputeDue(received, time);
        var allowed = due - received;
        var outcome = plan.Outcome;
        if (outcome is Outcome.Received or Outcome.InUnit or Outcome.Assigned or Outcome.AwaitingApproval or Outcome.ResultIssued
            && due < now.AddHours(8) && random.NextDouble() >= DossierHistoryRules.OpenOverdueShare)
        {
            // A short procedure received days ago is finished by now in a well-run department; only a few stay overdue.
            outcome = Outcome.Returned;
        }
        HistoricalDossier history;
        switch (outcome)
        {
            case Outcome.RefusedAtDesk:
                history = new HistoricalDossier(received, null, RefusedAt: received.AddMinutes(random.Next(10, 60)));
                break;
            case Outcome.RefusedAfterReceipt:
                history = new HistoricalDossier(received, due, RefusedAt: received + (allowed * (0.3 + (0.5 * random.NextDouble()))));
                break;
            case Outcome.Withdrawn:
                history = new HistoricalDossier(received, due, WithdrawnAt: received.AddDays(random.Next(1, 5)));
                break;
            case Outcome.AwaitingSupplement:
                // The request itself is made through the officers' command after start-up; the draw stays so the rest of the year is as it was.
                _ = random.Next(1, 4);
                history = new HistoricalDossier(received, due);
                break;
            case Outcome.ResultIssued:
                var approved = received + (allowed * DossierHistoryRules.ShareOfAllowedTime(random.NextDouble()));
                // A result collected at the centre was approved the day after receipt, so its hand-back fits before now.
                history = new HistoricalDossier(received, due, ResolvedAt: Earlier(plan.HandBackSteps is null ? approved : received.AddDays(1), now));
                break;
            case Outcome.Received or Outcome.InUnit or Outcome.Assigned or Outcome.AwaitingApproval:
                history = new HistoricalDossier(received, due);
                break;
            default:
                var pauses = new List<ImportedPause>();
                if (outcome == Outcome.Supplemented)
                {
                    var from = received.AddDays(random.Next(1, 5));
                    var to = from.AddDays(random.Next(2, 11));
                    var second = random.NextDouble() < DossierHistoryRules.SecondRoundShare;
                    // A supplement answered only recently would leave no time to resolve the dossier before today.
                    if (to < now.AddDays(-2))
                    {
                        pauses.Add(new ImportedPause(from, to, PauseReason.AwaitingSupplement));
                        due += to - from;
                        var again = to.AddDays(random.Next(1, 4));
                        var back = again.AddDays(random.Next(2, 8));
                        if (second && back < now.AddDays(-2))
                        {
                            // The answer to the first request left one paper wrong: a second, rarer round.
                            pauses.Add(new ImportedPause(again, back, PauseReason.AwaitingSupplement));
                            due += back - again;
                        }
                    }
                    allowed = due - received;
                }
                var resolved = outcome == Outcome.Late
                    ? due.AddDays(random.Next(1, 11))
                    : received + (allowed * DossierHistoryRules.ShareOfAllowedTime(random.NextDouble()));
                if (pauses.Count > 0 && resolved <= pauses[^1].To)
                {
                    resolved = pauses[^1].To!.Value.AddDays(1);
                }
                resolved = Earlier(resolved, now);
                var returned = ReturnedAt(random, plan.Channel, resolved, due, outcome == Outcome.Late);
                history = new HistoricalDossier(received, due, resolved, returned < now ? returned : null, Pauses: pauses);
                break;
        }
        // Officers act in office hours on working days, and nothing has happened after now. Events are moved in their
        // order and kept a minute apart, so two that fall into the same closed hours (a pause over Tết) stay in sequence.
        var last = history.ReceivedAt.ToUniversalTime();
        DateTimeOffset Work(DateTimeOffset at)
        {
            var moved = DossierHistoryRules.AtWork(at, now, calculator.Calendar.IsWorkingDay);
            last = moved > last ? moved : last.AddMinutes(1);
            return last;
        }
        var generated = history;
        var pausesAtWork = new List<ImportedPause>();
        foreach (var p in history.Pauses ?? [])
        {
            var from = Work(p.From);
            pausesAtWork.Add(p with { From = from, To = p.To is { } to ? Work(to) : null });
        }
        history = history with
        {
            Pauses = history.Pauses is null ? null : pausesAtWork,
            ResolvedAt = history.ResolvedAt is { } r ? Work(r) : null,
        };
        history = history with
        {
            ReturnedAt = history.ReturnedAt is { } t ? Work(t) : null,
            WithdrawnAt = history.WithdrawnAt is { } w ? Work(w) : null,
            RefusedAt = history.RefusedAt is { } f ? Work(f) : null,
        };
        // Should the moved events still not read as a dossier (a minute apart running past now), the dossier keeps the
        // times it was generated with rather than stopping the demo.
        var state = HistoricalImport.ToState(history, plan.Channel, dossier.Terms);
        if (state is null)
        {
            history = generated;
            state = HistoricalImport.ToState(history, plan.Channel, dossier.Terms)
                ?? throw new InvalidOperationException("Demo history: an invalid generated dossier " + dossier.Code + ".");
        }
        if (outcome is Outcome.Received or Outcome.InUnit or Outcome.Assigned or Outcome.AwaitingApproval or Outcome.AwaitingSupplement)
        {
            // Received at the desk, not yet handed to a unit: the officers' commands take it from here.
            state = state with { Status = DossierStatus.Received, StepStartedAt = null };
        }
        if (deskCheck)
        {
            // Sent online and not yet received: the desk's check, with its guidance, comes first.
            state = state with { Status = DossierStatus.Submitted, ReceivedAt = null, ClockStartedAt = null, AppointmentAt = null, DueAt = null };
        }
        dossier.Apply(state);
        dossier.Imported = false;
        dossier.CreatedAt = submitted;
        dossier.Version = 1;
        dossier.ApplyCutoff = false;
        if (dossier.FeeAmount > 0 && state.Status is not (DossierStatus.Refused or DossierStatus.Withdrawn))
        {
            dossier.PaymentStatus = plan.Channel is DossierChannel.Online or DossierChannel.NationalPortal && random.NextDouble() < DossierHistoryRules.PaidOnlineShare
                ? PaymentStatus.PaidOnline : PaymentStatus.PaidAtDesk;
        }
        dossier.ComponentsDigitised = random.NextDouble() < 0.8;
        if (state.ReturnedAt is not null)
        {
            dossier.ReturnMethod = plan.Channel switch
            {
                DossierChannel.Online or DossierChannel.NationalPortal => random.NextDouble() < 0.7 ? ResultDelivery.Online : ResultDelivery.ByPost,
                DossierChannel.Postal => ResultDelivery.ByPost,
                _ => ResultDelivery.AtDesk,
            };
            dossier.ResultDigitised = random.NextDouble() < 0.75;
        }
        var seq = 0;
        foreach (var paper in plan.Version.Papers.OrderBy(p => p.Seq).Where(p => p.Required || random.NextDouble() < 0.4))
        {
            dossier.Papers.Add(new DossierPaper
            {
                Seq = ++seq, Name = paper.Name, Present = true, Quantity = paper.Quantity,
                Form = paper.Form switch { PaperForm.Copy => PaperCopyKind.Copy, PaperForm.CertifiedCopy => PaperCopyKind.CertifiedCopy, _ => PaperCopyKind.Original },
            });
        }
        AddTimeline(dossier, history, state.Status, at => DossierHistoryRules.AtWork(at, now, calculator.Calendar.IsWorkingDay));
        return (dossier, outcome);
    }

    /// <summary>
    /// When the result reached the applicant: an online or posted result within hours, a desk result when the applicant
    /// came back, within office hours and almost always by the appointment; only a late dossier's result is returned after it.
    /// </summary>
    private static DateTimeOffset ReturnedAt(Random random, DossierChannel channel, DateTimeOffset resolved, DateTimeOffset due, bool late)
    {
        var delay = channel is DossierChannel.Direct && random.NextDouble() < 0.6
            ? TimeSpan.FromHours(random.Next(2, 72))
            : TimeSpan.FromMinutes(random.Next(20, 240));
        var returned = OfficeHours(resolved + delay);
        if (!late && returned > due && random.NextDouble() < DossierHistoryRules.ReturnedByDueShare)
        {
            returned = due > resolved ? resolved + ((due - resolved) * random.NextDouble()) : resolved;
        }
        return returned < resolved ? resolved : returned;
    }

    /// <summary>The instant moved forward into the office's day (7:30–17:00 local, Monday to Friday).</summary>
    private static DateTimeOffset OfficeHours(DateTimeOffset at)
    {
        var local = at.ToOffset(Vn);
        var opens = new TimeSpan(7, 30, 0);
        if (local.TimeOfDay >= new TimeSpan(17, 0, 0))
        {
            local = new DateTimeOffset(local.Date.AddDays(1) + opens, Vn);
        }
        else if (local.TimeOfDay < opens)
        {
            local = new DateTimeOffset(local.Date + opens, Vn);
        }
        while (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            local = local.AddDays(1);
        }
        return local.ToUniversalTime();
    }

    private static DateTimeOffset Earlier(DateTimeOffset at, DateTimeOffset now) => at < now.AddHours(-2) ? at : now.AddHours(-2);

    /// <summary>The hand-overs a finished dossier went through, as the timeline and the control slip show them.</summary>
    private static void AddTimeline(Dossier dossier, HistoricalDossier h, DossierStatus status, Func<DateTimeOffset, DateTimeOffset> work)
    {
        var unit = dossier.StepPlan.FirstOrDefault(s => s.UnitId is not null && !s.ByLeader);
        void Add(DateTimeOffset at, DossierAction action, DossierStatus? from, DossierStatus to, string actor, string name, int? toUnit = null) =>
            dossier.Events.Add(new DossierEvent
            {
                At = at, Action = action, FromStatus = from, ToStatus = to, ActorUserName = actor, ActorName = name, ToUnitId = toUnit,
                Note = "Dữ liệu mẫu.",
            });
        if (status == DossierStatus.Submitted)
        {
            dossier.Events.Add(new DossierEvent
            {
                At = dossier.SubmittedAt, Action = DossierAction.Submit, FromStatus = DossierStatus.Draft, ToStatus = DossierStatus.Submitted,
                ActorUserName = Citizens.SubmitModel.PortalActor, ActorName = dossier.ApplicantName, Note = "Dữ liệu mẫu.",
            });
            return;
        }
        if (status == DossierStatus.Refused)
        {
            Add(h.RefusedAt!.Value, DossierAction.Refuse, DossierStatus.Submitted, DossierStatus.Refused, "motcua", "Nguyễn Thị Thu Hà");
            return;
        }
        Add(h.ReceivedAt, DossierAction.Receive, null, DossierStatus.Received, "motcua", "Nguyễn Thị Thu Hà");
        if (status == DossierStatus.Received)
        {
            return;
        }
        var end = h.ResolvedAt ?? h.RefusedAt ?? h.WithdrawnAt;
        var transferred = work(h.ReceivedAt.AddHours(2));
        if (end is not null && transferred >= end)
        {
            transferred = work(h.ReceivedAt + ((end.Value - h.ReceivedAt) / 2));
        }
        Add(transferred, DossierAction.Transfer, DossierStatus.Received, DossierStatus.InProcessing, "motcua", "Nguyễn Thị Thu Hà", unit?.UnitId);
        if (h.ResolvedAt is { } resolved)
        {
            Add(work(resolved.AddHours(-4) > transferred ? resolved.AddHours(-4) : transferred), DossierAction.Appraise, DossierStatus.InProcessing,
                DossierStatus.AwaitingApproval, "chuyenvien", "Trần Văn Minh");
            Add(resolved, DossierAction.Approve, DossierStatus.AwaitingApproval, DossierStatus.ResultIssued, "lanhdao", "Lê Quang Vinh");
        }
        if (h.ReturnedAt is { } returned)
        {
            Add(returned, DossierAction.Return, DossierStatus.ResultIssued, DossierStatus.Returned, "motcua", "Nguyễn Thị Thu Hà");
        }
        if (h.RefusedAt is { } refused)
        {
            Add(refused, DossierAction.Refuse, DossierStatus.AwaitingApproval, DossierStatus.RefusedAfterReceipt, "lanhdao", "Lê Quang Vinh");
        }
        if (h.WithdrawnAt is { } withdrawn)
        {
            Add(withdrawn, DossierAction.Withdraw, DossierStatus.InProcessing, DossierStatus.Withdrawn, "motcua", "Nguyễn Thị Thu Hà");
        }
    }

    private static async Task SaveAsync(AppDbContext db, DossierStore store, ClaimsPrincipal seeder, List<Dossier> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return;
        }
        await store.SaveNewAsync(batch, seeder, new DossierAuditEntry("dossier.import", "Dữ liệu mẫu: hồ sơ của năm vừa qua.", new { Count = batch.Count }), ct);
        batch.Clear();
        db.ChangeTracker.Clear();
    }

    private static ClaimsPrincipal Seeder(int agencyId) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, "admin"),
            new Claim(ClaimTypes.Role, Roles.Admin),
            new Claim(MotCuaClaims.AgencyId, agencyId.ToString(CultureInfo.InvariantCulture)),
        ], "Seed"));

    /// <summary>
    /// The open dossiers go on through the officers' own commands: the desk transfers, the leader assigns the
    /// sub-department's specialist, who submits some for approval, so each queue holds work the way the product put it there.
    /// </summary>
    private static async Task MoveOpenDossiersAsync(IServiceScopeFactory scopes, int agencyId, List<(string Code, Outcome Outcome, bool Quality)> open,
        Func<DateTimeOffset, DateTimeOffset> work, ILogger log, CancellationToken ct)
    {
        string? leaderName;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            leaderName = (await users.FindByNameAsync("lanhdao"))?.UserName;
        }
        foreach (var (code, outcome, quality) in open)
        {
            var steps = new List<(string User, DossierAction Action, ActionInput Input)> { ("motcua", DossierAction.Transfer, new ActionInput()) };
            if (quality && outcome is Outcome.Assigned or Outcome.AwaitingApproval)
            {
                steps.Add(("lanhdao", DossierAction.Assign, new ActionInput(Assignee: "chuyenvien")));
            }
            if (quality && outcome == Outcome.AwaitingApproval && leaderName is not null)
            {
                steps.Add(("chuyenvien", DossierAction.Appraise, new ActionInput(Note: "Hồ sơ đủ điều kiện, đề nghị Lãnh đạo Sở phê duyệt.", LeaderUserId: leaderName)));
            }
            if (outcome == Outcome.AwaitingSupplement)
            {
                // The sub-department's specialist asks for what is missing in the dossiers assigned to them; the leader in the others.
                if (quality)
                {
                    steps.Add(("lanhdao", DossierAction.Assign, new ActionInput(Assignee: "chuyenvien")));
                }
                steps.Add((quality ? "chuyenvien" : "lanhdao", DossierAction.RequestSupplement,
                    await DemoSupplements.RequestAsync(scopes, code, open.Count(o => o.Outcome == Outcome.AwaitingSupplement && string.CompareOrdinal(o.Code, code) < 0), ct)));
            }
            // Each command is dated in office hours after the one before it (transfer two hours after receipt, the next a
            // working day later), not at start-up, so the timeline reads like a working week.
            var clock = new DemoClock(DateTimeOffset.MinValue);
            foreach (var (user, action, input) in steps)
            {
                await using var scope = scopes.CreateAsyncScope();
                var sp = scope.ServiceProvider;
                var db = sp.GetRequiredService<AppDbContext>();
                var id = await db.Dossiers.Where(d => d.Code == code && d.AgencyId == agencyId).Select(d => d.Id).SingleAsync(ct);
                var last = await db.DossierEvents.Where(e => e.DossierId == id).MaxAsync(e => (DateTimeOffset?)e.At, ct);
                if (last is not { } before)
                {
                    break;
                }
                clock.At = work(before + (action == DossierAction.Transfer ? TimeSpan.FromHours(2) : TimeSpan.FromDays(1)));
                var account = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(user);
                if (account is null || account.AgencyId != agencyId)
                {
                    break;
                }
                var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(account);
                var store = ActivatorUtilities.CreateInstance<DossierStore>(sp, (TimeProvider)clock);
                var act = ActivatorUtilities.CreateInstance<ActOnDossier>(sp, (TimeProvider)clock, store);
                var result = await act.ApplyAsync(code, action, input, null, principal, ct);
                if (result.Kind != OutcomeKind.Ok)
                {
                    // The dossier stays where the refused command found it: a demo still starts, with one fewer dossier moved on.
                    if (log.IsEnabled(LogLevel.Warning))
                    {
                        log.LogWarning("Demo history: {Action} of {Code} refused: {Title} {Detail}", action, code, result.Title, result.Detail);
                    }
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The specialist records the result document of each approved paper or postal result through the product's own
    /// service, so the desk's "results to return" queue holds them as it would on a working day.
    /// </summary>
    private static async Task RecordResultsAsync(IServiceScopeFactory scopes, int agencyId, List<string> codes, ILogger log, CancellationToken ct)
    {
        var number = 100;
        foreach (var code in codes)
        {
            await using var scope = scopes.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var account = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("chuyenvien");
            if (account is null || account.AgencyId != agencyId)
            {
                return;
            }
            var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(account);
            // The document is the one the procedure issues, dated the day the dossier was approved.
            var db = sp.GetRequiredService<AppDbContext>();
            var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Code == code && d.AgencyId == agencyId)
                .Select(d => new { d.CompletedAt, d.ReceivedAt, d.ProcedureVersionId }).SingleAsync(ct);
            var version = await db.ProcedureVersions.AsNoTracking().Where(v => v.Id == dossier.ProcedureVersionId).Select(v => new { v.Result, v.Name }).SingleAsync(ct);
            var kind = DossierHistoryRules.ResultKind(version.Result ?? version.Name);
            var approved = dossier.CompletedAt ?? dossier.ReceivedAt ?? throw new InvalidOperationException("Demo history: an issued dossier without its dates " + code + ".");
            var day = DateOnly.FromDateTime(approved.ToOffset(Vn).DateTime);
            var draft = new Results.ResultDraft(kind, (++number).ToString(CultureInfo.InvariantCulture), DossierHistoryRules.ResultSymbol(kind),
                Results.ResultPdfs.TypeName(kind) + ": " + version.Name, day, "Lê Quang Vinh", "Phó Giám đốc", day, null, null);
            var result = await sp.GetRequiredService<Results.ResultDocuments>().RecordAsync(principal, code, draft, ct);
            if (!result.Succeeded && log.IsEnabled(LogLevel.Warning))
            {
                log.LogWarning("Demo history: the result of {Code} was not recorded: {Errors}", code, string.Join(" ", result.Errors));
            }
        }
    }

    /// <summary>
    /// The results collected at the commune centre go through the desks' own hand-back steps: the department's desk
    /// sends the result two hours after the approval, the centre's desk confirms it the next working day and returns it
    /// two hours later, each in office hours and dated by the demo's clock, not at start-up.
    /// </summary>
    private static async Task HandBackAsync(IServiceScopeFactory scopes, List<(string Code, int Steps)> handBacks, Func<DateTimeOffset, DateTimeOffset> work,
        ILogger log, CancellationToken ct)
    {
        foreach (var (code, steps) in handBacks.Where(h => h.Steps > 0))
        {
            DateTimeOffset? completed;
            await using (var scope = scopes.CreateAsyncScope())
            {
                completed = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.AsNoTracking().Where(d => d.Code == code)
                    .Select(d => d.CompletedAt).SingleAsync(ct);
            }
            if (completed is not { } at)
            {
                continue;
            }
            var clock = new DemoClock(at);
            for (var step = 1; step <= steps; step++)
            {
                var next = work(at + (step == 2 ? TimeSpan.FromDays(1) : TimeSpan.FromHours(2)));
                clock.At = at = next > at ? next : at.AddMinutes(1);
                await using var scope = scopes.CreateAsyncScope();
                var sp = scope.ServiceProvider;
                var account = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(step == 1 ? "motcua" : "motcuaxa");
                if (account is null)
                {
                    break;
                }
                var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(account);
                var store = ActivatorUtilities.CreateInstance<DossierStore>(sp, (TimeProvider)clock);
                var handBack = ActivatorUtilities.CreateInstance<Dossiers.Boundary.ResultHandBacks>(sp, (TimeProvider)clock, store);
                var problem = step switch
                {
                    1 => await handBack.SendAsync(code, at, "Chuyển qua bưu điện (dữ liệu mẫu).", principal, ct),
                    2 => await handBack.ReceiveAsync(code, at, null, principal, ct),
                    _ => await handBack.ReturnAsync(code, "Người nộp nhận kết quả tại Trung tâm (dữ liệu mẫu).", principal, ct),
                };
                if (problem is not null)
                {
                    if (log.IsEnabled(LogLevel.Warning))
                    {
                        log.LogWarning("Demo history: hand-back step {Step} of {Code} refused: {Problem}", step, code, problem);
                    }
                    break;
                }
            }
        }
    }

    /// <summary>
    /// About a third of the applicants who got their result rate the service, most of them satisfied. Answers about
    /// facts follow the dossier: "supplemented more than once" only after two or more rounds, "on time" only when it was.
    /// </summary>
    private static async Task EvaluateAsync(AppDbContext db, int agencyId, Random random, DateTimeOffset now, CancellationToken ct)
    {
        var returned = await db.Dossiers.AsNoTracking().Where(d => d.AgencyId == agencyId && d.Status == DossierStatus.Returned)
            .OrderBy(d => d.Id).Select(d => new { d.Id, d.Code, d.ProcedureCode, d.ReturnedAt, d.DueAt, d.PausesJson }).ToListAsync(ct);
        var units = await db.DossierEvents.AsNoTracking().Where(e => e.ToUnitId != null && db.Set<Dossier>().Any(d => d.Id == e.DossierId && d.AgencyId == agencyId))
            .Select(e => new { e.DossierId, e.ToUnitId }).ToListAsync(ct);
        var unitOf = units.GroupBy(u => u.DossierId).ToDictionary(g => g.Key, g => g.Last().ToUnitId);
        string[] comments = ["Cán bộ hướng dẫn tận tình.", "Thủ tục nhanh, đúng hẹn.", "Nên gửi tin nhắn khi có kết quả.", "Chờ hơi lâu ở bước thẩm định."];
        foreach (var d in returned)
        {
            var at = d.ReturnedAt!.Value.AddHours(random.Next(1, 72));
            if (random.NextDouble() >= 0.35 || at >= now)
            {
                continue;
            }
            var rounds = (JsonSerializer.Deserialize<List<PauseRow>>(d.PausesJson, PauseJson) ?? []).Count(p => p.Reason == PauseReason.AwaitingSupplement);
            var onTime = d.DueAt is not { } due || d.ReturnedAt <= due;
            // A late or twice-supplemented applicant is the one who is sometimes dissatisfied.
            var mood = random.NextDouble() * (onTime && rounds < 2 ? 1 : 0.3);
            // The ballot is answered under the questionnaire offered on its day.
            var questionnaire = CitizenQuestionnaires.For(DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(7)).DateTime));
            var answers = questionnaire.Questions.Select(q => Answer(q, rounds, onTime, mood, random)).ToList();
            db.Add(new DossierEvaluation
            {
                AgencyId = agencyId, DossierId = d.Id, DossierCode = d.Code, ProcedureCode = d.ProcedureCode, UnitId = unitOf.GetValueOrDefault(d.Id),
                EvaluatedAt = at, Answers = string.Join(',', answers.Select(a => a.ToString(CultureInfo.InvariantCulture))),
                Total = questionnaire.Points(answers), QuestionnaireVersion = questionnaire.Version,
                Comment = random.NextDouble() < 0.1 ? comments[random.Next(comments.Length)] : null,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    private static readonly JsonSerializerOptions PauseJson = new(JsonSerializerDefaults.Web);

    private sealed record PauseRow(PauseReason Reason);

    /// <summary>One answer: the facts of the dossier for the questions about them, the applicant's mood for the others.</summary>
    private static int Answer(CitizenQuestion question, int rounds, bool onTime, double mood, Random random)
    {
        var best = question.Choices.OrderByDescending(c => c.Points).ToList();
        AnswerChoice YesNo(bool yes) => question.Choices.Single(c => c.Value == (yes ? 1 : 0));
        AnswerChoice Graded(int points) => best.First(c => c.Points <= points);
        var choice = question.Key switch
        {
            "bo-sung" => YesNo(rounds >= 2),
            "dung-hen" => YesNo(onTime),
            "chi-phi" => YesNo(false),
            // The nine indicators: 1 total time, 3 contacts to complete the dossier, 7 conduct (late counts against it).
            "1" or "7" => Graded(onTime ? 2 : 0),
            "3" => Graded(rounds switch { 0 => 2, 1 => 1, _ => 0 }),
            _ when best.Count == 2 => best[0],
            _ when best.Count == 3 => mood switch { < 0.03 => best[2], < 0.12 => best[1], _ => best[0] },
            _ => mood switch
            {
                < 0.03 => best[Math.Min(best.Count - 1, 3 + random.Next(0, 2))],
                < 0.10 => best[Math.Min(best.Count - 1, 2)],
                < 0.45 => best[1],
                _ => best[0],
            },
        };
        return choice.Value;
    }

    /// <summary>
    /// The national portal acknowledged most receipts within minutes, and the status each dossier then reached: the
    /// outbox keeps those pushes, the report row their first acknowledgement (the roll-up counts it as synchronised) and
    /// the latest code (the reconciliation ledger compares it). The rest were never pushed, for the ledger to explain.
    /// </summary>
    private static async Task AcknowledgeAsync(AppDbContext db, int agencyId, Random random, CancellationToken ct)
    {
        var rows = await db.ReportDossiers.Where(r => r.AgencyId == agencyId && r.ReceivedAt != null).OrderBy(r => r.DossierId).ToListAsync(ct);
        var ids = rows.Select(r => r.DossierId).ToList();
        var codes = await db.Dossiers.Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Code }).ToDictionaryAsync(d => d.Id, d => d.Code, ct);
        foreach (var row in rows)
        {
            if (random.NextDouble() >= DossierHistoryRules.AcknowledgedShare)
            {
                continue;
            }
            var received = row.ReceivedAt!.Value.AddMinutes(random.Next(1, 120));
            row.SyncedAt = received.UtcTicks;
            db.OutboxMessages.Add(Push(agencyId, codes[row.DossierId], NationalStatus.Accepted.Code, received));
            row.PortalCode = NationalStatus.Accepted.Code;
            if (row.NationalCode is { } now && now != NationalStatus.Accepted.Code)
            {
                var at = row.ClosedAt != DossierProjection.Open ? new DateTimeOffset(row.ClosedAt, TimeSpan.Zero).AddMinutes(random.Next(1, 30)) : received.AddMinutes(30);
                db.OutboxMessages.Add(Push(agencyId, codes[row.DossierId], now, at));
                row.PortalCode = now;
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await ReportRollup.RebuildAsync(db, ct);
    }

    private static OutboxMessage Push(int agencyId, string dossierCode, int code, DateTimeOffset at) => new()
    {
        AgencyId = agencyId,
        Kind = "dossier.status",
        Channel = OutboxChannel.NationalPortal,
        Recipient = "https://dichvucong.gov.vn/",
        DossierCode = dossierCode,
        NationalStatusCode = code,
        Body = "{\"service\":\"DongBoHoSoMC\",\"data\":[{\"MaHoSo\":\"" + dossierCode + "\",\"TrangThaiHoSo\":\"" + code.ToString(CultureInfo.InvariantCulture) + "\"}]}",
        Status = OutboxStatus.Delivered,
        Attempts = 1,
        CreatedAt = at,
        NextAttemptAt = at,
        LastAttemptAt = at,
        DeliveredAt = at,
        AcknowledgedAt = at,
    };
}

/// <summary>The demo's clock for a command it replays: the instant the officer acted, set before each command.</summary>
internal sealed class DemoClock(DateTimeOffset at) : TimeProvider
{
    public DateTimeOffset At { get; set; } = at;

    public override DateTimeOffset GetUtcNow() => At;
}
