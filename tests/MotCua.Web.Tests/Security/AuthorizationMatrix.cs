using System.Text.RegularExpressions;

namespace MotCua.Web.Tests.Security;

/// <summary>Who may use an endpoint. Roles are the demo users' roles; scope by agency/unit is tested per feature.</summary>
public sealed record Access(string Who, bool Public, IReadOnlyList<string> Users, bool SkipProbe = false)
{
    public bool Allows(string user) => Public || (user.Length > 0 && (Users.Count == 0 || Users.Contains(user)));
}

/// <summary>
/// The authorisation matrix: every route with the identities allowed. Demo users: admin (Admin), motcua (OneStopOfficer),
/// chuyenvien (Specialist), lanhdao (Leader), daumoi (ControlFocalOfficer). Documented in docs/authorization.md.
/// </summary>
public static partial class AuthorizationMatrix
{
    private static readonly Access Anyone = new("Công khai", true, []);
    private static readonly Access Officers = new("Mọi cán bộ", false, []);
    private static readonly Access Admin = new("Quản trị", false, ["admin"]);
    private static readonly Access Managers = new("Quản trị, đầu mối KSTTHC", false, ["admin", "daumoi"]);
    private static readonly Access DeskAndAdmin = new("Một cửa, quản trị", false, ["admin", "motcua"]);
    private static readonly Access Readers = new("Quản trị, đầu mối KSTTHC, lãnh đạo", false, ["admin", "daumoi", "lanhdao"]);

