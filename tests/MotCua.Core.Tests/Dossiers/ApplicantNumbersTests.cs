using MotCua.Core.Dossiers;

namespace MotCua.Core.Tests.Dossiers;

public sealed class ApplicantNumbersTests
{
    [Theory]
    [InlineData("0905123456", "0905123456")]
    [InlineData("0905 123 456", "0905123456")]
    [InlineData("0905.123.456", "0905123456")]
    [InlineData("0905-123-456", "0905123456")]
    [InlineData("+84905123456", "0905123456")]
    [InlineData("+84 905 123 456", "0905123456")]
    [InlineData("(+84) 905 123 456", "0905123456")]
    [InlineData("+84 0905 123 456", "0905123456")]
    [InlineData("84905123456", "0905123456")]
    [InlineData("0351234987", "0351234987")]
    [InlineData("0561234987", "0561234987")]
    [InlineData("0771234987", "0771234987")]
    [InlineData("0861234987", "0861234987")]
    [InlineData("0257 3842 111", "02573842111")]
    [InlineData("(0257) 3842.111", "02573842111")]
    [InlineData("024 3825 6789", "02438256789")]
    [InlineData("+84 24 3825 6789", "02438256789")]
    [InlineData("842438256789", "02438256789")]
    public void Phone_spellings_are_normalised(string text, string expected) =>
        Assert.Equal(expected, ApplicantNumbers.NormalizePhone(text));

    [Theory]
    [InlineData("1")]
    [InlineData("123")]
    [InlineData("905123456")]      // the leading 0 missing
    [InlineData("0105123456")]     // 01x is no longer a mobile prefix
    [InlineData("0605123456")]
    [InlineData("09051234567")]    // 11 digits but a mobile prefix
    [InlineData("0257384211")]     // 10 digits but a landline prefix
    [InlineData("1900 1234")]
    [InlineData("0905123456 ext 2")]
    [InlineData("+1 202 555 0100")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_phone(string? text) =>
        Assert.Null(ApplicantNumbers.NormalizePhone(text));

    [Theory]
    [InlineData("079085001234", false, "079085001234")]   // CCCD
    [InlineData(" 079 085 001 234 ", false, "079085001234")]
    [InlineData("079.085.001.234", false, "079085001234")]
    [InlineData("221234567", false, "221234567")]          // CMND
    [InlineData("c4829163", false, "C4829163")]            // passport
    [InlineData("B 4829163", false, "B4829163")]
    [InlineData("4400123456", true, "4400123456")]         // tax code
    [InlineData("4400123456-001", true, "4400123456-001")] // branch
    [InlineData("4400123456001", true, "4400123456-001")]
    [InlineData("079085001234", true, "079085001234")]     // the representative's CCCD
    public void ID_numbers_are_normalised(string text, bool organisation, string expected) =>
        Assert.Equal(expected, ApplicantNumbers.NormalizeIdNumber(text, organisation));

    [Theory]
    [InlineData("1", false)]
    [InlineData("12345", false)]
    [InlineData("0790850012345", false)] // 13 digits
    [InlineData("000085001234", false)]  // no province 000
    [InlineData("099085001234", false)]  // nor 099
    [InlineData("4400123456", false)]    // a tax code is not a person's ID
    [InlineData("CC482916", false)]
    [InlineData("C482916", false)]
    [InlineData("C48291634", false)]
    [InlineData("079085001234/1", false)]
    [InlineData("44001234", true)]
    [InlineData("", true)]
    [InlineData(null, true)]
    public void Anything_else_is_not_an_ID_number(string? text, bool organisation) =>
        Assert.Null(ApplicantNumbers.NormalizeIdNumber(text, organisation));

    [Theory]
    [InlineData("0900000000", true)]
    [InlineData("0909999999", true)]
    [InlineData("0909090909", true)]
    [InlineData("0901234567", true)]
    [InlineData("0907654321", true)]
    [InlineData("02573333333", true)]
    [InlineData("111111111", true)]
    [InlineData("123456789012", true)]
    [InlineData("C1234567", true)]
    [InlineData("C7654321", true)]
    [InlineData("C0000000", true)]
    [InlineData("0905123456", false)]
    [InlineData("0905444555", false)]
    [InlineData("02573842111", false)]
    [InlineData("079085001234", false)]
    [InlineData("C4829163", false)]
    [InlineData("4400123456-001", false)]
    public void Guessable_numbers_are_recognised(string normalized, bool guessable) =>
        Assert.Equal(guessable, ApplicantNumbers.IsGuessable(normalized));
}
