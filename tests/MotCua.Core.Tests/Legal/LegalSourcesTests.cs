using MotCua.Core.Legal;

namespace MotCua.Core.Tests.Legal;

public sealed class LegalSourcesTests
{
    [Fact]
    public void Every_registered_text_has_a_unique_key_a_citation_and_a_sane_period()
    {
        Assert.NotEmpty(LegalSources.All);
        Assert.Equal(LegalSources.All.Count, LegalSources.All.Select(static s => s.Key).Distinct(StringComparer.Ordinal).Count());
        foreach (LegalSource source in LegalSources.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(source.Citation), source.Key);
            Assert.False(string.IsNullOrWhiteSpace(source.Subject), source.Key);
            if (source is { InForceFrom: { } from, InForceUntil: { } until })
            {
                Assert.True(from <= until, source.Key);
            }
        }
    }

    [Theory]
    [InlineData("ND61/2018", 2025, 6, 30, true)]
    [InlineData("ND61/2018", 2025, 7, 1, false)]
    [InlineData("ND118/2025", 2025, 6, 30, false)]
    [InlineData("ND118/2025", 2025, 7, 1, true)]
    [InlineData("ND13/2023", 2026, 1, 1, false)]
    [InlineData("LBVDLCN2025", 2026, 1, 1, true)]
    public void A_text_is_in_force_only_within_its_days(string key, int year, int month, int day, bool expected)
    {
        LegalSource source = LegalSources.Find(key) ?? throw new InvalidOperationException(key);
        Assert.Equal(expected, source.InForceOn(new DateOnly(year, month, day)));
    }

    [Fact]
    public void An_unconfirmed_basis_says_so()
    {
        var source = new LegalSource("X", "Văn bản X", "Thử", null, null, SourceCertainty.Unconfirmed);
        Assert.Equal("Căn cứ Văn bản X (chưa xác nhận nguồn)", source.Basis);
        Assert.Equal("Căn cứ Văn bản X", (source with { Certainty = SourceCertainty.Confirmed }).Basis);
    }
}
