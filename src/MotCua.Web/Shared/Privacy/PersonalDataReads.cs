using System.Security.Claims;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Shared.Privacy;

/// <summary>
/// Audit entries for reads of personal data (Decree 13/2023/NĐ-CP): who saw whose data, where, masked or not.
/// The entry is only added; the caller saves it. Entries are written unsealed and hashed later by the sealer in id
/// order, so a read never waits on the chain and concurrent reads cannot fork it.
/// </summary>
public static class PersonalDataReads
{
    public const string DossierRead = "personal-data.read";
    public const string ExportRead = "personal-data.export";

    public static void Record(AppDbContext db, TimeProvider time, ClaimsPrincipal user, Dossier dossier, string view, bool masked) =>
        Record(db, time, user, dossier.Code, view, masked);

    public static void Record(AppDbContext db, TimeProvider time, ClaimsPrincipal user, string dossierCode, string view, bool masked) =>
        AuditLog.Append(db, time, user, DossierRead, nameof(Dossier), dossierCode,
            $"Xem thông tin người nộp hồ sơ {dossierCode} ({ViewName(view)}{(masked ? ", đã che" : "")}).",
            new { view, masked });

    public static void RecordFeedback(AppDbContext db, TimeProvider time, ClaimsPrincipal user, string feedbackCode, string view, bool masked) =>
        AuditLog.Append(db, time, user, DossierRead, "FeedbackItem", feedbackCode,
            $"Xem thông tin người gửi phản ánh, kiến nghị {feedbackCode} ({ViewName(view)}{(masked ? ", đã che" : "")}).", new { view, masked });

    /// <summary>An export with personal data in full: one entry listing the dossiers it contained.</summary>
    public static void RecordExport(AppDbContext db, TimeProvider time, ClaimsPrincipal user, string view, IReadOnlyCollection<string> codes) =>
        AuditLog.Append(db, time, user, ExportRead, "DossierRegister", view,
            $"Xuất sổ theo dõi hồ sơ có thông tin cá nhân đầy đủ ({ViewName(view)}, {codes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} hồ sơ).",
            new { view, count = codes.Count, codes = codes.Take(5000) });

    private static string ViewName(string view) => view switch
    {
        "page" => "trang hồ sơ",
        "api" => "API",
        "register" => "sổ theo dõi",
        "register-excel" => "sổ theo dõi, Excel",
        "register-pdf" => "sổ theo dõi, PDF",
        "feedback-page" => "trang phản ánh, kiến nghị",
        "feedback-api" => "API phản ánh, kiến nghị",
        "feedback-attachment" => "tệp đính kèm phản ánh, kiến nghị",
        _ => view,
    };
}
