using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Catalogue;

/// <summary>The content of a procedure version, validated at the edge (edit form, import), applied in one place.</summary>
public sealed record ProcedureContent
{
    public required string Name { get; init; }
    public required string FieldName { get; init; }
    public ImplementationLevel Level { get; init; } = ImplementationLevel.Province;
    public string? ImplementingAgency { get; init; }
    public ProcessingTime? ProcessingTime { get; init; }
    public string? ProcessingTimeNote { get; init; }
    public bool FeesConfirmed { get; init; }
    public SupplementClockPolicy? SupplementPolicy { get; init; }
    public ProcessingTime? SupplementLimit { get; init; }
    /// <summary>The procedure's own online check time in working hours; null for the province's setting.</summary>
    public decimal? OnlineCheckWorkingHours { get; init; }
    public string? OnlineCheckSource { get; init; }
    public IReadOnlyList<CatalogueLines.FeeLine> Fees { get; init; } = [];
    public IReadOnlyList<CatalogueLines.PaperLine> Papers { get; init; } = [];
    public IReadOnlyList<CatalogueLines.LegalLine> LegalBases { get; init; } = [];
    public ApplicantTypes ApplicantTypes { get; init; }
    public string? HowToSubmit { get; init; }
    public string? Result { get; init; }
    public string? Conditions { get; init; }
    public OnlineServiceLevel OnlineLevel { get; init; }
    public int? LegacyOnlineLevel { get; init; }
    public bool PostalReceipt { get; init; }
    public bool PostalReturn { get; init; }
    public bool AtOneStop { get; init; } = true;

    public static ProcedureContent From(ProcedureVersion v) => new()
    {
        Name = v.Name,
        FieldName = v.Field?.Name ?? "",
        Level = v.Level,
        ImplementingAgency = v.ImplementingAgency,
        ProcessingTime = v.ProcessingTime,
        ProcessingTimeNote = v.ProcessingTimeNote,
        FeesConfirmed = v.FeesConfirmed,
        SupplementPolicy = v.SupplementPolicy,
        SupplementLimit = v.SupplementLimit,
        OnlineCheckWorkingHours = v.OnlineCheckWorkingHours,
        OnlineCheckSource = v.OnlineCheckSource,
        Fees = v.Fees.OrderBy(f => f.Seq).Select(f => new CatalogueLines.FeeLine(f.Name, f.Amount, f.Note, f.Kind, f.AppliesTo)).ToList(),
        Papers = v.Papers.OrderBy(p => p.Seq).Select(p => new CatalogueLines.PaperLine(p.Name, p.Form, p.Quantity, p.Template, p.Required, p.Condition, p.Note, p.TemplateFileId, p.AlternativeGroup)).ToList(),
        LegalBases = v.LegalBases.OrderBy(b => b.Seq).Select(b => new CatalogueLines.LegalLine(b.Number, b.Title, b.IssuedOn, b.Issuer)).ToList(),
        ApplicantTypes = v.ApplicantTypes,
        HowToSubmit = v.HowToSubmit,
        Result = v.Result,
        Conditions = v.Conditions,
        OnlineLevel = v.OnlineLevel,
        LegacyOnlineLevel = v.LegacyOnlineLevel,
        PostalReceipt = v.PostalReceipt,
        PostalReturn = v.PostalReturn,
        AtOneStop = v.AtOneStop,
    };
}

/// <summary>One procedure a publication decision acts on: publish its draft (new, amended, replacing another) or abolish it.</summary>
public sealed record PublishRequest(int ProcedureId, bool Abolish, int? ReplacesProcedureId = null);

public sealed record DecisionInput(string Number, DateOnly SignedOn, DateOnly EffectiveFrom, DecisionIssuer Issuer, string? IssuerName, string? Summary);

/// <summary>The catalogue's write side. Callers own the SaveChanges (one per user action).</summary>
public static class CatalogueService
{
    /// <summary>The field named <paramref name="name"/> of the agency, created when new (fields come with imported lists).</summary>
    public static async Task<Field> FieldAsync(AppDbContext db, int agencyId, string name, CancellationToken ct)
    {
        name = TextSearch.Nfc(name);
        var field = db.CatalogueFields.Local.FirstOrDefault(f => f.AgencyId == agencyId && string.Equals(f.Name, name, StringComparison.Ordinal))
            ?? await db.CatalogueFields.SingleOrDefaultAsync(f => f.AgencyId == agencyId && f.Name == name, ct);
        if (field is null)
        {
            var order = await db.CatalogueFields.CountAsync(f => f.AgencyId == agencyId, ct) + db.CatalogueFields.Local.Count(f => f.Id == 0);
            field = new Field { AgencyId = agencyId, Name = name, SortOrder = order };
            db.CatalogueFields.Add(field);
        }
        return field;
    }

