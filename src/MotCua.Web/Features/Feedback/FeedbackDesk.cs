using System.Globalization;
using System.Net.Mail;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Feedback;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Feedback;

public sealed record FeedbackInput(string? SenderName, string? SenderAddress, string? SenderPhone, string? SenderEmail, string? Title, string? Content,
    string? ContentType, string? RelatedProcedureCode, string? RelatedRegulation);

public enum FeedbackOutcomeKind
{
    Ok,
    NotFound,
    Forbidden,

    /// <summary>Wrong state for the action, or changed by someone else meanwhile.</summary>
    Conflict,

    Invalid,
}

/// <summary>What a back-office action did: the item, or why not (Vietnamese).</summary>
public sealed record FeedbackOutcome(FeedbackOutcomeKind Kind, string? Error, FeedbackItem? Item = null);

public sealed record FeedbackActionInput(int? UnitId, string? TransferredTo, string? DuplicateOfCode, string? Answer, long? RowVersion,
    RedactionReview? Review = null, string? TransferredToEmail = null, string? Reason = null);

/// <summary>The transfer deadline of one PAKN: its standing and time left while it runs, or how the transfer met it.</summary>
public sealed record TransferView(DateTimeOffset DueAt, PendingTimeliness? Standing, WorkingDuration? Remaining, TransferTimeliness? Timeliness, string Basis);

/// <summary>Receipt and handling of PAKN: every user action is one SaveChanges with its audit entry.</summary>
public sealed class FeedbackDesk(AppDbContext db, TimeProvider time, CalendarProvider calendars, FileStore files, FeedbackTransferNotice transferNotice)
{
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string[] ClassifierRoles { get; } = [Roles.Admin, Roles.ControlFocalOfficer, Roles.OneStopOfficer, Roles.Leader];

    public static string[] ApproverRoles { get; } = [Roles.Admin, Roles.Leader];

    /// <summary>Whether the caller's roles allow <paramref name="action"/> (drafting an answer is every officer's), so pages offer only what the desk accepts.</summary>
    public static bool MayTake(ClaimsPrincipal user, FeedbackAction action)
    {
        ArgumentNullException.ThrowIfNull(user);
        string[] roles = action switch
        {
            FeedbackAction.ClassifyInScope or FeedbackAction.ClassifyOutOfScope or FeedbackAction.ClassifyDuplicate or FeedbackAction.Transfer => ClassifierRoles,
            FeedbackAction.DraftAnswer => [],
            FeedbackAction.Approve or FeedbackAction.Publish => ApproverRoles,
        };
        return roles.Length == 0 || roles.Any(user.IsInRole);
    }

    /// <summary>Validates and registers a public PAKN for the agency (the default agency when none is named).</summary>
    public const int MaxAttachments = 5;

    public async Task<(FeedbackItem? Item, Dictionary<string, string[]> Errors)> SubmitAsync(FeedbackInput input, string? agencyCode, CancellationToken ct) =>
        await SubmitAsync(input, agencyCode, [], ct);

    /// <summary>As below, for a sender who consented (the API checks the consent at its edge).</summary>
    public Task<(FeedbackItem? Item, Dictionary<string, string[]> Errors)> SubmitAsync(FeedbackInput input, string? agencyCode,
        IReadOnlyList<IncomingFile> attachments, CancellationToken ct) =>
        SubmitAsync(input, agencyCode, attachments, consent: true, ct);

