using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Privacy;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Shared.Privacy;

/// <summary>How long a category of personal data is kept before the purge job anonymises it.</summary>
public enum RetentionCategory
{
    /// <summary>Applicant contact on a closed dossier: kept with the dossier's archive period.</summary>
    DossierApplicant,

    /// <summary>Applicant data on a draft never submitted.</summary>
    DossierDraft,

    /// <summary>PAKN sender contact after handling ended.</summary>
    FeedbackSender,

    /// <summary>Phone numbers and e-mail addresses (and the text sent) in the notification outbox after delivery.</summary>
    OutboxRecipient,

    /// <summary>Officer accounts: kept while the account exists (an administrator deactivates and removes them).</summary>
    OfficerAccount,

    /// <summary>What a data subject wrote in a request about their data, after the request was answered.</summary>
    SubjectRequest,

    /// <summary>A citizen's account from their VNeID login: kept while the person uses it.</summary>
    CitizenAccount,

    /// <summary>
    /// The payer on an electronic fee receipt: an accounting voucher, kept for the accounting law's period (at least ten
    /// years, Luật Kế toán 2015 Điều 41) whatever the dossier's; never anonymised with the dossier.
    /// </summary>
    AccountingVoucher,
}

/// <summary>How a value is shown to a role that does not need it.</summary>
public enum MaskKind
{
    /// <summary>Shown in full everywhere it is shown (names: a dossier is found by its applicant's name).</summary>
    None,

    /// <summary>Phone or ID number: first four and last three characters (0912***678).</summary>
    Digits,

    Email,

    /// <summary>Only the last parts (ward, district, province) stay.</summary>
    Address,
}

/// <summary>
/// Who handles a record now, the facts <see cref="PersonalData.SeesFull"/> decides on: the officer it is assigned to
/// and the unit holding it. A PAKN maps to it as <c>new RecordHolder(null, item.AssignedUnitId)</c>.
/// </summary>
public readonly record struct RecordHolder(string? Assignee, int? UnitId)
{
    /// <summary>A row no one in particular handles (a list row without its record, a message): only the desk sees it in full.</summary>
    public static readonly RecordHolder None;

    public static RecordHolder Of(Dossier d) => new(d.Assignee, d.CurrentUnitId);
}

/// <summary>A person's contact details as one viewer may see them: in full, or every value masked (<see cref="Masked"/>).</summary>
public sealed record ContactDetails(string? IdNumber, string? Phone, string? Email, string? Address, bool Masked = false)
{
    public static ContactDetails Of(Dossier d) => new(d.ApplicantIdNumber, d.ApplicantPhone, d.ApplicantEmail, d.ApplicantAddress);

    public ContactDetails ToMasked() => Masked ? this : new(
        PersonalData.Mask(IdNumber, MaskKind.Digits), PersonalData.Mask(Phone, MaskKind.Digits),
        PersonalData.Mask(Email, MaskKind.Email), PersonalData.Mask(Address, MaskKind.Address), Masked: true);
}

/// <summary>One personal field of an entity (basic personal data in the sense of the personal-data law).</summary>
public sealed record PersonalField(Type Entity, string Property, string Label, RetentionCategory Retention, MaskKind Mask);

/// <summary>A property whose name looks personal but is not a person's data, with the reason.</summary>
public sealed record NotPersonalField(Type Entity, string Property, string Reason);

/// <summary>A retention category as the register page shows it, with its legal bases over time.</summary>
public sealed record RetentionRule(RetentionCategory Category, string Name, string Purpose, PersonalDataPurpose Basis, string Period)
{
    /// <summary>Every basis the category rested on, oldest first.</summary>
    public IReadOnlyList<PersonalDataBasis> Bases => PersonalDataBases.Of(Basis);

    /// <summary>The basis holding on <paramref name="day"/> (the latest one for a day before the register began).</summary>
    public PersonalDataBasis BasisOn(DateOnly day) => PersonalDataBases.On(Basis, day) ?? Bases[0];

    /// <summary>The bases as of <paramref name="day"/>: in force, ceased, and not yet in force.</summary>
    public PersonalDataBasesOn BasesOn(DateOnly day) => PersonalDataBases.Split(Basis, day);
}

