using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Catalogue.Public;

/// <summary>
/// The three lists the province publishes and posts at the desk and on the website: procedures served through the
/// public postal service, at the one-stop desk, and online (toàn trình and một phần). Print view and Excel.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.CataloguePolicy)]
public sealed class ListsModel(AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "co-quan")]
    public string? AgencyCode { get; set; }

    public string Kind { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string AgencyName { get; private set; } = "";

    public DateOnly Today { get; private set; }

    public List<ProcedureVersion> Rows { get; private set; } = [];

    public static string? TitleOf(string kind) => kind switch
    {
        "buu-chinh" => "Danh mục thủ tục hành chính thực hiện tiếp nhận hồ sơ, trả kết quả qua dịch vụ bưu chính công ích",
        "mot-cua" => "Danh mục thủ tục hành chính thực hiện tiếp nhận và trả kết quả tại Bộ phận Một cửa",
        "truc-tuyen" => "Danh mục thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình và một phần",
        _ => null,
    };

    /// <summary>Rows per page on screen: a province's list on one page would cost a phone a megabyte.</summary>
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "trang")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The whole list on one page, for printing and posting at the desk (asked for explicitly, never the default).</summary>
    [BindProperty(SupportsGet = true, Name = "ban-in")]
    public bool Printable { get; set; }

    /// <summary>How many procedures the list holds over all its pages.</summary>
    public int Total { get; private set; }

    public int PageCount => Printable ? 1 : Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The number of the first row shown, so the STT column runs on across pages.</summary>
    public int FirstRow => Printable ? 1 : (PageNumber - 1) * PageSize + 1;

    /// <summary>The address of another view of this list, keeping the agency.</summary>
    public string Link(int? page = null, bool printable = false)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(AgencyCode))
        {
            query.Add("co-quan=" + Uri.EscapeDataString(AgencyCode));
        }
        if (printable)
        {
            query.Add("ban-in=true");
        }
        else if (page is { } p)
        {
            query.Add("trang=" + p.ToString(CultureInfo.InvariantCulture));
        }
        return "/thu-tuc/danh-sach/" + Kind + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    private async Task<bool> LoadAsync(string kind, bool all, CancellationToken ct)
    {
        var title = TitleOf(kind);
        var agency = await CatalogueQueries.PublicAgencyAsync(db, AgencyCode, ct);
        if (title is null || agency is null)
        {
            return false;
        }
        Kind = kind;
        Title = title;
        AgencyName = agency.Name;
        Today = time.Today();
        var inForce = CatalogueQueries.InForceOn(db, agency.Id, Today).AsNoTracking();
        var listed = (kind switch
        {
            "buu-chinh" => inForce.Where(v => v.PostalReceipt || v.PostalReturn),
            "mot-cua" => inForce.Where(v => v.AtOneStop),
            _ => inForce.Where(v => v.OnlineLevel != OnlineServiceLevel.None),
        }).Include(v => v.Procedure).Include(v => v.Field).Include(v => v.Fees).AsSplitQuery()
            .OrderBy(v => v.Field!.SortOrder).ThenBy(v => v.Procedure!.Code).ThenBy(v => v.Id);
        if (all)
        {
            Rows = await listed.ToListAsync(ct);
            Total = Rows.Count;
            return true;
        }
        Total = await listed.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await listed.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken ct) =>
        await LoadAsync(kind, Printable, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExcelAsync(string kind, CancellationToken ct)
    {
        if (!await LoadAsync(kind, all: true, ct))
        {
            return NotFound();
        }
        var rows = Rows.Select((v, i) => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["STT"] = i + 1,
            ["Mã thủ tục"] = v.Procedure!.Code,
            ["Tên thủ tục"] = v.Name,
            ["Lĩnh vực"] = v.Field?.Name,
            ["Thời hạn giải quyết"] = CatalogueText.Time(v.ProcessingTime),
            ["Phí, lệ phí"] = CatalogueText.Fees(v),
            [Kind switch
            {
                "buu-chinh" => "Bưu chính công ích",
                "mot-cua" => "Tại Bộ phận Một cửa",
                _ => "Mức độ trực tuyến",
            }] = Kind switch
            {
                "buu-chinh" => PostalText(v),
                "mot-cua" => "Có",
                _ => CatalogueText.Name(v.OnlineLevel),
            },
        });
        var bytes = CatalogueImport.ToExcel(rows, "Danh mục");
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"danh-sach-{Kind}-{Today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx");
    }

    public static string PostalText(ProcedureVersion v) => (v.PostalReceipt, v.PostalReturn) switch
    {
        (true, true) => "Tiếp nhận hồ sơ và trả kết quả",
        (true, false) => "Tiếp nhận hồ sơ",
        (false, true) => "Trả kết quả",
        (false, false) => "Không",
    };
}