    /// <summary>
    /// With attachments (each checked by content; nothing is stored unless the whole PAKN is valid).
    /// <paramref name="consent"/> false (the form's box unticked) stores nothing and reports it with every other problem at once.
    /// </summary>
    public async Task<(FeedbackItem? Item, Dictionary<string, string[]> Errors)> SubmitAsync(FeedbackInput input, string? agencyCode,
        IReadOnlyList<IncomingFile> attachments, bool consent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(attachments);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? Text(string key, string? value, int max, bool required, string label, int min = 0)
        {
            var v = string.IsNullOrWhiteSpace(value) ? null : value.Trim().Normalize(NormalizationForm.FormC);
            if (v is null && required)
            {
                errors[key] = [$"Vui lòng nhập {label}."];
            }
            else if (v is not null && v.Length > max)
            {
                errors[key] = [$"{char.ToUpper(label[0], VietnamTime.Culture)}{label[1..]} dài tối đa {max.ToString("N0", VietnamTime.Culture)} ký tự."];
            }
            else if (v is not null && v.Length < min)
            {
                errors[key] = [$"{char.ToUpper(label[0], VietnamTime.Culture)}{label[1..]} cần ít nhất {min} ký tự."];
            }
            return v;
        }
        var name = Text("senderName", input.SenderName, 200, true, "họ và tên");
        var address = Text("senderAddress", input.SenderAddress, 500, true, "địa chỉ");
        var phone = Text("senderPhone", input.SenderPhone, 32, false, "số điện thoại");
        var email = Text("senderEmail", input.SenderEmail, 200, false, "thư điện tử");
        var title = Text("title", input.Title, 300, true, "tiêu đề");
        var content = Text("content", input.Content, 8000, true, "nội dung phản ánh, kiến nghị", 20);
        var procedure = Text("relatedProcedureCode", input.RelatedProcedureCode, 64, false, "mã thủ tục");
        var regulation = Text("relatedRegulation", input.RelatedRegulation, 500, false, "quy định liên quan");
        if (phone is null && email is null)
        {
            errors["senderPhone"] = ["Vui lòng nhập số điện thoại hoặc thư điện tử để cơ quan liên hệ (Điều 7 Nghị định 20/2008/NĐ-CP)."];
        }
        if (phone is not null && ApplicantNumbers.NormalizePhone(phone) is null)
        {
            errors["senderPhone"] = [ReceiptRules.PhoneInvalid];
        }
        if (email is not null && !MailAddress.TryCreate(email, out _))
        {
            errors["senderEmail"] = ["Địa chỉ thư điện tử không hợp lệ (ví dụ đúng: ten@vidu.vn)."];
        }
        if (!consent)
        {
            errors[Shared.Privacy.ConsentNotice.Field] = [Shared.Privacy.ConsentNotice.Missing];
        }
        FeedbackContentType type = FeedbackContentType.OtherRegulationIssue;
        if (!string.IsNullOrWhiteSpace(input.ContentType)
            && !(Enum.TryParse(input.ContentType.Trim(), ignoreCase: true, out type) && Enum.IsDefined(type)))
        {
            errors["contentType"] = ["Loại nội dung phản ánh, kiến nghị không hợp lệ."];
        }
        var agency = await CatalogueQueries.PublicAgencyAsync(db, agencyCode, ct);
        if (agency is null)
        {
            errors["agency"] = ["Không tìm thấy cơ quan tiếp nhận."];
        }
        if (procedure is not null && agency is not null && !await db.Procedures.AnyAsync(p => p.AgencyId == agency.Id && p.Code == procedure, ct))
        {
            errors["relatedProcedureCode"] = ["Không có thủ tục hành chính với mã này."];
        }
        if (attachments.Count > MaxAttachments)
        {
            errors["attachments"] = [$"Gửi kèm tối đa {MaxAttachments.ToString(CultureInfo.InvariantCulture)} tệp."];
        }
        else if (attachments.Select(files.Check).OfType<string>().ToArray() is { Length: > 0 } problems)
        {
            // Each refused file with its own reason, not only the first.
            errors["attachments"] = problems;
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var now = time.GetUtcNow();
        var calculator = await calendars.CalculatorAsync(db, agency!.Id, ct);
        var item = new FeedbackItem
        {
            AgencyId = agency.Id,
            Code = "PAKN-" + time.Now().ToString("yyMMdd", CultureInfo.InvariantCulture) + "-" + new string(RandomNumberGenerator.GetItems<char>(CodeAlphabet, 6)),
            ReceivedAt = now,
            Channel = "portal",
            SenderName = name!,
            SenderAddress = address!,
            SenderPhone = phone,
            SenderEmail = email,
            Title = title!,
            SearchText = FeedbackSearch.Fold(title!),
            Content = content!,
            ContentType = type,
            RelatedProcedureCode = procedure,
            RelatedRegulation = regulation,
            Status = FeedbackStatus.Received,
            DueAt = calculator.ComputeDue(now, new ProcessingTime(FeedbackRules.DefaultHandlingWorkingDays, TimeUnit.WorkingDays)),
            TransferDueAt = FeedbackTransfer.Due(now, calculator),
        };
        db.Add(item);
        var written = new List<string>();
        try
        {
            foreach (var file in attachments)
            {
                var stored = files.Save(file, "feedback", agency.Id.ToString(CultureInfo.InvariantCulture), item.Code);
                written.Add(stored.StoragePath);
                item.Attachments.Add(new FeedbackAttachment
                {
                    AgencyId = agency.Id, FileName = stored.FileName, ContentType = stored.ContentType, Size = stored.Size,
                    Sha256 = stored.Sha256, StoragePath = stored.StoragePath, UploadedAt = now,
                });
            }
            AuditLog.Append(db, time, null, "feedback.receive", "Feedback", item.Code, $"Tiếp nhận phản ánh, kiến nghị {item.Code}: {item.Title}",
                new { Attachments = item.Attachments.Select(a => new { a.FileName, a.Sha256, a.Size }) });
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            files.Discard(written);
            throw;
        }
        return (item, errors);
    }

    /// <summary>Applies one back-office action; a refusal carries its kind (for the API status) and a Vietnamese message.</summary>
    public async Task<FeedbackOutcome> ApplyAsync(long id, FeedbackAction action, FeedbackActionInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var agencyId = user.AgencyId();
        var item = await db.Set<FeedbackItem>().SingleOrDefaultAsync(f => f.Id == id && f.AgencyId == agencyId, ct);
        if (item is null)
        {
            return new(FeedbackOutcomeKind.NotFound, "Không tìm thấy phản ánh, kiến nghị.");
        }
        if (input.RowVersion is { } v && v != item.Version)
        {
            return new(FeedbackOutcomeKind.Conflict, "Phản ánh, kiến nghị vừa được người khác cập nhật. Vui lòng tải lại trang.");
        }
        if (!MayTake(user, action))
        {
            return new(FeedbackOutcomeKind.Forbidden, $"Bạn không có quyền thực hiện thao tác \"{FeedbackRules.Name(action)}\".");
        }
        // Publishing again is the review of an item published before reviews existed: it returns to the public pages redacted.
        var next = FeedbackRules.Next(item.Status, action)
            ?? (action == FeedbackAction.Publish && FeedbackRedaction.AwaitsReview(item) ? item.Status : (FeedbackStatus?)null);
        if (next is null)
        {
            return new(FeedbackOutcomeKind.Conflict, $"Không thể thực hiện \"{FeedbackRules.Name(action)}\" khi phản ánh, kiến nghị đang ở trạng thái \"{FeedbackRules.Name(item.Status)}\".");
        }
        var now = time.GetUtcNow();
        var who = user.Identity?.Name;
        object? auditData = null;
        switch (action)
        {
            case FeedbackAction.ClassifyInScope:
                if (input.UnitId is not { } unitId || !await db.Units.AnyAsync(u => u.Id == unitId && u.AgencyId == agencyId && u.IsActive, ct))
                {
                    return new(FeedbackOutcomeKind.Invalid, "Vui lòng chọn đơn vị chủ trì xử lý đang hoạt động của cơ quan.");
                }
                item.AssignedUnitId = unitId;
                break;
            case FeedbackAction.ClassifyOutOfScope:
                if (Reason(input.Reason) is not { } why)
                {
                    return new(FeedbackOutcomeKind.Invalid, ReasonMessage);
                }
                if (!string.IsNullOrWhiteSpace(input.TransferredTo) && input.TransferredTo.Trim().Length > 300)
                {
                    return new(FeedbackOutcomeKind.Invalid, BodyMessage);
                }
                item.TransferReason = why;
                item.TransferredTo = string.IsNullOrWhiteSpace(input.TransferredTo) ? item.TransferredTo : input.TransferredTo.Trim().Normalize(NormalizationForm.FormC);
                // From now on the transfer deadline is the one the register, the inbox and the reports judge it by.
                item.TransferDueAt ??= FeedbackTransfer.Due(item.ReceivedAt, await calendars.CalculatorAsync(db, item.AgencyId, ct));
                item.DueAt = item.TransferDueAt.Value;
                break;
            case FeedbackAction.Transfer:
                var body = input.TransferredTo?.Trim();
                if (string.IsNullOrEmpty(body) || body.Length > 300)
                {
                    return new(FeedbackOutcomeKind.Invalid, BodyMessage);
                }
                var mail = string.IsNullOrWhiteSpace(input.TransferredToEmail) ? null : input.TransferredToEmail.Trim();
                if (mail is not null && (mail.Length > 200 || !MailAddress.TryCreate(mail, out _)))
                {
                    return new(FeedbackOutcomeKind.Invalid, "Địa chỉ thư điện tử của cơ quan có thẩm quyền không hợp lệ.");
                }
                // The reason recorded at classification stands unless the officer writes a new one.
                var reason = Reason(input.Reason);
                if (reason is null && (item.TransferReason is null || !string.IsNullOrWhiteSpace(input.Reason)))
                {
                    return new(FeedbackOutcomeKind.Invalid, ReasonMessage);
                }
                item.TransferReason = reason ?? item.TransferReason;
                item.TransferredTo = body.Normalize(NormalizationForm.FormC);
                item.TransferredToEmail = mail;
                item.TransferDueAt ??= FeedbackTransfer.Due(item.ReceivedAt, await calendars.CalculatorAsync(db, item.AgencyId, ct));
                item.DueAt = item.TransferDueAt.Value;
                item.TransferredAt = now;
                item.ClosedAt = now;
                auditData = new
                {
                    item.TransferredTo,
                    item.TransferredToEmail,
                    item.TransferReason,
                    DueAt = item.TransferDueAt,
                    Timeliness = FeedbackTransfer.Judge(now, item.TransferDueAt.Value).ToString(),
                    LegalBasis = FeedbackTransfer.LimitOn(DateOnly.FromDateTime(item.ReceivedAt.ToVietnam().DateTime)).Basis,
                };
                await transferNotice.EnqueueAsync(item, ct);
                break;
            case FeedbackAction.ClassifyDuplicate:
                var code = input.DuplicateOfCode?.Trim().ToUpperInvariant();
                var original = string.IsNullOrEmpty(code) ? null
                    : await db.Set<FeedbackItem>().SingleOrDefaultAsync(f => f.Code == code && f.AgencyId == agencyId && f.Id != item.Id, ct);
                if (original is null)
                {
                    return new(FeedbackOutcomeKind.Invalid, "Vui lòng nhập mã của phản ánh, kiến nghị bị trùng (một mã khác của cơ quan).");
                }
                item.DuplicateOfId = original.Id;
                item.ClosedAt = now;
                break;
            case FeedbackAction.DraftAnswer:
                if (string.IsNullOrWhiteSpace(input.Answer) || input.Answer.Trim().Length < 10 || input.Answer.Length > 8000)
                {
                    return new(FeedbackOutcomeKind.Invalid, "Nội dung trả lời cần từ 10 đến 8.000 ký tự.");
                }
                item.AnswerText = input.Answer.Trim().Normalize(NormalizationForm.FormC);
                item.DraftedBy = who;
                item.DraftedAt = now;
                break;
            case FeedbackAction.Approve:
                item.ApprovedBy = who;
                item.ApprovedAt = now;
                break;
            case FeedbackAction.Publish:
                if (input.Review is not { Reviewed: true } review)
                {
                    return new(FeedbackOutcomeKind.Invalid, "Vui lòng xem xét các thông tin cá nhân được ẩn trước khi công khai (bước \"Xem xét trước khi công khai\").");
                }
                var texts = FeedbackRedaction.Preview(item, review);
                if (texts.FirstOrDefault(t => t.Redacted.Length > t.MaxLength) is { } tooLong)
                {
                    return new(FeedbackOutcomeKind.Invalid, $"{tooLong.Label} sau khi ẩn vượt quá {tooLong.MaxLength.ToString("N0", VietnamTime.Culture)} ký tự; vui lòng ẩn ít cụm từ ngắn hơn.");
                }
                item.PublicTitle = texts[0].Redacted;
                item.PublicContent = texts[1].Redacted;
                item.PublicAnswer = texts[2].Redacted;
                item.PublicRegulation = item.RelatedRegulation is null ? null : texts[3].Redacted;
                item.RedactionReviewedBy = who;
                item.RedactionReviewedAt = now;
                item.PublishedAt ??= now;
                item.ClosedAt ??= now;
                // What was hidden, by kind and text, without the hidden values themselves (the audit log is not a copy of them).
                auditData = new
                {
                    Redacted = texts.Where(t => t.Spans.Count > 0)
                        .ToDictionary(t => t.Field, t => t.Spans.GroupBy(x => x.Kind.ToString()).ToDictionary(g => g.Key, g => g.Count())),
                    Restored = review.Restore.Count,
                    AddedByOfficer = review.Redact.Count,
                };
                break;
        }
        if (action is FeedbackAction.ClassifyInScope or FeedbackAction.ClassifyOutOfScope or FeedbackAction.ClassifyDuplicate
            || (action == FeedbackAction.Transfer && item.ClassifiedAt is null))
        {
            item.ClassifiedAt = now;
            item.ClassifiedBy = who;
        }
        item.Status = next.Value;
        item.Version++;
        var auditCode = "feedback." + action.ToString();
        var summary = action == FeedbackAction.Transfer ? $"Chuyển phản ánh, kiến nghị {item.Code} đến {item.TransferredTo}" : $"{FeedbackRules.Name(action)}: {item.Code}";
        AuditLog.Append(db, time, user, auditCode, "Feedback", item.Code, summary, auditData);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(FeedbackOutcomeKind.Conflict, "Phản ánh, kiến nghị vừa được người khác cập nhật. Vui lòng tải lại trang.");
        }
        return new(FeedbackOutcomeKind.Ok, null, item);
    }

