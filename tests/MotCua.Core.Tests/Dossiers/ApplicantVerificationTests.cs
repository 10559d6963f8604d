using MotCua.Core.Dossiers;

namespace MotCua.Core.Tests.Dossiers;

public sealed class ApplicantVerificationTests
{
    private const string StoredPhone = "0905 123 456";
    private const string StoredId = "054201001234";

    [Theory]
    [InlineData("0905123456")]
    [InlineData("0905.123.456")]
    [InlineData("+84 905 123 456")]
    [InlineData("84905123456")]
    [InlineData("054201001234")]
    [InlineData(" 054 201 001 234 ")]
    public void The_phone_or_the_ID_number_is_a_second_factor(string provided) =>
        Assert.True(ApplicantVerification.Matches(provided, StoredPhone, StoredId));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("0905123457")]
    [InlineData("905123456")]     // not the stored number once normalised
    [InlineData("05420100123")]   // a prefix of the ID
    [InlineData("123")]
    public void Anything_else_is_refused(string? provided) =>
        Assert.False(ApplicantVerification.Matches(provided, StoredPhone, StoredId));

    [Fact]
    public void Blank_stored_values_never_match()
    {
        Assert.False(ApplicantVerification.Matches("", null, null));
        Assert.False(ApplicantVerification.Matches("0905123456", null, ""));
    }

    [Fact]
    public void Passport_numbers_compare_without_case() =>
        Assert.True(ApplicantVerification.Matches("c4829163", null, "C4829163"));

    [Theory]
    [InlineData("1", "1")]                   // what a receipt once accepted as an ID number
    [InlineData("0900000000", "0900000000")] // a valid phone, but guessable
    [InlineData("0901234567", null)]
    [InlineData("C1234567", "C1234567")]
    [InlineData("abc", "ABC")]
    public void Legacy_stored_values_that_are_invalid_or_guessable_never_serve_as_a_factor(string provided, string? storedId) =>
        Assert.False(ApplicantVerification.Matches(provided, provided, storedId));

    [Theory]
    [InlineData("lan.nguyen@example.vn", true)]
    [InlineData("  LAN.Nguyen@Example.VN ", true)]
    [InlineData("0905318274", true)]
    [InlineData("khac@example.vn", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_record_with_an_email_also_opens_with_that_email(string? provided, bool expected) =>
        Assert.Equal(expected, ApplicantVerification.Matches(provided, "0905318274", null, "lan.nguyen@example.vn"));

    [Fact]
    public void A_blank_stored_email_never_matches() =>
        Assert.False(ApplicantVerification.Matches(" ", null, null, " "));
}
