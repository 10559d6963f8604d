using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Feedback;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Pages;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Results;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Home;

/// <summary>
/// One kind of work waiting for the officer: how many (capped), how they stand against their due instants, and where
/// one click leads (the dossier itself when there is one, else the filtered list).
/// </summary>
public sealed record InboxGroup(string Key, string Title, string Hint, CappedCount Count, int Overdue, int DueSoon, int WithinTime, string Href)
{
    /// <summary>The link for one standing: the list filtered to it (<c>hantrang=quahan|sapden|tronghan</c>, the names the lists accept).</summary>
    public string StandingHref(string standing) => ListHref + (ListHref.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "hantrang=" + standing;

    /// <summary>The filtered list, even when <see cref="Href"/> leads to the one dossier.</summary>
    public string ListHref { get; init; } = Href;

    /// <summary>The group's own "due soon" window in working time ("2 ngày làm việc", "4 giờ làm việc"), as its badge says it.</summary>
    public string DueSoonWithin { get; init; } = "";
}

/// <summary>The groups of one of the officer's roles, with what to do when none has anything waiting.</summary>
public sealed record InboxSection(string Role, string Title, IReadOnlyList<InboxGroup> Groups, string EmptyText, string NextHref, string NextText);

/// <summary>
/// "Việc chờ tôi": what waits for each of the officer's roles, read as capped, indexed reads (at most <see cref="Cap"/> + 1
/// rows per group, in due order), each row's standing judged by Core (<see cref="DossierQueue.InboxStanding"/>).
/// </summary>
public sealed class OfficerInbox(AppDbContext db, DeadlineCalculator calculator, DateTimeOffset now)
{
    /// <summary>Where a group's count stops ("100+"), like the bell's: nobody reads an exact figure above it.</summary>
    public const int Cap = 100;

    private sealed record Row(string Href, DateTimeOffset? DueAt);

    public async Task<IReadOnlyList<InboxSection>> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var agencyId = user.AgencyId();
        var unitId = user.UnitId();
        var me = user.Identity?.Name;
        var sections = new List<InboxSection>();
        var shown = new HashSet<string>(StringComparer.Ordinal);
        var all = DossierQueues.OfAgency(db, agencyId).AsNoTracking();
        var open = DossierQueues.OpenOf(db, agencyId);

        async Task<InboxGroup?> Unassigned() => unitId is null || !shown.Add("unit-unassigned") ? null
            : await DossiersAsync("unit-unassigned", "Hồ sơ của đơn vị chưa phân công", "Đã chuyển đến đơn vị, chưa giao cán bộ xử lý.",
                open.Where(d => d.CurrentUnitId == unitId && d.Status == DossierStatus.InProcessing && d.Assignee == null),
                "/ho-so/hang-doi?trangthai=InProcessing&phancong=chua", ct);

        async Task<InboxGroup?> FeedbackToAnswer() => unitId is null || !shown.Add("pakn-answer") ? null
            : await FeedbackAsync("pakn-answer", "Phản ánh, kiến nghị chờ trả lời", "Giao đơn vị của tôi xử lý, chưa có dự thảo trả lời.",
                db.FeedbackItems.Where(f => f.AgencyId == agencyId && f.Status == FeedbackStatus.Handling && f.AssignedUnitId == unitId),
                "/pakn?trangthai=Handling&donvi=toi", ct);