    /// <summary>The audit code of a transfer to the competent body.</summary>
    public const string TransferAuditCode = "feedback.Transfer";

    private const string BodyMessage = "Vui lòng nhập tên cơ quan có thẩm quyền được chuyển đến (tối đa 300 ký tự).";

    public const string ReasonMessage = "Vui lòng nêu lý do phản ánh, kiến nghị không thuộc thẩm quyền của cơ quan (từ 10 đến 1.000 ký tự).";

    /// <summary>The trimmed reason, or null when missing or out of bounds.</summary>
    private static string? Reason(string? value)
    {
        var v = value?.Trim();
        return v is { Length: >= 10 and <= 1000 } ? v.Normalize(NormalizationForm.FormC) : null;
    }

    /// <summary>The transfer deadline, computed from receipt for an item received before it was stored.</summary>
    public static DateTimeOffset TransferDue(FeedbackItem item, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.TransferDueAt ?? FeedbackTransfer.Due(item.ReceivedAt, calculator);
    }

    /// <summary>
    /// The transfer deadline as pages and the API show it: while the PAKN may still have to go to another body (unclassified
    /// or classified outside competence), its standing and time left; once transferred, whether on time; null otherwise.
    /// </summary>
    public static TransferView? TransferView(FeedbackItem item, DateTimeOffset now, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(item);
        var due = TransferDue(item, calculator);
        var basis = FeedbackTransfer.LimitOn(DateOnly.FromDateTime(item.ReceivedAt.ToVietnam().DateTime)).Basis;
        if (item.TransferredAt is { } at)
        {
            return new TransferView(due, null, null, FeedbackTransfer.Judge(at, due), basis);
        }
        return FeedbackTransfer.Standing(item.Status, now, due, calculator) is { } s ? new TransferView(due, s.Status, s.Remaining, null, basis) : null;
    }

    /// <summary>Due-soon (one working day left) and overdue flags for open PAKN; null once closed.</summary>
    public static PendingTimeliness? Standing(FeedbackItem item, DateTimeOffset now, DeadlineCalculator calculator) =>
        FeedbackRules.IsClosed(item.Status) ? null : DossierQueue.Classify(now, item.DueAt, calculator).Status;
}
