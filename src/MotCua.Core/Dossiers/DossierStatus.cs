namespace MotCua.Core.Dossiers;

/// <summary>
/// Where a dossier is in its life. Processing steps are not statuses: <see cref="DossierState.CurrentStep"/> says which
/// step of the pinned process version an <see cref="InProcessing"/> dossier is at. National codes: <see cref="NationalStatus"/>.
/// </summary>
public enum DossierStatus
{
    /// <summary>Online form saved but not submitted (chưa nộp). Not synchronised to the national portal.</summary>
    Draft,

    /// <summary>Submitted online or by post, or being checked at the desk; not yet received (mới đăng ký).</summary>
    Submitted,

    /// <summary>Waiting for the applicant to supplement (chờ bổ sung), before or after receipt; see <see cref="DossierState.ResumeStatus"/>.</summary>
    AwaitingSupplement,

    /// <summary>Received at the desk with an appointment; not yet transferred to the processing unit (đã tiếp nhận).</summary>
    Received,

    /// <summary>Being handled at step <see cref="DossierState.CurrentStep"/> of the process (đang xử lý).</summary>
    InProcessing,

    /// <summary>Appraisal finished, waiting for the leader's decision (chờ phê duyệt).</summary>
    AwaitingApproval,

    /// <summary>Sent to another agency for its part (chuyển liên thông); still one dossier of the origin agency.</summary>
    AwaitingInterAgency,

    /// <summary>Waiting for the applicant to pay fees or taxes (chờ thực hiện nghĩa vụ tài chính); the clock stops.</summary>
    AwaitingFinancialObligation,

    /// <summary>Temporarily suspended by the competent body (tạm dừng giải quyết); the clock stops; resumable.</summary>
    Suspended,

    /// <summary>The result is issued and waits to be returned (đã có kết quả).</summary>
    ResultIssued,

    /// <summary>The result was returned to the applicant (đã trả kết quả). Terminal.</summary>
    Returned,

    /// <summary>Refused at receipt: outside competence or not eligible (từ chối tiếp nhận); never had an appointment. Terminal.</summary>
    Refused,

    /// <summary>Received, then refused after appraisal (từ chối giải quyết, hồ sơ trả lại). Terminal.</summary>
    RefusedAfterReceipt,

    /// <summary>Withdrawn by the applicant (rút hồ sơ). Terminal.</summary>
    Withdrawn,

    /// <summary>Processing stopped (dừng giải quyết, ND118 Art. 21; also a supplement never provided). Terminal.</summary>
    Stopped,
}

/// <summary>How the dossier was submitted (kênh nộp); numeric values are the TH-impl/portal channel codes [P].</summary>
public enum DossierChannel
{
    /// <summary>At the one-stop desk (trực tiếp).</summary>
    Direct = 1,

    /// <summary>Online through the national or provincial portal (trực tuyến).</summary>
    Online = 2,

    /// <summary>Public postal service (bưu chính công ích).</summary>
    Postal = 3,

    /// <summary>
    /// Received from the National Public Service Portal (Cổng Dịch vụ công quốc gia) as a channel of its own, apart from
    /// the agency's own online submission; only dossiers synchronised from that portal carry it.
    /// </summary>
    NationalPortal = 4,
}

/// <summary>How a result was handed over (hình thức trả kết quả).</summary>
public enum ResultDelivery
{
    /// <summary>At the one-stop desk.</summary>
    AtDesk,

    /// <summary>By public postal service.</summary>
    ByPost,

    /// <summary>Electronically (kết quả điện tử).</summary>
    Online,
}

/// <summary>What happens to the processing clock when a supplement requested after receipt comes in; set per procedure.</summary>
public enum SupplementClockPolicy
{
    /// <summary>The time limit is recounted from zero at resubmission (ND 297/2025 wording; the provincial default [U]).</summary>
    Restart,

    /// <summary>The waiting time is not counted: the due instant moves later by the working time paused.</summary>
    Pause,
}
