using MotCua.Web.Features.Reports;

namespace MotCua.Web.Tests.Reports;

/// <summary>The narrative report's "Nơi nhận" comes from the agency's parent body, or from the lines written for the report.</summary>
public sealed class ReportNarrativeRecipientsTests
{
    [Fact]
    public void Recipients_name_the_parent_body_for_information_and_its_office()
    {
        var issuer = new ReportIssuer("UBND TỈNH ĐẮK LẮK", "Sở Khoa học và Công nghệ tỉnh Đắk Lắk", "SKHCN", "Đắk Lắk");
        Assert.Equal(
            new[] { "UBND tỉnh Đắk Lắk (b/c);", "Văn phòng UBND tỉnh Đắk Lắk (bộ phận kiểm soát TTHC);", "Lãnh đạo Sở Khoa học và Công nghệ tỉnh Đắk Lắk;", "Lưu: VT, SKHCN." },
            ReportNarrative.Recipients(issuer));

        var commune = new ReportIssuer("ỦY BAN NHÂN DÂN XÃ EA KAR", "Trung tâm Phục vụ hành chính công xã Ea Kar", "TTPVHCC-EAKAR", "Ea Kar");
        Assert.Equal("Ủy ban nhân dân xã Ea Kar (b/c);", ReportNarrative.Recipients(commune)[0]);
        Assert.Equal("UBND thành phố Hồ Chí Minh", ReportNarrative.AsWritten("UBND THÀNH PHỐ HỒ CHÍ MINH"));
    }

    [Fact]
    public void Lines_written_for_the_report_replace_those_drawn_from_the_agency()
    {
        var issuer = new ReportIssuer("UBND TỈNH ĐẮK LẮK", "Sở Khoa học và Công nghệ tỉnh Đắk Lắk", "SKHCN", "Đắk Lắk")
        {
            Recipients = ReportNarrative.ReadRecipients("Bộ Khoa học và Công nghệ (b/c);\n\n  Cục Kiểm soát TTHC  \nLưu: VT."),
        };
        Assert.Equal(new[] { "Bộ Khoa học và Công nghệ (b/c);", "Cục Kiểm soát TTHC;", "Lưu: VT." }, ReportNarrative.Recipients(issuer));
    }
}
