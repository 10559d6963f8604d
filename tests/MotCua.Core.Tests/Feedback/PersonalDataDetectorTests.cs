using MotCua.Core.Feedback;

namespace MotCua.Core.Tests.Feedback;

/// <summary>The identifiers a PAKN may carry are found in every common spelling; legal references are not.</summary>
public sealed class PersonalDataDetectorTests
{
    private static string Found(string text, params KnownValue[] known) =>
        string.Join(" | ", PersonalDataDetector.Detect(text, known).Select(s => s.Of(text)));

    [Theory]
    [InlineData("Gọi 0912345678 nhé", "0912345678")]
    [InlineData("Gọi 0912 345 678 nhé", "0912 345 678")]
    [InlineData("Gọi 0912.345.678.", "0912.345.678")]
    [InlineData("Gọi 091-234-5678, cảm ơn", "091-234-5678")]
    [InlineData("Gọi +84 912 345 678", "+84 912 345 678")]
    [InlineData("Gọi (+84)912345678", "(+84)912345678")]
    [InlineData("Gọi 84912345678", "84912345678")]
    [InlineData("Máy bàn 0257 3811 222", "0257 3811 222")]
    [InlineData("Máy bàn (0257) 3811 222", "(0257) 3811 222")]
    [InlineData("Máy bàn 024 3825 1234", "024 3825 1234")]
    [InlineData("SĐT:0987654321.", "0987654321")]
    public void Finds_phones_in_every_common_spelling(string text, string expected) => Assert.Equal(expected, Found(text));

    [Theory]
    [InlineData("CCCD của tôi 079123456789 cấp năm 2021", "079123456789")]
    [InlineData("căn cước 079 123 456 789", "079 123 456 789")]
    [InlineData("số 0791 2345 6789", "0791 2345 6789")]
    [InlineData("CMND 212345678 do Công an cấp", "212345678")]
    [InlineData("chứng minh 212 345 678", "212 345 678")]
    [InlineData("hộ chiếu B1234567", "B1234567")]
    [InlineData("passport C12345678.", "C12345678")]
    [InlineData("CCCD số: 12345678", "12345678")]
    public void Finds_identity_numbers(string text, string expected) => Assert.Equal(expected, Found(text));

    [Theory]
    [InlineData("thư nguyenvana@gmail.com nhé", "nguyenvana@gmail.com")]
    [InlineData("thư a.b@so.gov.vn", "a.b@so.gov.vn")]
    [InlineData("thư a [at] b [dot] vn nhé", "a [at] b [dot] vn")]
    [InlineData("thư a(at)b.vn", "a(at)b.vn")]
    [InlineData("thư a @ b . vn. Sau đó", "a @ b . vn")]
    [InlineData("thư abc at gmail dot com", "abc at gmail dot com")]
    public void Finds_emails_including_obfuscated_forms(string text, string expected) => Assert.Equal(expected, Found(text));

    [Theory]
    [InlineData("nhà tôi ở số 12 đường Lê Lợi, rất gần", "số 12 đường Lê Lợi")]
    [InlineData("địa chỉ 12/3 Nguyễn Huệ, Tuy Hòa", "12/3 Nguyễn Huệ")]
    [InlineData("ở thôn Phú Lâm, xã An Ninh Đông, huyện Tuy An.", "thôn Phú Lâm, xã An Ninh Đông, huyện Tuy An")]
    [InlineData("ở tổ 5, khu phố 3 đã lâu", "tổ 5, khu phố 3")]
    [InlineData("Phường X có nhiều hộ", "Phường X")]
    [InlineData("nhà số 7 Trần Phú bị ngập", "số 7 Trần Phú")]
    public void Finds_addresses_by_heuristics(string text, string expected) => Assert.Equal(expected, Found(text));

    [Theory]
    [InlineData("Theo Nghị định 118/2025/NĐ-CP ngày 09/6/2025 và Điều 7 Nghị định 20/2008/NĐ-CP")]
    [InlineData("Thông tư 03/2025/TT-VPCP, Quyết định số 761/QĐ-UBND ngày 14/02/2008")]
    [InlineData("ngày 07.03.2025 12 giờ, ngày 14-02-2008")]
    [InlineData("Hồ sơ SKHCN-250310-0001 và 000.00.12.H48-250310-0001 đã trả kết quả")]
    [InlineData("Lệ phí 150000000 đồng, phí 1.500.000.000 đồng, 2.500.000 đ, tổng 123456789 VNĐ")]
    [InlineData("Vấn đề xã hội, Tổ chức, bản sao chứng thực, khối lượng công việc, thủ tục 1.000173, năm 2025")]
    [InlineData("Điều 12 Nghị định, công văn số 45 Sở Khoa học và Công nghệ, khoản 3 Điều 5, tỉnh Phú Yên, huyện Tuy An")]
    public void Keeps_legal_references_dates_codes_and_money(string text) => Assert.Equal("", Found(text));

    [Fact]
    public void Finds_the_senders_name_without_regard_to_case_diacritics_or_spacing_and_only_as_whole_words()
    {
        var name = new KnownValue("Lê Văn Phản Ánh", PersonalDataKind.Name);
        Assert.Equal("LÊ VĂN PHẢN ÁNH | le  van phan anh", Found("Tôi là LÊ VĂN PHẢN ÁNH, ký tên le  van phan anh.", name));
        Assert.Equal("", Found("Lê Văn Phản Ánhs không phải tên.", name));
        Assert.Equal("", Found("Chữ A và B", new KnownValue("A", PersonalDataKind.Name)));
    }

    [Fact]
    public void Review_restores_a_false_positive_and_redacts_what_the_officer_adds_everywhere()
    {
        const string text = "Ông Ba ở tổ 5, khu phố 3, gọi 0912 345 678; ông Ba nói thế.";
        var spans = PersonalDataDetector.Review(text, null, restore: ["TO 5, KHU PHO 3"], redact: ["ông ba"]);
        Assert.Equal("[đã ẩn] ở tổ 5, khu phố 3, gọi [đã ẩn]; [đã ẩn] nói thế.", PersonalDataDetector.Redact(text, spans));
        Assert.Equal(PersonalDataKind.Manual, spans[0].Kind);
    }

    [Fact]
    public void Overlapping_findings_become_one_redaction()
    {
        const string text = "CCCD 079123456789 của Nguyễn Văn A";
        var redacted = PersonalDataDetector.Redact(text, [new KnownValue("Nguyễn Văn A", PersonalDataKind.Name), new KnownValue("079123456789", PersonalDataKind.Contact)]);
        Assert.Equal("CCCD [đã ẩn] của [đã ẩn]", redacted);
    }
}
