using MotCua.Core.Legal;

namespace MotCua.Core.Privacy;

/// <summary>The purposes the register groups personal data by; each rests on its own texts over time.</summary>
public enum PersonalDataPurpose
{
    /// <summary>Receiving, deciding and returning dossiers of administrative procedures.</summary>
    DossierProcessing,

    /// <summary>Online drafts a citizen saves before submitting.</summary>
    OnlineDraft,

    /// <summary>Answering feedback and petitions.</summary>
    Feedback,

    /// <summary>Sending status notices to citizens.</summary>
    Notifications,

    /// <summary>Officers' accounts.</summary>
    OfficerAccounts,

    /// <summary>Data subjects' requests: carrying out the person's rights and keeping the proof that they were.</summary>
    SubjectRequests,
}

/// <summary>One legal basis of a purpose for the days it held: what it says and the texts it rests on.</summary>
/// <param name="Text">The basis as the register prints it (Vietnamese).</param>
/// <param name="Sources">The texts, each in force for the whole period.</param>
/// <param name="From">First day the basis held.</param>
/// <param name="Until">Last day it held, or null while it holds.</param>
public sealed record PersonalDataBasis(string Text, IReadOnlyList<LegalSource> Sources, DateOnly From, DateOnly? Until)
{
    public bool HoldsOn(DateOnly day) => day >= From && (Until is not { } until || day <= until);
}

/// <summary>A purpose's bases as seen on one day: the one in force, those that have ceased, and those not yet in force.</summary>
/// <param name="Current">The basis in force on the day, or null before the register began.</param>
/// <param name="Ceased">Bases whose last day is before the day, newest first.</param>
/// <param name="Upcoming">Bases that take effect after the day, soonest first.</param>
public sealed record PersonalDataBasesOn(PersonalDataBasis? Current, IReadOnlyList<PersonalDataBasis> Ceased, IReadOnlyList<PersonalDataBasis> Upcoming);

/// <summary>
/// The legal bases of each purpose with their dates: dossier data rested on Decrees 61/2018 and 107/2021 with Decree
/// 13/2023 Art. 17 until 30/6/2025, on Decree 118/2025 from 1/7/2025, and from 1/1/2026 on Law 91/2025 in place of
/// Decree 13/2023. The register starts when Decree 13/2023 took effect, the first text that asked for one.
/// </summary>
public static class PersonalDataBases
{
    private static readonly DateOnly Decree13From = new(2023, 7, 1);
    private static readonly DateOnly Decree118From = new(2025, 7, 1);
    private static readonly DateOnly LawFrom = new(2026, 1, 1);

    private static DateOnly DayBefore(DateOnly day) => day.AddDays(-1);