    /// <summary>Copies <paramref name="content"/> into a draft (papers, fees and bases are replaced as a whole).</summary>
    public static async Task ApplyAsync(AppDbContext db, int agencyId, Procedure procedure, ProcedureVersion version, ProcedureContent content, CancellationToken ct)
    {
        if (version.State != VersionState.Draft && version.Id != 0)
        {
            throw new InvalidOperationException("A published version is immutable.");
        }
        var field = await FieldAsync(db, agencyId, content.FieldName, ct);
        version.Name = TextSearch.Nfc(content.Name);
        version.Field = field;
        version.Level = content.Level;
        version.ImplementingAgency = TextSearch.NfcOrNull(content.ImplementingAgency);
        version.ProcessingTimeValue = content.ProcessingTime?.Value;
        version.ProcessingTimeUnit = content.ProcessingTime?.Unit;
        version.ProcessingTimeNote = TextSearch.NfcOrNull(content.ProcessingTimeNote);
        version.FeesConfirmed = content.FeesConfirmed || content.Fees.Count > 0;
        version.SupplementPolicy = content.SupplementPolicy;
        version.SupplementLimitValue = content.SupplementLimit?.Value;
        version.SupplementLimitUnit = content.SupplementLimit?.Unit;
        version.OnlineCheckWorkingHours = content.OnlineCheckWorkingHours;
        version.OnlineCheckSource = content.OnlineCheckWorkingHours is null ? null : TextSearch.NfcOrNull(content.OnlineCheckSource);
        version.ApplicantTypes = content.ApplicantTypes;
        version.HowToSubmit = TextSearch.NfcOrNull(content.HowToSubmit);
        version.Result = TextSearch.NfcOrNull(content.Result);
        version.Conditions = TextSearch.NfcOrNull(content.Conditions);
        version.OnlineLevel = content.OnlineLevel;
        version.LegacyOnlineLevel = content.LegacyOnlineLevel;
        version.PostalReceipt = content.PostalReceipt;
        version.PostalReturn = content.PostalReturn;
        version.AtOneStop = content.AtOneStop;
        version.Papers.Clear();
        version.Papers.AddRange(content.Papers.Select((p, i) => new ProcedurePaper
        {
            Seq = i + 1,
            Name = TextSearch.Nfc(p.Name),
            Form = p.Form,
            Quantity = p.Quantity,
            Template = TextSearch.NfcOrNull(p.Template),
            Required = p.Required && p.Condition is null,
            Condition = TextSearch.NfcOrNull(p.Condition),
            Note = TextSearch.NfcOrNull(p.Note),
            TemplateFileId = p.TemplateFileId,
            AlternativeGroup = TextSearch.NfcOrNull(p.AlternativeGroup?.Trim()),
        }));
        version.Fees.Clear();
        version.Fees.AddRange(content.Fees.Select((f, i) => new ProcedureFee
        {
            Seq = i + 1,
            Name = TextSearch.Nfc(f.Name),
            Kind = f.Kind,
            Amount = f.Amount,
            AppliesTo = TextSearch.NfcOrNull(f.AppliesTo),
            Note = TextSearch.NfcOrNull(f.Note),
        }));
        version.LegalBases.Clear();
        version.LegalBases.AddRange(content.LegalBases.Select((b, i) => new LegalBasis { Seq = i + 1, Number = TextSearch.Nfc(b.Number), Title = TextSearch.NfcOrNull(b.Title), IssuedOn = b.IssuedOn, Issuer = TextSearch.NfcOrNull(b.Issuer) }));
        version.RefreshSearchText(procedure.Code, field.Name);
    }

