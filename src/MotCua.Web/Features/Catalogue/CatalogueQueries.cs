using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Catalogue;

/// <summary>Why a new dossier can or cannot be received under a procedure.</summary>
public enum ReceiveRefusal
{
    None,
    UnknownProcedure,
    Abolished,
    NotYetInForce,
}

/// <summary>The answer of <see cref="CatalogueQueries.CanReceiveAsync"/>: the version to pin, or why there is none (Vietnamese <see cref="Message"/>).</summary>
public sealed record ReceiveEligibility(ProcedureVersion? Version, ReceiveRefusal Refusal, string? Message)
{
    public bool Allowed => Version is not null;
}

/// <summary>The processing time a dossier uses: the published one, or the agency default while it is unverified.</summary>
public sealed record EffectiveTime(ProcessingTime Time, bool Verified);

/// <summary>The catalogue's read side, used by its pages and API and by dossiers.</summary>
public static class CatalogueQueries
{
    /// <summary>Vietnam-local day of an instant: effective dates in decisions are local days.</summary>
    public static DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(VietnamTime.Offset).DateTime);

    /// <summary>Published versions in force on <paramref name="day"/> for an agency (abolished procedures excluded).</summary>
    public static IQueryable<ProcedureVersion> InForceOn(AppDbContext db, int agencyId, DateOnly day) =>
        db.ProcedureVersions.Where(v => v.Procedure!.AgencyId == agencyId
            && v.State == VersionState.Published
            && v.EffectiveFrom <= day
            && (v.EffectiveTo == null || v.EffectiveTo >= day)
            && (v.Procedure.AbolishedFrom == null || v.Procedure.AbolishedFrom > day));

    /// <summary>
    /// The version of procedure <paramref name="code"/> in force when a dossier was received at <paramref name="at"/>,
    /// with its papers, fees and legal bases; null if none (unknown code, not yet in force, or abolished by then).
    /// A dossier stores the returned version's Id, so later amendments never change its processing time.
    /// </summary>
    public static Task<ProcedureVersion?> VersionInForceAsync(AppDbContext db, int agencyId, string code, DateTimeOffset at, CancellationToken ct)
    {
        var day = LocalDay(at);
        var key = NormalizeCode(code);
        return InForceOn(db, agencyId, day)
            .Where(v => v.Procedure!.Code == key)
            .Include(v => v.Procedure).Include(v => v.Field)
            .Include(v => v.Papers).ThenInclude(p => p.TemplateFile).Include(v => v.Fees).Include(v => v.LegalBases)
            .AsSplitQuery()
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>Whether a new dossier may be received at <paramref name="at"/>: abolished procedures accept none.</summary>
    public static async Task<ReceiveEligibility> CanReceiveAsync(AppDbContext db, int agencyId, string code, DateTimeOffset at, CancellationToken ct)
    {
        var version = await VersionInForceAsync(db, agencyId, code, at, ct);
        if (version is not null)
        {
            return new ReceiveEligibility(version, ReceiveRefusal.None, null);
        }
        var key = NormalizeCode(code);
        var procedure = await db.Procedures.AsNoTracking().SingleOrDefaultAsync(p => p.AgencyId == agencyId && p.Code == key, ct);
        var day = LocalDay(at);
        return procedure switch
        {
            null => new(null, ReceiveRefusal.UnknownProcedure, $"Không có thủ tục mã {key} trong danh mục của cơ quan."),
            { AbolishedFrom: { } a } when a <= day => new(null, ReceiveRefusal.Abolished,
                $"Thủ tục mã {key} đã bị bãi bỏ từ ngày {a.ToVnDate()}; không tiếp nhận hồ sơ mới."),
            _ => new(null, ReceiveRefusal.NotYetInForce, $"Thủ tục mã {key} chưa có hiệu lực vào ngày {day.ToVnDate()}."),
        };
    }

    /// <summary>The time a dossier is computed with; an unverified procedure uses the agency default (15 working days unless set).</summary>
    public static async Task<EffectiveTime> EffectiveProcessingTimeAsync(AppDbContext db, ProcedureVersion version, int agencyId, CancellationToken ct)
    {
        if (version.ProcessingTime is { } t)
        {
            return new EffectiveTime(t, true);
        }
        var settings = await SettingsAsync(db, agencyId, ct);
        return new EffectiveTime(ProcessingTime.WorkingDays(settings.DefaultProcessingDays), false);
    }

    public static async Task<CatalogueSettings> SettingsAsync(AppDbContext db, int agencyId, CancellationToken ct) =>
        await db.CatalogueSettings.AsNoTracking().SingleOrDefaultAsync(s => s.AgencyId == agencyId, ct)
        ?? new CatalogueSettings { AgencyId = agencyId };

    /// <summary>
    /// The catalogue search of the public pages and the API, diacritics-insensitive on the databases' full-text engines
    /// (<see cref="CatalogueSearchIndex"/>): with words, the best <see cref="CatalogueSearchIndex.MaxResults"/> first (name
    /// before field, phrase before scattered words); without, every version (or the first <paramref name="limit"/>) by field and code.
    /// </summary>
    public static async Task<List<ProcedureVersion>> SearchAsync(AppDbContext db, IQueryable<ProcedureVersion> versions, CatalogueSearchTerms terms,
        int? fieldId, OnlineServiceLevel? onlineLevel, int limit, bool allWithoutWords, CancellationToken ct)
    {
        versions = Filtered(versions, fieldId, onlineLevel);
        if (!terms.IsEmpty)
        {
            return await CatalogueSearchIndex.RankAsync(db, versions, terms, limit, ct);
        }
        var listed = Listed(versions);
        return await (allWithoutWords ? listed : listed.Take(limit)).ToListAsync(ct);
    }

    /// <summary>The versions of one field and one online level (either may be absent).</summary>
    public static IQueryable<ProcedureVersion> Filtered(IQueryable<ProcedureVersion> versions, int? fieldId, OnlineServiceLevel? onlineLevel)
    {
        if (fieldId is { } f)
        {
            versions = versions.Where(v => v.FieldId == f);
        }
        if (onlineLevel is { } level)
        {
            versions = versions.Where(v => v.OnlineLevel == level);
        }
        return versions;
    }

    /// <summary>The catalogue's order without a query: by field, then code, with what a list row shows.</summary>
    public static IOrderedQueryable<ProcedureVersion> Listed(IQueryable<ProcedureVersion> versions) =>
        versions.AsNoTracking().Include(v => v.Procedure).Include(v => v.Field)
            .OrderBy(v => v.Field!.SortOrder).ThenBy(v => v.Procedure!.Code);

    /// <summary>Codes are compared upper-case and trimmed (PostgreSQL compares case-sensitively).</summary>
    public static string NormalizeCode(string? code) => (code ?? "").Trim().ToUpperInvariant();

    /// <summary>
    /// The agency whose catalogue a visitor sees: the one named by <paramref name="agencyCode"/>, else the first agency
    /// (a single-agency installation needs no parameter).
    /// </summary>
    public static async Task<Organisation.Agency?> PublicAgencyAsync(AppDbContext db, string? agencyCode, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(agencyCode))
        {
            var code = agencyCode.Trim().ToUpperInvariant();
            // A merged agency's code keeps resolving: it answers for its successor.
            return await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == code, ct) is { } named
                ? await Organisation.Merging.AgencyLineage.CurrentAsync(db, named, ct)
                : null;
        }
        return await db.Agencies.AsNoTracking().Where(a => a.SucceededById == null).OrderBy(a => a.Id).FirstOrDefaultAsync(ct);
    }
}
