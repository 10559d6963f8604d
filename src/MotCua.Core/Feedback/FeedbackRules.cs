namespace MotCua.Core.Feedback;

/// <summary>Content of a feedback or petition (ND20/2008 Art. 5).</summary>
public enum FeedbackContentType
{
    ConductOfOfficials = 1,
    UnsuitableRegulation = 2,
    InconsistentRegulations = 3,
    UnlawfulRegulation = 4,
    ContraryToTreaties = 5,
    OtherRegulationIssue = 6,
    ProposedSolution = 7,
    NewRegulationInitiative = 8,
}

/// <summary>Where a PAKN is in its handling. Closed states: <see cref="OutOfScope"/>, <see cref="Duplicate"/>, <see cref="Published"/>.</summary>
public enum FeedbackStatus
{
    /// <summary>Entered in the register, not yet classified (mới tiếp nhận).</summary>
    Received,

    /// <summary>In scope and assigned to the responsible unit (đang xử lý).</summary>
    Handling,

    /// <summary>An answer is drafted and waits for the leader (chờ duyệt).</summary>
    AnswerDrafted,

    /// <summary>The leader approved the answer; not yet public (đã duyệt).</summary>
    Approved,

    /// <summary>The answer is public (đã công khai). Closed.</summary>
    Published,

    /// <summary>Outside the agency's competence: transferred to the competent body (Art. 9 group 4). Closed.</summary>
    OutOfScope,

    /// <summary>Classified outside the agency's competence, not yet transferred; the transfer deadline runs (chờ chuyển).</summary>
    AwaitingTransfer,

    /// <summary>The same matter as an earlier PAKN, linked to it. Closed.</summary>
    Duplicate,
}

public enum FeedbackAction
{
    ClassifyInScope,
    ClassifyOutOfScope,
    ClassifyDuplicate,
    DraftAnswer,
    Approve,
    Publish,

    /// <summary>Sends a PAKN outside competence to the competent body (classifying it first when not yet classified).</summary>
    Transfer,
}

public static class FeedbackRules
{
    /// <summary>Handling time: ND20 fixes none; 10 working days is the configurable default [U] (pakn.md §7.4).</summary>
    public const int DefaultHandlingWorkingDays = 10;

    /// <summary>The status an action leads to, or null when the action is not allowed in <paramref name="from"/>. Re-drafting is allowed until approval.</summary>
    public static FeedbackStatus? Next(FeedbackStatus from, FeedbackAction action) => (from, action) switch
    {
        (FeedbackStatus.Received, FeedbackAction.ClassifyInScope) => FeedbackStatus.Handling,
        (FeedbackStatus.Received or FeedbackStatus.Handling, FeedbackAction.ClassifyOutOfScope) => FeedbackStatus.AwaitingTransfer,
        (FeedbackStatus.Received or FeedbackStatus.Handling or FeedbackStatus.AwaitingTransfer, FeedbackAction.Transfer) => FeedbackStatus.OutOfScope,
        (FeedbackStatus.Received, FeedbackAction.ClassifyDuplicate) => FeedbackStatus.Duplicate,
        (FeedbackStatus.Handling or FeedbackStatus.AnswerDrafted, FeedbackAction.DraftAnswer) => FeedbackStatus.AnswerDrafted,
        (FeedbackStatus.AnswerDrafted, FeedbackAction.Approve) => FeedbackStatus.Approved,
        (FeedbackStatus.Approved, FeedbackAction.Publish) => FeedbackStatus.Published,
        _ => null,
    };

    public static bool IsClosed(FeedbackStatus status) => status is FeedbackStatus.Published or FeedbackStatus.OutOfScope or FeedbackStatus.Duplicate;

    public static string Name(FeedbackStatus status) => status switch
    {
        FeedbackStatus.Received => "Mới tiếp nhận",
        FeedbackStatus.Handling => "Đang xử lý",
        FeedbackStatus.AnswerDrafted => "Chờ duyệt trả lời",
        FeedbackStatus.Approved => "Đã duyệt, chờ công khai",
        FeedbackStatus.Published => "Đã trả lời, công khai",
        FeedbackStatus.OutOfScope => "Không thuộc thẩm quyền, đã chuyển",
        FeedbackStatus.AwaitingTransfer => "Không thuộc thẩm quyền, chờ chuyển",
        FeedbackStatus.Duplicate => "Trùng nội dung",
    };

    public static string Name(FeedbackAction action) => action switch
    {
        FeedbackAction.ClassifyInScope => "Thuộc thẩm quyền, giao đơn vị xử lý",
        FeedbackAction.ClassifyOutOfScope => "Không thuộc thẩm quyền, chờ chuyển cơ quan có thẩm quyền",
        FeedbackAction.Transfer => "Chuyển cơ quan có thẩm quyền",
        FeedbackAction.ClassifyDuplicate => "Trùng với phản ánh, kiến nghị đã có",
        FeedbackAction.DraftAnswer => "Dự thảo trả lời",
        FeedbackAction.Approve => "Duyệt trả lời",
        FeedbackAction.Publish => "Công khai trả lời",
    };

    public static string Name(FeedbackContentType type) => type switch
    {
        FeedbackContentType.ConductOfOfficials => "Hành vi chậm trễ, gây phiền hà, không thực hiện hoặc thực hiện không đúng quy định",
        FeedbackContentType.UnsuitableRegulation => "Quy định không phù hợp với thực tế",
        FeedbackContentType.InconsistentRegulations => "Quy định không thống nhất, không đồng bộ",
        FeedbackContentType.UnlawfulRegulation => "Quy định không hợp pháp",
        FeedbackContentType.ContraryToTreaties => "Quy định trái với điều ước quốc tế",
        FeedbackContentType.OtherRegulationIssue => "Vấn đề khác liên quan đến quy định hành chính",
        FeedbackContentType.ProposedSolution => "Đề xuất phương án xử lý",
        FeedbackContentType.NewRegulationInitiative => "Sáng kiến ban hành quy định mới",
    };
}