        if (user.IsInRole(Roles.OneStopOfficer))
        {
            sections.Add(Section(Roles.OneStopOfficer, "Bộ phận Một cửa",
            [
                await CheckAsync(all, ct),
                await DossiersAsync("to-receive", "Hồ sơ bưu chính chờ tiếp nhận", "Nộp qua bưu chính công ích, chờ kiểm tra và tiếp nhận.",
                    all.Where(d => d.Status == DossierStatus.Submitted && d.Channel == DossierChannel.Postal), "/mot-cua?trangthai=Submitted&kenh=Postal", ct),
                await DossiersAsync("to-transfer", "Đã tiếp nhận, chờ chuyển xử lý", "Chuyển cho đơn vị xử lý theo quy trình nội bộ.",
                    all.Where(d => d.Status == DossierStatus.Received), "/mot-cua?trangthai=Received", ct),
                await SupplementNoticeAsync(agencyId, ct),
                await DossiersAsync("to-return", "Có kết quả, chờ trả", "Kết quả đã được phê duyệt và văn bản kết quả đã sẵn sàng, chờ trả cho tổ chức, cá nhân.",
                    all.Where(d => d.Status == DossierStatus.ResultIssued).Where(DeskResultReadiness.ReadyForDesk(db)), "/mot-cua?trangthai=ResultIssued", ct),
            ], "Không có hồ sơ nào chờ Bộ phận Một cửa.", "/mot-cua/tiep-nhan", "Tiếp nhận hồ sơ mới"));
        }
        if (user.IsInRole(Roles.Specialist))
        {
            var (handle, appraise) = await AssignedAsync(open.Where(d => d.Assignee == me && d.Status == DossierStatus.InProcessing), ct);
            sections.Add(Section(Roles.Specialist, "Chuyên viên", [handle, appraise, await Unassigned(), await FeedbackToAnswer()],
                "Không có hồ sơ nào đang chờ bạn xử lý.", "/ho-so/hang-doi", "Xem hồ sơ của đơn vị"));
        }
        if (user.IsInRole(Roles.Leader))
        {
            sections.Add(Section(Roles.Leader, "Lãnh đạo",
            [
                await ToApproveAsync(all, agencyId, unitId, me, ct),
                ResultDocuments.MaySign(user) ? await ToSignAsync(all, agencyId, unitId, me, ct) : null,
                await Unassigned(),
                await FeedbackAsync("pakn-approve", "Dự thảo trả lời phản ánh, kiến nghị chờ duyệt", "Đơn vị đã dự thảo trả lời, chờ lãnh đạo duyệt.",
                    await FeedbackToApproveAsync(agencyId, unitId, ct), "/pakn?trangthai=AnswerDrafted", ct),
                await FeedbackToAnswer(),
            ], "Không có hồ sơ nào chờ bạn phê duyệt.", "/ho-so/qua-han", "Xem hồ sơ quá hạn, sắp đến hạn"));
        }
        if (user.IsInRole(Roles.ControlFocalOfficer))
        {
            sections.Add(Section(Roles.ControlFocalOfficer, "Đầu mối kiểm soát TTHC",
            [
                await FeedbackAsync("pakn-classify", "Phản ánh, kiến nghị chờ phân loại", "Mới tiếp nhận: phân loại, giao đơn vị xử lý hoặc chuyển cơ quan có thẩm quyền.",
                    db.FeedbackItems.Where(f => f.AgencyId == agencyId && f.Status == FeedbackStatus.Received), "/pakn?trangthai=Received", ct),
                await FeedbackAsync("pakn-transfer", "Phản ánh, kiến nghị chờ chuyển cơ quan có thẩm quyền", "Không thuộc thẩm quyền: chuyển trong 05 ngày làm việc kể từ ngày tiếp nhận.",
                    db.FeedbackItems.Where(f => f.AgencyId == agencyId && f.Status == FeedbackStatus.AwaitingTransfer), "/pakn?trangthai=AwaitingTransfer", ct),
                await FeedbackToAnswer(),
            ], "Không có phản ánh, kiến nghị nào chờ bạn.", "/pakn", "Mở sổ phản ánh, kiến nghị"));
        }
        return sections;
    }

    private static InboxSection Section(string role, string title, IEnumerable<InboxGroup?> groups, string empty, string next, string nextText) =>
        new(role, title, groups.OfType<InboxGroup>().Where(g => g.Count.Value > 0).ToList(), empty, next, nextText);

    private InboxGroup Group(string key, string title, string hint, List<Row> rows, string list, TimeSpan? dueSoonWindow = null)
    {
        var window = dueSoonWindow ?? DossierQueue.DueSoonWindow(calculator);
        PendingTimeliness? Standing(DateTimeOffset? due) => due is { } d ? calculator.ClassifyPending(now, d, window).Status : null;
        var counted = rows.Take(Cap).Select(r => Standing(r.DueAt)).ToList();
        return new InboxGroup(key, title, hint, CappedCount.Of(rows.Count, Cap),
            counted.Count(s => s == PendingTimeliness.Overdue), counted.Count(s => s == PendingTimeliness.DueSoon), counted.Count(s => s == PendingTimeliness.WithinTime),
            rows.Count == 1 ? rows[0].Href : list)
        { ListHref = list, DueSoonWithin = WorkingDuration.From(window, calculator.Hours.WorkingDayLength) + " làm việc" };
    }

