using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Feedback;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.News;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Review;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Api;
using MotCua.Web.Shared.Caching;

namespace MotCua.Web.Features.Reports;



/// <summary>What a report request asks for, parsed from query strings shared by the API and the pages.</summary>
public sealed record ReportRequest(ReportPeriod Period, GroupBy GroupBy, ReportOptions Options)
{
    /// <summary>The longest custom range accepted (three years): bounds the cost of one request.</summary>
    public const int MaxCustomDays = 1100;

    /// <summary>
    /// Parses <c>period</c> ("2025-03", "2025-Q1", "2025-H1", "2025") or <c>from</c>/<c>to</c> (ISO dates), <c>groupBy</c>
    /// (agency|unit|field|procedure), <c>finishAt</c> (completion|return) and <c>regime</c> (official|calendar).
    /// Errors are Vietnamese, keyed by parameter.
    /// </summary>
    public static (ReportRequest? Request, Dictionary<string, string[]> Errors) Parse(string? period, string? from, string? to, string? groupBy, string? finishAt, string? regime)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var cutoff = (regime ?? "").Trim().ToLowerInvariant() switch
        {
            "" or "official" => ReportingRegime.Official,
            "calendar" => ReportingRegime.Calendar,
            _ => null,
        };
        if (cutoff is null)
        {
            errors["regime"] = ["Chế độ kỳ báo cáo phải là official (chốt số liệu ngày 15) hoặc calendar (theo tháng dương lịch)."];
        }
        ReportPeriod? p = null;
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (!string.IsNullOrWhiteSpace(from) || !string.IsNullOrWhiteSpace(to))
            {
                errors["period"] = ["Chỉ dùng một trong hai cách: kỳ báo cáo (period) hoặc khoảng ngày (from, to)."];
            }
            else if (cutoff is not null)
            {
                p = ParsePeriod(period.Trim(), cutoff);
                if (p is null)
                {
                    errors["period"] = ["Kỳ báo cáo không hợp lệ; ví dụ: 2025-03 (tháng), 2025-Q1 (quý), 2025-H1 (6 tháng), 2025 (năm)."];
                }
            }
        }
        else
        {
            var f = Date(from, "from", errors);
            var t = Date(to, "to", errors);
            if (f is { } a && t is { } b)
            {
                if (b < a)
                {
                    errors["to"] = ["Ngày kết thúc phải từ ngày bắt đầu trở đi."];
                }
                else if (b.DayNumber - a.DayNumber + 1 > MaxCustomDays)
                {
                    errors["to"] = ["Khoảng thời gian báo cáo tối đa là 3 năm."];
                }
                else
                {
                    p = ReportPeriod.Custom(a, b);
                }
            }
        }
        GroupBy? g = ApiEnums.TryParse<GroupBy>(groupBy, out var grouping) ? grouping ?? GroupBy.Agency : null;
        if (g is null)
        {
            errors["groupBy"] = ["Cách nhóm phải là agency (cơ quan), unit (đơn vị), field (lĩnh vực) hoặc procedure (thủ tục)."];
        }
        CountFinishAt? mode = ApiEnums.TryParse<CountFinishAt>(finishAt, out var finish) ? finish ?? CountFinishAt.Completion : null;
        if (mode is null)
        {
            errors["finishAt"] = ["Thời điểm tính hoàn thành phải là completion (có kết quả) hoặc return (trả kết quả)."];
        }
        return errors.Count > 0 || p is null
            ? (null, errors)
            : (new ReportRequest(p, g!.Value, new ReportOptions { CountFinishAt = mode!.Value }), errors);

        static DateOnly? Date(string? text, string key, Dictionary<string, string[]> errors)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                errors[key] = [key == "from" ? "Vui lòng chọn kỳ báo cáo hoặc nhập ngày bắt đầu (yyyy-MM-dd)." : "Vui lòng nhập ngày kết thúc (yyyy-MM-dd)."];
                return null;
            }
            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2100)
            {
                return d;
            }
            errors[key] = [$"Ngày \"{text}\" không hợp lệ; dùng dạng yyyy-MM-dd, ví dụ 2025-01-01."];
            return null;
        }
    }

    /// <summary>This request as reported at <paramref name="now"/>: a period that has not ended is counted up to now (<see cref="ReportPeriod.AsOf"/>).</summary>
    public ReportRequest AsOf(DateTimeOffset now) => this with { Period = Period.AsOf(now) };

    /// <summary>"2025-03", "2025-Q1", "2025-H2", "2025" under a regime; null when malformed.</summary>
    public static ReportPeriod? ParsePeriod(string key, ReportingRegime regime)
    {
        var m = PeriodKey().Match(key);
        if (!m.Success)
        {
            return null;
        }
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
        {
            return null;
        }
        if (!m.Groups["k"].Success)
        {
            return ReportPeriod.FullYear(year, regime);
        }
        var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        return m.Groups["k"].Value switch
        {
            "Q" when n is >= 1 and <= 4 => ReportPeriod.Quarter(year, n, regime),
            "H" when n is 1 or 2 => ReportPeriod.HalfYear(year, n, regime),
            "" when n is >= 1 and <= 12 => ReportPeriod.Month(year, n, regime),
            _ => null,
        };
    }

    private static readonly Regex PeriodKeyRegex = new(@"^(?<y>\d{4})(-(?<k>Q|H|)(?<n>\d{1,2}))?$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static Regex PeriodKey() => PeriodKeyRegex;

    /// <summary>Machine name of a grouping (query strings, the API).</summary>
    public static string Slug(GroupBy g) => g switch
    {
        GroupBy.Agency => "agency",
        GroupBy.Unit => "unit",
        GroupBy.Field => "field",
        GroupBy.Procedure => "procedure",
    };

    /// <summary>Vietnamese heading of the name column per grouping.</summary>
    public static string GroupTitle(GroupBy g) => g switch
    {
        GroupBy.Agency => "Cơ quan",
        GroupBy.Unit => "Đơn vị",
        GroupBy.Field => "Lĩnh vực",
        GroupBy.Procedure => "Thủ tục hành chính",
    };
}

