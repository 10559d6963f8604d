namespace MotCua.Core.Dossiers;

/// <summary>Vietnamese names of statuses, actions and roles, for pages, the history log and refusal messages.</summary>
public static class DossierText
{
    /// <summary>The status as users read it ("Đang xử lý").</summary>
    public static string Name(DossierStatus status) => status switch
    {
        DossierStatus.Draft => "Chưa nộp",
        DossierStatus.Submitted => "Mới đăng ký, chờ tiếp nhận",
        DossierStatus.AwaitingSupplement => "Chờ bổ sung hồ sơ",
        DossierStatus.Received => "Đã tiếp nhận",
        DossierStatus.InProcessing => "Đang xử lý",
        DossierStatus.AwaitingApproval => "Chờ phê duyệt",
        DossierStatus.AwaitingInterAgency => "Đang xử lý liên thông",
        DossierStatus.AwaitingFinancialObligation => "Chờ thực hiện nghĩa vụ tài chính",
        DossierStatus.Suspended => "Tạm dừng giải quyết",
        DossierStatus.ResultIssued => "Đã có kết quả",
        DossierStatus.Returned => "Đã trả kết quả",
        DossierStatus.Refused => "Từ chối tiếp nhận",
        DossierStatus.RefusedAfterReceipt => "Từ chối giải quyết",
        DossierStatus.Withdrawn => "Đã rút hồ sơ",
        DossierStatus.Stopped => "Dừng giải quyết",
    };

    /// <summary>The action as a button label ("Tiếp nhận").</summary>
    public static string Name(DossierAction action) => action switch
    {
        DossierAction.Submit => "Nộp hồ sơ",
        DossierAction.Receive => "Tiếp nhận",
        DossierAction.RequestSupplement => "Yêu cầu bổ sung",
        DossierAction.ResubmitSupplement => "Nộp bổ sung",
        DossierAction.Refuse => "Từ chối",
        DossierAction.Transfer => "Chuyển xử lý",
        DossierAction.Assign => "Phân công",
        DossierAction.Forward => "Chuyển bước tiếp theo",
        DossierAction.Appraise => "Trình phê duyệt",
        DossierAction.ReturnToPreviousStep => "Trả lại bước trước",
        DossierAction.Approve => "Phê duyệt",
        DossierAction.Reject => "Không phê duyệt",
        DossierAction.Return => "Trả kết quả",
        DossierAction.Withdraw => "Rút hồ sơ",
        DossierAction.PauseForFinancialObligation => "Chờ nghĩa vụ tài chính",
        DossierAction.ResumeAfterFinancialObligation => "Đã hoàn thành nghĩa vụ tài chính",
        DossierAction.Suspend => "Tạm dừng",
        DossierAction.Resume => "Tiếp tục giải quyết",
        DossierAction.Stop => "Dừng giải quyết",
        DossierAction.ApologyReschedule => "Xin lỗi và hẹn lại",
        DossierAction.TransferInterAgency => "Chuyển liên thông",
        DossierAction.ReceiveInterAgencyResult => "Nhận kết quả liên thông",
        DossierAction.DigitiseResult => "Số hóa kết quả",
    };

    /// <summary>A role's display name; unknown roles are returned as given.</summary>
    public static string RoleName(string role) => role switch
    {
        DossierRoles.OneStopOfficer => "Cán bộ một cửa",
        DossierRoles.Specialist => "Chuyên viên",
        DossierRoles.Leader => "Lãnh đạo",
        DossierRoles.Admin => "Quản trị hệ thống",
        DossierRoles.Applicant => "Người nộp hồ sơ",
        DossierRoles.PostalCarrier => "Bưu chính công ích",
        _ => role,
    };

    // "Hồ sơ {phrase}, không thể {verb}." — e.g. "Hồ sơ đã trả kết quả, không thể yêu cầu bổ sung."
    internal static string StatePhrase(DossierStatus status) => status switch
    {
        DossierStatus.Draft => "chưa được nộp",
        DossierStatus.Submitted => "đang chờ kiểm tra tiếp nhận",
        DossierStatus.AwaitingSupplement => "đang chờ bổ sung",
        DossierStatus.Received => "đã tiếp nhận, chưa chuyển xử lý",
        DossierStatus.InProcessing => "đang được xử lý",
        DossierStatus.AwaitingApproval => "đang chờ lãnh đạo phê duyệt",
        DossierStatus.AwaitingInterAgency => "đang được xử lý liên thông",
        DossierStatus.AwaitingFinancialObligation => "đang chờ thực hiện nghĩa vụ tài chính",
        DossierStatus.Suspended => "đang tạm dừng giải quyết",
        DossierStatus.ResultIssued => "đã có kết quả",
        DossierStatus.Returned => "đã trả kết quả",
        DossierStatus.Refused => "đã bị từ chối tiếp nhận",
        DossierStatus.RefusedAfterReceipt => "đã bị từ chối giải quyết",
        DossierStatus.Withdrawn => "đã được rút",
        DossierStatus.Stopped => "đã dừng giải quyết",
    };

    internal static string Verb(DossierAction action) => action switch
    {
        DossierAction.Submit => "nộp hồ sơ",
        DossierAction.Receive => "tiếp nhận",
        DossierAction.RequestSupplement => "yêu cầu bổ sung",
        DossierAction.ResubmitSupplement => "nộp bổ sung",
        DossierAction.Refuse => "từ chối",
        DossierAction.Transfer => "chuyển xử lý",
        DossierAction.Assign => "phân công",
        DossierAction.Forward => "chuyển bước tiếp theo",
        DossierAction.Appraise => "trình phê duyệt",
        DossierAction.ReturnToPreviousStep => "trả lại bước trước",
        DossierAction.Approve => "phê duyệt",
        DossierAction.Reject => "trả lại để xử lý lại",
        DossierAction.Return => "trả kết quả",
        DossierAction.Withdraw => "rút hồ sơ",
        DossierAction.PauseForFinancialObligation => "chuyển chờ thực hiện nghĩa vụ tài chính",
        DossierAction.ResumeAfterFinancialObligation => "ghi nhận hoàn thành nghĩa vụ tài chính",
        DossierAction.Suspend => "tạm dừng giải quyết",
        DossierAction.Resume => "tiếp tục giải quyết",
        DossierAction.Stop => "dừng giải quyết",
        DossierAction.ApologyReschedule => "hẹn lại ngày trả kết quả",
        DossierAction.TransferInterAgency => "chuyển liên thông",
        DossierAction.ReceiveInterAgencyResult => "nhận kết quả liên thông",
        DossierAction.DigitiseResult => "số hóa kết quả",
    };

    internal static string NotAllowed(DossierStatus status, DossierAction action) =>
        "Hồ sơ " + StatePhrase(status) + ", không thể " + Verb(action) + ".";
}