    private async Task<InboxGroup> DossiersAsync(string key, string title, string hint, IQueryable<Dossier> query, string list, CancellationToken ct)
    {
        var rows = await query.OrderBy(d => d.DueAt).ThenBy(d => d.Id).Take(Cap + 1).Select(d => new { d.Code, d.DueAt }).ToListAsync(ct);
        return Group(key, title, hint, rows.Select(r => new Row(DossierHref(r.Code), r.DueAt)).ToList(), list);
    }

    /// <summary>Online dossiers waiting for the desk's check, against the check time (<see cref="DossierQueue.OnlineCheckStanding"/>).</summary>
    private async Task<InboxGroup> CheckAsync(IQueryable<Dossier> all, CancellationToken ct)
    {
        var rows = await all.Where(d => d.Status == DossierStatus.Submitted && (d.Channel == DossierChannel.Online || d.Channel == DossierChannel.NationalPortal))
            .OrderBy(d => d.SubmittedAt).ThenBy(d => d.Id).Take(Cap + 1).Select(d => new { d.Code, d.SubmittedAt, d.OnlineCheckWorkingHours }).ToListAsync(ct);
        // The row carries its own check due instant, so a procedure with its own check time is judged by it.
        return Group("to-check", "Hồ sơ trực tuyến chờ kiểm tra", "Tiếp nhận hoặc yêu cầu bổ sung một lần trong thời hạn kiểm tra (08 giờ làm việc, hoặc theo thủ tục).",
            rows.Select(r => new Row(DossierHref(r.Code), DossierQueue.OnlineCheckDue(r.SubmittedAt, calculator,
                r.OnlineCheckWorkingHours is { } hours ? ProcessingTime.WorkingHours(hours) : null))).ToList(), "/mot-cua?trangthai=Submitted&kenh=Online",
            DossierQueue.OnlineCheckDueSoon);
    }

    /// <summary>Processing bodies' supplement requests the applicant has not yet been told of, against the desk's notice limit.</summary>
    private async Task<InboxGroup> SupplementNoticeAsync(int? agencyId, CancellationToken ct)
    {
        var rows = agencyId is null ? [] : await SupplementNoticeAlerts.PendingAsync(db, agencyId, ct);
        return Group("supplement-notice", "Yêu cầu bổ sung chờ thông báo người nộp", SupplementNoticeAlerts.Hint,
            [.. rows.Take(Cap + 1).Select(r => new Row(DossierHref(r.Code), r.NotifyBy))], "/mot-cua?trangthai=AwaitingSupplement",
            SupplementNoticeAlerts.DueSoon);
    }

    /// <summary>
    /// The specialist's own dossiers, split by what the next step is: handle the current step, or (at the last processing
    /// step) appraise and submit for approval.
    /// </summary>
    private async Task<(InboxGroup Handle, InboxGroup Appraise)> AssignedAsync(IQueryable<Dossier> mine, CancellationToken ct)
    {
        var rows = await mine.OrderBy(d => d.DueAt).ThenBy(d => d.Id).Take(Cap + 1)
            .Select(d => new { d.Code, d.DueAt, d.CurrentStep, d.StepPlanJson }).ToListAsync(ct);
        var atLast = rows.ToLookup(r => r.CurrentStep >= PlannedStep.ProcessingStepCount(
            JsonSerializer.Deserialize<List<PlannedStep>>(r.StepPlanJson, JsonSerializerOptions.Web) ?? []) - 1);
        return (Group("to-handle", "Hồ sơ được giao cho tôi xử lý", "Đang ở một bước xử lý; chuyển bước tiếp theo khi xong.",
                atLast[false].Select(r => new Row(DossierHref(r.Code), r.DueAt)).ToList(), "/ho-so/hang-doi?trangthai=InProcessing&phancong=toi"),
            Group("to-appraise", "Hồ sơ chờ thẩm định, trình phê duyệt", "Ở bước xử lý cuối: lập tờ trình thẩm định và trình lãnh đạo.",
                atLast[true].Select(r => new Row(DossierHref(r.Code), r.DueAt)).ToList(), "/ho-so/hang-doi?trangthai=InProcessing&phancong=toi&buoc=cuoi"));
    }

