using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.NationalPortal;

/// <summary>The console of messages from the national portal: what was taken, what is held and why, and the officer's hand on it.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.OneStopOfficer)]
public sealed class InboundModel(AppDbContext db, NationalInbound inbound, IOptions<NationalPortalInboundOptions> options) : PageModel
{
    public IReadOnlyList<NationalInboundMessage> Messages { get; private set; } = [];

    public IReadOnlyDictionary<NationalInboundStatus, int> Counts { get; private set; } = new Dictionary<NationalInboundStatus, int>();

    public bool Configured => options.Value.Enabled;

    [BindProperty(SupportsGet = true)]
    public NationalInboundStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Error { get; set; }

    public static string StatusName(NationalInboundStatus s) => s switch
    {
        NationalInboundStatus.Pending => "Chờ xử lý",
        NationalInboundStatus.Quarantined => "Bị giữ lại",
        NationalInboundStatus.Created => "Đã tạo hồ sơ",
        NationalInboundStatus.Rejected => "Đã từ chối",
    };

    public static string StatusCss(NationalInboundStatus s) => s switch
    {
        NationalInboundStatus.Pending => "blue",
        NationalInboundStatus.Quarantined => "amber",
        NationalInboundStatus.Created => "green",
        NationalInboundStatus.Rejected => "red",
    };

    private int AgencyId => User.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (From is { } f && To is { } t && f > t)
        {
            Error = "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.";
            From = To = null;
        }
        var visible = NationalPortalModule.Visible(db, AgencyId);
        Counts = (await visible.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Count);
        Messages = await NationalInbound.FilterAsync(visible, Status, From, To, ct);
    }

    public async Task<IActionResult> OnPostPollAsync(CancellationToken ct)
    {
        var result = await inbound.PollNowAsync(User, ct);
        if (result.Reached)
        {
            Message = $"Đã nhận {result.Taken.ToString(System.Globalization.CultureInfo.InvariantCulture)} tin mới từ Cổng Dịch vụ công quốc gia.";
        }
        else
        {
            Error = result.Problem;
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReprocessAsync(int id, CancellationToken ct)
    {
        var result = await inbound.ReprocessAsync(id, User, ct);
        (Message, Error) = result switch
        {
            { Kind: NationalInbound.ActKind.Done, Record.Status: NationalInboundStatus.Created } => ($"Đã tạo hồ sơ {result.Record.DossierCode} từ tin {result.Record.NationalCode}.", (string?)null),
            { Kind: NationalInbound.ActKind.Done } => (null, $"Tin {result.Record!.NationalCode} vẫn bị giữ lại: {result.Record.Reason}"),
            { Kind: NationalInbound.ActKind.NotFound } => (null, "Không tìm thấy tin."),
            _ => (null, result.Message),
        };
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRejectAsync(int id, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000)
        {
            Error = "Vui lòng nêu lý do từ chối (tối đa 1.000 ký tự).";
            return RedirectToPage();
        }
        var result = await inbound.RejectAsync(id, reason, User, ct);
        (Message, Error) = result.Kind switch
        {
            NationalInbound.ActKind.Done => ($"Đã từ chối tin {result.Record!.NationalCode} và báo lý do cho Cổng.", (string?)null),
            NationalInbound.ActKind.NotFound => (null, "Không tìm thấy tin."),
            _ => (null, result.Message),
        };
        return RedirectToPage();
    }
}
