using Microsoft.Extensions.Configuration;
using MotCua.Web.Shared;

namespace MotCua.Web.Tests.Shared;

public sealed class SettingsTests
{
    private static IConfiguration With(string? value) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["MotCua:X"] = value }).Build();

    [Theory]
    [InlineData(null, 5)]
    [InlineData("", 5)]
    [InlineData("mười", 5)]
    [InlineData("-3", 5)]
    [InlineData("0", 5)]
    [InlineData("NaN", 5)]
    [InlineData("2.5", 2.5)]
    [InlineData("10000", 10000)]
    public void A_setting_that_is_not_a_positive_number_falls_back_to_the_default(string? value, double expected) =>
        Assert.Equal(expected, Settings.PositiveNumber(With(value), "MotCua:X", 5));

    [Fact]
    public void An_integer_setting_drops_the_fraction() => Assert.Equal(7, Settings.PositiveInteger(With("7.9"), "MotCua:X", 3));
}
