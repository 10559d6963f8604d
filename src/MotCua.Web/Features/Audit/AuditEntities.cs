using System.Collections.Frozen;

namespace MotCua.Web.Features.Audit;

/// <summary>
/// The Vietnamese name of the kind of record an audit entry is about, so the log's "Đối tượng" column reads as words
/// rather than type names; a kind without a name here shows as stored.
/// </summary>
public static class AuditEntities
{
    public static readonly FrozenDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Agency"] = "Cơ quan",
        ["AppUser"] = "Tài khoản",
        ["User"] = "Tài khoản",
        ["Unit"] = "Đơn vị",
        ["CalendarDay"] = "Ngày trong lịch",
        ["CalendarYear"] = "Lịch năm",
        ["Catalogue"] = "Danh mục TTHC",
        ["CatalogueSettings"] = "Thiết lập danh mục TTHC",
        ["Procedure"] = "Thủ tục",
        ["InternalProcess"] = "Quy trình nội bộ",
        ["PublicationDecision"] = "Quyết định công bố",
        ["Dossier"] = "Hồ sơ",
        ["DossierRegister"] = "Sổ theo dõi hồ sơ",
        ["ResultDocument"] = "Văn bản kết quả",
        ["Feedback"] = "Phản ánh, kiến nghị",
        ["FeedbackItem"] = "Phản ánh, kiến nghị",
        ["NewsArticle"] = "Tin bài",
        ["ControlPlan"] = "Kế hoạch KSTTHC",
        ["PlanTask"] = "Nhiệm vụ kế hoạch",
        ["ReviewRound"] = "Đợt rà soát",
        ["ReviewItem"] = "Thủ tục rà soát",
        ["IndexManualScore"] = "Điểm chỉ số nhập tay",
        ["NotificationTemplate"] = "Mẫu thông báo",
        ["OutboxMessage"] = "Tin nhắn trong hàng đợi",
        ["WebhookSubscription"] = "Webhook",
        ["DataSubjectRequest"] = "Yêu cầu về dữ liệu cá nhân",
        ["PersonalDataBreach"] = "Vi phạm dữ liệu cá nhân",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string Name(string entityType) => Names.GetValueOrDefault(entityType, entityType);
}
