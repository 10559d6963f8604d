using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Core.Legal;
using MotCua.Core.Privacy;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Organisation.Merging;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Privacy;

namespace MotCua.Web.Features.Privacy;

/// <summary>What a citizen sends: the kind of request, the record and second factor they identify with, and what they ask.</summary>
public sealed record DataSubjectRequestInput(string? Kind, string? RecordCode, string? Factor, string? Details);

/// <summary>An officer's answer: carried out or refused, with the text sent to the person.</summary>
public sealed record DataSubjectAnswerInput(string? Outcome, string? Answer);

/// <summary>A breach as the administrator records it; instants in Vietnam time as typed.</summary>
public sealed record BreachInput(DateTimeOffset? DetectedAt, string? Description, string? DataAffected, string? SubjectsAffected, string? Measures);

/// <summary>An outcome of the desk: the value, or the errors by field (Vietnamese), or not found.</summary>
public sealed record DeskResult<T>(T? Value, IReadOnlyDictionary<string, string[]> Errors, bool NotFound = false) where T : class
{
    public bool Ok => Value is not null;
}

/// <summary>
/// Data subjects' requests and the breach register: every change is one SaveChanges with its audit entry
/// (<c>privacy.request.*</c>, <c>privacy.breach.*</c>); bad input changes nothing.
/// </summary>
public sealed class PrivacyDesk(AppDbContext db, TimeProvider time, CalendarProvider calendars, PrivacyLimits limits)
{
    public const string NoMatch = "Không tìm thấy hồ sơ hoặc phản ánh, kiến nghị khớp với mã và số điện thoại hoặc số giấy tờ đã nhập.";
    public const string NoRequest = "Không tìm thấy yêu cầu khớp với mã yêu cầu và số điện thoại hoặc số giấy tờ đã nhập.";
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>Readable Vietnamese in the export the person downloads.</summary>
    private static readonly JsonSerializerOptions ExportJson = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string KindName(DataSubjectRequestKind kind) => kind switch
    {
        DataSubjectRequestKind.Access => "Xem, nhận bản sao dữ liệu cá nhân",
        DataSubjectRequestKind.Correction => "Chỉnh sửa dữ liệu cá nhân",
        DataSubjectRequestKind.Deletion => "Xóa dữ liệu cá nhân",
        DataSubjectRequestKind.Restriction => "Hạn chế xử lý dữ liệu cá nhân",
        DataSubjectRequestKind.Objection => "Phản đối xử lý dữ liệu cá nhân",
        DataSubjectRequestKind.WithdrawConsent => "Rút lại sự đồng ý",
    };

    public static string StatusName(DataSubjectRequestStatus status) => status switch
    {
        DataSubjectRequestStatus.Open => "Đang xử lý",
        DataSubjectRequestStatus.Done => "Đã thực hiện",
        DataSubjectRequestStatus.Refused => "Từ chối",
    };

    // ------------------------------------------------------------------ citizen

    /// <summary>Registers a request after checking the record and second factor; the deadlines come from the limits in force today.</summary>
    public async Task<DeskResult<DataSubjectRequest>> SubmitAsync(DataSubjectRequestInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        DataSubjectRequestKind kind = default;
        if (string.IsNullOrWhiteSpace(input.Kind) || !Enum.TryParse(input.Kind.Trim(), ignoreCase: true, out kind) || !Enum.IsDefined(kind))
        {
            errors["kind"] = ["Vui lòng chọn loại yêu cầu."];
        }
        var recordCode = input.RecordCode?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(recordCode) || recordCode.Length > 64)
        {
            errors["recordCode"] = ["Vui lòng nhập mã hồ sơ hoặc mã phản ánh, kiến nghị."];
        }
        if (string.IsNullOrWhiteSpace(input.Factor) || input.Factor.Length > 64)
        {
            errors["factor"] = ["Vui lòng nhập số điện thoại hoặc số giấy tờ tùy thân đã khai."];
        }
        var details = string.IsNullOrWhiteSpace(input.Details) ? "" : input.Details.Trim().Normalize(NormalizationForm.FormC);
        if (details.Length > 2000)
        {
            errors["details"] = ["Nội dung yêu cầu dài tối đa 2.000 ký tự."];
        }
        else if (kind == DataSubjectRequestKind.Correction && details.Length == 0 && !errors.ContainsKey("kind"))
        {
            errors["details"] = ["Vui lòng ghi rõ thông tin cần chỉnh sửa."];
        }
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var subject = await FindSubjectAsync(recordCode!, input.Factor!, ct);
        if (subject is null)
        {
            return new(null, new Dictionary<string, string[]>(StringComparer.Ordinal) { ["recordCode"] = [NoMatch] });
        }

