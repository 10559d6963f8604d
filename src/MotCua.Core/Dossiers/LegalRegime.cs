using MotCua.Core.Legal;

namespace MotCua.Core.Dossiers;

/// <summary>The official forms of the one-stop mechanism.</summary>
public enum OfficialFormKind
{
    /// <summary>Giấy tiếp nhận hồ sơ và hẹn trả kết quả.</summary>
    ReceiptAndAppointment,

    /// <summary>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.</summary>
    SupplementRequest,

    /// <summary>Phiếu từ chối tiếp nhận giải quyết hồ sơ.</summary>
    Refusal,

    /// <summary>Phiếu xin lỗi và hẹn lại ngày trả kết quả (TT01/2018); văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (TT03/2025).</summary>
    ApologyAndReschedule,

    /// <summary>Phiếu kiểm soát quá trình giải quyết hồ sơ.</summary>
    ProcessControl,

    /// <summary>Sổ theo dõi hồ sơ.</summary>
    TrackingBook,

    /// <summary>Thông báo dừng giải quyết hồ sơ (TT03/2025 form 05; no counterpart in TT01/2018).</summary>
    StopNotice,
}

/// <summary>Which legal regime a dossier follows: the one in force when it was received.</summary>
public enum LegalRegimeId
{
    /// <summary>Decree 61/2018/NĐ-CP as amended by Decree 107/2021/NĐ-CP; forms of Circular 01/2018/TT-VPCP.</summary>
    Decree61Of2018,

    /// <summary>Decree 118/2025/NĐ-CP; forms of Circular 03/2025/TT-VPCP; from 1/7/2025.</summary>
    Decree118Of2025,
}

/// <summary>One official form of a regime.</summary>
/// <param name="Kind">Which form.</param>
/// <param name="Number">"Mẫu số 01"…; null where the regime has no such form.</param>
/// <param name="Title">The official Vietnamese title, in sentence case for menus and lists.</param>
/// <param name="Certainty">How the number and title were checked: [C], [P] or [U] of the research notes.</param>
public sealed record OfficialForm(OfficialFormKind Kind, string? Number, string Title, SourceCertainty Certainty)
{
    /// <summary>The title as the form prints it, in capitals ("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ").</summary>
    public string PrintedTitle => Title.ToUpperInvariant();
}

/// <summary>
/// The legal regime of the one-stop mechanism: the decree, the circular whose forms are printed, and the forms.
/// A dossier follows the regime in force at its receipt (<see cref="At"/>), for its whole life.
/// </summary>
public sealed class LegalRegime
{
    /// <summary>The instant Decree 118/2025 and Circular 03/2025 take effect: 1/7/2025 00:00 Vietnam time.</summary>
    public static DateTimeOffset Decree118EffectiveFrom { get; } = new(2025, 7, 1, 0, 0, 0, TimeSpan.FromHours(7));

    private readonly Dictionary<OfficialFormKind, OfficialForm> _forms;

    private LegalRegime(LegalRegimeId id, LegalSource decreeSource, LegalSource formsSource, string decree, string circular, IEnumerable<OfficialForm> forms)
    {
        Id = id;
        DecreeSource = decreeSource;
        FormsSource = formsSource;
        Decree = decree;
        Circular = circular;
        _forms = forms.ToDictionary(f => f.Kind);
    }

    /// <summary>Before 1/7/2025.</summary>
    public static LegalRegime Decree61Of2018 { get; } = new(
        LegalRegimeId.Decree61Of2018,
        LegalSources.Decree61of2018,
        LegalSources.Circular01of2018,
        "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ (sửa đổi, bổ sung bởi Nghị định số 107/2021/NĐ-CP)",
        "Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ",
        [
            new(OfficialFormKind.ReceiptAndAppointment, "Mẫu số 01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", SourceCertainty.Confirmed),
            new(OfficialFormKind.SupplementRequest, "Mẫu số 02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", SourceCertainty.Confirmed),
            new(OfficialFormKind.Refusal, "Mẫu số 03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ", SourceCertainty.Confirmed),
            new(OfficialFormKind.ApologyAndReschedule, "Mẫu số 04", "Phiếu xin lỗi và hẹn lại ngày trả kết quả", SourceCertainty.Confirmed),
            new(OfficialFormKind.ProcessControl, "Mẫu số 05", "Phiếu kiểm soát quá trình giải quyết hồ sơ", SourceCertainty.Confirmed),
            new(OfficialFormKind.TrackingBook, "Mẫu số 06", "Sổ theo dõi hồ sơ", SourceCertainty.Confirmed),
            // TT01/2018 has no stop-notice form: the agency's own notice is printed under this title.
            new(OfficialFormKind.StopNotice, null, "Thông báo dừng giải quyết hồ sơ", SourceCertainty.Unconfirmed),
        ]);