/// <summary>
/// The register of personal data the personal-data law asks for: which entity fields hold a person's data, why, how long they
/// are kept and how they are masked for roles that do not need them. A test walks the EF model and fails when an entity
/// gains a property whose name looks personal and is in neither list, so the register cannot silently fall behind.
/// </summary>
public static class PersonalData
{
    /// <summary>What replaces a purged required text field (NFC).</summary>
    public const string Anonymised = "(đã ẩn danh)";

    public static readonly IReadOnlyList<PersonalField> Fields =
    [
        new(typeof(Dossier), nameof(Dossier.ApplicantName), "Họ tên người nộp hồ sơ", RetentionCategory.DossierApplicant, MaskKind.None),
        new(typeof(Dossier), nameof(Dossier.SearchText), "Họ tên người nộp hồ sơ (dạng không dấu để tìm kiếm)", RetentionCategory.DossierApplicant, MaskKind.None),
        new(typeof(Dossier), nameof(Dossier.ApplicantIdNumber), "Số định danh cá nhân / CCCD, mã số doanh nghiệp", RetentionCategory.DossierApplicant, MaskKind.Digits),
        new(typeof(Dossier), nameof(Dossier.ApplicantPhone), "Số điện thoại người nộp", RetentionCategory.DossierApplicant, MaskKind.Digits),
        new(typeof(Dossier), nameof(Dossier.ApplicantEmail), "Thư điện tử người nộp", RetentionCategory.DossierApplicant, MaskKind.Email),
        new(typeof(Dossier), nameof(Dossier.ApplicantAddress), "Địa chỉ người nộp", RetentionCategory.DossierApplicant, MaskKind.Address),
        new(typeof(Dossier), nameof(Dossier.RepresentativeName), "Họ tên người đại diện tổ chức nộp hồ sơ", RetentionCategory.DossierApplicant, MaskKind.None),
        new(typeof(Dossier), nameof(Dossier.ReturnAddress), "Địa chỉ nhận kết quả qua bưu chính", RetentionCategory.DossierApplicant, MaskKind.Address),
        new(typeof(Features.Dossiers.Forms.DossierSupplementItem), nameof(Features.Dossiers.Forms.DossierSupplementItem.AnswerText), "Câu trả lời của người nộp cho từng nội dung yêu cầu bổ sung (có thể nhắc lại dữ liệu cá nhân)", RetentionCategory.DossierApplicant, MaskKind.None),
        new(typeof(Features.CitizenAccounts.CitizenAccount), nameof(Features.CitizenAccounts.CitizenAccount.Name), "Họ tên công dân đăng nhập bằng VNeID", RetentionCategory.CitizenAccount, MaskKind.None),
        new(typeof(Features.CitizenAccounts.CitizenAccount), nameof(Features.CitizenAccounts.CitizenAccount.IdNumber), "Số định danh cá nhân do VNeID xác thực", RetentionCategory.CitizenAccount, MaskKind.Digits),
        new(typeof(Features.CitizenAccounts.CitizenAccount), nameof(Features.CitizenAccounts.CitizenAccount.Phone), "Số điện thoại do VNeID cung cấp", RetentionCategory.CitizenAccount, MaskKind.Digits),
        new(typeof(Features.CitizenAccounts.CitizenAccount), nameof(Features.CitizenAccounts.CitizenAccount.Email), "Thư điện tử do VNeID cung cấp", RetentionCategory.CitizenAccount, MaskKind.Email),
        new(typeof(Features.CitizenAccounts.CitizenAccount), nameof(Features.CitizenAccounts.CitizenAccount.Address), "Địa chỉ do VNeID cung cấp", RetentionCategory.CitizenAccount, MaskKind.Address),
        new(typeof(Features.Payments.PaymentReceipt), nameof(Features.Payments.PaymentReceipt.PayerName), "Họ tên người nộp tiền trên biên lai điện tử", RetentionCategory.AccountingVoucher, MaskKind.None),
        new(typeof(Features.Payments.PaymentReceipt), nameof(Features.Payments.PaymentReceipt.PayerAddress), "Địa chỉ người nộp tiền trên biên lai điện tử", RetentionCategory.AccountingVoucher, MaskKind.Address),
        new(typeof(Features.Postal.PostalOrder), nameof(Features.Postal.PostalOrder.RecipientName), "Họ tên người nhận kết quả qua bưu chính", RetentionCategory.DossierApplicant, MaskKind.None),
        new(typeof(Features.Postal.PostalOrder), nameof(Features.Postal.PostalOrder.Address), "Địa chỉ nhận kết quả qua bưu chính", RetentionCategory.DossierApplicant, MaskKind.Address),
        new(typeof(Features.Postal.PostalOrder), nameof(Features.Postal.PostalOrder.Phone), "Số điện thoại người nhận kết quả qua bưu chính", RetentionCategory.DossierApplicant, MaskKind.Digits),
        new(typeof(Features.Citizens.OnlineDraft), nameof(Features.Citizens.OnlineDraft.Name), "Họ tên trên hồ sơ nháp", RetentionCategory.DossierDraft, MaskKind.None),
        new(typeof(Features.Citizens.OnlineDraft), nameof(Features.Citizens.OnlineDraft.IdNumber), "Số định danh trên hồ sơ nháp", RetentionCategory.DossierDraft, MaskKind.Digits),
        new(typeof(Features.Citizens.OnlineDraft), nameof(Features.Citizens.OnlineDraft.Phone), "Số điện thoại trên hồ sơ nháp", RetentionCategory.DossierDraft, MaskKind.Digits),
        new(typeof(Features.Citizens.OnlineDraft), nameof(Features.Citizens.OnlineDraft.Email), "Thư điện tử trên hồ sơ nháp", RetentionCategory.DossierDraft, MaskKind.Email),
        new(typeof(Features.Citizens.OnlineDraft), nameof(Features.Citizens.OnlineDraft.Address), "Địa chỉ trên hồ sơ nháp", RetentionCategory.DossierDraft, MaskKind.Address),
        new(typeof(FeedbackItem), nameof(FeedbackItem.SenderName), "Họ tên người gửi phản ánh, kiến nghị", RetentionCategory.FeedbackSender, MaskKind.None),
        new(typeof(FeedbackItem), nameof(FeedbackItem.SenderAddress), "Địa chỉ người gửi phản ánh, kiến nghị", RetentionCategory.FeedbackSender, MaskKind.Address),
        new(typeof(FeedbackItem), nameof(FeedbackItem.SenderPhone), "Số điện thoại người gửi phản ánh, kiến nghị", RetentionCategory.FeedbackSender, MaskKind.Digits),
        new(typeof(FeedbackItem), nameof(FeedbackItem.SenderEmail), "Thư điện tử người gửi phản ánh, kiến nghị", RetentionCategory.FeedbackSender, MaskKind.Email),
        new(typeof(FeedbackItem), nameof(FeedbackItem.SearchText), "Tiêu đề phản ánh, kiến nghị (dạng không dấu để tìm kiếm, có thể có họ tên)", RetentionCategory.FeedbackSender, MaskKind.None),
        new(typeof(Features.Privacy.DataSubjectRequest), nameof(Features.Privacy.DataSubjectRequest.Details), "Nội dung yêu cầu của chủ thể dữ liệu (có thể có dữ liệu cá nhân)", RetentionCategory.SubjectRequest, MaskKind.None),
        new(typeof(Features.Privacy.DataSubjectRequest), nameof(Features.Privacy.DataSubjectRequest.Answer), "Nội dung trả lời yêu cầu của chủ thể dữ liệu (có thể nhắc lại dữ liệu cá nhân)", RetentionCategory.SubjectRequest, MaskKind.None),
        new(typeof(OutboxMessage), nameof(OutboxMessage.Recipient), "Số điện thoại, thư điện tử nhận thông báo (kênh SMS, Zalo, thư điện tử)", RetentionCategory.OutboxRecipient, MaskKind.Digits),
        new(typeof(OutboxMessage), nameof(OutboxMessage.Body), "Nội dung thông báo gửi công dân (có họ tên, mã hồ sơ); thư chuyển phản ánh, kiến nghị đến cơ quan có thẩm quyền (có họ tên, địa chỉ, số điện thoại, thư điện tử của người gửi)", RetentionCategory.OutboxRecipient, MaskKind.None),
        new(typeof(AppUser), nameof(AppUser.FullName), "Họ tên cán bộ", RetentionCategory.OfficerAccount, MaskKind.None),
        new(typeof(AppUser), nameof(AppUser.Email), "Thư điện tử cán bộ", RetentionCategory.OfficerAccount, MaskKind.Email),
        new(typeof(AppUser), nameof(AppUser.NormalizedEmail), "Thư điện tử cán bộ (dạng chuẩn hóa để tìm kiếm)", RetentionCategory.OfficerAccount, MaskKind.Email),
        new(typeof(AppUser), nameof(AppUser.PhoneNumber), "Số điện thoại cán bộ", RetentionCategory.OfficerAccount, MaskKind.Digits),
    ];