        var now = time.GetUtcNow();
        var today = time.Today();
        var calculator = await calendars.CalculatorAsync(db, subject.AgencyId, ct);
        var acknowledge = limits.AcknowledgeOn(today);
        var complete = limits.CompleteOn(kind, today);
        var code = "DLCN-" + time.Now().ToString("yyMMdd", CultureInfo.InvariantCulture) + "-" + new string(RandomNumberGenerator.GetItems<char>(CodeAlphabet, 6));
        var request = new DataSubjectRequest
        {
            AgencyId = subject.AgencyId,
            Code = code,
            Kind = kind,
            RecordKind = subject.Kind,
            RecordCode = subject.Code,
            FactorHash = Hash(code, subject.NormalisedFactor),
            Details = details,
            ConsentVersion = ConsentNotice.Version,
            ReceivedAt = now,
            AcknowledgeDueAt = acknowledge.Value.DueFrom(now, calculator).ToUniversalTime(),
            DueAt = complete.Value.DueFrom(now, calculator).ToUniversalTime(),
            LimitBasis = $"Phản hồi trong {acknowledge.Value.Describe()} ({acknowledge.Basis}); thực hiện trong {complete.Value.Describe()} ({complete.Basis}).",
            Status = DataSubjectRequestStatus.Open,
        };
        db.DataSubjectRequests.Add(request);
        AuditLog.Append(db, time, null, "privacy.request.submit", nameof(DataSubjectRequest), code,
            $"Tiếp nhận yêu cầu của chủ thể dữ liệu {code}: {KindName(kind)} ({(subject.Kind == SubjectRecordKind.Dossier ? "hồ sơ" : "phản ánh, kiến nghị")} {subject.Code}).",
            new { kind = kind.ToString(), record = subject.Code, recordKind = subject.Kind.ToString(), request.DueAt, request.AcknowledgeDueAt });
        await db.SaveChangesAsync(ct);
        return new(request, new Dictionary<string, string[]>(StringComparer.Ordinal));
    }

    /// <summary>The request when <paramref name="factor"/> is the one it was sent with; null otherwise (same answer for an unknown code).</summary>
    public async Task<DataSubjectRequest?> FollowAsync(string? code, string? factor, CancellationToken ct)
    {
        var key = code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(key) || string.IsNullOrWhiteSpace(factor))
        {
            return null;
        }
        var request = await db.DataSubjectRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Code == key, ct);
        return request is not null && Candidates(factor).Any(f => CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Hash(request.Code, f)), Encoding.ASCII.GetBytes(request.FactorHash))) ? request : null;
    }

    // ------------------------------------------------------------------ officers

    /// <summary>The agency's requests, open first by due instant.</summary>
    public async Task<IReadOnlyList<DataSubjectRequest>> ListAsync(int? agencyId, CancellationToken ct)
    {
        var rows = await db.DataSubjectRequests.AsNoTracking().Where(r => r.AgencyId == agencyId).OrderByDescending(r => r.Id).Take(500).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Status == DataSubjectRequestStatus.Open ? 0 : 1).ThenBy(r => r.Status == DataSubjectRequestStatus.Open ? r.DueAt : DateTimeOffset.MaxValue).ThenByDescending(r => r.ReceivedAt)];
    }

    public Task<DataSubjectRequest?> FindAsync(int? agencyId, string code, CancellationToken ct) =>
        db.DataSubjectRequests.FirstOrDefaultAsync(r => r.AgencyId == agencyId && r.Code == code, ct);

    /// <summary>"Quá hạn", "Sắp đến hạn" (within a day) or null for an open request; null once answered.</summary>
    public static string? Standing(DataSubjectRequest r, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(r);
        return r.Status != DataSubjectRequestStatus.Open ? null
            : now > r.DueAt || (r.AcknowledgedAt is null && now > r.AcknowledgeDueAt) ? "Quá hạn"
            : r.DueAt - now <= TimeSpan.FromDays(1) || (r.AcknowledgedAt is null && r.AcknowledgeDueAt - now <= TimeSpan.FromDays(1)) ? "Sắp đến hạn"
            : null;
    }

    /// <summary>The first answer: the agency tells the person it received the request and what happens next.</summary>
    public async Task<DeskResult<DataSubjectRequest>> AcknowledgeAsync(ClaimsPrincipal user, string code, CancellationToken ct)
    {
        var r = await FindAsync(user.AgencyId(), code, ct);
        if (r is null)
        {
            return new(null, new Dictionary<string, string[]>(), NotFound: true);
        }
        if (r.Status != DataSubjectRequestStatus.Open || r.AcknowledgedAt is not null)
        {
            return new(null, new Dictionary<string, string[]>(StringComparer.Ordinal) { ["request"] = ["Yêu cầu đã được phản hồi."] });
        }
        r.AcknowledgedAt = time.GetUtcNow();
        AuditLog.Append(db, time, user, "privacy.request.acknowledge", nameof(DataSubjectRequest), r.Code, $"Phản hồi đã tiếp nhận yêu cầu {r.Code}.");
        await db.SaveChangesAsync(ct);
        return new(r, new Dictionary<string, string[]>());
    }

    /// <summary>
    /// Carries out or refuses a request. A deletion carried out goes through <see cref="PersonalDataPurge"/> and only where
    /// <see cref="ErasureRule"/> allows it; otherwise it must be refused, and the rule's legal reason is the default answer.
    /// </summary>
    public async Task<DeskResult<DataSubjectRequest>> AnswerAsync(ClaimsPrincipal user, string code, DataSubjectAnswerInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var r = await FindAsync(user.AgencyId(), code, ct);
        if (r is null)
        {
            return new(null, new Dictionary<string, string[]>(), NotFound: true);
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (r.Status != DataSubjectRequestStatus.Open)
        {
            errors["request"] = ["Yêu cầu đã được trả lời."];
            return new(null, errors);
        }
        var done = string.Equals(input.Outcome, "done", StringComparison.OrdinalIgnoreCase);
        if (!done && !string.Equals(input.Outcome, "refused", StringComparison.OrdinalIgnoreCase))
        {
            errors["outcome"] = ["Vui lòng chọn thực hiện hoặc từ chối."];
        }
        var answer = string.IsNullOrWhiteSpace(input.Answer) ? null : input.Answer.Trim().Normalize(NormalizationForm.FormC);
        ErasureDecision? erasure = null;
        if (r.Kind == DataSubjectRequestKind.Deletion)
        {
            erasure = await ErasureAsync(r, ct);
            if (done && !erasure.Allowed)
            {
                errors["outcome"] = ["Không xóa được dữ liệu này: " + erasure.Reason];
            }
            answer ??= erasure.Reason;
        }
        if (answer is null)
        {
            errors["answer"] = ["Vui lòng nhập nội dung trả lời."];
        }
        else if (answer.Length > 4000)
        {
            errors["answer"] = ["Nội dung trả lời dài tối đa 4.000 ký tự."];
        }
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var erased = 0;
        if (done && erasure is { Allowed: true } && r.RecordKind == SubjectRecordKind.Feedback)
        {
            var id = await (await FeedbackOfAsync(r.AgencyId, ct)).Where(f => f.Code == r.RecordCode).Select(f => f.Id).FirstAsync(ct);
            erased = await PersonalDataPurge.EraseFeedbackSenderAsync(db, id, ct);
        }
        r.Status = done ? DataSubjectRequestStatus.Done : DataSubjectRequestStatus.Refused;
        r.AnsweredAt = time.GetUtcNow();
        r.AnsweredBy = user.Identity?.Name;
        r.Answer = answer;
        r.AcknowledgedAt ??= r.AnsweredAt;
        AuditLog.Append(db, time, user, done ? "privacy.request.done" : "privacy.request.refuse", nameof(DataSubjectRequest), r.Code,
            $"{(done ? "Thực hiện" : "Từ chối")} yêu cầu {r.Code} ({KindName(r.Kind)}){(erased > 0 ? ", đã ẩn danh dữ liệu của người gửi" : "")}.",
            new { kind = r.Kind.ToString(), record = r.RecordCode, erased, late = r.AnsweredAt > r.DueAt });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(r, new Dictionary<string, string[]>());
    }

    /// <summary>Whether the record a deletion request names may be erased now.</summary>
    public async Task<ErasureDecision> ErasureAsync(DataSubjectRequest r, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(r);
        var over = r.RecordKind == SubjectRecordKind.Feedback
            ? await (await FeedbackOfAsync(r.AgencyId, ct)).AnyAsync(f => f.Code == r.RecordCode && f.ClosedAt != null, ct)
            : await db.Dossiers.AnyAsync(d => d.AgencyId == r.AgencyId && d.Code == r.RecordCode && d.Status == DossierStatus.Draft, ct);
        return ErasureRule.Decide(r.RecordKind, over);
    }

    // ------------------------------------------------------------------ export

    /// <summary>
    /// The person's data the register finds for a request: every registered personal field of the dossiers and PAKN
    /// of the agency that carry the same phone or ID number as the record named, with the register's purposes and bases.
    /// </summary>
    public async Task<SubjectData> SubjectDataAsync(DataSubjectRequest r, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(r);
        var records = new List<SubjectRecord>();
        string? phone = null, id = null;
        if (r.RecordKind == SubjectRecordKind.Dossier)
        {
            var key = await db.Dossiers.AsNoTracking().Where(d => d.AgencyId == r.AgencyId && d.Code == r.RecordCode)
                .Select(d => new { d.ApplicantPhone, d.ApplicantIdNumber }).FirstOrDefaultAsync(ct);
            (phone, id) = (key?.ApplicantPhone, key?.ApplicantIdNumber);
        }
        else
        {
            phone = await (await FeedbackOfAsync(r.AgencyId, ct)).Where(f => f.Code == r.RecordCode).Select(f => f.SenderPhone).FirstOrDefaultAsync(ct);
        }
        var dossiers = await db.Dossiers.AsNoTracking()
            .Where(d => d.AgencyId == r.AgencyId && d.Status != DossierStatus.Draft
                && (d.Code == r.RecordCode || (phone != null && d.ApplicantPhone == phone) || (id != null && d.ApplicantIdNumber == id)))
            .OrderBy(d => d.Id).Take(200).ToListAsync(ct);
        records.AddRange(dossiers.Select(d => Record("Hồ sơ thủ tục hành chính", d.Code, d)));
        var feedback = await (await FeedbackOfAsync(r.AgencyId, ct))
            .Where(f => f.Code == r.RecordCode || (phone != null && f.SenderPhone == phone))
            .OrderBy(f => f.Id).Take(200).ToListAsync(ct);
        records.AddRange(feedback.Select(f => Record("Phản ánh, kiến nghị", f.Code, f)));
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == r.AgencyId).FirstOrDefaultAsync(ct);
        var today = time.Today();
        return new SubjectData(r.Code, PrivacyDesk.KindName(r.Kind), r.ReceivedAt, time.GetUtcNow(), agency?.Name ?? "", agency?.ParentBody, agency?.PlaceName,
            LegalSources.PersonalDataLaw2025.Basis, records,
            [.. PersonalData.Rules(new RetentionOptions()).Select(p => new SubjectPurpose(p.Name, p.Purpose, p.BasisOn(today).Text))]);
    }

    /// <summary>The person's data as JSON (<see cref="SubjectDataAsync"/>), for machines and other controllers.</summary>
    public async Task<byte[]> ExportAsync(DataSubjectRequest r, CancellationToken ct)
    {
        var data = await SubjectDataAsync(r, ct);
        var export = new
        {
            request = data.RequestCode,
            generatedAt = data.GeneratedAt,
            controller = data.Controller,
            basis = data.Basis,
            records = data.Records.Select(x => new { kind = x.Kind, code = x.Code, fields = x.Fields }),
            purposes = data.Purposes.Select(p => new { p.Name, p.Purpose, basis = p.Basis }),
        };
        return JsonSerializer.SerializeToUtf8Bytes(export, ExportJson);
    }

    /// <summary>The person's data as a PDF a person can read and keep (<see cref="SubjectDataPdf"/>).</summary>
    public async Task<byte[]> ExportPdfAsync(DataSubjectRequest r, CancellationToken ct) =>
        Shared.Documents.PdfRenderer.Render(SubjectDataPdf.Document(await SubjectDataAsync(r, ct)));

    private static SubjectRecord Record(string kind, string code, object entity)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var f in PersonalData.Fields.Where(f => f.Entity == entity.GetType() && f.Property != "SearchText"))
        {
            fields[f.Label] = entity.GetType().GetProperty(f.Property, BindingFlags.Public | BindingFlags.Instance)?.GetValue(entity) as string;
        }
        return new SubjectRecord(kind, code, fields);
    }

    // ------------------------------------------------------------------ breaches

    public async Task<IReadOnlyList<PersonalDataBreach>> BreachesAsync(int? agencyId, CancellationToken ct)
    {
        var rows = await db.PersonalDataBreaches.AsNoTracking().Where(b => b.AgencyId == agencyId).OrderByDescending(b => b.Id).Take(500).ToListAsync(ct);
        return [.. rows.OrderByDescending(b => b.DetectedAt)];
    }

    /// <summary>"Quá hạn thông báo", "Thông báo muộn" or null, for the register's overdue marking.</summary>
    public static string? BreachStanding(PersonalDataBreach b, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(b);
        return b.AuthorityNotifiedAt is { } at ? (at > b.NotifyDueAt ? "Thông báo muộn" : null)
            : now > b.NotifyDueAt ? "Quá hạn thông báo" : null;
    }

    /// <summary>Records a breach with its notification deadline from the limit in force on the day it was detected.</summary>
    public async Task<DeskResult<PersonalDataBreach>> RecordBreachAsync(ClaimsPrincipal user, BreachInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        if (input.DetectedAt is not { } detected)
        {
            errors["detectedAt"] = ["Vui lòng nhập thời điểm phát hiện."];
            detected = now;
        }
        else if (detected > now)
        {
            errors["detectedAt"] = ["Thời điểm phát hiện không được sau thời điểm hiện tại."];
        }
        string Text(string key, string? value, int max, string label)
        {
            var v = string.IsNullOrWhiteSpace(value) ? "" : value.Trim().Normalize(NormalizationForm.FormC);
            if (v.Length == 0)
            {
                errors[key] = [$"Vui lòng nhập {label}."];
            }
            else if (v.Length > max)
            {
                errors[key] = [$"{char.ToUpper(label[0], VietnamTime.Culture)}{label[1..]} dài tối đa {max.ToString("N0", VietnamTime.Culture)} ký tự."];
            }
            return v;
        }
        var description = Text("description", input.Description, 4000, "mô tả vi phạm");
        var data = Text("dataAffected", input.DataAffected, 2000, "loại dữ liệu bị ảnh hưởng");
        var subjects = Text("subjectsAffected", input.SubjectsAffected, 1000, "chủ thể dữ liệu bị ảnh hưởng");
        var measures = Text("measures", input.Measures, 4000, "biện pháp đã thực hiện");
        if (user.AgencyId() is not { } agencyId)
        {
            errors["agency"] = ["Tài khoản chưa thuộc cơ quan nào."];
            agencyId = 0;
        }
        if (errors.Count > 0)
        {
            return new(null, errors);
        }
        var calculator = await calendars.CalculatorAsync(db, agencyId, ct);
        var limit = limits.BreachOn(DateOnly.FromDateTime(detected.ToVietnam().DateTime));
        var breach = new PersonalDataBreach
        {
            AgencyId = agencyId,
            Code = "VP-" + time.Now().ToString("yyMMdd", CultureInfo.InvariantCulture) + "-" + new string(RandomNumberGenerator.GetItems<char>(CodeAlphabet, 4)),
            DetectedAt = detected.ToUniversalTime(),
            Description = description,
            DataAffected = data,
            SubjectsAffected = subjects,
            Measures = measures,
            NotifyDueAt = limit.Value.DueFrom(detected, calculator).ToUniversalTime(),
            LimitBasis = $"Thông báo trong {limit.Value.Describe()} kể từ khi phát hiện ({limit.Basis}).",
            RecordedAt = now,
            RecordedBy = user.Identity?.Name ?? "",
        };
        db.PersonalDataBreaches.Add(breach);
        AuditLog.Append(db, time, user, "privacy.breach.record", nameof(PersonalDataBreach), breach.Code,
            $"Ghi nhận vi phạm dữ liệu cá nhân {breach.Code}, phát hiện lúc {detected.ToVnDateTime()}; hạn thông báo {breach.NotifyDueAt.ToVnDateTime()}.",
            new { breach.DetectedAt, breach.NotifyDueAt });
        await db.SaveChangesAsync(ct);
        return new(breach, new Dictionary<string, string[]>());
    }

    /// <summary>Records when the specialised agency and the people affected were notified.</summary>
    public async Task<DeskResult<PersonalDataBreach>> NotifyBreachAsync(ClaimsPrincipal user, string code, DateTimeOffset? authorityAt, DateTimeOffset? subjectsAt, CancellationToken ct)
    {
        var b = await db.PersonalDataBreaches.FirstOrDefaultAsync(x => x.AgencyId == user.AgencyId() && x.Code == code, ct);
        if (b is null)
        {
            return new(null, new Dictionary<string, string[]>(), NotFound: true);
        }
        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (authorityAt is null && subjectsAt is null)
        {
            errors["authorityNotifiedAt"] = ["Vui lòng nhập thời điểm đã thông báo."];
        }
        foreach (var (key, at) in new[] { ("authorityNotifiedAt", authorityAt), ("subjectsNotifiedAt", subjectsAt) })
        {
            if (at is { } v && (v < b.DetectedAt || v > now))
            {
                errors[key] = ["Thời điểm thông báo phải sau khi phát hiện và không sau thời điểm hiện tại."];
            }
        }
        if (errors.Count > 0)
        {
            return new(null, errors);
        }
        b.AuthorityNotifiedAt = authorityAt?.ToUniversalTime() ?? b.AuthorityNotifiedAt;
        b.SubjectsNotifiedAt = subjectsAt?.ToUniversalTime() ?? b.SubjectsNotifiedAt;
        AuditLog.Append(db, time, user, "privacy.breach.notify", nameof(PersonalDataBreach), b.Code,
            $"Cập nhật thông báo vi phạm {b.Code}: cơ quan chuyên trách {b.AuthorityNotifiedAt?.ToVnDateTime() ?? "chưa"}, chủ thể dữ liệu {b.SubjectsNotifiedAt?.ToVnDateTime() ?? "chưa"}.",
            new { b.AuthorityNotifiedAt, b.SubjectsNotifiedAt, late = b.AuthorityNotifiedAt > b.NotifyDueAt });
        await db.SaveChangesAsync(ct);
        return new(b, new Dictionary<string, string[]>());
    }

    // ------------------------------------------------------------------ identification

    private sealed record Subject(int AgencyId, SubjectRecordKind Kind, string Code, string NormalisedFactor);

    private async Task<Subject?> FindSubjectAsync(string code, string factor, CancellationToken ct)
    {
        if (code.StartsWith("PAKN-", StringComparison.Ordinal))
        {
            var item = await db.FeedbackItems.AsNoTracking().Where(f => f.Code == code)
                .Select(f => new { f.AgencyId, f.Code, f.SenderPhone }).FirstOrDefaultAsync(ct);
            if (item is null || !ApplicantVerification.Matches(factor, item.SenderPhone, null))
            {
                return null;
            }
            // A PAKN left with an agency since merged away is answered for by its successor, whose desk takes the request.
            var holder = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == item.AgencyId, ct);
            var answering = await AgencyLineage.CurrentAsync(db, holder, ct);
            return new(answering.Id, SubjectRecordKind.Feedback, item.Code, ApplicantNumbers.NormalizePhone(factor)!);
        }
        // The dossier look-up's guard: a code is locked after repeated wrong factors, and an unknown code answers the same.
        var found = await PublicLookup.FindAsync(db, time, code, factor, ct);
        if (found.Value is not { } dossier)
        {
            return null;
        }
        var normalised = ApplicantVerification.Matches(factor, dossier.ApplicantPhone, null)
            ? ApplicantNumbers.NormalizePhone(factor)!
            : ApplicantNumbers.NormalizeIdNumber(factor, organisation: true)!;
        return new(dossier.AgencyId, SubjectRecordKind.Dossier, dossier.Code, normalised);
    }

    /// <summary>
    /// The PAKN a request to <paramref name="agencyId"/>'s desk may name: those it handles or received, and those of the
    /// agencies merged into it (its own closed ones stay with a predecessor; its open ones moved, keeping the agency that
    /// received them). An unrelated agency's PAKN stay out.
    /// </summary>
    private async Task<IQueryable<FeedbackItem>> FeedbackOfAsync(int agencyId, CancellationToken ct)
    {
        var agencies = await AgencyLineage.AgencyIdsInViewAsync(db, agencyId, ct);
        return db.FeedbackItems.AsNoTracking().Where(f => agencies.Contains(f.AgencyId) || (f.ReceivedAgencyId != null && agencies.Contains(f.ReceivedAgencyId.Value)));
    }

    private static IEnumerable<string> Candidates(string factor) =>
        new[] { ApplicantNumbers.NormalizePhone(factor), ApplicantNumbers.NormalizeIdNumber(factor, organisation: true) }.OfType<string>();

    private static string Hash(string code, string normalisedFactor) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code + "\n" + normalisedFactor)));
}
