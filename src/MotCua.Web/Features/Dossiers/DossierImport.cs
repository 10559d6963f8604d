using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Api;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// Historical dossiers from a previous one-stop system: every record is validated (fields, procedure, the timestamps
/// through <see cref="HistoricalImport.Derive"/>) and then all are saved through <see cref="DossierStore.SaveNewAsync"/>
/// in one SaveChanges, or none.
/// </summary>
public sealed partial class DossierImport(AppDbContext db, TimeProvider time, DossierReferences references, DossierStore store)
{
    public sealed record PauseRecord(string? From, string? To, string? Reason);

    /// <summary>Instants as ISO 8601 strings with an offset (taken as text so a missing offset is an error, not a guess).</summary>
    public sealed record ImportRecord(string? ProcedureCode, string? Channel, DossierApi.ApplicantDto? Applicant, string? ReceivedAt, string? DueAt,
        string? ResolvedAt = null, string? ReturnedAt = null, string? WithdrawnAt = null, string? RefusedAt = null, IReadOnlyList<PauseRecord>? Pauses = null);

    public sealed record ImportResult(int Imported, IReadOnlyList<string> Codes);

    public sealed record ImportFieldError(string Key, string Message);

    private const int MaxAttempts = 5;

    public async Task<(ImportResult? Result, List<ImportFieldError> Errors)> ImportAsync(IReadOnlyList<ImportRecord> records, ClaimsPrincipal user, CancellationToken ct)
    {
        var agencyId = user.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");
        var errors = new List<ImportFieldError>();
        var valid = new List<(ImportRecord Record, HistoricalDossier History, DossierChannel Channel, ProcedureVersion Version)>();
        var versions = new Dictionary<string, ProcedureVersion?>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            var at = "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            void Error(string field, string message) => errors.Add(new ImportFieldError(at + "." + field, "Hồ sơ thứ " + (i + 1).ToString(CultureInfo.InvariantCulture) + ": " + message));
            var before = errors.Count;
            if (r is null)
            {
                errors.Add(new ImportFieldError(at, "Hồ sơ thứ " + (i + 1).ToString(CultureInfo.InvariantCulture) + ": bản ghi trống."));
                continue;
            }
            if (!ApiEnums.TryParse<DossierChannel>(r.Channel, out var channel) || channel is null)
            {
                Error("channel", "kênh nộp phải là direct, postal hoặc online.");
            }
            if (string.IsNullOrWhiteSpace(r.Applicant?.Name))
            {
                Error("applicant.name", "thiếu họ tên (tên tổ chức) người nộp.");
            }
            else
            {
                // The receipt's own field rules; an old record may lack a phone or ID number (it is then not looked up online).
                var a = r.Applicant;
                var applicant = new ApplicantInput(KindOf(a.Kind), a.Name, a.IdNumber, a.Phone, a.Email, a.Address);
                foreach (var (field, messages) in ReceiptRules.Check(ReceiveDossier.Fields(applicant, [], null), factorRequired: false))
                {
                    Error(field, messages[0][..1].ToLowerInvariant() + messages[0][1..]);
                }
            }
            var received = Instant(r.ReceivedAt, "receivedAt", required: true, Error);
            var due = Instant(r.DueAt, "dueAt", required: false, Error);
            var resolved = Instant(r.ResolvedAt, "resolvedAt", required: false, Error);
            var returned = Instant(r.ReturnedAt, "returnedAt", required: false, Error);
            var withdrawn = Instant(r.WithdrawnAt, "withdrawnAt", required: false, Error);
            var refused = Instant(r.RefusedAt, "refusedAt", required: false, Error);
            var pauses = new List<ImportedPause>();
            for (var j = 0; j < (r.Pauses?.Count ?? 0); j++)
            {
                var p = r.Pauses![j];
                var key = "pauses[" + j.ToString(CultureInfo.InvariantCulture) + "]";
                var from = Instant(p?.From, key + ".from", required: true, Error);
                var to = Instant(p?.To, key + ".to", required: false, Error);
                if (!HistoricalImport.TryParsePauseReason(p?.Reason, out var reason))
                {
                    Error(key + ".reason", "lý do tạm dừng phải là supplement, financialObligation hoặc suspended.");
                }
                if (from is { } f)
                {
                    pauses.Add(new ImportedPause(f, to, reason));
                }
            }
            ProcedureVersion? version = null;
            if (string.IsNullOrWhiteSpace(r.ProcedureCode))
            {
                Error("procedureCode", "thiếu mã thủ tục.");
            }
            else if (received is { } rec)
            {
                version = await VersionForAsync(agencyId, r.ProcedureCode, rec, versions, ct);
                if (version is null)
                {
                    Error("procedureCode", $"không có thủ tục mã {CatalogueQueries.NormalizeCode(r.ProcedureCode)} trong danh mục của cơ quan.");
                }
            }
            if (errors.Count > before || received is null)
            {
                continue;
            }
            var history = new HistoricalDossier(received.Value, due, resolved, returned, withdrawn, refused, pauses);
            var derivation = HistoricalImport.Derive(history);
            foreach (var e in derivation.Errors)
            {
                Error(e.Field, e.Message);
            }
            if (derivation.IsValid)
            {
                valid.Add((r, history, channel!.Value, version!));
            }
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, ct);
            var codes = new List<string>();
            var dossiers = new List<Dossier>();
            var now = time.GetUtcNow();
            foreach (var (r, history, channel, version) in valid)
            {
                var a = r.Applicant!;
                var kind = KindOf(a.Kind);
                var dossier = await references.NewDossierAsync(agency, version, channel, new ApplicantInput(kind, a.Name, a.IdNumber, a.Phone, a.Email, a.Address), history.ReceivedAt, ct);
                dossier.Code = await references.NextCodeAsync(agency, history.ReceivedAt, ct);
                dossier.Imported = true;
                dossier.CreatedAt = now;
                dossier.Apply(HistoricalImport.ToState(history, channel, dossier.Terms)!);
                dossier.Version = 1;
                dossier.Events.Add(new DossierEvent
                {
                    At = now, Action = null, FromStatus = null, ToStatus = dossier.Status, ActorUserName = user.Identity?.Name, ActorName = user.DisplayName(),
                    Note = "Nhập từ hệ thống một cửa trước đây.",
                });
                dossiers.Add(dossier);
                codes.Add(dossier.Code);
            }
            var audit = new DossierAuditEntry("dossier.import", $"Nhập {valid.Count.ToString(CultureInfo.InvariantCulture)} hồ sơ lịch sử từ hệ thống cũ.", new { Codes = codes });
            try
            {
                await store.SaveNewAsync(dossiers, user, audit, ct);
                return (new ImportResult(codes.Count, codes), errors);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // A concurrent receipt took a code of the same day: recount.
            }
        }
    }

    // An old system's spelling of the kind is kept as it was accepted before: anything but an organisation is an individual.
    private static ApplicantKind KindOf(string? text) =>
        string.Equals(text, "organization", StringComparison.Ordinal) || (ApiEnums.TryParse<ApplicantKind>(text, out var kind) && kind == ApplicantKind.Organisation)
            ? ApplicantKind.Organisation : ApplicantKind.Individual;

    private async Task<ProcedureVersion?> VersionForAsync(int agencyId, string code, DateTimeOffset receivedAt, Dictionary<string, ProcedureVersion?> cache, CancellationToken ct)
    {
        var key = CatalogueQueries.NormalizeCode(code) + "@" + DossierCode.SequenceDate(receivedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (cache.TryGetValue(key, out var cached))
        {
            return cached;
        }
        // The version in force at receipt; the catalogue may not reach back as far as the old system's dossiers, so
        // then the earliest published version of the procedure stands in (its snapshot is stored on the dossier).
        var version = await CatalogueQueries.VersionInForceAsync(db, agencyId, code, receivedAt, ct)
            ?? await db.ProcedureVersions.AsNoTracking()
                .Where(v => v.Procedure!.AgencyId == agencyId && v.Procedure.Code == CatalogueQueries.NormalizeCode(code) && v.State == VersionState.Published)
                .OrderBy(v => v.Number).Include(v => v.Procedure).Include(v => v.Fees).FirstOrDefaultAsync(ct);
        cache[key] = version;
        return version;
    }

    private static DateTimeOffset? Instant(string? text, string field, bool required, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                error(field, "thiếu thời điểm (ISO 8601 kèm múi giờ, ví dụ 2024-05-06T08:30:00+07:00).");
            }
            return null;
        }
        if (!OffsetSuffix().IsMatch(text.Trim())
            || !DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            error(field, $"thời điểm \"{text}\" không đúng định dạng ISO 8601 kèm múi giờ (ví dụ 2024-05-06T08:30:00+07:00).");
            return null;
        }
        return value.ToUniversalTime();
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetSuffix();
}
