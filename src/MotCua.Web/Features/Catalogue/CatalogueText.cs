using System.Globalization;
using MotCua.Core.Calendar;
using MotCua.Core.Procedures;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Catalogue;

/// <summary>Vietnamese names of catalogue values, for pages, lists and exports.</summary>
public static class CatalogueText
{
    /// <summary>
    /// The public pages' agency parameter (co-quan) to carry into a link, after <paramref name="separator"/> ("?" or "&");
    /// empty when the page was opened without one, so a single-agency site keeps short links.
    /// </summary>
    public static string AgencyQuery(string? agencyCode, string separator) =>
        string.IsNullOrWhiteSpace(agencyCode) ? "" : separator + "co-quan=" + Uri.EscapeDataString(agencyCode.Trim());

    public const string Updating = "Đang cập nhật";

    public static string Name(OnlineServiceLevel level) => level switch
    {
        OnlineServiceLevel.Full => "Toàn trình",
        OnlineServiceLevel.Partial => "Một phần",
        OnlineServiceLevel.None => "Không",
    };

    public static string Name(ImplementationLevel level) => level switch
    {
        ImplementationLevel.Central => "Cấp trung ương",
        ImplementationLevel.Province => "Cấp tỉnh",
        ImplementationLevel.District => "Cấp huyện",
        ImplementationLevel.Commune => "Cấp xã",
    };

    public static string Name(PublicationAction action) => action switch
    {
        PublicationAction.New => "Mới ban hành",
        PublicationAction.Amended => "Sửa đổi, bổ sung",
        PublicationAction.Replaced => "Thay thế",
        PublicationAction.Abolished => "Bãi bỏ",
    };

    public static string Name(DecisionIssuer issuer) => issuer switch
    {
        DecisionIssuer.Minister => "Bộ trưởng",
        DecisionIssuer.ProvincialChairman => "Chủ tịch UBND tỉnh",
        DecisionIssuer.Other => "Khác",
    };

    public static string Name(PaperForm form) => form switch
    {
        PaperForm.Original => "Bản chính",
        PaperForm.CertifiedCopy => "Bản sao chứng thực",
        PaperForm.Copy => "Bản sao",
        PaperForm.OriginalOrCertifiedCopy => "Bản chính hoặc bản sao chứng thực",
    };

    public static string Name(FeeKind kind) => kind switch
    {
        FeeKind.Fee => "Phí",
        FeeKind.Charge => "Lệ phí",
    };

    public static string Name(PaperRequirement requirement) => requirement switch
    {
        PaperRequirement.Required => "Bắt buộc",
        PaperRequirement.IfAny => "Nếu có",
        PaperRequirement.Conditional => "Trong trường hợp",
    };

    /// <summary>"1,2 MB", "350 KB": the size a download link states.</summary>
    public static string FileSize(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024m * 1024m)).ToString("0.#", VietnamTime.Culture) + " MB"
        : Math.Max(1, (bytes + 1023) / 1024).ToString(VietnamTime.Culture) + " KB";

    public static string Name(ProcessState state) => state switch
    {
        ProcessState.Draft => "Dự thảo",
        ProcessState.Approved => "Đã phê duyệt",
        ProcessState.InForce => "Đang áp dụng",
        ProcessState.Retired => "Hết áp dụng",
    };

    public static string Name(StepKind kind) => kind switch
    {
        StepKind.Receive => "Tiếp nhận",
        StepKind.Transfer => "Chuyển hồ sơ",
        StepKind.Appraise => "Thẩm định",
        StepKind.Approve => "Phê duyệt",
        StepKind.Sign => "Ký duyệt",
        StepKind.Return => "Trả kết quả",
        StepKind.Other => "Khác",
    };

    public static string Name(TimeUnit unit) => unit switch
    {
        TimeUnit.WorkingDays => "ngày làm việc",
        TimeUnit.CalendarDays => "ngày",
        TimeUnit.WorkingHours => "giờ làm việc",
    };

    public static string ApplicantNames(ApplicantTypes types)
    {
        var names = new List<string>();
        if (types.HasFlag(ApplicantTypes.Citizen)) { names.Add("Công dân Việt Nam"); }
        if (types.HasFlag(ApplicantTypes.Enterprise)) { names.Add("Doanh nghiệp"); }
        if (types.HasFlag(ApplicantTypes.Organisation)) { names.Add("Tổ chức"); }
        return names.Count == 0 ? Updating : string.Join(", ", names);
    }

    /// <summary>"10 ngày làm việc", "0,5 ngày làm việc", or "Đang cập nhật" (never an assumed time on public pages).</summary>
    public static string Time(ProcessingTime? time) =>
        time is { } t ? $"{Number(t.Value)} {Name(t.Unit)}" : Updating;

    public static string Number(decimal value) => value == decimal.Truncate(value)
        ? value.ToString("N0", VietnamTime.Culture)
        : value.ToString("0.##", VietnamTime.Culture);

    public static string Money(decimal amount) => amount == 0 ? "Không thu phí" : amount.ToVnMoney();

    /// <summary>The fee line a list shows: each fee, "Không thu phí", or "Đang cập nhật".</summary>
    public static string Fees(ProcedureVersion v) =>
        !v.FeesConfirmed ? Updating
        : v.Fees.Count == 0 ? "Không thu phí"
        : string.Join("; ", v.Fees.OrderBy(f => f.Seq).Select(f => $"{f.Name}: {Money(f.Amount)}" + (f.AppliesTo is null ? "" : $" ({f.AppliesTo})")));

    /// <summary>A paper as one readable line, for the officer's version comparison.</summary>
    public static string Describe(ProcedurePaper p) =>
        $"{p.Name}: {Name(p.Form).ToLowerInvariant()}, {p.Quantity.ToString(VietnamTime.Culture)} bản, "
        + (p.Condition is { } c ? "trong trường hợp " + c : Name(p.Requirement).ToLowerInvariant())
        + (p.Note is null ? "" : "; " + p.Note)
        + (p.Template is null ? "" : "; mẫu: " + p.Template)
        + (p.TemplateFile is { } f ? "; tệp mẫu: " + f.FileName : p.TemplateFileId is null ? "" : "; có tệp mẫu");

    /// <summary>A fee as one readable line: kind, name, amount, who pays, basis.</summary>
    public static string Describe(ProcedureFee f) =>
        (f.Kind is { } k && !string.Equals(f.Name, Name(k), StringComparison.Ordinal) ? Name(k) + " – " : "") + $"{f.Name}: {Money(f.Amount)}"
        + (f.AppliesTo is null ? "" : " (" + f.AppliesTo + ")")
        + (f.Note is null ? "" : "; căn cứ: " + f.Note);

    public static string Period(ProcedureVersion v) => v.EffectiveFrom is not { } from
        ? "Chưa công bố"
        : v.EffectiveTo is { } to ? $"{from.ToVnDate()} – {to.ToVnDate()}" : $"Từ {from.ToVnDate()}";

    /// <summary>Machine form of a decimal for exports and the API (invariant culture).</summary>
    public static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
