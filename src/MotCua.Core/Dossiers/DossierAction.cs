namespace MotCua.Core.Dossiers;

/// <summary>Everything anyone can do to a dossier. Every status change is one of these, through <see cref="DossierStateMachine"/>.</summary>
public enum DossierAction
{
    /// <summary>The applicant submits an online draft (nộp hồ sơ).</summary>
    Submit,

    /// <summary>The desk finds the dossier complete: receipt slip, code, appointment; the clock starts (tiếp nhận).</summary>
    Receive,

    /// <summary>Ask for supplement (yêu cầu bổ sung, hoàn thiện): at the desk check, or after appraisal. Once per dossier.</summary>
    RequestSupplement,

    /// <summary>The applicant hands in the supplement (nộp bổ sung).</summary>
    ResubmitSupplement,

    /// <summary>Refuse: at the desk (từ chối tiếp nhận) or after appraisal by the leader (từ chối giải quyết).</summary>
    Refuse,

    /// <summary>The desk hands the received dossier to the processing unit: step 0 starts (chuyển xử lý).</summary>
    Transfer,

    /// <summary>Assign (or reassign) the dossier to a specialist (phân công).</summary>
    Assign,

    /// <summary>Hand over to the next processing step (chuyển bước tiếp theo); not from the last step.</summary>
    Forward,

    /// <summary>Finish appraisal at the last step and submit to the leader (thẩm định, trình phê duyệt).</summary>
    Appraise,

    /// <summary>Send back to an earlier step, with a reason (trả lại bước trước).</summary>
    ReturnToPreviousStep,

    /// <summary>The leader approves and signs: the result is issued (phê duyệt, có kết quả).</summary>
    Approve,

    /// <summary>The leader does not approve: back to the last step, with a reason (không phê duyệt).</summary>
    Reject,

    /// <summary>Hand the result to the applicant (trả kết quả); ends the on-time count.</summary>
    Return,

    /// <summary>The applicant withdraws the dossier (rút hồ sơ); allowed until the result is returned.</summary>
    Withdraw,

    /// <summary>Wait for fees or taxes (chờ nghĩa vụ tài chính); the clock stops.</summary>
    PauseForFinancialObligation,

    /// <summary>Fees or taxes paid; the clock runs again.</summary>
    ResumeAfterFinancialObligation,

    /// <summary>Suspend processing temporarily (tạm dừng); the clock stops.</summary>
    Suspend,

    /// <summary>Resume a suspended dossier (tiếp tục giải quyết).</summary>
    Resume,

    /// <summary>Stop processing for good (dừng giải quyết, Thông báo dừng giải quyết hồ sơ).</summary>
    Stop,

    /// <summary>Apologise and give a new appointment (xin lỗi, hẹn lại); once per dossier; lateness still counts from the original.</summary>
    ApologyReschedule,

    /// <summary>Send to another agency for its part (chuyển liên thông).</summary>
    TransferInterAgency,

    /// <summary>The other agency's part came back (nhận kết quả liên thông).</summary>
    ReceiveInterAgencyResult,

    /// <summary>Record that the result was digitised (số hóa kết quả); a flag, not a status.</summary>
    DigitiseResult,
}
