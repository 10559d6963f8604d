using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Catalogue.Public;

/// <summary>
/// The three lists the province publishes and posts at the desk and on the website: procedures served through the
/// public postal service, at the one-stop desk, and online (toàn trình and một phần). Print view and Excel.
/// </summary>
[AllowAnonymous]
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

    private async Task<bool> LoadAsync(string kind, CancellationToken ct)
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
        var all = await CatalogueImport.InForceListAsync(db, agency.Id, Today, ct);
        Rows = all.Where(v => kind switch
        {
            "buu-chinh" => v.PostalEligible,
            "mot-cua" => v.AtOneStop,
            _ => v.OnlineLevel != OnlineServiceLevel.None,
        }).ToList();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken ct) =>
        await LoadAsync(kind, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExcelAsync(string kind, CancellationToken ct)
    {
        if (!await LoadAsync(kind, ct))
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