    /// <summary>A new procedure with its first version as a draft (published later by a decision).</summary>
    public static async Task<Procedure> CreateAsync(AppDbContext db, TimeProvider time, int agencyId, string code, bool localCode, ProcedureContent content, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var procedure = new Procedure { AgencyId = agencyId, Code = CatalogueQueries.NormalizeCode(code), IsLocalCode = localCode, CreatedAt = now };
        var version = new ProcedureVersion { Number = 1, State = VersionState.Draft, Name = content.Name, CreatedAt = now };
        procedure.Versions.Add(version);
        db.Procedures.Add(procedure);
        await ApplyAsync(db, agencyId, procedure, version, content, ct);
        return procedure;
    }

    /// <summary>The procedure's draft, or a new draft copied from its latest published version (an amendment in preparation).</summary>
    public static ProcedureVersion DraftOf(AppDbContext db, TimeProvider time, Procedure procedure)
    {
        var draft = procedure.Versions.FirstOrDefault(v => v.State == VersionState.Draft);
        if (draft is not null)
        {
            return draft;
        }
        var latest = procedure.Versions.OrderByDescending(v => v.Number).First();
        draft = new ProcedureVersion
        {
            Number = procedure.Versions.Max(v => v.Number) + 1,
            State = VersionState.Draft,
            Name = latest.Name,
            FieldId = latest.FieldId,
            Field = latest.Field,
            CreatedAt = time.GetUtcNow(),
            SearchText = latest.SearchText,
            // The province's eligibility list outlives an amendment; posting does not (the new text must be posted again).
            NotEligibleForFullOnline = latest.NotEligibleForFullOnline,
        };
        procedure.Versions.Add(draft);
        return draft;
    }

    /// <summary>Loads a procedure of the agency with all versions and their lists.</summary>
    public static Task<Procedure?> LoadAsync(AppDbContext db, int agencyId, int id, CancellationToken ct) =>
        db.Procedures.Where(p => p.AgencyId == agencyId && p.Id == id)
            .Include(p => p.Versions).ThenInclude(v => v.Field)
            .Include(p => p.Versions).ThenInclude(v => v.Papers).ThenInclude(p => p.TemplateFile)
            .Include(p => p.Versions).ThenInclude(v => v.Fees)
            .Include(p => p.Versions).ThenInclude(v => v.LegalBases)
            .Include(p => p.Versions).ThenInclude(v => v.PublicationDecision)
            .AsSplitQuery()
            .SingleOrDefaultAsync(ct);

