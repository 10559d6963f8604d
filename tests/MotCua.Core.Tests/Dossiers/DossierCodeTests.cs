using MotCua.Core.Dossiers;

using static MotCua.Core.Tests.Calendar.CalendarTestData;

namespace MotCua.Core.Tests.Dossiers;

public sealed class DossierCodeTests
{
    [Fact]
    public void Default_format_is_agency_date_and_four_digit_sequence()
    {
        Assert.Equal("000.17.22.H56-210531-0001", DossierCode.Format("000.17.22.H56", T("2021-05-31T09:00:00+07:00"), 1));
        Assert.Equal(DossierCode.DefaultPattern, DossierCode.Default.Pattern);
    }

    [Theory]
    [InlineData("2025-03-09T17:00:00+00:00", "250310")] // 00:00 local on 10/3: Vietnam's date, not UTC's
    [InlineData("2025-03-10T16:59:59+00:00", "250310")] // 23:59:59 local
    [InlineData("2025-03-10T17:00:00+00:00", "250311")]
    public void The_date_is_the_Vietnam_local_receipt_date(string receivedAt, string yymmdd)
    {
        Assert.Equal("000.00.00.H44-" + yymmdd + "-0042", DossierCode.Format("000.00.00.H44", T(receivedAt), 42));
        Assert.Equal(D("20" + yymmdd[..2] + "-" + yymmdd[2..4] + "-" + yymmdd[4..]), DossierCode.SequenceDate(T(receivedAt)));
    }

    [Theory]
    [InlineData("000.17.22.H56", "2021-05-31", 1)]
    [InlineData("000.00.00.H44", "2025-12-31", 9999)]
    [InlineData("000.00.00.H44", "2024-02-29", 12345)] // outgrows four digits: still parses back
    [InlineData("SKHCN-PY", "2025-07-01", 7)]          // an agency code with the separator in it
    public void Format_and_parse_round_trip(string agency, string date, int sequence)
    {
        string code = DossierCode.Default.Build(agency, D(date), sequence);
        Assert.True(DossierCode.TryParse(code, out DossierCodeParts parts));
        Assert.Equal(new DossierCodeParts(agency, D(date), sequence), parts);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("000.17.22.H56-211331-0001")] // month 13
    [InlineData("000.17.22.H56-250229-0001")] // 29/2/2025 does not exist
    [InlineData("000.17.22.H56-210531-0000")] // sequence 0
    [InlineData("000.17.22.H56-210531-001")]  // three digits
    [InlineData("-210531-0001")]              // no agency
    [InlineData("000 17-210531-0001")]        // white space in the agency
    [InlineData("000.17.22.H56-210531-0001x")]
    public void Parse_rejects_anything_else(string? code) => Assert.False(DossierCode.TryParse(code, out _));

    [Fact]
    public void A_configured_pattern_formats_and_parses()
    {
        var format = new DossierCode("HS/{yyyy}{MM}{dd}/{agency}/{seq:6}");
        string code = format.Build("H44", T("2025-07-01T08:00:00+07:00"), 15);
        Assert.Equal("HS/20250701/H44/000015", code);
        Assert.True(format.TryRead(code, out DossierCodeParts parts));
        Assert.Equal(new DossierCodeParts("H44", D("2025-07-01"), 15), parts);
        Assert.False(format.TryRead("H44-250701-0015", out _));
    }

    [Theory]
    [InlineData("{agency}-{yyMMdd}")]              // no sequence
    [InlineData("{yyMMdd}-{seq:4}")]               // no agency
    [InlineData("{agency}-{MM}{dd}-{seq:4}")]      // no year
    [InlineData("{agency}-{agency}-{yyMMdd}-{seq:4}")]
    [InlineData("{agency}-{yyMMdd}-{seq:0}")]
    [InlineData("{agency}-{yyMMdd}-{n}")]
    [InlineData("{agency-{yyMMdd}-{seq:4}")]
    [InlineData("{agency}-{yyMMdd}-{seq:4")]
    public void Invalid_patterns_are_refused(string pattern) => Assert.Throws<FormatException>(() => new DossierCode(pattern));

    [Theory]
    [InlineData("", 1)]
    [InlineData("A B", 1)]
    [InlineData("H44", 0)]
    public void Build_refuses_bad_parts(string agency, int sequence) =>
        Assert.ThrowsAny<ArgumentException>(() => DossierCode.Default.Build(agency, D("2025-03-10"), sequence));
}