    /// <summary>(method or *, route pattern) → access. Route patterns as the app declares them.</summary>
    public static readonly IReadOnlyDictionary<string, Access> Rules = new Dictionary<string, Access>(StringComparer.Ordinal)
    {
        // Shell and identity
        ["* /"] = Anyone,
        ["* /loi"] = Anyone,
        ["* /dang-nhap"] = Anyone,
        ["* /dang-xuat"] = Anyone,
        ["* /dang-nhap/ma-xac-thuc"] = Anyone,
        ["* /tai-khoan/doi-mat-khau"] = Officers,
        ["* /tai-khoan/xac-thuc-hai-buoc"] = Officers,
        ["* /khong-co-quyen"] = Anyone with { SkipProbe = true }, // answers 403 on purpose: it is the refusal page
        ["GET /health"] = Anyone,
        ["GET /openapi/{documentName}.json"] = Anyone,
        ["POST /api/auth/token"] = Anyone with { SkipProbe = true }, // rate-limited; covered by TokenApiTests
        ["* /can-bo"] = Officers,
        ["GET /api/units/"] = Officers,
        ["* /quan-tri/don-vi"] = Admin,
        ["* /quan-tri/tai-khoan"] = Admin,
        ["* /quan-tri/tai-khoan/co-quan-khac"] = Admin,
        ["* /quan-tri/nhat-ky"] = Admin,
        ["* /quan-tri/co-quan"] = Admin,
        ["* /quan-tri/co-quan/hop-nhat"] = Admin,
        ["* /quan-tri/don-vi/sap-nhap"] = Admin,
        // Calendar
        ["GET /api/calendar/{year}"] = Anyone,
        ["GET /api/calendar/lunar/{date}"] = Anyone,
        ["GET /api/calendar/due"] = Anyone,
        ["POST /api/calendar/schedules"] = Admin,
        ["* /lich-lam-viec"] = Officers,
        ["* /lich-lam-viec/tinh-han"] = Officers,
        ["* /lich-lam-viec/tinh-lai-han"] = Admin,
        ["* /phap-ly/can-cu"] = Managers,
        // Catalogue
        ["GET /api/procedures/"] = Anyone,
        ["GET /api/procedures/{code}"] = Anyone,
        ["* /thu-tuc"] = Anyone,
        ["* /thu-tuc/{code}"] = Anyone,
        ["* /thu-tuc/danh-sach/{kind}"] = Anyone,
        ["GET /thu-tuc/{code}/mau/{paperId:int}"] = Anyone,
        ["GET /quan-tri/thu-tuc/mau/{paperId:int}"] = Managers,
        ["GET /api/catalogue/export"] = Managers,
        ["GET /api/catalogue/import/{jobId:guid}"] = Managers,
        ["* /quan-tri/thu-tuc"] = Managers,
        ["* /quan-tri/thu-tuc/nhap"] = Managers,
        ["* /quan-tri/thu-tuc/quyet-dinh"] = Managers,
        ["* /quan-tri/thu-tuc/sua/{id:int?}"] = Managers,
        ["* /quan-tri/thu-tuc/{id:int}"] = Managers,
        ["* /quan-tri/thu-tuc/{id:int}/quy-trinh"] = Managers,
        // Plans, review, inspections
        ["GET /api/plans/"] = Officers,
        ["GET /api/plans/{id:int}"] = Officers,
        ["GET /api/plans/{id:int}/tasks"] = Officers,
        ["* /ke-hoach"] = Officers,
        ["* /ke-hoach/{id:int}"] = Officers,
        ["* /ke-hoach/nhiem-vu/{id:int}"] = Officers,
        ["* /ke-hoach/nhap"] = Managers,
        ["* /ke-hoach/sua/{id:int?}"] = Managers,
        ["* /ke-hoach/{planId:int}/nhiem-vu/sua/{taskId:int?}"] = Managers,
        ["* /ke-hoach/{id:int}/theo-don-vi"] = Readers,
        ["* /ra-soat"] = Readers,
        ["* /ra-soat/{id:int}"] = Readers,
        ["* /ra-soat/muc/{id:int}"] = Readers,
        ["* /ra-soat/tinh-chi-phi"] = Officers,
        ["* /danh-gia-tac-dong"] = Readers,
        ["* /kiem-tra"] = Readers,
        // Dossiers
        ["* /mot-cua"] = new("Một cửa, quản trị", false, ["admin", "motcua"]),
        // Online payment: the citizen's pages open with the dossier's second factor or the payment's random reference; the gateway's IPN with its signature.
        ["* /thanh-toan"] = Anyone,
        ["* /thanh-toan/ket-qua"] = Anyone,
        ["GET /thanh-toan/bien-lai/{reference}"] = Anyone,
        ["GET /api/payments/ipn"] = Anyone,
        ["* /thanh-toan/hoan-tien"] = new("Một cửa, quản trị", false, ["admin", "motcua"]),
        ["* /thanh-toan/doi-soat"] = new("Một cửa, quản trị", false, ["admin", "motcua"]),
        ["GET /api/payments/reconciliation"] = new("Một cửa, quản trị", false, ["admin", "motcua"]), // as /thanh-toan/doi-soat
        ["* /mot-cua/tiep-nhan"] = new("Một cửa", false, ["motcua"]),
        ["* /mot-cua/tiep-nhan/sua/{code}"] = new("Một cửa", false, ["motcua"]),
        ["* /mot-cua/tiep-nhan-ho/{code?}"] = new("Một cửa", false, ["motcua"]),
        ["* /mot-cua/ho-so-giay-tiep-nhan-ho"] = new("Một cửa", false, ["motcua"]),
        ["* /quan-tri/tiep-nhan-khong-phu-thuoc-dia-gioi"] = Admin,
        ["* /quan-tri/thoi-han-ban-giao-ho-so-giay"] = Admin,
        ["* /quan-tri/co-quan/danh-sach"] = Admin,
        ["GET /api/catalogue/procedures/{code}/deadline-preview"] = new("Một cửa", false, ["motcua"]), // as /mot-cua/tiep-nhan
        ["* /ho-so/hang-doi"] = Officers,
        ["* /ho-so/nhap"] = Admin,
        ["* /ho-so/so-theo-doi"] = new("Một cửa, quản trị, lãnh đạo, đầu mối", false, ["admin", "motcua", "lanhdao", "daumoi"]),
        // Reports: every officer may read
        ["* /bao-cao"] = Officers,
        ["* /bao-cao/ho-so"] = Officers,
        ["GET /api/reports/dossiers"] = Officers,
        ["* /ho-so/qua-han"] = new("Lãnh đạo, một cửa, quản trị", false, ["admin", "motcua", "lanhdao"]),
        ["* /ho-so/{code}"] = Officers,
        ["* /ho-so/{code}/bieu-mau/{form}"] = Officers,
        ["* /ho-so/{code}/bieu-mau/{form}/ky-so"] = Officers,
        ["* /ho-so/{code}/da-thong-bao-bo-sung"] = new("Một cửa", false, ["motcua"]),
        ["* /ho-so/{code}/bo-sung/danh-gia"] = new("Một cửa, chuyên viên", false, ["motcua", "chuyenvien"]),
        ["POST /api/dossiers/"] = new("Một cửa", false, ["motcua"]), // as /mot-cua/tiep-nhan (PageApiParityTests)
        ["GET /api/dossiers/"] = Officers,
        ["GET /api/dossiers/{code}"] = Officers,
        ["POST /api/dossiers/{code}/actions"] = Officers,
        ["GET /api/dossiers/{code}/forms/{form}"] = Officers,
        ["GET /api/dossiers/{code}/files"] = Officers,
        ["GET /api/dossiers/{code}/files/{id:long}"] = Officers,
        ["POST /api/dossiers/{code}/result-handback/sent"] = new("Một cửa", false, ["motcua"]), // as /mot-cua/ho-so-giay-tiep-nhan-ho
        ["POST /api/dossiers/{code}/result-handback/received"] = new("Một cửa", false, ["motcua"]), // as /mot-cua/tiep-nhan-ho/{code?}
        ["POST /api/dossiers/{code}/result-handback/returned"] = new("Một cửa", false, ["motcua"]), // as /mot-cua/tiep-nhan-ho/{code?}
        ["POST /api/dossiers/{code}/result-handback/collect-at-agency"] = new("Một cửa", false, ["motcua"]), // as /mot-cua/ho-so-giay-tiep-nhan-ho
        ["* /mot-cua/tiep-nhan-ho/{code}/tep"] = new("Một cửa", false, ["motcua"]),
        ["POST /api/dossiers/import"] = Admin, // as /ho-so/nhap: imported dossiers count in Biểu 06
        // Citizens, feedback and news
        ["* /nop-truc-tuyen"] = Anyone,
        ["* /thong-ke"] = Anyone,
        ["* /tra-cuu/{code?}"] = Anyone,
        ["* /tra-cuu-ket-qua/{code?}"] = Anyone, // rate-limited like the look-up; shows no personal data
        ["* /ket-qua-dien-tu/{code?}"] = Anyone, // the look-up's second factor guards the file
        ["* /ket-qua-ho-so"] = Officers, // each handler checks the role (record: specialist; sign, revoke: leader)
        ["GET /ket-qua-ho-so/{id:int}/tep"] = Officers with { SkipProbe = true }, // the dossier's scope decides; covered by ResultSigningTests
        ["GET /api/public/dossiers/{code}"] = Anyone,
        ["POST /api/public/dossiers/{code}/evaluation"] = Anyone,
        ["GET /api/public/dossiers/{code}/forecast"] = Anyone, // after the second factor, rate-limited like the look-up
        ["GET /api/public/dossiers/{code}/readers"] = Anyone, // after the second factor, rate-limited like the look-up
        ["GET /api/public/statistics"] = Anyone, // the public results per period, as /thong-ke shows them
        ["GET /api/public/evaluation/questions"] = Anyone, // the questionnaire in force, for API clients that submit ballots
        ["* /phan-anh-kien-nghi"] = Anyone,
        ["* /phan-anh-kien-nghi/da-tra-loi"] = Anyone,
        ["* /phan-anh-kien-nghi/tra-cuu"] = Anyone,
        ["POST /api/public/feedback/"] = Anyone,
        ["GET /api/public/feedback/"] = Anyone,
        ["GET /api/public/feedback/{code}"] = Anyone,
        ["* /cai-cach-hanh-chinh/{id:long?}"] = Anyone,
        ["* /pakn"] = Officers,
        ["* /pakn/{id:long}"] = Officers,
        ["GET /api/feedback/"] = Officers,
        ["GET /api/feedback/{code}"] = Officers,
        ["POST /api/feedback/{code}/actions"] = Officers,
        ["* /tin-bai"] = Officers,
        // Decision 766 index, targets, dashboard, one-stop scoring
        ["GET /api/indices/766"] = Officers,
        ["* /chi-so-766"] = Officers,
        ["* /doi-soat"] = Officers,
        ["* /quan-tri/cong-dvcqg"] = DeskAndAdmin,
        ["GET /api/national/inbound/"] = DeskAndAdmin,
        ["POST /api/national/inbound/poll"] = DeskAndAdmin,
        ["POST /api/national/inbound/{id:int}/reject"] = DeskAndAdmin,
        ["POST /api/national/inbound/{id:int}/reprocess"] = DeskAndAdmin,
        ["* /cong-dan/dang-nhap"] = Anyone,
        ["* /cong-dan/dang-xuat"] = Anyone,
        // The citizen's own session (VNeID), never an officer's: VNeIDLoginTests probes both ways.
        ["* /cong-dan/ho-so-cua-toi"] = new("Công dân đăng nhập VNeID", false, ["(không cán bộ nào)"], SkipProbe: true),
        // The documents held for the logged-in citizen, for reuse: DocumentReuseTests probes officers, tokens and other citizens.
        ["GET /api/citizen/documents/"] = new("Công dân đăng nhập VNeID", false, ["(không cán bộ nào)"], SkipProbe: true),
        ["GET /api/citizen/documents/{key}/file"] = new("Công dân đăng nhập VNeID", false, ["(không cán bộ nào)"], SkipProbe: true),
        // Results returned by post: the desk asks for the pickup; the carrier's tracking callback is signed (PostalTests try forged ones).
        ["* /buu-chinh/yeu-cau-lay"] = new("Một cửa", false, ["motcua"]),
        ["POST /api/dossiers/{code}/postal/pickup"] = new("Một cửa", false, ["motcua"]), // as /buu-chinh/yeu-cau-lay
        ["POST /api/dossiers/{code}/postal/dossier-pickup"] = new("Một cửa", false, ["motcua"]), // as /buu-chinh/yeu-cau-lay with Kind=ho-so
        ["POST /api/postal/callback"] = Anyone with { SkipProbe = true },
        ["GET /api/reconciliation/"] = Officers,
        ["POST /api/reconciliation/{code}/resend"] = Managers,
        ["POST /api/reconciliation/{code}/explain"] = Managers,
        ["* /chi-so-766/{indicator}"] = Officers,
        ["* /chi-so-766/nhap-diem"] = Managers,
        ["* /chi-tieu"] = Officers,
        ["* /bang-dieu-khien"] = Officers,
        ["* /cham-diem-mot-cua"] = Officers,
        // Notifications and integrations
        ["* /thong-bao"] = Officers,
        ["* /quan-tri/hang-doi-thong-bao"] = Admin,
        ["* /quan-tri/mau-thong-bao"] = Admin,
        ["* /quan-tri/webhook"] = Admin,
        ["* /quan-tri/du-lieu-ca-nhan"] = Admin,
        ["* /quan-tri/yeu-cau-chu-the-du-lieu"] = Managers,
        ["* /quan-tri/yeu-cau-chu-the-du-lieu/{code}"] = Managers,
        ["* /quan-tri/vi-pham-du-lieu-ca-nhan"] = Admin,
        ["* /quyen-du-lieu-ca-nhan"] = Anyone, // rate-limited; shows nothing of anyone without the record's second factor
        ["* /quyen-du-lieu-ca-nhan/theo-doi"] = Anyone, // rate-limited; a request shows only with the factor it was sent with
        ["POST /api/public/privacy-requests/"] = Anyone,
        ["POST /api/public/privacy-requests/follow"] = Anyone,
        ["GET /api/admin/outbox/"] = Admin,
        ["POST /api/admin/outbox/{id:guid}/replay"] = Admin,
    };

    public static Access? Find(string method, string pattern) =>
        Rules.GetValueOrDefault(method + " " + pattern) ?? Rules.GetValueOrDefault("* " + pattern);

    /// <summary>A concrete URL for a pattern, with sample values for its parameters.</summary>
    public static string SampleUrl(string pattern) => ParameterRegex().Replace(pattern, m => m.Groups[2].Value.StartsWith(":guid", StringComparison.Ordinal)
        ? "00000000-0000-0000-0000-000000000001"
        : m.Groups[1].Value.ToLowerInvariant() switch
        {
            "year" => "2025",
            "date" => "2025-01-29",
            "documentname" => "v1",
            "code" => "1.001770",
            "kind" => "mot-cua",
            "form" => "tiep-nhan",
            "jobid" => "00000000-0000-0000-0000-000000000001",
            "id" => "1",
            _ => "1",
        }).Replace("/?", "/", StringComparison.Ordinal);

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z]+)((?::[^}?]*)?)\??\}")]
    private static partial Regex ParameterRegex();
}