    /// <summary>
    /// Dossiers waiting for this leader's approval, by the rule of the leader's alert (<see cref="Approvers.Of"/>):
    /// assigned to me, or to no leader while held by my unit, or by a unit without a leader of its own when I am of the
    /// agency's leadership.
    /// </summary>
    private async Task<InboxGroup> ToApproveAsync(IQueryable<Dossier> all, int? agencyId, int? unitId, string? me, CancellationToken ct) =>
        await DossiersAsync("to-approve", "Hồ sơ chờ phê duyệt", "Đã thẩm định và trình: bước phê duyệt, ký duyệt của lãnh đạo.",
            await LeaderScopeAsync(all.Where(d => d.Status == DossierStatus.AwaitingApproval), agencyId, unitId, me, ct),
            "/ho-so/hang-doi?trangthai=AwaitingApproval&phancong=toi", ct);

    /// <summary>
    /// Approved dossiers whose result document is recorded but not yet signed digitally, within the same leader's scope
    /// as approval (the approving leader stays the dossier's assignee).
    /// </summary>
    private async Task<InboxGroup> ToSignAsync(IQueryable<Dossier> all, int? agencyId, int? unitId, string? me, CancellationToken ct)
    {
        var results = db.Set<ResultDocument>();
        var drafted = all.Where(d => d.Status == DossierStatus.ResultIssued
            && results.Any(r => r.AgencyId == d.AgencyId && r.DossierId == d.Id && r.Status == ResultStatus.Draft));
        return await DossiersAsync("to-sign", "Văn bản kết quả chờ ký số", "Hồ sơ đã phê duyệt, văn bản kết quả đã lập nhưng chưa ký số.",
            await LeaderScopeAsync(drafted, agencyId, unitId, me, ct), "/ho-so/hang-doi?trangthai=ResultIssued&phancong=toi", ct);
    }

    /// <summary>The dossiers of <paramref name="query"/> that are this leader's to decide on: see <see cref="ToApproveAsync"/>.</summary>
    private async Task<IQueryable<Dossier>> LeaderScopeAsync(IQueryable<Dossier> query, int? agencyId, int? unitId, string? me, CancellationToken ct)
    {
        var leaders = agencyId is { } a ? await Approvers.LeadersAsync(db, a, ct) : [];
        var otherLeaders = leaders.Where(l => !string.Equals(l.UserName, me, StringComparison.Ordinal)).Select(l => l.UserName).ToList();
        var unitsWithLeaders = leaders.Where(l => l.UnitId is not null).Select(l => l.UnitId).Distinct().ToList();
        var inLeadership = leaders.Exists(l => string.Equals(l.UserName, me, StringComparison.Ordinal) && l.InLeadership);
        return query.Where(d => d.Assignee == me
            || ((d.Assignee == null || !otherLeaders.Contains(d.Assignee))
                && (d.CurrentUnitId == unitId || (inLeadership && !unitsWithLeaders.Contains(d.CurrentUnitId)))));
    }

    private async Task<IQueryable<FeedbackItem>> FeedbackToApproveAsync(int? agencyId, int? unitId, CancellationToken ct)
    {
        var drafted = db.FeedbackItems.Where(f => f.AgencyId == agencyId && f.Status == FeedbackStatus.AnswerDrafted);
        var leadership = unitId is not null
            && await db.Units.AnyAsync(u => u.Id == unitId && u.Kind == UnitKind.Leadership, ct);
        return leadership ? drafted : drafted.Where(f => f.AssignedUnitId == unitId);
    }

    private async Task<InboxGroup> FeedbackAsync(string key, string title, string hint, IQueryable<FeedbackItem> query, string list, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().OrderBy(f => f.DueAt).ThenBy(f => f.Id).Take(Cap + 1).Select(f => new { f.Id, f.DueAt }).ToListAsync(ct);
        return Group(key, title, hint, rows.Select(r => new Row("/pakn/" + r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.DueAt)).ToList(), list);
    }

    private static string DossierHref(string code) => "/ho-so/" + Uri.EscapeDataString(code);
}