    /// <summary>From 1/7/2025.</summary>
    public static LegalRegime Decree118Of2025 { get; } = new(
        LegalRegimeId.Decree118Of2025,
        LegalSources.Decree118of2025,
        LegalSources.Circular03of2025,
        "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ",
        "Thông tư số 03/2025/TT-VPCP của Văn phòng Chính phủ",
        [
            new(OfficialFormKind.ReceiptAndAppointment, "Mẫu số 01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", SourceCertainty.Practice),
            // Appendix I of TT03/2025 keeps the titles of forms 02 and 03, as three secondary sources quote it.
            new(OfficialFormKind.SupplementRequest, "Mẫu số 02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", SourceCertainty.Practice),
            new(OfficialFormKind.Refusal, "Mẫu số 03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ", SourceCertainty.Practice),
            // TT03/2025 renamed form 04: the agency apologises and asks to extend the processing time.
            new(OfficialFormKind.ApologyAndReschedule, "Mẫu số 04", "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết", SourceCertainty.Practice),
            new(OfficialFormKind.StopNotice, "Mẫu số 05", "Thông báo dừng giải quyết hồ sơ", SourceCertainty.Practice),
            new(OfficialFormKind.ProcessControl, "Mẫu số 06", "Phiếu kiểm soát quá trình giải quyết hồ sơ", SourceCertainty.Practice),
            new(OfficialFormKind.TrackingBook, "Mẫu số 07", "Sổ theo dõi hồ sơ", SourceCertainty.Practice),
        ]);

    /// <summary>Both regimes, oldest first.</summary>
    public static IReadOnlyList<LegalRegime> All { get; } = [Decree61Of2018, Decree118Of2025];

    /// <summary>Which regime.</summary>
    public LegalRegimeId Id { get; }

    /// <summary>The decree of the regime, from the registry of legal sources.</summary>
    public LegalSource DecreeSource { get; }

    /// <summary>The circular whose forms are printed, from the registry: the legal basis each form cites.</summary>
    public LegalSource FormsSource { get; }

    /// <summary>The decree in force, as cited on forms.</summary>
    public string Decree { get; }

    /// <summary>The circular whose forms are printed.</summary>
    public string Circular { get; }

    /// <summary>The forms of this regime in kind order.</summary>
    public IReadOnlyList<OfficialForm> Forms => [.. _forms.Values.OrderBy(f => f.Kind)];

    /// <summary>The regime in force at the instant of receipt (the boundary instant belongs to Decree 118/2025).</summary>
    public static LegalRegime At(DateTimeOffset receivedAt) =>
        receivedAt >= Decree118EffectiveFrom ? Decree118Of2025 : Decree61Of2018;

    /// <summary>The regime by id.</summary>
    public static LegalRegime Of(LegalRegimeId id) => id switch
    {
        LegalRegimeId.Decree61Of2018 => Decree61Of2018,
        LegalRegimeId.Decree118Of2025 => Decree118Of2025,
    };

    /// <summary>A form of this regime (every kind exists in both regimes; the number may be null).</summary>
    public OfficialForm Form(OfficialFormKind kind) => _forms[kind];

    /// <summary>
    /// The basis a form prints: "Căn cứ" the circular that issues it, flagged when its number or title is unconfirmed.
    /// </summary>
    public string Basis(OfficialFormKind kind) =>
        Form(kind).Certainty == SourceCertainty.Unconfirmed ? FormsSource.Basis + " (mẫu chưa xác nhận)" : FormsSource.Basis;

    /// <summary>"Mẫu số 01 (Thông tư số 01/2018/TT-VPCP …)" style caption, or only the circular when unnumbered.</summary>
    public string Caption(OfficialFormKind kind)
    {
        OfficialForm form = Form(kind);
        string circular = Id == LegalRegimeId.Decree61Of2018 ? "Thông tư số 01/2018/TT-VPCP" : "Thông tư số 03/2025/TT-VPCP";
        return form.Number is null ? "(Theo " + circular + ")" : form.Number + " (Ban hành kèm theo " + circular + ")";
    }
}
