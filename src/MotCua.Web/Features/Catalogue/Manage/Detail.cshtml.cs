using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Catalogue.Manage;

/// <summary>One procedure for officers: its versions and periods, and what changed between two versions.</summary>
[Authorize(Roles = CatalogueApi.ManagerRoles)]
public sealed class DetailModel(AppDbContext db, TimeProvider time, IOutputCacheStore pages) : PageModel
{
    public Procedure Procedure { get; private set; } = null!;

    public ProcedureVersion? InForce { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int? A { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? B { get; set; }

    public ProcedureVersion? Before { get; private set; }

    public ProcedureVersion? After { get; private set; }

    public IReadOnlyList<AspectChange> Changes { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public List<string> Errors { get; } = [];

    /// <summary>Posting (niêm yết) date of the version in force, "yyyy-MM-dd" or empty.</summary>
    [BindProperty]
    public string? PostedOn { get; set; }

    [BindProperty]
    public bool NotEligibleForFullOnline { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        PostedOn = InForce?.PostedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        NotEligibleForFullOnline = InForce?.NotEligibleForFullOnline ?? false;
        return Page();
    }

    /// <summary>
    /// Records the facts reports read about the version in force that are not part of its announced text: where it is
    /// posted (niêm yết) since when, and whether the province lists it as unable to be offered fully online.
    /// </summary>
    public async Task<IActionResult> OnPostDisclosureAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (InForce is not { } version)
        {
            Errors.Add("Thủ tục chưa có phiên bản đang có hiệu lực; chỉ ghi nhận niêm yết cho phiên bản đã công bố.");
            return Page();
        }
        DateOnly? posted = null;
        if (!string.IsNullOrWhiteSpace(PostedOn))
        {
            if (!Shared.Dates.DateText.TryParseDate(PostedOn, out var d)
                || d.Year < 2000)
            {
                Errors.Add("Ngày niêm yết không hợp lệ.");
            }
            else if (d > time.Today())
            {
                Errors.Add("Ngày niêm yết không được sau ngày hôm nay.");
            }
            else
            {
                posted = d;
            }
        }
        if (Errors.Count > 0)
        {
            return Page();
        }
        version.PostedOn = posted;
        version.NotEligibleForFullOnline = NotEligibleForFullOnline;
        AuditLog.Append(db, time, User, "catalogue.disclosure", "Procedure", $"{Procedure.Code}/v{version.Number}",
            $"Cập nhật niêm yết ({(posted is { } p ? "từ ngày " + p.ToVnDate() : "chưa niêm yết")}) và điều kiện cung cấp dịch vụ công trực tuyến toàn trình "
            + $"({(NotEligibleForFullOnline ? "không đủ điều kiện" : "đủ điều kiện")}) của thủ tục {Procedure.Code}, phiên bản {version.Number}.");
        await db.SaveChangesAsync(ct);
        await pages.EvictCatalogueAsync(ct);
        Message = "Đã lưu thông tin niêm yết và dịch vụ công trực tuyến.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var procedure = await CatalogueService.LoadAsync(db, User.AgencyId() ?? 0, id, ct);
        if (procedure is null)
        {
            return false;
        }
        Procedure = procedure;
        InForce = VersionRules.InForce(procedure.Versions, v => v.Period, time.Today(), procedure.AbolishedFrom);
        var ordered = procedure.Versions.OrderBy(v => v.Number).ToList();
        if (ordered.Count > 1)
        {
            Before = ordered.FirstOrDefault(v => v.Number == A) ?? ordered[^2];
            After = ordered.FirstOrDefault(v => v.Number == B) ?? ordered[^1];
            Changes = VersionDiff.Compare(Aspects(Before), Aspects(After));
        }
        return true;
    }

    /// <summary>A version as labelled lines for the diff (labels are what the officer reads).</summary>
    public static IReadOnlyList<VersionAspect> Aspects(ProcedureVersion v) =>
    [
        new("Tên thủ tục", [v.Name]),
        new("Lĩnh vực", [v.Field?.Name ?? ""]),
        new("Cấp thực hiện", [CatalogueText.Name(v.Level)]),
        new("Cơ quan thực hiện", Lines(v.ImplementingAgency)),
        new("Thời hạn giải quyết", [v.ProcessingTime is { } t ? CatalogueText.Time(t) : "chưa xác minh"]),
        new("Ghi chú thời hạn", Lines(v.ProcessingTimeNote)),
        new("Phí, lệ phí", v.FeesConfirmed && v.Fees.Count > 0 ? [.. v.Fees.OrderBy(f => f.Seq).Select(CatalogueText.Describe)] : [CatalogueText.Fees(v)]),
        new("Thành phần hồ sơ", [.. v.Papers.OrderBy(p => p.Seq).Select(CatalogueText.Describe)]),
        new("Căn cứ pháp lý", Split(CatalogueLines.FormatLegal(v.LegalBases))),
        new("Đối tượng thực hiện", [CatalogueText.ApplicantNames(v.ApplicantTypes)]),
        new("Trình tự, cách thức thực hiện", Lines(v.HowToSubmit)),
        new("Kết quả", Lines(v.Result)),
        new("Yêu cầu, điều kiện", Lines(v.Conditions)),
        new("Mức độ trực tuyến", [CatalogueText.Name(v.OnlineLevel)]),
        new("Bưu chính công ích", [Public.ListsModel.PostalText(v)]),
        new("Tại Bộ phận Một cửa", [v.AtOneStop ? "Có" : "Không"]),
    ];

    private static string[] Lines(string? text) => text is null ? [] : [text];

    private static string[] Split(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
