using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;

namespace MotCua.Core.Reports;

/// <summary>The deadline and completion of one processing step, for evaluation indicator 2 (each unit's time).</summary>
public sealed record StepTiming(string UnitKey, DateTimeOffset DueAt, DateTimeOffset? DoneAt);

/// <summary>
/// One dossier as the reports see it: a plain projection the web layer builds from the dossier tables. Keys are stable
/// identifiers (ids or codes as strings); names are the ones pinned on the dossier (the procedure version it was
/// received under), so re-running a closed period gives the same names after the catalogue changes.
/// </summary>
/// <param name="Id">Dossier id (string form), listed by drill-downs.</param>
/// <param name="Code">Mã hồ sơ.</param>
/// <param name="AgencyKey">Receiving (lead) agency.</param>
/// <param name="AgencyName">Its name.</param>
/// <param name="UnitKey">Unit in charge of the procedure.</param>
/// <param name="UnitName">Its name.</param>
/// <param name="FieldKey">Lĩnh vực.</param>
/// <param name="FieldName">Its name.</param>
/// <param name="ProcedureKey">Procedure (stable across versions).</param>
/// <param name="ProcedureName">Its name as pinned on the dossier.</param>
/// <param name="Channel">Kênh nộp.</param>
/// <param name="ReceivedAt">Receipt instant; for a desk refusal, the submission instant.</param>
/// <param name="DueAt">
/// The legal due instant: the ORIGINAL appointment plus legal pauses (DossierState.DueAt), never the apology's new
/// date. Null for a desk refusal, and while an open pause holds the clock.
/// </param>
public sealed record DossierFact(
    string Id,
    string Code,
    string AgencyKey,
    string AgencyName,
    string UnitKey,
    string UnitName,
    string FieldKey,
    string FieldName,
    string ProcedureKey,
    string ProcedureName,
    DossierChannel Channel,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? DueAt)
{
    /// <summary>Result issued (Đã xử lý xong).</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Result handed over (Đã trả kết quả).</summary>
    public DateTimeOffset? ReturnedAt { get; init; }

    /// <summary>Withdrawn by the applicant.</summary>
    public DateTimeOffset? WithdrawnAt { get; init; }

    /// <summary>Refused after receipt (từ chối giải quyết / trả lại hồ sơ, national code 7).</summary>
    public DateTimeOffset? RefusedAt { get; init; }

    /// <summary>Refused at the desk check (không được tiếp nhận, code 3): never received, so outside Biểu 06's identity.</summary>
    public DateTimeOffset? DeskRefusedAt { get; init; }

    /// <summary>Processing stopped (dừng xử lý, code 8).</summary>
    public DateTimeOffset? StoppedAt { get; init; }

    /// <summary>The apology's new appointment: shown to people, never used to classify.</summary>
    public DateTimeOffset? RescheduledDueAt { get; init; }

    /// <summary>Online level of the procedure version the dossier was received under.</summary>
    public OnlineServiceLevel OnlineLevel { get; init; }

    /// <summary>Dossier components digitised (HoSoCoThanhPhanSoHoa).</summary>
    public bool ComponentsDigitised { get; init; }

    /// <summary>Result digitised (DaSoHoaKetQua).</summary>
    public bool ResultDigitised { get; init; }

    /// <summary>The result was issued as an electronic document (kết quả điện tử).</summary>
    public bool ElectronicResult { get; init; }

    /// <summary>The applicant reused previously digitised documents (tái sử dụng dữ liệu số hóa).</summary>
    public bool ReusedDigitisedData { get; init; }

    /// <summary>The dossier bears a fee or charge (phí, lệ phí).</summary>
    public bool FeeCharged { get; init; }

    /// <summary>The fee was paid online.</summary>
    public bool PaidOnline { get; init; }

    /// <summary>The national portal acknowledged the dossier's status and result.</summary>
    public bool SyncedToNationalPortal { get; init; }

    /// <summary>
    /// This record is a partner agency's view of another agency's inter-agency (liên thông) dossier. It is never
    /// counted: the dossier counts once, at the lead agency that received it.
    /// </summary>
    public bool InterAgencyPartnerCopy { get; init; }

    /// <summary>Migrated from a previous system; counted like any other dossier.</summary>
    public bool Imported { get; init; }

    /// <summary>Times the applicant had to come back to complete the dossier (evaluation indicator 3).</summary>
    public int SupplementRequests { get; init; }

    /// <summary>Bodies the applicant had to contact to complete the dossier, if recorded (evaluation indicator 4).</summary>
    public int? ContactedBodies { get; init; }

    /// <summary>A founded complaint about harassment or wrongdoing by staff (evaluation indicator 7).</summary>
    public bool MisconductComplaint { get; init; }

    /// <summary>Per-step deadlines (evaluation indicator 2); empty when not recorded.</summary>
    public IReadOnlyList<StepTiming> Steps { get; init; } = [];

    /// <summary>Whether the dossier takes part in Biểu 06 at all (received, not a partner copy).</summary>
    public bool IsCounted => !InterAgencyPartnerCopy && DeskRefusedAt is null;
}

