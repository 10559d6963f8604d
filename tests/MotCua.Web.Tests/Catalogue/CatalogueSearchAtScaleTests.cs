using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Catalogue.Public;
using MotCua.Web.Shared;
using MotCua.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MotCua.Web.Tests.Catalogue;

/// <summary>A province-sized catalogue (the demo's 40 and 2,000 generated procedures) searched on the database's engine.</summary>
public sealed class CatalogueSearchAtScaleTests(CatalogueSearchAtScaleTests.App app) : IClassFixture<CatalogueSearchAtScaleTests.App>
{
    /// <summary>The shared app with the generated catalogue imported once.</summary>
    public sealed class App : MotCuaApp, IAsyncLifetime
    {
        protected override bool StartsFromSeededTemplate => true;

        public async Task InitializeAsync()
        {
            var agencyId = await CataloguePages.AgencyIdAsync(this);
            await using var scope = Services.CreateAsyncScope();
            var json = JsonSerializer.SerializeToUtf8Bytes(new { procedures = ProvinceCatalogue.Rows().ToList() });
            var (rows, readErrors) = CatalogueImport.ReadJson(new MemoryStream(json));
            Assert.Empty(readErrors);
            var (_, errors) = await CatalogueImport.ImportAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), Clock, null, agencyId, rows,
                new DateOnly(2025, 1, 1), "Danh mục sinh tự động để thử tìm kiếm", null, default);
            Assert.Empty(errors);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    [Theory]
    [InlineData("do luong")]
    [InlineData("đo lường")]
    [InlineData("chuyen giao cong nghe")]
    [InlineData("x quang")]
    [InlineData("tiêu chuẩn")]
    [InlineData("giay phep kinh doanh")]
    [InlineData("cap lai giay chung nhan")]
    [InlineData("hanh nghe")]
    [InlineData("cong nhan")]
    [InlineData("8.100017")]
    [InlineData("khai thac khoang sanx")]
    public async Task Results_are_the_reference_matchers_set_in_its_tier_order(string q)
    {
        using var client = app.CreateClient();
        var entries = await CatalogueSearchOracle.EntriesAsync(app);
        Assert.True(entries.Count >= ProvinceCatalogue.Generated);
        Assert.NotEmpty(await CatalogueSearchOracle.AssertAgreesAsync(client, entries, q));
    }

    [Fact]
    public async Task The_phrase_in_the_name_comes_before_the_scattered_words_and_both_before_the_field()
    {
        using var client = app.CreateClient();
        var codes = (await client.GetFromJsonAsync<JsonElement[]>("/api/procedures?q=do+luong"))!.Select(p => p.GetProperty("code").GetString()!).ToList();
        var ranks = ProvinceCatalogue.Placed.Select(p => codes.IndexOf(p.Code)).ToList();
        Assert.All(ranks, r => Assert.True(r >= 0, string.Join(", ", codes)));
        Assert.True(ranks[0] < ranks[1] && ranks[1] < ranks[2], string.Join(", ", ranks));
    }

    [Fact]
    public async Task The_unsearched_catalogue_comes_a_page_at_a_time_small_enough_for_a_phone()
    {
        using var client = app.CreateClient();
        var total = (await CatalogueSearchOracle.EntriesAsync(app)).Count;
        var first = await client.GetStringAsync("/thu-tuc");
        Assert.True(Encoding.UTF8.GetByteCount(first) < 100 * 1024, $"{Encoding.UTF8.GetByteCount(first)} bytes");
        Assert.Contains($"Tìm thấy {total.ToVnNumber()} thủ tục; trang 1/", WebUtility.HtmlDecode(first), StringComparison.Ordinal);
        Assert.Contains("href=\"/thu-tuc?trang=2\"", first, StringComparison.Ordinal);
        var second = await client.GetStringAsync("/thu-tuc?trang=2");
        var firstCodes = Codes(first);
        Assert.Equal(IndexModel.PageSize, firstCodes.Count);
        Assert.Empty(firstCodes.Intersect(Codes(second)));
        // Past the last page shows the last page, which ends the list.
        var lastCodes = Codes(await client.GetStringAsync("/thu-tuc?trang=100000"));
        Assert.Equal(total - ((total - 1) / IndexModel.PageSize * IndexModel.PageSize), lastCodes.Count);
        // A field filter is kept from page to page.
        var fields = Regex.Matches(first, "<option value=\"(\\d+)\"").Select(m => m.Groups[1].Value).ToList();
        var links = new List<string>();
        foreach (var field in fields)
        {
            var page = await client.GetStringAsync("/thu-tuc?linh-vuc=" + field);
            if (page.Contains($"href=\"/thu-tuc?linh-vuc={field}&amp;trang=2\"", StringComparison.Ordinal))
            {
                links.Add(field);
            }
        }
        Assert.NotEmpty(links);
    }

    private static List<string> Codes(string html) =>
        [.. Regex.Matches(html, "<td data-label=\"Mã\">([^<]+)</td>").Select(m => m.Groups[1].Value)];
}
