using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using MotCua.Core.Dossiers;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Indices;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Reconciliation;

/// <summary>/doi-soat: the per-dossier ledger of a period, the differing dossiers with reason and action, and its Excel export.</summary>
public sealed class LedgerModel(ReportingDb reporting, TimeProvider time, AppDbContext db, IOptions<NotificationOptions> options, INationalResultPapers resultPapers) : PeriodPageModel(reporting, time)
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "ly-do")]
    public string? Reason { get; set; }

    [BindProperty(SupportsGet = true, Name = "trang")]
    public int? PageNumber { get; set; }

    public LedgerPage? Ledger { get; private set; }

    public IReadOnlyList<LedgerLine> Shown { get; private set; } = [];

    public int Matching { get; private set; }

    public LedgerReason? Filter { get; private set; }

    /// <summary>What the last action did, shown once after its redirect (a reload does not send it again).</summary>
    [TempData]
    public string? Message { get; set; }

    public bool MayAct => LedgerActions.MayAct(User);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        if (!await ValidateAsync(ct))
        {
            return Page();
        }
        // The export lists every differing dossier, so it reconciles the whole period (and not the page too).
        var ledger = await Reconciliation.Ledger.LoadAsync(Reporting, AgencyId, Period, UnitId, ct);
        var bytes = Excel(ledger, [.. ledger.Differing(Filter)]);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "doi-soat-" + ledger.Period.Key + ".xlsx");
    }

    public async Task<IActionResult> OnPostResendAsync(string code, CancellationToken ct)
    {
        if (!MayAct)
        {
            return Forbid();
        }
        var (outcome, error, _) = await LedgerActions.ResendAsync(db, Time, options.Value.NationalPortal, resultPapers, User, AgencyId, code ?? "", ct);
        if (outcome == LedgerActionOutcome.Done)
        {
            return await DoneAsync($"Đã đưa trạng thái hồ sơ {code} vào hàng đợi gửi Cổng DVCQG.", ct);
        }
        await LoadAsync(ct);
        Error ??= error;
        return Page();
    }

    /// <summary>Back to the ledger of the same period with the message: the page is then a plain GET, safe to reload.</summary>
    private async Task<IActionResult> DoneAsync(string message, CancellationToken ct)
    {
        await ResolveAsync(ct);
        Message = message;
        return Redirect("/doi-soat?" + Query);
    }

    public async Task<IActionResult> OnPostExplainAsync(string code, string reasonCode, string text, CancellationToken ct)
    {
        if (!MayAct)
        {
            return Forbid();
        }
        if (!await LoadAsync(ct))
        {
            return Page();
        }
        var (outcome, error) = await LedgerActions.ExplainAsync(db, Time, User, AgencyId, code ?? "", Period, reasonCode, text, ct);
        if (outcome == LedgerActionOutcome.Done)
        {
            return await DoneAsync($"Đã lưu giải trình cho hồ sơ {code}.", ct);
        }
        Error = error;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await ValidateAsync(ct))
        {
            return false;
        }
        Ledger = await LedgerSql.PageAsync(Reporting, AgencyId, Period, UnitId, Filter, (int)Math.Min(int.MaxValue, ((long)(PageNumber ?? 1) - 1) * PageSize), PageSize, ct);
        Matching = Ledger.Matching;
        Shown = Ledger.Lines;
        return true;
    }

    /// <summary>The period, unit, reason filter and page asked for; false with <see cref="PeriodPageModel.Error"/> set when one is not valid.</summary>
    private async Task<bool> ValidateAsync(CancellationToken ct)
    {
        if (!await ResolveAsync(ct))
        {
            return false;
        }
        if (!string.IsNullOrWhiteSpace(Reason))
        {
            Filter = DossierLedger.ParseReason(Reason.Trim());
            if (Filter is null)
            {
                Error = "Lý do lọc không hợp lệ.";
                return false;
            }
        }
        if (PageNumber is < 1)
        {
            Error = "Số trang phải từ 1 trở lên.";
            return false;
        }
        return true;
    }

    /// <summary>Query string of this page with another reason filter or page.</summary>
    public string Link(LedgerReason? reason, int page = 1) =>
        "/doi-soat?" + Query + (reason is { } r ? "&ly-do=" + DossierLedger.ReasonCode(r) : "") + (page > 1 ? "&trang=" + page.ToString(CultureInfo.InvariantCulture) : "");

    public static string Count(int n) => n.ToString("N0", VietnamTime.Culture);

    public static string Date(DateTimeOffset? at) => at is { } a ? a.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "";

    public static string Portal(LedgerLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var p = line.Input.Portal;
        return p.AcknowledgedCode is { } c
            ? (NationalStatus.FromCode(c) is { } n ? $"{n.Code} – {n.Name}" : c.ToString(CultureInfo.InvariantCulture)) + " (" + Date(p.AcknowledgedAt) + ")"
            : p.Messages == 0 ? "Chưa gửi" : "Chưa xác nhận";
    }

    public static string Report(LedgerLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Report is { } s ? OpeningName(s.Opening) + "; " + ClosingName(s.Closing) : "Không tính trong kỳ";
    }

    public static string Index(LedgerLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var i = line.Index;
        if (!i.Counted)
        {
            return "Không tính trong kỳ";
        }
        var parts = new List<string> { i.Received ? "tiếp nhận trong kỳ" : "kỳ trước chuyển sang", i.NotLate ? "không trễ hạn" : "trễ hạn" };
        if (i.Received)
        {
            parts.Add(i.Synced ? "đã đồng bộ" : "chưa đồng bộ");
        }
        return string.Join(", ", parts);
    }

    public static string OpeningName(PeriodOpening o) => o switch
    {
        PeriodOpening.CarriedOver => "Từ kỳ trước",
        PeriodOpening.ReceivedOnline => "Tiếp nhận trực tuyến",
        PeriodOpening.ReceivedDirect => "Tiếp nhận trực tiếp",
        PeriodOpening.ReceivedPostal => "Tiếp nhận qua bưu chính",
    };

    public static string ClosingName(PeriodClosing c) => c switch
    {
        PeriodClosing.ResolvedEarly => "giải quyết trước hạn",
        PeriodClosing.ResolvedOnTime => "giải quyết đúng hạn",
        PeriodClosing.ResolvedLate => "giải quyết quá hạn",
        PeriodClosing.PendingWithinTime => "đang giải quyết trong hạn",
        PeriodClosing.PendingOverdue => "đang giải quyết quá hạn",
        PeriodClosing.Withdrawn => "rút hồ sơ",
        PeriodClosing.Refused => "từ chối giải quyết",
        PeriodClosing.Stopped => "dừng xử lý",
    };

    private static readonly string[] Columns =
        ["STT", "Mã hồ sơ", "Trạng thái MotCua", "Mã trạng thái DVCQG cần có", "Cổng DVCQG đã xác nhận", "Biểu 06", "Chỉ số 766", "Lý do chênh lệch", "Cách xử lý", "Giải trình"];

    /// <summary>The differing lines as .xlsx, the page's columns with Vietnamese headers.</summary>
    public static byte[] Excel(LedgerView ledger, IReadOnlyList<LedgerLine> lines)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(lines);
        var sheet = lines.Select((l, i) =>
        {
            object?[] cells =
            [
                i + 1,
                l.Input.Fact.Code,
                DossierText.Name(l.Input.Status),
                l.ExpectedNationalStatus?.Code,
                Portal(l),
                Report(l),
                Index(l),
                string.Join("\n", l.Differences.Select(d => d.Text)),
                string.Join("\n", l.Differences.Select(d => DossierLedger.ActionName(d.Action)).Distinct()),
                ledger.NoteFor(l)?.Text ?? "",
            ];
            return Columns.Select((c, k) => (c, cells[k])).ToDictionary(x => x.c, x => x.Item2, StringComparer.Ordinal);
        }).ToList();
        if (sheet.Count == 0)
        {
            sheet.Add(Columns.ToDictionary(c => c, _ => (object?)null, StringComparer.Ordinal));
        }
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: "Doi soat ho so", configuration: Spreadsheets.Readable);
        return stream.ToArray();
    }
}