    /// <summary>
    /// Records a publication decision and applies it: drafts become published versions from its effective date (the
    /// version they follow ends the day before), abolished and replaced procedures stop accepting dossiers from that
    /// date. Returns Vietnamese errors and changes nothing if any item cannot be applied.
    /// </summary>
    public static async Task<(PublicationDecision? Decision, List<string> Errors)> PublishAsync(
        AppDbContext db, TimeProvider time, ClaimsPrincipal user, int agencyId, DecisionInput input, IReadOnlyList<PublishRequest> requests, CancellationToken ct)
    {
        var errors = new List<string>();
        var number = TextSearch.Nfc(input.Number);
        if (number.Length == 0)
        {
            errors.Add("Vui lòng nhập số quyết định công bố.");
        }
        else if (await db.PublicationDecisions.AnyAsync(d => d.AgencyId == agencyId && d.Number == number, ct))
        {
            errors.Add($"Quyết định số {number} đã được ghi nhận.");
        }
        if (input.EffectiveFrom < input.SignedOn)
        {
            errors.Add("Ngày có hiệu lực không được trước ngày ký quyết định.");
        }
        if (requests.Count == 0)
        {
            errors.Add("Vui lòng chọn ít nhất một thủ tục để công bố hoặc bãi bỏ.");
        }
        if (requests.Select(r => r.ProcedureId).Distinct().Count() != requests.Count)
        {
            errors.Add("Mỗi thủ tục chỉ được chọn một lần trong một quyết định.");
        }

        var decision = new PublicationDecision
        {
            AgencyId = agencyId,
            Number = number,
            SignedOn = input.SignedOn,
            EffectiveFrom = input.EffectiveFrom,
            Issuer = input.Issuer,
            IssuerName = TextSearch.NfcOrNull(input.IssuerName),
            Summary = TextSearch.NfcOrNull(input.Summary),
            CreatedAt = time.GetUtcNow(),
            CreatedBy = user.Identity?.Name,
        };
        var from = input.EffectiveFrom;
        foreach (var request in requests)
        {
            var procedure = await LoadAsync(db, agencyId, request.ProcedureId, ct);
            if (procedure is null)
            {
                errors.Add($"Không tìm thấy thủ tục (mã nội bộ {request.ProcedureId}).");
                continue;
            }
            var label = $"Thủ tục {procedure.Code}";
            if (procedure.AbolishedFrom is { } gone)
            {
                errors.Add($"{label} đã bị bãi bỏ từ ngày {gone.ToVnDate()}.");
                continue;
            }
            var latest = procedure.Versions.Where(v => v.State == VersionState.Published).OrderByDescending(v => v.Number).FirstOrDefault();
            if (request.Abolish)
            {
                if (latest is null)
                {
                    errors.Add($"{label} chưa được công bố nên không thể bãi bỏ; hãy xóa dự thảo.");
                    continue;
                }
                if (!Close(latest, from, label, errors))
                {
                    continue;
                }
                procedure.AbolishedFrom = from;
                decision.Items.Add(new PublicationDecisionItem { ProcedureId = procedure.Id, Action = PublicationAction.Abolished });
                continue;
            }

            var draft = procedure.Versions.FirstOrDefault(v => v.State == VersionState.Draft);
            if (draft is null)
            {
                errors.Add($"{label} không có dự thảo sửa đổi để công bố.");
                continue;
            }
            if (draft.ProcessingTime is null)
            {
                errors.Add($"{label}: quyết định công bố phải có thời hạn giải quyết (Nghị định 63/2010/NĐ-CP, Điều 8).");
                continue;
            }
            if (latest is not null && !Close(latest, from, label, errors))
            {
                continue;
            }
            PublicationAction action = latest is null ? PublicationAction.New : PublicationAction.Amended;
            if (request.ReplacesProcedureId is { } replacedId)
            {
                var replaced = await LoadAsync(db, agencyId, replacedId, ct);
                var replacedLatest = replaced?.Versions.Where(v => v.State == VersionState.Published).OrderByDescending(v => v.Number).FirstOrDefault();
                if (replaced is null || replacedId == procedure.Id || replaced.AbolishedFrom is not null || replacedLatest is null)
                {
                    errors.Add($"{label}: thủ tục bị thay thế không hợp lệ (phải là thủ tục khác, đang có hiệu lực).");
                    continue;
                }
                if (!Close(replacedLatest, from, $"Thủ tục {replaced.Code}", errors))
                {
                    continue;
                }
                replaced.AbolishedFrom = from;
                replaced.ReplacedByProcedureId = procedure.Id;
                action = PublicationAction.Replaced;
            }
            draft.State = VersionState.Published;
            draft.EffectiveFrom = from;
            draft.EffectiveTo = null;
            draft.PublicationDecision = decision;
            decision.Items.Add(new PublicationDecisionItem { ProcedureId = procedure.Id, Action = action, ReplacesProcedureId = request.ReplacesProcedureId, ProcedureVersionId = draft.Id == 0 ? null : draft.Id });
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        db.PublicationDecisions.Add(decision);
        AuditLog.Append(db, time, user, "catalogue.publish", "PublicationDecision", number,
            $"Ghi nhận quyết định công bố {number} ngày {input.SignedOn.ToVnDate()}, hiệu lực từ {from.ToVnDate()}: {decision.Items.Count} thủ tục.",
            new { decision.Number, EffectiveFrom = from.ToString("O", System.Globalization.CultureInfo.InvariantCulture), Items = decision.Items.Select(i => new { i.ProcedureId, Action = i.Action.ToString() }) });
        return (decision, errors);
    }

    private static bool Close(ProcedureVersion current, DateOnly successorFrom, string label, List<string> errors)
    {
        var check = VersionRules.ClosePrevious(current.Period, successorFrom);
        if (!check.Allowed)
        {
            errors.Add($"{label}: ngày có hiệu lực {successorFrom.ToVnDate()} phải sau ngày phiên bản hiện hành có hiệu lực ({current.EffectiveFrom?.ToVnDate()}).");
            return false;
        }
        if (current.EffectiveTo is null || current.EffectiveTo > check.PreviousEndsOn)
        {
            current.EffectiveTo = check.PreviousEndsOn;
        }
        return true;
    }
}
