using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Reports;

/// <summary>
/// Báo cáo tình hình, kết quả giải quyết TTHC (Biểu 06) for every officer: period with the official cut-off or a custom
/// range, grouping, which finish instant counts; every non-zero cell drills down to its dossiers; Excel in the form's
/// layout and a drafted narrative (DOCX) for the control focal officer to edit.
/// </summary>
public sealed class DossierReportPageModel(ReportingDb reporting, TimeProvider time) : PageModel
{
    /// <summary>Period key ("2025-Q1", "2025-03", "2025-H1", "2025") or "custom" for <see cref="From"/>–<see cref="To"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Ky { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? GroupBy { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? FinishAt { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Regime { get; set; }

    /// <summary>Drill-down: the row key ("total" for all) and the column (<see cref="Cells"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Row { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cell { get; set; }

    public ReportBundle? Bundle { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>(StringComparer.Ordinal);

    public IReadOnlyList<DrillLine>? Drill { get; private set; }

    public string? DrillTitle { get; private set; }

    /// <summary>The period choices offered: months, quarters, halves and years of this year and the last.</summary>
    public IReadOnlyList<(string Key, string Label)> PeriodChoices { get; private set; } = [];

    public sealed record DrillLine(string Code, string Procedure, string Unit, DateTimeOffset ReceivedAt, DateTimeOffset? DueAt, DateTimeOffset? FinishedAt, string Standing);

    /// <summary>Drill-down columns and their Vietnamese names.</summary>
    public static readonly IReadOnlyDictionary<string, string> Cells = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["total"] = "Tổng số hồ sơ nhận giải quyết",
        ["carriedOver"] = "Từ kỳ trước chuyển qua",
        ["received"] = "Mới tiếp nhận",
        ["receivedOnline"] = "Tiếp nhận trực tuyến",
        ["receivedDirect"] = "Tiếp nhận trực tiếp",
        ["receivedPostal"] = "Tiếp nhận qua dịch vụ bưu chính công ích",
        ["resolved"] = "Đã giải quyết",
        ["resolvedEarly"] = "Giải quyết trước hạn",
        ["resolvedOnTime"] = "Giải quyết đúng hạn",
        ["resolvedLate"] = "Giải quyết quá hạn",
        ["pending"] = "Đang giải quyết",
        ["pendingWithinTime"] = "Đang giải quyết trong hạn",
        ["pendingOverdue"] = "Đang giải quyết quá hạn",
        ["withdrawn"] = "Rút hồ sơ",
        ["refused"] = "Từ chối giải quyết sau tiếp nhận",
        ["stopped"] = "Dừng xử lý",
        ["refusedAtDesk"] = "Không được tiếp nhận (từ chối tại bộ phận một cửa)",
    };