    /// <summary>Every basis of <paramref name="purpose"/>, oldest first.</summary>
    public static IReadOnlyList<PersonalDataBasis> Of(PersonalDataPurpose purpose) => purpose switch
    {
        PersonalDataPurpose.DossierProcessing =>
        [
            new("Thực hiện thủ tục hành chính theo Nghị định 61/2018/NĐ-CP (sửa đổi bởi Nghị định 107/2021/NĐ-CP); xử lý không cần sự đồng ý theo Điều 17 Nghị định 13/2023/NĐ-CP.",
                [LegalSources.Decree61of2018, LegalSources.Decree107of2021, LegalSources.Decree13of2023], Decree13From, DayBefore(Decree118From)),
            new("Thực hiện thủ tục hành chính theo Nghị định 118/2025/NĐ-CP; xử lý không cần sự đồng ý theo Điều 17 Nghị định 13/2023/NĐ-CP.",
                [LegalSources.Decree118of2025, LegalSources.Decree13of2023], Decree118From, DayBefore(LawFrom)),
            new("Thực hiện thủ tục hành chính theo Nghị định 118/2025/NĐ-CP; xử lý không cần sự đồng ý để thực hiện nhiệm vụ theo quy định của luật (Điều 19 Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15).",
                [LegalSources.Decree118of2025, LegalSources.PersonalDataLaw2025, LegalSources.Decree356of2025], LawFrom, null),
        ],
        PersonalDataPurpose.OnlineDraft =>
        [
            new("Sự đồng ý của chủ thể dữ liệu (Điều 11 Nghị định 13/2023/NĐ-CP).",
                [LegalSources.Decree13of2023], Decree13From, DayBefore(LawFrom)),
            new("Sự đồng ý của chủ thể dữ liệu (Điều 9 Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15; Nghị định 356/2025/NĐ-CP).",
                [LegalSources.PersonalDataLaw2025, LegalSources.Decree356of2025], LawFrom, null),
        ],
        PersonalDataPurpose.Feedback =>
        [
            new("Tiếp nhận, xử lý phản ánh, kiến nghị theo Nghị định 20/2008/NĐ-CP; sự đồng ý của người gửi (Điều 11 Nghị định 13/2023/NĐ-CP).",
                [LegalSources.Decree20of2008, LegalSources.Decree13of2023], Decree13From, DayBefore(LawFrom)),
            new("Tiếp nhận, xử lý phản ánh, kiến nghị theo Nghị định 20/2008/NĐ-CP; sự đồng ý của người gửi (Điều 9 Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15).",
                [LegalSources.Decree20of2008, LegalSources.PersonalDataLaw2025], LawFrom, null),
        ],
        PersonalDataPurpose.Notifications =>
        [
            new("Thông báo cho tổ chức, cá nhân theo Nghị định 61/2018/NĐ-CP (sửa đổi bởi Nghị định 107/2021/NĐ-CP).",
                [LegalSources.Decree61of2018, LegalSources.Decree107of2021, LegalSources.Decree13of2023], Decree13From, DayBefore(Decree118From)),
            new("Thông báo cho tổ chức, cá nhân theo Nghị định 118/2025/NĐ-CP.",
                [LegalSources.Decree118of2025, LegalSources.Decree13of2023], Decree118From, DayBefore(LawFrom)),
            new("Thông báo cho tổ chức, cá nhân theo Nghị định 118/2025/NĐ-CP; xử lý không cần sự đồng ý theo Điều 19 Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15.",
                [LegalSources.Decree118of2025, LegalSources.PersonalDataLaw2025], LawFrom, null),
        ],
        PersonalDataPurpose.OfficerAccounts =>
        [
            new("Thực hiện nhiệm vụ công vụ (Điều 17 Nghị định 13/2023/NĐ-CP).",
                [LegalSources.Decree13of2023], Decree13From, DayBefore(LawFrom)),
            new("Thực hiện nhiệm vụ công vụ, không cần sự đồng ý (Điều 19 Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15).",
                [LegalSources.PersonalDataLaw2025], LawFrom, null),
        ],
        PersonalDataPurpose.SubjectRequests =>
        [
            new("Thực hiện quyền của chủ thể dữ liệu (Điều 9 Nghị định 13/2023/NĐ-CP).",
                [LegalSources.Decree13of2023], Decree13From, DayBefore(LawFrom)),
            new("Thực hiện quyền của chủ thể dữ liệu và lưu bằng chứng đã thực hiện (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, Nghị định số 356/2025/NĐ-CP).",
                [LegalSources.PersonalDataLaw2025, LegalSources.Decree356of2025], LawFrom, null),
        ],
    };

    /// <summary>The basis of <paramref name="purpose"/> on <paramref name="day"/>, or null before the register began.</summary>
    public static PersonalDataBasis? On(PersonalDataPurpose purpose, DateOnly day) =>
        Of(purpose).LastOrDefault(b => b.HoldsOn(day));

    /// <summary>The bases of <paramref name="purpose"/> split by <paramref name="day"/>: a text not yet in force is never a past one.</summary>
    public static PersonalDataBasesOn Split(PersonalDataPurpose purpose, DateOnly day)
    {
        var all = Of(purpose);
        return new PersonalDataBasesOn(
            all.LastOrDefault(b => b.HoldsOn(day)),
            [.. all.Where(b => b.Until is { } until && until < day).Reverse()],
            [.. all.Where(b => b.From > day)]);
    }
}
