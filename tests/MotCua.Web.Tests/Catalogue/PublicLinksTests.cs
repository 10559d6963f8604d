using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Catalogue;

/// <summary>The public pages' own links and icons answer: the procedure page's way back, the favicon the browser asks for.</summary>
public sealed class PublicLinksTests
{
    [Fact]
    public async Task The_procedure_pages_back_link_leads_to_the_catalogue_and_keeps_the_chosen_agency()
    {
        await using var app = new MotCuaApp();
        using var client = app.CreateClient();
        var html = await client.GetStringAsync("/thu-tuc/1.000173");
        Assert.Contains("href=\"/thu-tuc\" data-testid=\"back-to-catalogue\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@Model", html, StringComparison.Ordinal);

        var chosen = await client.GetStringAsync("/thu-tuc/1.000173?co-quan=SKHCN");
        Assert.Contains("href=\"/thu-tuc?co-quan=SKHCN\" data-testid=\"back-to-catalogue\"", chosen, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task The_favicon_answers_and_every_page_links_it(string path, string type)
    {
        await using var app = new MotCuaApp();
        using var client = app.CreateClient();
        using var icon = await client.GetAsync(path);
        Assert.True(icon.IsSuccessStatusCode, $"{path} answered {(int)icon.StatusCode}");
        Assert.Equal(type, icon.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<link rel=\"icon\" href=\"{path}\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }
}