    public static readonly IReadOnlyList<NotPersonalField> NotPersonal =
    [
        new(typeof(Agency), nameof(Agency.Address), "Địa chỉ trụ sở cơ quan, công khai."),
        new(typeof(Agency), nameof(Agency.Phone), "Số điện thoại cơ quan, công khai."),
        new(typeof(Agency), nameof(Agency.Email), "Thư điện tử cơ quan, công khai."),
        new(typeof(Dossier), nameof(Dossier.ApplicantKind), "Loại người nộp (cá nhân/tổ chức), không định danh ai."),
        new(typeof(Features.Citizens.OnlineDraft), nameof(Features.Citizens.OnlineDraft.ApplicantKind), "Loại người nộp trên hồ sơ nháp (cá nhân/tổ chức), không định danh ai."),
        new(typeof(Features.Citizens.OnlineDraft), nameof(Features.Citizens.OnlineDraft.CitizenAccountId), "Mã dòng tài khoản công dân giữ bản nháp, không tự định danh ai."),
        new(typeof(Features.Citizens.OnlineDraft), nameof(Features.Citizens.OnlineDraft.OrganisationName), "Tên tổ chức nộp hồ sơ nháp, không phải dữ liệu cá nhân."),
        new(typeof(Features.Citizens.OnlineDraft), nameof(Features.Citizens.OnlineDraft.TaxCode), "Mã số thuế của tổ chức, không phải dữ liệu cá nhân."),
        new(typeof(Features.Citizens.OnlineDraft), nameof(Features.Citizens.OnlineDraft.ReuseChoices), "Mã giấy tờ đang lưu mà công dân chọn dùng lại, không tự định danh ai; mở lại theo số định danh của tài khoản."),
        new(typeof(Features.Catalogue.ProcedureVersion), nameof(Features.Catalogue.ProcedureVersion.ApplicantTypes), "Đối tượng thực hiện thủ tục (loại), không định danh ai."),
        new(typeof(OutboxMessage), nameof(OutboxMessage.RecipientUserId), "Mã tài khoản cán bộ nhận thông báo nội bộ."),
        new(typeof(AppUser), nameof(AppUser.EmailConfirmed), "Cờ kỹ thuật của tài khoản."),
        new(typeof(AppUser), nameof(AppUser.PhoneNumberConfirmed), "Cờ kỹ thuật của tài khoản."),
        new(typeof(Features.Dossiers.Supplement.DossierSupplementRequest), nameof(Features.Dossiers.Supplement.DossierSupplementRequest.ApplicantDueAt), "Thời hạn nộp bổ sung, không định danh ai."),
        new(typeof(Features.Dossiers.Supplement.DossierSupplementRequest), nameof(Features.Dossiers.Supplement.DossierSupplementRequest.NotifyApplicantBy), "Thời hạn thông báo cho người nộp, không định danh ai."),
        new(typeof(FeedbackItem), nameof(FeedbackItem.TransferredToEmail), "Thư điện tử của cơ quan có thẩm quyền nhận chuyển phản ánh, kiến nghị."),
        new(typeof(Features.Dossiers.Supplement.DossierSupplementRequest), nameof(Features.Dossiers.Supplement.DossierSupplementRequest.ApplicantNotifiedAt), "Thời điểm đã thông báo người nộp, không định danh ai."),
    ];

