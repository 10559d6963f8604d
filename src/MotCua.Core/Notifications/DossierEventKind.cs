namespace MotCua.Core.Notifications;

/// <summary>What happened to a dossier, as far as notifications and integrations care.</summary>
public enum DossierEventKind
{
    /// <summary>Received at the desk (tiếp nhận): citizen receipt message, national "created" sync.</summary>
    Received,

    /// <summary>Supplement requested (yêu cầu bổ sung).</summary>
    SupplementRequested,

    /// <summary>Result ready for collection (có kết quả).</summary>
    ResultReady,

    /// <summary>Result returned to the applicant (đã trả kết quả) or the dossier handed back.</summary>
    Returned,

    /// <summary>The dossier entered a unit's or a specialist's queue.</summary>
    EnteredQueue,

    /// <summary>The deadline is near (configurable number of working days before).</summary>
    DueSoon,

    /// <summary>The deadline has passed without a result.</summary>
    Overdue,

    /// <summary>Any status change that the national portal must learn.</summary>
    StatusChanged,

    /// <summary>A result document was issued.</summary>
    ResultIssued,

    /// <summary>Submitted online, waiting for the desk check (xác nhận nộp hồ sơ trực tuyến): citizen confirmation.</summary>
    OnlineSubmitted,

    /// <summary>
    /// The same submission as the desk hears of it (hồ sơ trực tuyến chờ kiểm tra): an online dossier is in no unit's
    /// queue until it is received, and the desk must receive it or ask for a supplement within its check time.
    /// </summary>
    AwaitingCheck,

    /// <summary>Submitted for approval (trình phê duyệt): the leader who decides hears of it, or nobody acts on it.</summary>
    AwaitingApproval,

    /// <summary>The result is approved and back at the desk (có kết quả chờ trả): the desk returns it to the applicant.</summary>
    ResultAtDesk,

    /// <summary>
    /// The processing body asked for a supplement and the applicant has not been told of it as the desk's notice limit
    /// nears or passes (hạn thông báo yêu cầu bổ sung): the desk must notify the applicant.
    /// </summary>
    SupplementNoticeDue,

    /// <summary>The result of a dossier received at a centre for another agency is back at that centre, ready to collect.</summary>
    ResultAtCentre,

    /// <summary>The result sent by post came back (chuyển hoàn): the desk hands it over at the desk or sends it again.</summary>
    PostalReturned,

    /// <summary>The applicant's paper dossier fetched by the postal carrier reached the desk: the desk checks it.</summary>
    PostalPapersArrived,

    /// <summary>The postal carrier could not bring the applicant's paper dossier to the desk: the desk calls the applicant.</summary>
    PostalPickupReturned,
}

/// <summary>Who hears about an event. One table, so that adding a kind is a build error until it is routed (CS8509).</summary>
[Flags]
public enum EventAudience
{
    None = 0,
    Citizen = 1,
    Officer = 2,
    NationalPortal = 4,
    Webhook = 8,
}

public static class EventRouting
{
    public static EventAudience AudienceOf(DossierEventKind kind) => kind switch
    {
        DossierEventKind.Received => EventAudience.Citizen | EventAudience.NationalPortal | EventAudience.Webhook,
        DossierEventKind.SupplementRequested => EventAudience.Citizen | EventAudience.NationalPortal | EventAudience.Webhook,
        DossierEventKind.ResultReady => EventAudience.Citizen | EventAudience.NationalPortal | EventAudience.Webhook,
        DossierEventKind.Returned => EventAudience.Citizen | EventAudience.NationalPortal | EventAudience.Webhook,
        DossierEventKind.EnteredQueue => EventAudience.Officer | EventAudience.Webhook,
        DossierEventKind.DueSoon => EventAudience.Officer,
        DossierEventKind.Overdue => EventAudience.Officer | EventAudience.Webhook,
        DossierEventKind.StatusChanged => EventAudience.NationalPortal | EventAudience.Webhook,
        DossierEventKind.ResultIssued => EventAudience.NationalPortal | EventAudience.Webhook,
        DossierEventKind.OnlineSubmitted => EventAudience.Citizen,
        DossierEventKind.AwaitingCheck => EventAudience.Officer,
        DossierEventKind.AwaitingApproval => EventAudience.Officer,
        DossierEventKind.ResultAtDesk => EventAudience.Officer,
        DossierEventKind.SupplementNoticeDue => EventAudience.Officer,
        DossierEventKind.ResultAtCentre => EventAudience.Citizen | EventAudience.Webhook,
        DossierEventKind.PostalReturned => EventAudience.Officer | EventAudience.Webhook,
        DossierEventKind.PostalPapersArrived => EventAudience.Officer | EventAudience.Webhook,
        DossierEventKind.PostalPickupReturned => EventAudience.Officer | EventAudience.Webhook,
    };