/// <summary>
/// One row of <c>GET /api/reports/dossiers</c>: the issue's fields plus stopped and refusedAtDesk, so rows reconcile, and
/// <c>asOf</c>, the instant a period that has not ended is counted up to (null once it has ended: the figures are final).
/// </summary>
public sealed record DossierReportRowDto(
    string Key, string Name, int CarriedOver, int ReceivedOnline, int ReceivedDirect, int ReceivedPostal, int ResolvedEarly, int ResolvedOnTime,
    int ResolvedLate, int PendingWithinTime, int PendingOverdue, int Withdrawn, int Refused, int Stopped, int RefusedAtDesk, DateTimeOffset? AsOf = null)
{
    public static DossierReportRowDto From(DossierReportRow r, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(period);
        return new(r.Key, r.Name, r.CarriedOver, r.ReceivedOnline, r.ReceivedDirect, r.ReceivedPostal, r.ResolvedEarly, r.ResolvedOnTime, r.ResolvedLate,
            r.PendingWithinTime, r.PendingOverdue, r.Withdrawn, r.Refused, r.Stopped, r.RefusedAtDesk, period.AsOfInstant);
    }
}

public static class ReportsModule
{
    /// <summary>
    /// The report projection kept in every dossier save, the one-time backfill of rows copied from dossiers stored before
    /// it, and the roll-up's upkeep.
    /// </summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddDossierSubscriber<ReportProjectionSubscriber>();
        // The projection caches a version's grouping keys and a unit's name.
        services.WatchReferenceData(typeof(Catalogue.ProcedureVersion), typeof(Catalogue.Field), typeof(Organisation.Unit));
        services.AddScoped<INationalSyncListener, ReportSyncListener>();
        services.AddHostedService<ReportBackfillService>();
        services.AddHostedService<ReportRollupService>();
        return services;
    }

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").RequireAuthorization(Policies.Officer).WithTags("Báo cáo");
        api.MapGet("/dossiers", DossiersAsync).WithSummary("Tình hình, kết quả giải quyết TTHC (Biểu 06) theo kỳ, nhóm theo cơ quan, đơn vị, lĩnh vực hoặc thủ tục");
        return app;
    }

    internal static async Task<Results<Ok<List<DossierReportRowDto>>, ValidationProblem>> DossiersAsync(
        string? from, string? to, string? groupBy, string? period, string? finishAt, string? regime,
        ClaimsPrincipal user, ReportingDb reporting, TimeProvider time, CancellationToken ct)
    {
        var (parsed, errors) = ReportRequest.Parse(period, from, to, groupBy, finishAt, regime);
        if (parsed is null)
        {
            return TypedResults.ValidationProblem(errors, title: "Tham số báo cáo không hợp lệ.");
        }
        var request = parsed.AsOf(time.GetUtcNow());
        var agencyId = user.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");
        var report = await ReportQueries.DossierReportAsync(reporting, agencyId, request.Period, request.GroupBy, request.Options, null, ct);
        return TypedResults.Ok(report.Rows.Select(r => DossierReportRowDto.From(r, request.Period)).ToList());
    }
}