/// <summary>Which instant ends a resolved dossier's clock in a report.</summary>
public enum CountFinishAt
{
    /// <summary>The result was issued (CompletedAt): dossiers.md §3.10's recommended rule; waiting for collection is not late.</summary>
    Completion,

    /// <summary>The result was handed over (ReturnedAt): TH-impl's rule and the one-stop queues' rule.</summary>
    Return,
}

/// <summary>Options of a dossier report.</summary>
public sealed record ReportOptions
{
    /// <summary>Which instant counts as finished; default <see cref="CountFinishAt.Completion"/>.</summary>
    public CountFinishAt CountFinishAt { get; init; } = CountFinishAt.Completion;

    /// <summary>The default options.</summary>
    public static ReportOptions Default { get; } = new();

    /// <summary>The sentence the report prints to say which instant counts.</summary>
    public string FinishRuleText => CountFinishAt switch
    {
        CountFinishAt.Completion => "Hồ sơ được tính là đã giải quyết tại thời điểm có kết quả giải quyết (kết thúc xử lý); " +
            "trước hạn, đúng hạn, quá hạn được xác định so với thời hạn trả kết quả ghi trên giấy tiếp nhận ban đầu, không tính ngày hẹn lại.",
        CountFinishAt.Return => "Hồ sơ được tính là đã giải quyết tại thời điểm trả kết quả cho tổ chức, cá nhân; " +
            "trước hạn, đúng hạn, quá hạn được xác định so với thời hạn trả kết quả ghi trên giấy tiếp nhận ban đầu, không tính ngày hẹn lại.",
    };
}

/// <summary>How a dossier entered a period: from the previous period or received in it.</summary>
public enum PeriodOpening
{
    /// <summary>Từ kỳ trước chuyển qua.</summary>
    CarriedOver,

    /// <summary>Tiếp nhận trực tuyến.</summary>
    ReceivedOnline,

    /// <summary>Tiếp nhận trực tiếp.</summary>
    ReceivedDirect,

    /// <summary>Tiếp nhận qua dịch vụ bưu chính công ích.</summary>
    ReceivedPostal,
}

/// <summary>Where a dossier stands at the end of a period. Exactly one per counted dossier.</summary>
public enum PeriodClosing
{
    /// <summary>Giải quyết trước hạn.</summary>
    ResolvedEarly,

    /// <summary>Giải quyết đúng hạn.</summary>
    ResolvedOnTime,

    /// <summary>Giải quyết quá hạn.</summary>
    ResolvedLate,

    /// <summary>Đang giải quyết, trong hạn.</summary>
    PendingWithinTime,

    /// <summary>Đang giải quyết, quá hạn.</summary>
    PendingOverdue,

    /// <summary>Rút hồ sơ.</summary>
    Withdrawn,

    /// <summary>Từ chối giải quyết sau tiếp nhận.</summary>
    Refused,

    /// <summary>Dừng xử lý.</summary>
    Stopped,
}

/// <summary>A dossier's place in one period's report: one opening column and one closing column.</summary>
public readonly record struct PeriodStanding(PeriodOpening Opening, PeriodClosing Closing, DateTimeOffset? FinishedAt)
{
    /// <summary>Resolved in the period (early, on time or late).</summary>
    public bool IsResolved => Closing is PeriodClosing.ResolvedEarly or PeriodClosing.ResolvedOnTime or PeriodClosing.ResolvedLate;

    /// <summary>Still pending at the period's end.</summary>
    public bool IsPending => Closing is PeriodClosing.PendingWithinTime or PeriodClosing.PendingOverdue;

    /// <summary>Received in the period (not carried over).</summary>
    public bool IsReceived => Opening != PeriodOpening.CarriedOver;

    /// <summary>Resolved timeliness, for resolved standings.</summary>
    public ResolutionTimeliness? Timeliness => Closing switch
    {
        PeriodClosing.ResolvedEarly => ResolutionTimeliness.Early,
        PeriodClosing.ResolvedOnTime => ResolutionTimeliness.OnTime,
        PeriodClosing.ResolvedLate => ResolutionTimeliness.Late,
        _ => null,
    };
}
