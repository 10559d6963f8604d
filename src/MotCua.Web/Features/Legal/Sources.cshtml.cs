using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Core.Calendar;
using MotCua.Core.Legal;
using MotCua.Web.Features.Identity;

namespace MotCua.Web.Features.Legal;

/// <summary>The registry of legal texts and the rules resting on each, for administrators and control officers.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.ControlFocalOfficer)]
public sealed class SourcesModel(TimeLimitRule limits, TimeProvider time) : PageModel
{
    public sealed record Row(LegalSource Source, IReadOnlyList<LegalRule> Rules, bool InForce);

    public sealed record Setting(string Name, string Value, string Basis);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<LegalRule> Rules => LegalRules.All;

    public IReadOnlyList<Setting> Settings { get; private set; } = [];

    public void OnGet()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(DeadlineCalculator.VietnamOffset).DateTime);
        Rows = [.. LegalSources.All
            .Select(s => new Row(s, [.. LegalRules.Using(s)], s.InForceOn(today)))
            .OrderByDescending(r => r.InForce)
            .ThenBy(r => r.Source.Key, StringComparer.Ordinal)];
        var check = limits.OnlineCheckOn(today);
        var publication = limits.PublicationCountingOn(today);
        Settings =
        [
            new("Tính thời hạn theo Điều 147–148 Bộ luật Dân sự cho hồ sơ tiếp nhận từ ngày", LegalFormat.Date(limits.CivilCodeFrom), TimeLimitRule.Source.Basis),
            new("Thời hạn kiểm tra hồ sơ nộp trực tuyến (mặc định của tỉnh)", LegalFormat.Time(check.Value), check.Basis),
            new("Thời hạn ban hành quyết định công bố đếm theo", publication.Value == TimeUnit.WorkingDays ? "ngày làm việc" : "ngày (lịch)", publication.Basis),
        ];
    }
}