    private ReportRequest? _request;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Page();
        }
        DefaultRecipients = ReportNarrative.Recipients(await IssuerAsync(ct));
        if (!string.IsNullOrEmpty(Cell) || !string.IsNullOrEmpty(Row))
        {
            if (Cell is null || !Cells.ContainsKey(Cell) || string.IsNullOrEmpty(Row))
            {
                Errors = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["cell"] = ["Ô cần xem chi tiết không hợp lệ."] };
                return Page();
            }
            // Only rows of this report (the caller's agency) can be opened: an unknown or foreign key says so plainly.
            if (!string.Equals(Row, DossierReport.TotalKey, StringComparison.Ordinal)
                && !Bundle!.Report.Rows.Any(r => string.Equals(r.Key, Row, StringComparison.Ordinal)))
            {
                Errors = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["row"] = ["Dòng cần xem chi tiết không có trong báo cáo kỳ này."] };
                return Page();
            }
            await DrillAsync(ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Page();
        }
        var bytes = ReportExcel.Build(Bundle!, time.GetUtcNow());
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName("xlsx"));
    }

    /// <summary>The narrative's recipients ("Nơi nhận") as the officer edited them for this report, one a line (<c>noinhan</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "noinhan")]
    public string? RecipientLines { get; set; }

    /// <summary>The recipients the narrative prints unless edited, drawn from the agency.</summary>
    public IReadOnlyList<string> DefaultRecipients { get; private set; } = [];

    private async Task<ReportIssuer> IssuerAsync(CancellationToken ct)
    {
        var agency = await reporting.Context.Agencies.AsNoTracking().SingleAsync(a => a.Id == User.AgencyId(), ct);
        var issuer = DossierDocuments.Issuer(agency, "");
        return new ReportIssuer(issuer.ParentBody, agency.Name, agency.Code, issuer.Place, issuer.Signer);
    }

    public async Task<IActionResult> OnGetWordAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Page();
        }
        var issuer = await IssuerAsync(ct) with { Recipients = ReportNarrative.ReadRecipients(RecipientLines) };
        var bytes = ReportNarrative.Build(Bundle!, issuer, time.GetUtcNow());
        return File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileName("docx"));
    }

    private string FileName(string ext) => "bao-cao-ket-qua-giai-quyet-tthc-" + _request!.Period.Key.Replace("..", "_", StringComparison.Ordinal) + "." + ext;

    /// <summary>The query string of the current report (for the cells' links and the downloads).</summary>
    public string Query(string? row = null, string? cell = null, string? handler = null)
    {
        var q = new List<string>();
        void Add(string k, string? v)
        {
            if (!string.IsNullOrEmpty(v))
            {
                q.Add(k + "=" + Uri.EscapeDataString(v));
            }
        }
        Add("handler", handler);
        Add("Ky", Ky);
        if (string.Equals(Ky, "custom", StringComparison.Ordinal))
        {
            Add("From", From);
            Add("To", To);
        }
        Add("GroupBy", GroupBy);
        Add("FinishAt", FinishAt);
        Add("Regime", Regime);
        Add("Row", row);
        Add("Cell", cell);
        return "?" + string.Join("&", q);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var today = time.Today();
        var regime = string.Equals(Regime, "calendar", StringComparison.Ordinal) ? ReportingRegime.Calendar : ReportingRegime.Official;
        PeriodChoices = Choices(today, regime);
        if (string.IsNullOrEmpty(Ky))
        {
            // Default: the quarter whose official window contains today.
            Ky = PeriodChoices.FirstOrDefault(c => ReportRequest.ParsePeriod(c.Key, regime) is { Kind: ReportPeriodKind.Quarter } p && p.Contains(today)).Key
                ?? PeriodChoices[0].Key;
        }
        var custom = string.Equals(Ky, "custom", StringComparison.Ordinal);
        var typed = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, label, text) in custom ? new[] { ("from", "Từ ngày", From), ("to", "Đến ngày", To) } : [])
        {
            if (!string.IsNullOrWhiteSpace(text) && !Shared.Dates.DateText.TryParseDate(text, out _))
            {
                typed[key] = [Shared.Dates.DateText.Invalid(label, text.Trim(), withTime: false)];
            }
        }
        if (typed.Count > 0)
        {
            Errors = typed;
            return false;
        }
        var (request, errors) = ReportRequest.Parse(custom ? null : Ky, custom ? IsoFromTyped(From) : null, custom ? IsoFromTyped(To) : null, GroupBy, FinishAt, Regime);
        if (request is null)
        {
            Errors = errors;
            return false;
        }
        _request = request.AsOf(time.GetUtcNow());
        var agencyId = User.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");
        Bundle = await ReportBundle.LoadAsync(reporting, agencyId, _request, ct);
        return true;
    }

    private async Task DrillAsync(CancellationToken ct)
    {
        var agencyId = User.AgencyId()!.Value;
        var facts = await DossierFacts.LoadAsync(reporting, agencyId, _request!.Period, null, ct);
        var lines = new List<DrillLine>();
        foreach (var f in facts)
        {
            if (!string.Equals(Row, DossierReport.TotalKey, StringComparison.Ordinal) && !string.Equals(KeyOf(f, _request.GroupBy), Row, StringComparison.Ordinal))
            {
                continue;
            }
            if (string.Equals(Cell, "refusedAtDesk", StringComparison.Ordinal))
            {
                if (!f.InterAgencyPartnerCopy && f.DeskRefusedAt is { } at && _request.Period.Contains(at))
                {
                    lines.Add(new DrillLine(f.Code, f.ProcedureName, f.UnitName, f.ReceivedAt, null, at, "Không được tiếp nhận"));
                }
                continue;
            }
            if (DossierReport.Classify(f, _request.Period, _request.Options) is { } st && Matches(st, Cell!))
            {
                lines.Add(new DrillLine(f.Code, f.ProcedureName, f.UnitName, f.ReceivedAt, f.DueAt, st.FinishedAt ?? ClosedAt(f, st), Standing(st)));
            }
        }
        Drill = [.. lines.OrderBy(l => l.ReceivedAt).ThenBy(l => l.Code, StringComparer.Ordinal)];
        var rowName = string.Equals(Row, DossierReport.TotalKey, StringComparison.Ordinal)
            ? "Tổng cộng"
            : Bundle!.Report.Rows.First(r => string.Equals(r.Key, Row, StringComparison.Ordinal)).Name;
        DrillTitle = Cells[Cell!] + " – " + rowName;
    }

    private static DateTimeOffset? ClosedAt(DossierFact f, PeriodStanding st) => st.Closing switch
    {
        PeriodClosing.Withdrawn => f.WithdrawnAt,
        PeriodClosing.Refused => f.RefusedAt,
        PeriodClosing.Stopped => f.StoppedAt,
        _ => null,
    };

    public static string KeyOf(DossierFact f, GroupBy g) => g switch
    {
        Core.Reports.GroupBy.Agency => f.AgencyKey,
        Core.Reports.GroupBy.Unit => f.UnitKey,
        Core.Reports.GroupBy.Field => f.FieldKey,
        Core.Reports.GroupBy.Procedure => f.ProcedureKey,
    };

    private static bool Matches(PeriodStanding st, string cell) => cell switch
    {
        "total" => true,
        "carriedOver" => st.Opening == PeriodOpening.CarriedOver,
        "received" => st.IsReceived,
        "receivedOnline" => st.Opening == PeriodOpening.ReceivedOnline,
        "receivedDirect" => st.Opening == PeriodOpening.ReceivedDirect,
        "receivedPostal" => st.Opening == PeriodOpening.ReceivedPostal,
        "resolved" => st.IsResolved,
        "resolvedEarly" => st.Closing == PeriodClosing.ResolvedEarly,
        "resolvedOnTime" => st.Closing == PeriodClosing.ResolvedOnTime,
        "resolvedLate" => st.Closing == PeriodClosing.ResolvedLate,
        "pending" => st.IsPending,
        "pendingWithinTime" => st.Closing == PeriodClosing.PendingWithinTime,
        "pendingOverdue" => st.Closing == PeriodClosing.PendingOverdue,
        "withdrawn" => st.Closing == PeriodClosing.Withdrawn,
        "refused" => st.Closing == PeriodClosing.Refused,
        "stopped" => st.Closing == PeriodClosing.Stopped,
        _ => false,
    };

    private static string Standing(PeriodStanding st) => st.Closing switch
    {
        PeriodClosing.ResolvedEarly => "Trước hạn",
        PeriodClosing.ResolvedOnTime => "Đúng hạn",
        PeriodClosing.ResolvedLate => "Quá hạn",
        PeriodClosing.PendingWithinTime => "Đang giải quyết, trong hạn",
        PeriodClosing.PendingOverdue => "Đang giải quyết, quá hạn",
        PeriodClosing.Withdrawn => "Rút hồ sơ",
        PeriodClosing.Refused => "Từ chối giải quyết",
        PeriodClosing.Stopped => "Dừng xử lý",
    };

    private static List<(string Key, string Label)> Choices(DateOnly today, ReportingRegime regime)
    {
        var list = new List<(string, string)>();
        foreach (var year in new[] { today.Year, today.Year - 1 })
        {
            var periods = new List<ReportPeriod>();
            periods.AddRange(Enumerable.Range(1, 4).Select(q => ReportPeriod.Quarter(year, q, regime)));
            periods.AddRange(Enumerable.Range(1, 2).Select(h => ReportPeriod.HalfYear(year, h, regime)));
            periods.Add(ReportPeriod.FullYear(year, regime));
            periods.AddRange(Enumerable.Range(1, 12).Select(m => ReportPeriod.Month(year, m, regime)));
            list.AddRange(periods.Select(p => (p.Key, p.Label + " (" + p.Start.ToVnDate() + " – " + p.End.ToVnDate() + ")")));
        }
        return list;
    }

    public static string N(int value) => value.ToString("N0", VietnamTime.Culture);

    public static string Pct(decimal? value) => value is { } v ? v.ToString("0.##", VietnamTime.Culture) + "%" : "—";

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // The fields are typed day first; the report request (shared with the API) reads ISO.
    private static string? IsoFromTyped(string? text) =>
        Shared.Dates.DateText.TryParseDate(text, out var date) ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : text;
}