    /// <summary>
    /// The categories with their purpose and legal bases over time; periods come from <see cref="RetentionOptions"/>.
    /// The bases are <see cref="PersonalDataBases"/>, so the register and the Core rules cannot disagree.
    /// </summary>
    public static IReadOnlyList<RetentionRule> Rules(RetentionOptions o) =>
    [
        new(RetentionCategory.DossierApplicant, "Thông tin người nộp hồ sơ TTHC",
            "Tiếp nhận, giải quyết, trả kết quả, tra cứu và đánh giá hồ sơ thủ tục hành chính.",
            PersonalDataPurpose.DossierProcessing,
            o.DossierApplicantYears > 0 ? $"{o.DossierApplicantYears} năm sau khi hồ sơ kết thúc" : "Theo thời hạn bảo quản hồ sơ lưu trữ (không tự động xóa)"),
        new(RetentionCategory.DossierDraft, "Hồ sơ nháp chưa nộp",
            "Cho phép công dân lưu và nộp tiếp hồ sơ trực tuyến.",
            PersonalDataPurpose.OnlineDraft,
            $"{o.DraftDays} ngày kể từ khi tạo"),
        new(RetentionCategory.FeedbackSender, "Thông tin liên hệ người gửi phản ánh, kiến nghị",
            "Trả lời và thông báo kết quả xử lý phản ánh, kiến nghị.",
            PersonalDataPurpose.Feedback,
            $"{o.FeedbackSenderYears} năm sau khi kết thúc xử lý"),
        new(RetentionCategory.OutboxRecipient, "Người nhận và nội dung thông báo (SMS, Zalo, thư điện tử)",
            "Gửi thông báo tình trạng hồ sơ và đối soát việc gửi; chuyển phản ánh, kiến nghị không thuộc thẩm quyền kèm thông tin liên hệ của người gửi "
                + "đến cơ quan có thẩm quyền để cơ quan đó trả lời người gửi (Điều 9 Nghị định số 20/2008/NĐ-CP).",
            PersonalDataPurpose.Notifications,
            $"{o.OutboxRecipientDays} ngày sau khi gửi xong hoặc thất bại"),
        new(RetentionCategory.OfficerAccount, "Tài khoản cán bộ",
            "Đăng nhập, phân quyền, ghi nhật ký thao tác.",
            PersonalDataPurpose.OfficerAccounts,
            "Trong thời gian tài khoản tồn tại"),
        new(RetentionCategory.SubjectRequest, "Yêu cầu của chủ thể dữ liệu",
            "Tiếp nhận, thực hiện yêu cầu về dữ liệu cá nhân và lưu bằng chứng đã thực hiện.",
            PersonalDataPurpose.SubjectRequests,
            o.SubjectRequestYears > 0 ? $"Nội dung yêu cầu: {o.SubjectRequestYears} năm sau khi trả lời (chưa xác nhận nguồn)" : "Không tự động xóa"),
        new(RetentionCategory.CitizenAccount, "Tài khoản công dân đăng nhập bằng VNeID",
            "Cho công dân xem hồ sơ của mình, điền sẵn thông tin khi nộp và giữ bản nháp theo tài khoản.",
            PersonalDataPurpose.DossierProcessing,
            "Trong thời gian công dân còn sử dụng tài khoản (chưa tự động xóa)"),
        new(RetentionCategory.AccountingVoucher, "Người nộp tiền trên biên lai điện tử thu phí, lệ phí",
            "Lập biên lai điện tử, đối soát thanh toán và hoàn tiền phí, lệ phí của hồ sơ.",
            PersonalDataPurpose.DossierProcessing,
            "Theo thời hạn lưu trữ chứng từ kế toán, ít nhất 10 năm (Điều 41 Luật Kế toán 2015); không xóa cùng hồ sơ"),
    ];

