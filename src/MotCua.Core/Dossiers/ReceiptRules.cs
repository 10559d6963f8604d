using System.Globalization;
using System.Net.Mail;

namespace MotCua.Core.Dossiers;

/// <summary>What an applicant and the papers look like at receipt, whatever the path (desk, post, online, API, import).</summary>
public sealed record ReceiptFields(bool Organisation, string? Name, string? IdNumber, string? Phone, string? Email, string? Address,
    IReadOnlyList<ReceiptPaperFields> Papers, string? Note);

public sealed record ReceiptPaperFields(string? Name, int Quantity);

/// <summary>
/// The field rules of a receipt: sizes far above what a real dossier reaches (so a typo or an attack is refused before
/// anything is stored), valid Vietnamese phone and ID numbers, and a second factor for the look-up that cannot be guessed.
/// Errors are keyed by the API's field names, with Vietnamese messages.
/// </summary>
public static class ReceiptRules
{
    public const int NameMax = 300;
    public const int NumberMax = 32;
    public const int EmailMax = 200;
    public const int AddressMax = 500;
    public const int PapersMax = 100;
    public const int PaperNameMax = 500;
    public const int QuantityMax = 100;
    public const int NoteMax = 2000;

    public const string PhoneInvalid = "Số điện thoại không hợp lệ: số di động gồm 10 chữ số bắt đầu bằng 03, 05, 07, 08 hoặc 09; số cố định gồm 11 chữ số bắt đầu bằng 02 (có thể viết +84 thay cho số 0 đầu).";
    public const string IdInvalid = "Số giấy tờ không hợp lệ: căn cước công dân 12 chữ số, chứng minh nhân dân 9 chữ số hoặc hộ chiếu gồm 1 chữ cái và 7 chữ số.";
    public const string IdInvalidOrganisation = "Số giấy tờ không hợp lệ: mã số thuế của tổ chức gồm 10 chữ số (chi nhánh: 10 chữ số, dấu gạch ngang và 3 chữ số), hoặc căn cước công dân, chứng minh nhân dân, hộ chiếu của người đại diện.";
    public const string FactorMissing = "Vui lòng nhập số điện thoại hoặc số giấy tờ tùy thân (dùng để tra cứu hồ sơ).";
    public const string FactorGuessable = "Số điện thoại hoặc số giấy tờ đã nhập quá dễ đoán nên không dùng để tra cứu hồ sơ được; vui lòng nhập thêm số giấy tờ tùy thân hoặc một số điện thoại khác.";

    /// <summary>
    /// The errors of <paramref name="f"/> by field ("applicant.phone", "papers[2].quantity"...), empty when valid.
    /// <paramref name="factorRequired"/>: the dossier must carry a phone or ID number that can serve as the look-up's
    /// second factor (every new dossier; not the historical import, whose old records may have none).
    /// </summary>
    public static Dictionary<string, string[]> Check(ReceiptFields f, bool factorRequired)
    {
        ArgumentNullException.ThrowIfNull(f);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Max(string key, string? value, int max, string label)
        {
            if (value is not null && value.Length > max)
            {
                errors[key] = [$"{label} dài tối đa {max.ToString("N0", Vi)} ký tự."];
            }
        }

        if (string.IsNullOrWhiteSpace(f.Name))
        {
            errors["applicant.name"] = ["Vui lòng nhập họ tên (tên tổ chức) người nộp hồ sơ."];
        }
        Max("applicant.name", f.Name, NameMax, "Họ tên (tên tổ chức) người nộp");

        var phone = Blank(f.Phone) ? null : ApplicantNumbers.NormalizePhone(f.Phone);
        if (!Blank(f.Phone) && phone is null)
        {
            errors["applicant.phone"] = [PhoneInvalid];
        }
        var id = Blank(f.IdNumber) ? null : ApplicantNumbers.NormalizeIdNumber(f.IdNumber, f.Organisation);
        if (!Blank(f.IdNumber) && id is null)
        {
            errors["applicant.idNumber"] = [f.Organisation ? IdInvalidOrganisation : IdInvalid];
        }
        if (factorRequired && !errors.ContainsKey("applicant.phone") && !errors.ContainsKey("applicant.idNumber"))
        {
            if (phone is null && id is null)
            {
                errors["applicant.phone"] = [FactorMissing];
            }
            else if (!(phone is not null && !ApplicantNumbers.IsGuessable(phone)) && !(id is not null && !ApplicantNumbers.IsGuessable(id)))
            {
                errors[phone is not null ? "applicant.phone" : "applicant.idNumber"] = [FactorGuessable];
            }
        }

        if (!Blank(f.Email) && (f.Email!.Length > EmailMax || !MailAddress.TryCreate(f.Email.Trim(), out _)))
        {
            errors["applicant.email"] = [f.Email.Length > EmailMax
                ? $"Thư điện tử dài tối đa {EmailMax.ToString("N0", Vi)} ký tự."
                : "Địa chỉ thư điện tử không hợp lệ."];
        }
        Max("applicant.address", f.Address, AddressMax, "Địa chỉ");
        Max("note", f.Note, NoteMax, "Ghi chú");

        if (f.Papers.Count > PapersMax)
        {
            errors["papers"] = [$"Một hồ sơ có tối đa {PapersMax.ToString("N0", Vi)} thành phần giấy tờ."];
            return errors; // one message for the list, not one per paper
        }
        for (var i = 0; i < f.Papers.Count; i++)
        {
            var p = f.Papers[i];
            var key = "papers[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (string.IsNullOrWhiteSpace(p.Name))
            {
                errors[key + ".name"] = ["Vui lòng nhập tên giấy tờ."];
            }
            Max(key + ".name", p.Name, PaperNameMax, "Tên giấy tờ");
            if (p.Quantity is < 1 or > QuantityMax)
            {
                errors[key + ".quantity"] = [$"Số lượng của giấy tờ \"{Shorten(p.Name)}\" phải từ 1 đến {QuantityMax.ToString("N0", Vi)}."];
            }
        }
        return errors;
    }

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);

    private static string Shorten(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "không tên" : name.Length <= 60 ? name.Trim() : name[..60].Trim() + "…";
}
