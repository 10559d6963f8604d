using MotCua.Core.Legal;

namespace MotCua.Core.Privacy;

/// <summary>The record a data subject's request names: a dossier (by its code) or a feedback item (by its PAKN code).</summary>
public enum SubjectRecordKind
{
    Dossier,
    Feedback,
}

/// <summary>Whether the agency may erase a person's data when asked, and if not, the legal reason it gives.</summary>
/// <param name="Allowed">True when the personal fields may be anonymised now.</param>
/// <param name="Reason">The reason given to the person (Vietnamese), with its basis.</param>
/// <param name="Sources">The texts the decision rests on.</param>
public sealed record ErasureDecision(bool Allowed, string Reason, IReadOnlyList<LegalSource> Sources);

/// <summary>
/// Deletion on request: data the agency holds to carry out a task the law gives it, and must keep as an archive record,
/// is not erased on request (Law 91/2025 Art. 19; Archives Law 2024); data held on consent is, once its purpose is over.
/// </summary>
public static class ErasureRule
{
    /// <summary>The decision for a record of <paramref name="kind"/>.</summary>
    /// <param name="kind">What the request names.</param>
    /// <param name="purposeOver">A draft never submitted, or a feedback item whose handling ended.</param>
    public static ErasureDecision Decide(SubjectRecordKind kind, bool purposeOver) => (kind, purposeOver) switch
    {
        (SubjectRecordKind.Dossier, true) => new(true,
            "Hồ sơ nháp chưa nộp được lưu trên cơ sở sự đồng ý của bạn; dữ liệu cá nhân trong hồ sơ nháp được xóa (ẩn danh) theo yêu cầu.",
            [LegalSources.PersonalDataLaw2025]),
        (SubjectRecordKind.Dossier, false) => new(false,
            "Không xóa được: dữ liệu cá nhân trong hồ sơ thủ tục hành chính được xử lý để thực hiện nhiệm vụ theo quy định của pháp luật, không cần sự đồng ý "
            + "(Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15; Nghị định 118/2025/NĐ-CP), và hồ sơ phải được lưu trữ theo Luật Lưu trữ số 33/2024/QH15. "
            + "Dữ liệu sẽ được ẩn danh khi hết thời hạn lưu trữ; trong thời gian đó chỉ cán bộ có nhiệm vụ được xem và mỗi lần xem được ghi nhật ký.",
            [LegalSources.PersonalDataLaw2025, LegalSources.Decree118of2025, LegalSources.ArchivesLaw2024]),
        (SubjectRecordKind.Feedback, true) => new(true,
            "Phản ánh, kiến nghị đã xử lý xong; thông tin liên hệ của bạn được xóa (ẩn danh) theo yêu cầu, nội dung và câu trả lời được giữ lại không kèm thông tin cá nhân.",
            [LegalSources.PersonalDataLaw2025, LegalSources.Decree20of2008]),
        (SubjectRecordKind.Feedback, false) => new(false,
            "Chưa xóa được: phản ánh, kiến nghị đang được xử lý theo Nghị định 20/2008/NĐ-CP, cơ quan cần thông tin liên hệ để trả lời bạn. "
            + "Bạn có thể gửi lại yêu cầu xóa sau khi nhận được câu trả lời.",
            [LegalSources.PersonalDataLaw2025, LegalSources.Decree20of2008]),
    };
}