    public static PersonalField? Find(Type entity, string property) =>
        Fields.FirstOrDefault(f => f.Entity == entity && string.Equals(f.Property, property, StringComparison.Ordinal));

    // ------------------------------------------------------------------ masking

    /// <summary>
    /// THE rule for every view of a person's contact details (page, official form, PDF, export, API, outbox): the
    /// one-stop desk (which calls citizens and hands back results) and the officer handling the record (its assignee,
    /// or a specialist of the unit holding it) see them in full; anyone else of the agency (leaders, focal officers,
    /// administrators, other units) sees them masked. It depends on the viewer and the record, never on the document:
    /// the receipt slip the desk prints for the citizen is full, the same slip opened by a leader is masked.
    /// </summary>
    public static bool SeesFull(ClaimsPrincipal user, RecordHolder holder) =>
        user.IsInRole(Roles.OneStopOfficer)
        || (holder.Assignee is { } a && string.Equals(a, user.Identity?.Name, StringComparison.Ordinal))
        || (user.IsInRole(Roles.Specialist) && holder.UnitId is { } unit && unit == user.UnitId());

    /// <summary><see cref="SeesFull(ClaimsPrincipal, RecordHolder)"/> for a row no one in particular handles.</summary>
    public static bool SeesFullInLists(ClaimsPrincipal user) => SeesFull(user, RecordHolder.None);

