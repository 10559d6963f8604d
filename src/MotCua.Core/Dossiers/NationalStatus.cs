namespace MotCua.Core.Dossiers;

/// <summary>
/// A status code of the national public-service portal (Cổng DVCQG) feed, 1–10 (dossiers.md §3.2; the codes are those
/// of TH-impl and OpenCPS [P]; the national specification itself is [U]). The mapping is kept here, in one place.
/// </summary>
/// <param name="Code">1–10.</param>
/// <param name="Name">The Vietnamese name.</param>
public sealed record NationalStatus(int Code, string Name)
{
    /// <summary>1 — submitted online or by post, not yet checked.</summary>
    public static NationalStatus NewlyRegistered { get; } = new(1, "Mới đăng ký");

    /// <summary>2 — received, receipt issued, deadline fixed.</summary>
    public static NationalStatus Accepted { get; } = new(2, "Được tiếp nhận");

    /// <summary>3 — refused at receipt.</summary>
    public static NationalStatus NotAccepted { get; } = new(3, "Không được tiếp nhận");

    /// <summary>4 — under appraisal or processing.</summary>
    public static NationalStatus Processing { get; } = new(4, "Đang xử lý");

    /// <summary>5 — waiting for the applicant's supplement.</summary>
    public static NationalStatus SupplementRequested { get; } = new(5, "Yêu cầu bổ sung giấy tờ");

    /// <summary>6 — waiting for fees or financial obligations.</summary>
    public static NationalStatus FinancialObligation { get; } = new(6, "Yêu cầu thực hiện nghĩa vụ tài chính");

    /// <summary>7 — withdrawn, or returned to the applicant after failing appraisal.</summary>
    public static NationalStatus Withdrawn { get; } = new(7, "Công dân yêu cầu rút hồ sơ");

    /// <summary>8 — processing stopped.</summary>
    public static NationalStatus Stopped { get; } = new(8, "Dừng xử lý");

    /// <summary>9 — result ready.</summary>
    public static NationalStatus Resolved { get; } = new(9, "Đã xử lý xong");

    /// <summary>10 — result delivered.</summary>
    public static NationalStatus Returned { get; } = new(10, "Đã trả kết quả");

    /// <summary>The ten codes in order.</summary>
    public static IReadOnlyList<NationalStatus> All { get; } =
    [
        NewlyRegistered, Accepted, NotAccepted, Processing, SupplementRequested,
        FinancialObligation, Withdrawn, Stopped, Resolved, Returned,
    ];

    /// <summary>
    /// The code to synchronise for a status; null for <see cref="DossierStatus.Draft"/>, which is never sent.
    /// A temporary suspension and an inter-agency hand-over stay "4 Đang xử lý": code 8 is terminal on the portal and
    /// the liên thông dossier must remain one dossier of the origin agency [U: our choice].
    /// </summary>
    public static NationalStatus? From(DossierStatus status) => status switch
    {
        DossierStatus.Draft => null,
        DossierStatus.Submitted => NewlyRegistered,
        DossierStatus.Received => Accepted,
        DossierStatus.Refused => NotAccepted,
        DossierStatus.InProcessing or DossierStatus.AwaitingApproval or DossierStatus.AwaitingInterAgency
            or DossierStatus.Suspended => Processing,
        DossierStatus.AwaitingSupplement => SupplementRequested,
        DossierStatus.AwaitingFinancialObligation => FinancialObligation,
        DossierStatus.Withdrawn or DossierStatus.RefusedAfterReceipt => Withdrawn,
        DossierStatus.Stopped => Stopped,
        DossierStatus.ResultIssued => Resolved,
        DossierStatus.Returned => Returned,
    };

    /// <summary>The status for a code (1–10), or null for another number.</summary>
    public static NationalStatus? FromCode(int code) => code is >= 1 and <= 10 ? All[code - 1] : null;
}
