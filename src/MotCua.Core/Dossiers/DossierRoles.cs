namespace MotCua.Core.Dossiers;

/// <summary>
/// Who may act, as the role strings of the web app (<c>MotCua.Web.Features.Identity.Roles</c>) plus
/// <see cref="Applicant"/> for the citizen on the public portal. Compared ordinally.
/// </summary>
public static class DossierRoles
{
    /// <summary>Cán bộ một cửa.</summary>
    public const string OneStopOfficer = "OneStopOfficer";

    /// <summary>Chuyên viên.</summary>
    public const string Specialist = "Specialist";

    /// <summary>Lãnh đạo.</summary>
    public const string Leader = "Leader";

    /// <summary>Quản trị hệ thống: only redistributes work (Assign); never decides a dossier.</summary>
    public const string Admin = "Admin";

    /// <summary>The applicant (tổ chức, cá nhân), acting through the public portal; not an officer role.</summary>
    public const string Applicant = "Applicant";

    /// <summary>The payment gateway's verified message, applied by the system: it only records a fee paid online.</summary>
    public const string PaymentGateway = "PaymentGateway";

    /// <summary>The postal carrier's verified tracking report, applied by the system: it only returns a result delivered by post.</summary>
    public const string PostalCarrier = "PostalCarrier";
}