    /// <summary>The applicant's contact details of <paramref name="d"/> as <paramref name="user"/> may see them.</summary>
    public static ContactDetails ContactFor(ClaimsPrincipal user, Dossier d)
    {
        var contact = ContactDetails.Of(d);
        return SeesFull(user, RecordHolder.Of(d)) ? contact : contact.ToMasked();
    }

    /// <summary>
    /// Who holds each of these dossiers now (one query), for views that list records by dossier code (the outbox);
    /// a code that is not a dossier of the agency is absent and its row falls under <see cref="RecordHolder.None"/>.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, RecordHolder>> HoldersAsync(AppDbContext db, int? agencyId, IEnumerable<string?> codes, CancellationToken ct)
    {
        var wanted = codes.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<string, RecordHolder>(StringComparer.Ordinal);
        }
        var rows = await db.Dossiers.AsNoTracking().Where(d => d.AgencyId == agencyId && wanted.Contains(d.Code))
            .Select(d => new { d.Code, d.Assignee, d.CurrentUnitId }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Code, r => new RecordHolder(r.Assignee, r.CurrentUnitId), StringComparer.Ordinal);
    }

    /// <summary>
    /// A text that may quote a contact value (a mail server's refusal quotes the address) as a masked viewer may see
    /// it: each occurrence of <paramref name="value"/> is replaced by its mask.
    /// </summary>
    public static string? Scrub(string? text, string? value, MaskKind kind) =>
        text is null || string.IsNullOrWhiteSpace(value) || kind == MaskKind.None
            ? text
            : text.Replace(value.Trim(), Mask(value, kind), StringComparison.OrdinalIgnoreCase);

    public static string? Mask(string? value, MaskKind kind) => value is null ? null : kind switch
    {
        MaskKind.None => value,
        MaskKind.Digits => MaskDigits(value),
        MaskKind.Email => MaskEmail(value),
        MaskKind.Address => MaskAddress(value),
    };

    /// <summary>0912345678 → 0912***678; short values keep less.</summary>
    public static string MaskDigits(string value)
    {
        var v = value.Trim();
        if (v.Contains('@', StringComparison.Ordinal))
        {
            return MaskEmail(v);
        }
        return v.Length switch
        {
            0 => v,
            <= 4 => "***",
            < 8 => v[..1] + "***" + v[^1..],
            _ => v[..4] + "***" + v[^3..],
        };
    }

    /// <summary>nguyenvana@gmail.com → ng***@gmail.com.</summary>
    public static string MaskEmail(string value)
    {
        var v = value.Trim();
        var at = v.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? MaskDigits(v) : v[..Math.Min(2, at)] + "***" + v[at..];
    }

    /// <summary>"12 Lê Lợi, phường 5, Tuy Hòa, Phú Yên" → "***, Tuy Hòa, Phú Yên": the street line goes.</summary>
    public static string MaskAddress(string value)
    {
        var parts = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length <= 1 ? "***" : "***, " + string.Join(", ", parts[Math.Max(1, parts.Length - 2)..]);
    }
}
