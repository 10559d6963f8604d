using System.Globalization;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Demo;

/// <summary>Made-up Vietnamese applicants of Đắk Lắk for the demo: names, identity numbers, phones and addresses.</summary>
internal sealed class People(Random random)
{
    private static readonly string[] Surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Phan", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Y", "H'"];
    private static readonly string[] Middle = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Quang", "Thu", "Đức", "Kim"];
    private static readonly string[] Given = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy", "Yến"];
    private static readonly string[] Ede = ["Niê", "Êban", "Mlô", "Byă", "Ktla"];
    private static readonly string[] CompanyKinds = ["Công ty TNHH", "Công ty Cổ phần", "Hợp tác xã", "Phòng khám đa khoa", "Bệnh viện"];
    private static readonly string[] CompanyNames = ["Thiết bị Y tế Tây Nguyên", "Cà phê Buôn Ma Thuột", "Đo lường Đắk Lắk", "Nha khoa Phú Yên", "Thủy sản Sông Cầu",
        "Xăng dầu Ea Kar", "Công nghệ Hòa Phú", "Dược phẩm Tuy Hòa", "Nông sản Krông Pắc", "Cơ khí Buôn Hồ", "Khoáng sản Cư M'gar", "Điện lạnh Tân Lập"];
    private static readonly string[] Places = ["phường Buôn Ma Thuột", "phường Tân Lập", "phường Tân An", "phường Tuy Hòa", "phường Phú Yên", "phường Sông Cầu",
        "phường Buôn Hồ", "xã Hòa Phú", "xã Krông Pắc", "xã Ea Kar", "xã Cư M'gar", "xã Hòa Xuân"];
    private static readonly string[] Streets = ["Lê Duẩn", "Nguyễn Tất Thành", "Phan Bội Châu", "Y Jút", "Hùng Vương", "Trần Phú", "Lê Lợi", "Mai Hắc Đế"];

    public string Person()
    {
        var surname = Surnames[random.Next(Surnames.Length)];
        return surname is "Y" or "H'"
            ? (surname == "H'" ? "H'" + Given[random.Next(Given.Length)] : "Y " + Given[random.Next(Given.Length)]) + " " + Ede[random.Next(Ede.Length)]
            : surname + " " + Middle[random.Next(Middle.Length)] + " " + Given[random.Next(Given.Length)];
    }

    public string Company() => CompanyKinds[random.Next(CompanyKinds.Length)] + " " + CompanyNames[random.Next(CompanyNames.Length)];

    public string Address() => "Số " + random.Next(1, 300).ToString(CultureInfo.InvariantCulture) + " " + Streets[random.Next(Streets.Length)] + ", "
        + Places[random.Next(Places.Length)] + ", tỉnh Đắk Lắk";

    /// <summary>A mobile number of random digits, never a guessable run.</summary>
    public string Phone() => "09" + random.Next(1, 9).ToString(CultureInfo.InvariantCulture) + random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);

    public ApplicantInput Applicant(bool organisation) => organisation
        ? new ApplicantInput(ApplicantKind.Organisation, Company(), "6000" + random.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture), Phone(), null, Address(), Person())
        : new ApplicantInput(ApplicantKind.Individual, Person(), "0660" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture), Phone(), null, Address());
}
