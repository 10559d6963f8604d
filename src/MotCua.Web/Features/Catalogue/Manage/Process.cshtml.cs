using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Catalogue.Manage;

/// <summary>
/// The internal process of one procedure version: steps are edited while draft; approval needs the approving decision
/// and step times that add up to the processing time; an approved process is then put in force.
/// </summary>
[Authorize(Roles = CatalogueApi.ManagerRoles)]
public sealed class ProcessModel(AppDbContext db, TimeProvider time) : PageModel
{
    public sealed class StepInput
    {
        public StepKind Kind { get; set; } = StepKind.Other;
        public int? UnitId { get; set; }
        public string? Actor { get; set; }
        public string? Description { get; set; }
        public string? Duration { get; set; }
        public TimeUnit Unit { get; set; } = TimeUnit.WorkingDays;
        public string? OutputForm { get; set; }
    }

    [BindProperty]
    public List<StepInput> Steps { get; set; } = [];

    [BindProperty]
    public string? DecisionNumber { get; set; }

    [BindProperty]
    public DateOnly? ApprovedOn { get; set; }

    public Procedure Procedure { get; private set; } = null!;

    public ProcedureVersion Version { get; private set; } = null!;

    public InternalProcess? Process { get; private set; }

    public List<Unit> Units { get; private set; } = [];

    public StepTimeCheck? Check { get; private set; }

