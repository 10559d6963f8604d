using System.Reflection;

namespace MotCua.Core.Legal;

/// <summary>
/// The one registry of legal texts the rules rest on. Each area adds its texts as public static readonly fields in its own
/// partial file (LegalSources.&lt;Area&gt;.cs); <see cref="All"/> finds them, so nothing else needs listing.
/// </summary>
public static partial class LegalSources
{
    /// <summary>Decree 118/2025 on the one-stop mechanism, successor of Decrees 61/2018 and 107/2021.</summary>
    public static readonly LegalSource Decree118of2025 = new(
        "ND118/2025",
        "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông",
        "Cơ chế một cửa, một cửa liên thông",
        new DateOnly(2025, 7, 1),
        null,
        SourceCertainty.Confirmed);

    /// <summary>Decree 61/2018, replaced on 1/7/2025; kept for dossiers and figures of its time.</summary>
    public static readonly LegalSource Decree61of2018 = new(
        "ND61/2018",
        "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ (được sửa đổi bởi Nghị định số 107/2021/NĐ-CP)",
        "Cơ chế một cửa, một cửa liên thông (đã hết hiệu lực)",
        new DateOnly(2018, 6, 21),
        new DateOnly(2025, 6, 30),
        SourceCertainty.Confirmed);

    /// <summary>Circular 03/2025/TT-VPCP guiding Decree 118/2025: the forms of Appendix I.</summary>
    public static readonly LegalSource Circular03of2025 = new(
        "TT03/2025",
        "Thông tư số 03/2025/TT-VPCP ngày 15/9/2025 của Văn phòng Chính phủ",
        "Biểu mẫu thực hiện cơ chế một cửa, một cửa liên thông",
        null,
        null,
        SourceCertainty.Practice);

    /// <summary>Circular 01/2018/TT-VPCP guiding Decree 61/2018; replaced together with it.</summary>
    public static readonly LegalSource Circular01of2018 = new(
        "TT01/2018",
        "Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ",
        "Hướng dẫn Nghị định số 61/2018/NĐ-CP (đã hết hiệu lực)",
        null,
        new DateOnly(2025, 6, 30),
        SourceCertainty.Practice);

    /// <summary>Decree 30/2020 on clerical work: the layout of every official document.</summary>
    public static readonly LegalSource Decree30of2020 = new(
        "ND30/2020",
        "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư",
        "Thể thức văn bản hành chính",
        new DateOnly(2020, 3, 5),
        null,
        SourceCertainty.Practice);

    /// <summary>Civil Code 2015 Art. 147–148: how time limits start and end.</summary>
    public static readonly LegalSource CivilCode2015 = new(
        "BLDS2015",
        "Bộ luật Dân sự số 91/2015/QH13, Điều 147 và Điều 148",
        "Cách tính thời hạn",
        new DateOnly(2017, 1, 1),
        null,
        SourceCertainty.Confirmed);

    /// <summary>Labour Code 2019 Art. 111–112: statutory holidays and compensatory days.</summary>
    public static readonly LegalSource LabourCode2019 = new(
        "BLLĐ2019",
        "Bộ luật Lao động số 45/2019/QH14, Điều 111 và Điều 112",
        "Ngày nghỉ lễ, tết và nghỉ bù",
        new DateOnly(2021, 1, 1),
        null,
        SourceCertainty.Confirmed);

    /// <summary>Personal Data Protection Law 91/2025/QH15, in force 1/1/2026.</summary>
    public static readonly LegalSource PersonalDataLaw2025 = new(
        "LBVDLCN2025",
        "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15",
        "Bảo vệ dữ liệu cá nhân",
        new DateOnly(2026, 1, 1),
        null,
        SourceCertainty.Practice);

    /// <summary>Decree 13/2023 on personal data, replaced by Law 91/2025 from 1/1/2026.</summary>
    public static readonly LegalSource Decree13of2023 = new(
        "ND13/2023",
        "Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ về bảo vệ dữ liệu cá nhân",
        "Bảo vệ dữ liệu cá nhân (đã được thay thế)",
        new DateOnly(2023, 7, 1),
        new DateOnly(2025, 12, 31),
        SourceCertainty.Practice);

    /// <summary>Decree 20/2008 on feedback and petitions about administrative regulations, as amended.</summary>
    public static readonly LegalSource Decree20of2008 = new(
        "ND20/2008",
        "Nghị định số 20/2008/NĐ-CP ngày 14/02/2008 của Chính phủ (được sửa đổi, bổ sung)",
        "Tiếp nhận, xử lý phản ánh, kiến nghị",
        null,
        null,
        SourceCertainty.Confirmed);

    /// <summary>Decree 63/2010 on the control of administrative procedures, as amended by Decrees 48/2013 and 92/2017.</summary>
    public static readonly LegalSource Decree63of2010 = new(
        "ND63/2010",
        "Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ (được sửa đổi bởi Nghị định số 48/2013/NĐ-CP và Nghị định số 92/2017/NĐ-CP)",
        "Kiểm soát thủ tục hành chính",
        null,
        null,
        SourceCertainty.Confirmed);

    /// <summary>Decree 09/2019 on the reporting regime of state bodies: report data periods.</summary>
    public static readonly LegalSource Decree09of2019 = new(
        "ND09/2019",
        "Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ, Điều 12",
        "Thời gian chốt số liệu báo cáo",
        null,
        null,
        SourceCertainty.Confirmed);

    private static readonly Lazy<IReadOnlyList<LegalSource>> AllSources = new(static () =>
        [.. typeof(LegalSources)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(static f => f.FieldType == typeof(LegalSource))
            .Select(static f => (LegalSource)f.GetValue(null)!)
            .OrderBy(static s => s.Key, StringComparer.Ordinal)]);

    /// <summary>Every registered text, ordered by key.</summary>
    public static IReadOnlyList<LegalSource> All => AllSources.Value;

    /// <summary>The text with <paramref name="key"/>, or null.</summary>
    public static LegalSource? Find(string key) => All.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.Ordinal));
}
