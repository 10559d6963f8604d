using MotCua.Core.Feedback;

namespace MotCua.Web.Tests.Feedback;

/// <summary>The register's search ignores diacritics, through the title folded when the item is received.</summary>
public sealed partial class FeedbackRegisterFilterTests
{
    [Fact]
    public async Task The_search_finds_a_title_typed_without_diacritics()
    {
        var tag = "P" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var codes = await ItemsAsync(
            new Spec($"Thủ tục đất đai {tag} rườm rà", FeedbackStatus.Received, FeedbackContentType.UnsuitableRegulation, null, 2, 5),
            new Spec($"Thủ tục hộ tịch {tag}", FeedbackStatus.Received, FeedbackContentType.UnsuitableRegulation, null, 2, 5));
        using var focal = await app.LoginAsync("daumoi");

        Assert.Equal([codes[0]], await CodesAsync(focal, "q=" + Uri.EscapeDataString($"thu tuc dat dai {tag}")));
        Assert.Equal([codes[0]], await CodesAsync(focal, "q=" + Uri.EscapeDataString($"DAT DAI {tag} RUOM")));
        Assert.Equal([codes[1]], await CodesAsync(focal, "q=" + Uri.EscapeDataString($"ho tich {tag}")));
    }
}