    public List<string> Errors { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    private int AgencyId => User.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");

    public async Task<IActionResult> OnGetAsync(int id, int? version, CancellationToken ct)
    {
        if (!await LoadAsync(id, version, ct))
        {
            return NotFound();
        }
        Steps = Process?.Steps.OrderBy(s => s.Seq).Select(s => new StepInput
        {
            Kind = s.Kind, UnitId = s.UnitId, Actor = s.Actor, Description = s.Description,
            Duration = CatalogueText.Number(s.DurationValue), Unit = s.DurationUnit, OutputForm = s.OutputForm,
        }).ToList() ?? [];
        if (Steps.Count == 0)
        {
            Steps = [new() { Kind = StepKind.Receive }, new() { Kind = StepKind.Appraise }, new() { Kind = StepKind.Approve }, new() { Kind = StepKind.Return }];
        }
        ApprovedOn = time.Today();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, int? version, CancellationToken ct)
    {
        if (!await LoadAsync(id, version, ct))
        {
            return NotFound();
        }
        Process ??= NewProcess();
        if (!ProcessStateMachine.StepsEditable(Process.State))
        {
            Errors.Add($"Quy trình ở trạng thái \"{CatalogueText.Name(Process.State)}\" không được sửa; hãy đưa về dự thảo trước.");
            return Page();
        }
        var steps = ParseSteps();
        if (Errors.Count > 0)
        {
            return Page();
        }
        Process.Steps.Clear();
        Process.Steps.AddRange(steps);
        Check = CheckSteps(steps);
        AuditLog.Append(db, time, User, "catalogue.process.save", "InternalProcess", $"{Procedure.Code}/v{Version.Number}",
            $"Lưu dự thảo quy trình nội bộ ({steps.Count} bước) của thủ tục {Procedure.Code}, phiên bản {Version.Number}.");
        await db.SaveChangesAsync(ct);
        Message = Check is { Matches: false }
            ? "Đã lưu dự thảo. Lưu ý: tổng thời gian các bước chưa bằng thời hạn giải quyết."
            : "Đã lưu dự thảo quy trình.";
        return RedirectToPage(new { id, version = Version.Number });
    }

    public async Task<IActionResult> OnPostTransitionAsync(int id, int? version, ProcessTrigger trigger, CancellationToken ct)
    {
        if (!await LoadAsync(id, version, ct))
        {
            return NotFound();
        }
        if (Process is not { } process)
        {
            Errors.Add("Chưa có quy trình nội bộ; hãy lưu các bước trước.");
            return Page();
        }
        var next = ProcessStateMachine.Next(process.State, trigger);
        if (next is null)
        {
            Errors.Add($"Không thể thực hiện thao tác này khi quy trình ở trạng thái \"{CatalogueText.Name(process.State)}\".");
            return Page();
        }
        var today = time.Today();
        switch (trigger)
        {
            case ProcessTrigger.Approve:
                var check = CheckSteps(process.Steps);
                if (check is not { Matches: true })
                {
                    Errors.Add(StepError(check));
                }
                if (string.IsNullOrWhiteSpace(DecisionNumber))
                {
                    Errors.Add("Vui lòng nhập số quyết định phê duyệt quy trình nội bộ.");
                }
                if (Shared.Dates.RefusedDates.Messages(HttpContext) is { Count: > 0 } refused)
                {
                    Errors.AddRange(refused);
                }
                else if (ApprovedOn is null)
                {
                    Errors.Add("Vui lòng nhập ngày phê duyệt.");
                }
                if (Errors.Count > 0)
                {
                    return Page();
                }
                process.ApprovalDecisionNumber = TextSearch.Nfc(DecisionNumber);
                process.ApprovedOn = ApprovedOn;
                break;
            case ProcessTrigger.PutInForce:
                if (Version.State != VersionState.Published)
                {
                    Errors.Add("Chỉ áp dụng quy trình của phiên bản thủ tục đã công bố.");
                    return Page();
                }
                process.InForceFrom = today;
                var others = await db.InternalProcesses.Where(p => p.ProcedureVersionId == Version.Id && p.Id != process.Id && p.State == ProcessState.InForce).ToListAsync(ct);
                foreach (var other in others)
                {
                    other.State = ProcessStateMachine.Next(other.State, ProcessTrigger.Retire) ?? other.State;
                }
                break;
            case ProcessTrigger.Reopen:
                process.ApprovalDecisionNumber = null;
                process.ApprovedOn = null;
                break;
            case ProcessTrigger.Retire:
                break;
        }
        var from = process.State;
        process.State = next.Value;
        AuditLog.Append(db, time, User, "catalogue.process.transition", "InternalProcess", $"{Procedure.Code}/v{Version.Number}",
            $"Quy trình nội bộ thủ tục {Procedure.Code}, phiên bản {Version.Number}: {CatalogueText.Name(from)} → {CatalogueText.Name(next.Value)}.",
            new { From = from.ToString(), To = next.Value.ToString(), process.ApprovalDecisionNumber });
        await db.SaveChangesAsync(ct);
        Message = $"Quy trình chuyển sang trạng thái \"{CatalogueText.Name(next.Value)}\".";
        return RedirectToPage(new { id, version = Version.Number });
    }

    private InternalProcess NewProcess()
    {
        var p = new InternalProcess { ProcedureVersionId = Version.Id, State = ProcessState.Draft };
        db.InternalProcesses.Add(p);
        return p;
    }

    public StepTimeCheck? CheckSteps(IEnumerable<ProcessStep> steps) =>
        Version.ProcessingTime is { } total ? StepTimeRules.Check(steps.Select(s => s.Duration).ToList(), total) : null;

    public string StepError(StepTimeCheck? check) => check switch
    {
        null => "Thủ tục chưa xác minh thời hạn giải quyết; không thể phê duyệt quy trình nội bộ.",
        { HasNoSteps: true } => "Quy trình phải có ít nhất một bước.",
        { MixedUnits: true } => "Thời hạn tính theo ngày (lịch) thì các bước cũng phải tính theo ngày (lịch), và ngược lại.",
        _ => $"Tổng thời gian các bước ({Hours(check.StepHours)}) phải bằng thời hạn giải quyết {CatalogueText.Time(Version.ProcessingTime)} ({Hours(check.TotalHours)}).",
    };

    private string Hours(decimal value) => Version.ProcessingTimeUnit == TimeUnit.CalendarDays
        ? CatalogueText.Number(value) + " ngày"
        : CatalogueText.Number(value) + " giờ làm việc";

    /// <summary>
    /// The steps a dossier will be routed along under this process (<see cref="ProcessRouting.Routed"/>, the rule the
    /// dossiers follow), numbered as in the table, so the manager sees which steps the units pass dossiers through.
    /// </summary>
    public List<(int Number, StepInput Step)> RoutedSteps()
    {
        var desks = Units.Where(u => u.Kind == UnitKind.OneStopDesk).Select(u => u.Id).ToHashSet();
        return ProcessRouting.Routed(Steps.Select((s, i) => (Number: i + 1, Step: s)).Where(x => Filled(x.Step)), x => x.Step.Kind,
            x => x.Step.UnitId is { } unit && desks.Contains(unit));
    }

    private static bool Filled(StepInput s) =>
        !string.IsNullOrWhiteSpace(s.Duration) || !string.IsNullOrWhiteSpace(s.Description) || s.UnitId is not null || !string.IsNullOrWhiteSpace(s.Actor);

    private List<ProcessStep> ParseSteps()
    {
        var result = new List<ProcessStep>();
        var rows = Steps.Where(Filled).ToList();
        for (int i = 0; i < rows.Count; i++)
        {
            var s = rows[i];
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            if (s.UnitId is null && string.IsNullOrWhiteSpace(s.Actor))
            {
                Errors.Add($"Bước {n}: vui lòng chọn đơn vị hoặc ghi người thực hiện.");
            }
            if (s.UnitId is { } u && Units.All(x => x.Id != u))
            {
                Errors.Add($"Bước {n}: đơn vị không thuộc cơ quan.");
            }
            if (!decimal.TryParse((s.Duration ?? "").Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) || d <= 0 || d > 1000)
            {
                Errors.Add($"Bước {n}: thời gian phải là số dương, ví dụ 2 hoặc 0,5.");
                continue;
            }
            result.Add(new ProcessStep
            {
                Seq = i + 1,
                Kind = s.Kind,
                UnitId = s.UnitId,
                Actor = TextSearch.NfcOrNull(s.Actor),
                Description = TextSearch.NfcOrNull(s.Description),
                DurationValue = d,
                DurationUnit = s.Unit,
                OutputForm = TextSearch.NfcOrNull(s.OutputForm),
            });
        }
        if (rows.Count == 0)
        {
            Errors.Add("Quy trình phải có ít nhất một bước.");
        }
        return result;
    }

    private async Task<bool> LoadAsync(int id, int? version, CancellationToken ct)
    {
        var procedure = await CatalogueService.LoadAsync(db, AgencyId, id, ct);
        if (procedure is null)
        {
            return false;
        }
        Procedure = procedure;
        var chosen = version is { } n ? procedure.Versions.FirstOrDefault(v => v.Number == n)
            : VersionRules.InForce(procedure.Versions, v => v.Period, time.Today(), procedure.AbolishedFrom)
              ?? procedure.Versions.OrderByDescending(v => v.Number).First();
        if (chosen is null)
        {
            return false;
        }
        Version = chosen;
        // The newest process of the version that is not retired is the one being worked on.
        Process = await db.InternalProcesses.Include(p => p.Steps).ThenInclude(s => s.Unit)
            .Where(p => p.ProcedureVersionId == chosen.Id && p.State != ProcessState.Retired)
            .OrderByDescending(p => p.Id).FirstOrDefaultAsync(ct);
        Units = await db.Units.AsNoTracking().Where(u => u.AgencyId == AgencyId && u.IsActive).OrderBy(u => u.SortOrder).ToListAsync(ct);
        if (Process is not null)
        {
            Check = CheckSteps(Process.Steps);
        }
        return true;
    }
}