/// <summary>Everything the report page, the Excel form and the narrative draft print for one agency and period.</summary>
public sealed record ReportBundle(
    string AgencyName, ReportRequest Request, DossierReport Report, ProcedureStatistics Procedures, PaknCounts Pakn,
    int PublicationDecisions, int ProceduresInDecisions, int ReviewRounds, int ReviewedProcedures, int NewsPublished)
{
    /// <summary>Procedures in force at the period's end that were posted (niêm yết) at the one-stop section by then.</summary>
    public int ProceduresPosted { get; init; }

    /// <summary>PAKN outside competence: received, transferred on time or late, pending transfer.</summary>
    public PaknTransferCounts PaknTransfers { get; init; } = PaknTransferCounts.None;

    public static async Task<ReportBundle> LoadAsync(ReportingDb reporting, int agencyId, ReportRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reporting);
        ArgumentNullException.ThrowIfNull(request);
        var db = reporting.Context;
        var period = request.Period;
        DateTimeOffset s = period.StartInstant, e = period.CutoffInstant;
        var report = await ReportQueries.DossierReportAsync(reporting, agencyId, period, request.GroupBy, request.Options, null, ct);
        var facts = await DossierFacts.LoadAsync(reporting, agencyId, period, null, ct);
        var procedures = await DossierFacts.ProceduresAsync(reporting, agencyId, period, ct);
        var agencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync(ct);

        // PAKN: received in the period; handled = closed (answered, published or out of scope) in the period. Those of
        // agencies merged into this one count here for periods ending on or after the merge, as the dossiers do.
        var agencies = await Organisation.Merging.AgencyLineage.AgencyIdsForReportAsync(db, agencyId, period.Start, period.End, ct);
        var received = await db.FeedbackItems.AsNoTracking().ReceivedBy(agencies).CountAsync(f => f.ReceivedAt >= s && f.ReceivedAt < e, ct);
        var handled = await db.FeedbackItems.AsNoTracking().ReceivedBy(agencies)
            .Where(f => f.ClosedAt >= s && f.ClosedAt < e)
            .Select(f => new { f.ClosedAt, f.DueAt }).ToListAsync(ct);
        var pakn = new PaknCounts(received, handled.Count, handled.Count(h => h.ClosedAt <= h.DueAt), handled.Count(h => h.ClosedAt > h.DueAt));

        var decisions = await db.PublicationDecisions.AsNoTracking()
            .Where(d => d.AgencyId == agencyId && d.SignedOn >= period.Start && d.SignedOn <= period.End)
            .Select(d => d.Items.Count).ToListAsync(ct);
        // Review rounds are few per agency and their instants are not stored as ticks: filter the period in memory.
        var rounds = (await db.ReviewRounds.AsNoTracking()
                .Where(r => r.AgencyId == agencyId)
                .Select(r => new { r.CreatedAt, Items = r.Items.Count }).ToListAsync(ct))
            .Where(r => r.CreatedAt >= s && r.CreatedAt < e).Select(r => r.Items).ToList();
        var news = await db.NewsArticles.AsNoTracking().CountAsync(n => n.AgencyId == agencyId && n.PublishedAt >= s && n.PublishedAt < e, ct);
        return new ReportBundle(agencyName, request, report, ProcedureStatistics.Compute(procedures, facts, period), pakn,
            decisions.Count, decisions.Sum(), rounds.Count, rounds.Sum(), news)
        {
            ProceduresPosted = procedures.Count(p => p.PostedAtOffice),
            PaknTransfers = await FeedbackReports.TransfersAsync(db, agencies, s, e, ct),
        };
    }
}
