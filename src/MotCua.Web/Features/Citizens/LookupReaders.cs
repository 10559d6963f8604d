using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared.Privacy;

namespace MotCua.Web.Features.Citizens;

/// <summary>
/// "Ai đã xem hồ sơ của tôi": every read of a dossier's personal data the read audit holds (<see cref="PersonalDataReads"/>),
/// for its applicant after the second factor (the look-up page and GET /api/public/dossiers/{code}/readers). Each row
/// names the reader's role, unit and agency, when, where and why; never the officer's name (docs/decisions/ADR-014-who-read-my-data.md).
/// Lists and exports count for the dossiers they showed in full; a masked list showed no contact detail and is left out.
/// Reads by the system (no officer) are shown as such; the applicant's own online actions are not reads and are left out.
/// </summary>
public static class LookupReaders
{
    public const int PageSize = 20;

    /// <summary>The most recent reads looked at: a page beyond them would be history nobody pages to.</summary>
    private const int MaxReads = 2000;

    public const string SystemReader = "Hệ thống (xử lý tự động)";

    public const string ReuseReader = "Cơ quan tiếp nhận hồ sơ";

    public sealed record ReaderDto(DateTimeOffset At, string Role, string? Unit, string? Agency, string Where, string Why);

    public sealed record ReadersDto(string Code, int Page, int PageSize, int Total, IReadOnlyList<ReaderDto> Items);

    private sealed record Read(long Id, DateTimeOffset At, string? UserId, string? UserName, int? AgencyId, string Action, string? Data);

    private sealed record ReadData(string? View, bool Masked, List<string>? Full, string? Dossier = null, string? Document = null);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<ReadersDto> PageAsync(AppDbContext db, Dossier d, int page, CancellationToken ct) =>
        await PageAsync(db, d, page, () => StepsAsync(db, d.Id, ct), ct);

    /// <summary>One page of reads, with the dossier's steps the look-up page already read (they tell why each read happened).</summary>
    public static Task<ReadersDto> PageAsync(AppDbContext db, Dossier d, int page, IReadOnlyList<LookupFacts.Step> steps, CancellationToken ct) =>
        PageAsync(db, d, page, () => Task.FromResult(steps), ct);

