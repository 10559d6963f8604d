using System.Globalization;
using System.Security.Claims;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Shared.Privacy;

/// <summary>
/// The one read-audit of personal data the personal-data law asks for: who saw whose data, in which view, masked or not.
/// Every view that shows a person's contact details goes through here: <see cref="Open"/> for one dossier (it also
/// applies <see cref="PersonalData.SeesFull"/>, so a view cannot mask without logging), <see cref="RecordList"/> for a
/// list or export. The entry is only added; the caller saves it (and a caller that answers 404 simply does not).
/// Entries are written unsealed and hashed later by the sealer in id order, so a read never waits on the chain and
/// concurrent reads cannot fork it.
/// </summary>
public static class PersonalDataReads
{
    public const string DossierRead = "personal-data.read";
    public const string ExportRead = "personal-data.export";

    /// <summary>The applicant's contact details of <paramref name="dossier"/> as this viewer may see them, with the read logged.</summary>
    public static ContactDetails Open(AppDbContext db, TimeProvider time, ClaimsPrincipal user, Dossier dossier, string view)
    {
        var contact = PersonalData.ContactFor(user, dossier);
        Record(db, time, user, nameof(Dossier), dossier.Code, view, contact.Masked);
        return contact;
    }

    /// <summary>One record's personal data was shown in <paramref name="view"/> (entity "Dossier" or "FeedbackItem").</summary>
    public static void Record(AppDbContext db, TimeProvider time, ClaimsPrincipal user, string entityType, string key, string view, bool masked) =>
        AuditLog.Append(db, time, user, DossierRead, entityType, key,
            $"Xem thông tin {(entityType == nameof(Dossier) ? "người nộp hồ sơ" : "người gửi phản ánh, kiến nghị")} {key} ({ViewName(view)}{(masked ? ", đã che" : "")}).",
            new { view, masked });

    /// <summary>The view of a reuse read: a document held for the person was used again in their new dossier.</summary>
    public const string ReuseView = "reuse";

    /// <summary>
    /// A document held for the applicant of dossier <paramref name="sourceCode"/> (or of the new dossier itself, for the
    /// national store) was used again, with their consent, in dossier <paramref name="newCode"/> of agency <paramref name="agencyId"/>:
    /// the read names the agency, not an officer, since the citizen's own submission made it.
    /// </summary>
    public static void RecordReuse(AppDbContext db, TimeProvider time, int agencyId, string sourceCode, string newCode, string document) =>
        AuditLog.Append(db, time, null, DossierRead, nameof(Dossier), sourceCode,
            $"Sử dụng lại giấy tờ \"{document}\" của người nộp hồ sơ {sourceCode} cho hồ sơ {newCode} (theo đồng ý của người nộp).",
            new { view = ReuseView, masked = false, dossier = newCode, document }).AgencyId = agencyId;

    public static void RecordFeedback(AppDbContext db, TimeProvider time, ClaimsPrincipal user, string feedbackCode, string view, bool masked) =>
        Record(db, time, user, "FeedbackItem", feedbackCode, view, masked);

    /// <summary>
    /// A list or export showing contact details of several dossiers: one entry naming the view, the dossiers listed
    /// and those shown in full (<paramref name="full"/>); masked when none was.
    /// </summary>
    public static void RecordList(AppDbContext db, TimeProvider time, ClaimsPrincipal user, string entityType, string view,
        IReadOnlyCollection<string> codes, IReadOnlyCollection<string> full)
    {
        var count = codes.Count.ToString(CultureInfo.InvariantCulture);
        AuditLog.Append(db, time, user, ExportRead, entityType, view,
            full.Count == 0
                ? $"Xem danh sách có thông tin cá nhân đã che ({ViewName(view)}, {count} hồ sơ)."
                : $"Xem danh sách có thông tin cá nhân đầy đủ ({ViewName(view)}, {count} hồ sơ, {full.Count.ToString(CultureInfo.InvariantCulture)} hồ sơ không che).",
            new { view, masked = full.Count == 0, count = codes.Count, codes = codes.Take(5000), full = full.Take(5000) });
    }

    /// <summary>The view in the officer's words, as the audit summary prints it: never a slug of the code.</summary>
    public static string ViewName(string view) => view switch
    {
        "page" => "trang hồ sơ",
        "page-action" => "trang hồ sơ sau thao tác",
        "api" => "API",
        "api-action" => "API, kết quả thao tác",
        "register" => "sổ theo dõi",
        "register-excel" => "sổ theo dõi, Excel",
        "register-pdf" => "sổ theo dõi, PDF",
        "outbox-page" => "hàng đợi thông báo",
        "outbox-api" => "API hàng đợi thông báo",
        "feedback-page" => "trang phản ánh, kiến nghị",
        ReuseView => "sử dụng lại giấy tờ cho hồ sơ mới",
        "feedback-api" => "API phản ánh, kiến nghị",
        "feedback-attachment" => "tệp đính kèm phản ánh, kiến nghị",
        _ when view.StartsWith("form-pdf:", StringComparison.Ordinal) => DossierDocuments.DocumentName(view["form-pdf:".Length..]) + ", PDF",
        _ when view.StartsWith("form:", StringComparison.Ordinal) => DossierDocuments.DocumentName(view["form:".Length..]) + ", bản in",
        _ when view.StartsWith("form-sign:", StringComparison.Ordinal) => DossierDocuments.DocumentName(view["form-sign:".Length..]) + ", ký số",
        _ => view,
    };
}