    /// <summary>Stable event names for webhooks and logs, e.g. "dossier.received".</summary>
    public static string EventName(DossierEventKind kind) => kind switch
    {
        DossierEventKind.Received => "dossier.received",
        DossierEventKind.SupplementRequested => "dossier.supplement_requested",
        DossierEventKind.ResultReady => "dossier.result_ready",
        DossierEventKind.Returned => "dossier.returned",
        DossierEventKind.EnteredQueue => "dossier.entered_queue",
        DossierEventKind.DueSoon => "dossier.due_soon",
        DossierEventKind.Overdue => "dossier.overdue",
        DossierEventKind.StatusChanged => "dossier.status_changed",
        DossierEventKind.ResultIssued => "dossier.result_issued",
        DossierEventKind.OnlineSubmitted => "dossier.online_submitted",
        DossierEventKind.AwaitingCheck => "dossier.awaiting_check",
        DossierEventKind.AwaitingApproval => "dossier.awaiting_approval",
        DossierEventKind.ResultAtDesk => "dossier.result_at_desk",
        DossierEventKind.SupplementNoticeDue => "dossier.supplement_notice_due",
        DossierEventKind.ResultAtCentre => "dossier.result_at_centre",
        DossierEventKind.PostalReturned => "dossier.postal_returned",
        DossierEventKind.PostalPapersArrived => "dossier.postal_papers_arrived",
        DossierEventKind.PostalPickupReturned => "dossier.postal_pickup_returned",
    };

    /// <summary>The event's Vietnamese name, for admin screens.</summary>
    public static string DisplayName(DossierEventKind kind) => kind switch
    {
        DossierEventKind.Received => "Tiếp nhận hồ sơ",
        DossierEventKind.SupplementRequested => "Yêu cầu bổ sung hồ sơ",
        DossierEventKind.ResultReady => "Có kết quả",
        DossierEventKind.Returned => "Trả kết quả",
        DossierEventKind.EnteredQueue => "Hồ sơ chuyển đến xử lý",
        DossierEventKind.DueSoon => "Hồ sơ sắp đến hạn",
        DossierEventKind.Overdue => "Hồ sơ quá hạn",
        DossierEventKind.StatusChanged => "Thay đổi trạng thái",
        DossierEventKind.ResultIssued => "Ban hành kết quả",
        DossierEventKind.OnlineSubmitted => "Xác nhận nộp hồ sơ trực tuyến",
        DossierEventKind.AwaitingCheck => "Hồ sơ trực tuyến chờ kiểm tra",
        DossierEventKind.AwaitingApproval => "Hồ sơ chờ phê duyệt",
        DossierEventKind.ResultAtDesk => "Hồ sơ có kết quả chờ trả",
        DossierEventKind.SupplementNoticeDue => "Hạn thông báo người nộp yêu cầu bổ sung",
        DossierEventKind.ResultAtCentre => "Kết quả đã về nơi tiếp nhận",
        DossierEventKind.PostalReturned => "Kết quả gửi qua bưu chính bị chuyển hoàn",
        DossierEventKind.PostalPapersArrived => "Hồ sơ giấy gửi qua bưu chính đã đến",
        DossierEventKind.PostalPickupReturned => "Bưu điện không chuyển được hồ sơ giấy",
    };
}