    private static async Task<IReadOnlyList<LookupFacts.Step>> StepsAsync(AppDbContext db, long dossierId, CancellationToken ct) =>
        await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossierId).OrderBy(e => e.Id)
            .Select(e => new LookupFacts.Step(e.Id, e.At, e.Action, e.ActorUserName, e.FromStatus, e.ToStatus)).ToListAsync(ct);

    private static async Task<ReadersDto> PageAsync(AppDbContext db, Dossier d, int page, Func<Task<IReadOnlyList<LookupFacts.Step>>> steps,
        CancellationToken ct)
    {
        page = Math.Max(1, page);
        var code = d.Code;
        var direct = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Dossier) && a.EntityId == code && a.Action == PersonalDataReads.DossierRead)
            .OrderByDescending(a => a.Id).Take(MaxReads)
            .Select(a => new Read(a.Id, a.At, a.UserId, a.UserName, a.AgencyId, a.Action, a.Data))
            .ToListAsync(ct);
        // A list names its dossiers in its data: only the agencies that hold or received the dossier list it, and only
        // after it was submitted. PostgreSQL compares the instants in the index, so a look-up reads the lists of its
        // dossier's lifetime rather than the agency's whole history; SQLite cannot compare DateTimeOffset columns in SQL
        // and reads the agency's list rows only (the same index without the instant).
        var quoted = "\"" + code + "\"";
        var since = d.SubmittedAt;
        var listRows = db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == PersonalDataReads.ExportRead && (a.AgencyId == d.AgencyId || a.AgencyId == d.ReceivingAgencyId));
        if (db.Database.IsNpgsql())
        {
            listRows = listRows.Where(a => a.At >= since);
        }
        var lists = await listRows
            .Where(a => (a.EntityType == nameof(Dossier) + "Register" || a.EntityType == "OutboxMessage") && a.Data!.Contains(quoted))
            .OrderByDescending(a => a.Id).Take(MaxReads)
            .Select(a => new Read(a.Id, a.At, a.UserId, a.UserName, a.AgencyId, a.Action, a.Data))
            .ToListAsync(ct);
        var reads = direct.Concat(lists.Where(l => Parse(l.Data)?.Full?.Contains(code, StringComparer.Ordinal) == true))
            .Where(r => r.UserName != SubmitModel.PortalActor)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id)
            .ToList();
        var shown = reads.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        if (shown.Count == 0)
        {
            // Nobody read it (or the page is past the last read): nothing to name, so nothing more to read.
            return new ReadersDto(code, page, PageSize, reads.Count, []);
        }
        var userIds = shown.Where(r => r.UserId is not null).Select(r => r.UserId!).Distinct().ToList();
        // The readers with their roles in one statement.
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new
            {
                u.Id,
                u.UnitId,
                u.AgencyId,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .ToDictionaryAsync(u => u.Id, StringComparer.Ordinal, ct);
        var roleNames = users.Values.SelectMany(u => u.Roles.OfType<string>().Select(r => (u.Id, Role: r)))
            .ToLookup(x => x.Id, x => x.Role, StringComparer.Ordinal);
        var unitIds = users.Values.Where(u => u.UnitId is not null).Select(u => u.UnitId!.Value).Distinct().ToList();
        var agencyIds = shown.Select(r => r.AgencyId).Concat(users.Values.Select(u => (int?)u.AgencyId)).OfType<int>().Distinct().ToList();
        // Units' and agencies' names in one statement.
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => new { IsUnit = true, u.Id, u.Name })
            .Concat(db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).Select(a => new { IsUnit = false, a.Id, a.Name }))
            .ToListAsync(ct);
        var units = names.Where(n => n.IsUnit).ToDictionary(n => n.Id, n => n.Name);
        var agencies = names.Where(n => !n.IsUnit).ToDictionary(n => n.Id, n => n.Name);
        var events = (await steps()).OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
        var items = shown.Select(r =>
        {
            var data = Parse(r.Data);
            if (r.UserId is null && data?.View == PersonalDataReads.ReuseView)
            {
                // The citizen's own consent made this read: the agency of the new dossier used a document already held.
                return new ReaderDto(r.At, ReuseReader, null, r.AgencyId is { } reuser ? agencies.GetValueOrDefault(reuser) : null,
                    "Giấy tờ “" + data.Document + "”", "Sử dụng lại giấy tờ cho hồ sơ " + data.Dossier + " theo đồng ý của Ông/Bà");
            }
            if (r.UserId is null)
            {
                return new ReaderDto(r.At, SystemReader, null, null, Where(r.Action, data?.View), "Xử lý tự động của hệ thống");
            }
            var user = users.GetValueOrDefault(r.UserId);
            var role = roleNames[r.UserId].Select(Roles.DisplayName).Order(StringComparer.Ordinal).ToList();
            var agencyId = r.AgencyId ?? user?.AgencyId;
            // The stage the dossier stood at when it was read.
            var stage = events.LastOrDefault(e => e.At <= r.At)?.ToStatus ?? d.Status;
            // Why: the action this officer took from that stage after the read (or in the same breath), else what the
            // stage asks of the reader's role, else what the view itself is for.
            var acted = events.Where(e => e.Action is not null && string.Equals(e.ActorUserName, r.UserName, StringComparison.Ordinal)
                    && e.At >= r.At - ActionBreath && e.At <= r.At.AddHours(1)
                    && (e.At <= r.At + ActionBreath || e.FromStatus == stage))
                .OrderBy(e => (e.At - r.At).Duration()).FirstOrDefault();
            return new ReaderDto(r.At, role.Count > 0 ? string.Join(", ", role) : "Cán bộ", user?.UnitId is { } u ? units.GetValueOrDefault(u) : null,
                agencyId is { } a ? agencies.GetValueOrDefault(a) : null, Where(r.Action, data?.View),
                acted?.Action is { } act ? "Để " + Lower(DossierText.Name(act))
                    : (data?.View is "page" or "api" ? StagePurpose(stage, roleNames[r.UserId].ToList()) : null) ?? Purpose(r.Action, data?.View));
        }).ToList();
        return new ReadersDto(code, page, PageSize, reads.Count, items);
    }

    private static ReadData? Parse(string? data)
    {
        if (string.IsNullOrEmpty(data))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<ReadData>(data, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Lower(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];

    /// <summary>Where the data was shown, in the citizen's words.</summary>
    private static string Where(string action, string? view) => view switch
    {
        "outbox-page" or "outbox-api" => "Danh sách tin nhắn gửi người nộp hồ sơ",
        "register-excel" or "register-pdf" => "Sổ theo dõi hồ sơ (bản xuất)",
        _ when action == PersonalDataReads.ExportRead => "Sổ theo dõi hồ sơ",
        "page" or "page-action" => "Trang hồ sơ trên hệ thống",
        "api" or "api-action" => "Phần mềm kết nối (API)",
        { } v when v.StartsWith("form-sign:", StringComparison.Ordinal) => "Ký số giấy tờ của hồ sơ",
        { } v when v.StartsWith("form-pdf:", StringComparison.Ordinal) || v.StartsWith("form:", StringComparison.Ordinal) => "Giấy tờ, biểu mẫu của hồ sơ",
        _ => "Hệ thống",
    };

    /// <summary>How close to a read an action counts as the one it was read for: the same save, or the page shown right after.</summary>
    private static readonly TimeSpan ActionBreath = TimeSpan.FromMinutes(1);

    /// <summary>What the dossier's stage at the read asks of a reader in one of <paramref name="roles"/>, or null when it asks nothing of them.</summary>
    internal static string? StagePurpose(DossierStatus stage, IReadOnlyCollection<string> roles)
    {
        bool Has(string role) => roles.Contains(role, StringComparer.Ordinal);
        return stage switch
        {
            DossierStatus.Submitted when Has(Roles.OneStopOfficer) => "Để kiểm tra, tiếp nhận hồ sơ",
            DossierStatus.Received when Has(Roles.OneStopOfficer) => "Để chuyển hồ sơ đến đơn vị giải quyết",
            DossierStatus.InProcessing when Has(Roles.Specialist) => "Để thẩm định, xử lý hồ sơ",
            DossierStatus.AwaitingApproval when Has(Roles.Leader) => "Để xem xét, phê duyệt kết quả giải quyết",
            DossierStatus.AwaitingSupplement => "Để theo dõi việc bổ sung hồ sơ",
            DossierStatus.AwaitingInterAgency => "Để phối hợp giải quyết với cơ quan liên quan",
            DossierStatus.ResultIssued when Has(Roles.OneStopOfficer) => "Để trả kết quả cho Ông/Bà",
            _ => null,
        };
    }

    /// <summary>What a read in that view is for when the officer took no action on the dossier around it.</summary>
    private static string Purpose(string action, string? view) => view switch
    {
        "outbox-page" or "outbox-api" => "Kiểm tra việc gửi thông báo cho Ông/Bà",
        _ when action == PersonalDataReads.ExportRead => "Theo dõi, báo cáo tình hình giải quyết hồ sơ",
        "page" or "api" => "Xem, kiểm tra hồ sơ",
        "page-action" or "api-action" => "Xử lý hồ sơ",
        { } v when v.StartsWith("form-sign:", StringComparison.Ordinal) => "Ký số giấy tờ trả cho Ông/Bà",
        { } v when v.StartsWith("form", StringComparison.Ordinal) => "In giấy tờ, biểu mẫu của hồ sơ",
        _ => "Xem hồ sơ",
    };
}
