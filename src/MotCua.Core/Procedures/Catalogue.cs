namespace MotCua.Core.Procedures;

/// <summary>Mức độ dịch vụ công trực tuyến under Decree 42/2022 (toàn trình / một phần), or none.</summary>
public enum OnlineServiceLevel
{
    /// <summary>Not offered online (information only).</summary>
    None,

    /// <summary>Một phần: part of the procedure is done online.</summary>
    Partial,

    /// <summary>Toàn trình: the whole procedure is done online.</summary>
    Full,
}

/// <summary>Cấp thực hiện.</summary>
public enum ImplementationLevel
{
    Central,
    Province,

    /// <summary>District level existed until 30/6/2025; kept for historical records.</summary>
    District,
    Commune,
}

/// <summary>What a publication decision does to one procedure (ND63 Art. 14).</summary>
public enum PublicationAction
{
    /// <summary>Mới ban hành.</summary>
    New,

    /// <summary>Sửa đổi, bổ sung.</summary>
    Amended,

    /// <summary>Thay thế: a new procedure takes the place of another, which stops accepting dossiers.</summary>
    Replaced,

    /// <summary>Bãi bỏ, hủy bỏ.</summary>
    Abolished,
}

/// <summary>Who signed a publication decision (ND63 Art. 13).</summary>
public enum DecisionIssuer
{
    /// <summary>Bộ trưởng (ministry announcement).</summary>
    Minister,

    /// <summary>Chủ tịch UBND tỉnh.</summary>
    ProvincialChairman,

    /// <summary>A head the chairman delegated to, or another issuer.</summary>
    Other,
}

/// <summary>Đối tượng thực hiện, as flags because one procedure may serve several.</summary>
[Flags]
public enum ApplicantTypes
{
    None = 0,
    Citizen = 1,
    Enterprise = 2,
    Organisation = 4,
}
