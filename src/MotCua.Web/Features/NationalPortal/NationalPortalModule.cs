using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Api;

namespace MotCua.Web.Features.NationalPortal;

/// <summary>Receiving dossiers from the national portal (MotCua:NationalPortal:Inbound); off while no URL or agency is set.</summary>
public sealed class NationalPortalInboundOptions
{
    public const string Section = "MotCua:NationalPortal:Inbound";

    /// <summary>The portal's base address, e.g. https://dichvucong.gov.vn/lienthong/.</summary>
    public string? Url { get; set; }

    /// <summary>Bearer token the portal issued to this province.</summary>
    public string? Token { get; set; }

    /// <summary>The portal's agency code (MaDonVi) → the MotCua agency code it delivers to.</summary>
    public Dictionary<string, string> Agencies { get; set; } = new(StringComparer.Ordinal);

    public int PollIntervalSeconds { get; set; } = 60;

    public int PageSize { get; set; } = 20;

    /// <summary>
    /// How many messages of a page are taken at once, each in its own scope and transaction: one at a time, a batch waits
    /// on four commits and an acknowledgement per dossier in turn.
    /// </summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>Whether the background worker polls; tests turn it off and poll themselves.</summary>
    public bool RunWorker { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Url) && Agencies.Count > 0;
}

public static class NationalPortalModule
{
    public const string ConsolePath = "/quan-tri/cong-dvcqg";

    public static IServiceCollection AddNationalPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NationalPortalInboundOptions>(configuration.GetSection(NationalPortalInboundOptions.Section));
        services.AddHttpClient<NationalPortalClient>(c => c.Timeout = TimeSpan.FromSeconds(60));
        services.AddSingleton<NationalInboundSchedule>();
        services.AddScoped<NationalInbound>();
        services.AddHostedService<NationalInboundWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapNationalPortalApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/national/inbound").WithTags("Hồ sơ từ Cổng DVCQG")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.OneStopOfficer).RequireClaim(MotCuaClaims.AgencyId));
        group.MapGet("/", ListAsync).WithSummary("Tin hồ sơ nhận từ Cổng DVCQG (status = pending | quarantined | created | rejected)");
        group.MapPost("/{id:int}/reprocess", ReprocessAsync).WithSummary("Xử lý lại một tin đang bị giữ lại");
        group.MapPost("/{id:int}/reject", RejectAsync).WithSummary("Từ chối một tin đang bị giữ lại, nêu lý do");
        group.MapPost("/poll", PollAsync).WithSummary("Nhận ngay hồ sơ đang chờ trên Cổng");
        return app;
    }

    public sealed record InboundItem(int Id, string NationalCode, string PortalUnit, string Status, string? Reason, int Attempts,
        DateTimeOffset ReceivedAt, string? DossierCode, DateTimeOffset? AcknowledgedAt);

    public sealed record RejectRequest(string? Reason);

    public sealed record PollResponse(bool Reached, int Taken, string? Problem);

    /// <summary>The messages an officer of the agency sees: its own, and those whose agency is unknown (someone must sort them out).</summary>
    internal static IQueryable<NationalInboundMessage> Visible(AppDbContext db, int agencyId) =>
        db.NationalInboundMessages.AsNoTracking().Where(m => m.AgencyId == agencyId || m.AgencyId == null);

    internal static async Task<Results<Ok<List<InboundItem>>, ValidationProblem>> ListAsync(string? status, DateOnly? from, DateOnly? to,
        ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        if (!ApiEnums.TryParse<NationalInboundStatus>(status, out var wanted))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal)
            { ["status"] = ["Trạng thái phải là pending, quarantined, created hoặc rejected."] }, title: "Tham số không hợp lệ.");
        }
        var rows = await NationalInbound.FilterAsync(Visible(db, user.AgencyId() ?? 0), wanted, from, to, ct);
        return TypedResults.Ok(rows.Select(Item).ToList());
    }

    internal static async Task<Results<Ok<InboundItem>, NotFoundProblem, ConflictProblem>> ReprocessAsync(int id, ClaimsPrincipal user, NationalInbound inbound, CancellationToken ct)
    {
        var result = await inbound.ReprocessAsync(id, user, ct);
        return result.Kind switch
        {
            NationalInbound.ActKind.NotFound => ApiProblems.NotFound("Không tìm thấy tin.", "Tin không tồn tại hoặc không thuộc cơ quan của bạn."),
            NationalInbound.ActKind.NotAllowed => ApiProblems.Conflict("Không xử lý lại được.", result.Message),
            _ => TypedResults.Ok(Item(result.Record!)),
        };
    }

    internal static async Task<Results<Ok<InboundItem>, NotFoundProblem, ConflictProblem, ValidationProblem>> RejectAsync(int id, RejectRequest body,
        ClaimsPrincipal user, NationalInbound inbound, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body?.Reason) || body.Reason.Length > 1000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal)
            { ["reason"] = ["Vui lòng nêu lý do từ chối (tối đa 1.000 ký tự)."] }, title: "Dữ liệu không hợp lệ.");
        }
        var result = await inbound.RejectAsync(id, body.Reason, user, ct);
        return result.Kind switch
        {
            NationalInbound.ActKind.NotFound => ApiProblems.NotFound("Không tìm thấy tin.", "Tin không tồn tại hoặc không thuộc cơ quan của bạn."),
            NationalInbound.ActKind.NotAllowed => ApiProblems.Conflict("Không từ chối được.", result.Message),
            _ => TypedResults.Ok(Item(result.Record!)),
        };
    }

    internal static async Task<Ok<PollResponse>> PollAsync(ClaimsPrincipal user, NationalInbound inbound, CancellationToken ct)
    {
        var poll = await inbound.PollNowAsync(user, ct);
        return TypedResults.Ok(new PollResponse(poll.Reached, poll.Taken, poll.Problem));
    }

    private static InboundItem Item(NationalInboundMessage m) =>
        new(m.Id, m.NationalCode, m.PortalUnit, ApiEnums.Name(m.Status), m.Reason, m.Attempts, m.ReceivedAt, m.DossierCode, m.AcknowledgedAt);
}
