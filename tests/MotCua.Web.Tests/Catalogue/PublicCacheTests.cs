using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Shared;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Catalogue;

/// <summary>
/// The catalogue's public pages are kept rendered for anonymous visitors and sent compressed, while officers and every
/// page with a token or personal data are rendered per request and never compressed; an edit saved through the app shows
/// at once. A page served from the cache is told apart by a change written straight to the database, which no eviction sees.
/// </summary>
public sealed class PublicCacheTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static async Task RenameInDatabaseAsync(MotCuaApp app, string code, string name)
    {
        await using var db = app.CreateDbContext();
        Assert.True(await db.ProcedureVersions.Where(v => v.Procedure!.Code == code).ExecuteUpdateAsync(s => s.SetProperty(v => v.Name, name)) > 0);
    }

    [Fact]
    public async Task A_procedures_page_is_served_from_the_cache_to_visitors_but_rendered_for_an_officer_who_stores_nothing()
    {
        var admin = await app.LoginAsync("admin");
        var id = await CataloguePages.SaveDraftAsync(app, admin, "9.300001", "Thủ tục thử bộ nhớ đệm", "10");
        Assert.Equal(HttpStatusCode.Redirect, (await CataloguePages.DecideAsync(admin, "301/QĐ-UBND", "2025-02-20", "2025-03-01", publish: [id])).StatusCode);

        // The officer's visit first: were it stored, the visitor below would get the officer's menu.
        Assert.Contains("data-testid=\"current-user\"", await admin.GetStringAsync("/thu-tuc/9.300001"), StringComparison.Ordinal);
        using var visitor = app.CreateClient();
        var first = await visitor.GetStringAsync("/thu-tuc/9.300001");
        Assert.DoesNotContain("data-testid=\"current-user\"", first, StringComparison.Ordinal);
        Assert.Contains("Thủ tục thử bộ nhớ đệm", first, StringComparison.Ordinal);

        await RenameInDatabaseAsync(app, "9.300001", "Tên đổi thẳng trong cơ sở dữ liệu");
        Assert.Contains("Thủ tục thử bộ nhớ đệm", await visitor.GetStringAsync("/thu-tuc/9.300001"), StringComparison.Ordinal);
        // Another query string is another page, rendered from the database.
        Assert.Contains("Tên đổi thẳng trong cơ sở dữ liệu", await visitor.GetStringAsync("/thu-tuc/9.300001?co-quan=SKHCN"), StringComparison.Ordinal);
        // The officer is never answered from the cache.
        Assert.Contains("Tên đổi thẳng trong cơ sở dữ liệu", await admin.GetStringAsync("/thu-tuc/9.300001"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_amendment_published_through_the_app_shows_on_the_cached_public_pages_at_once()
    {
        var admin = await app.LoginAsync("admin");
        var id = await CataloguePages.SaveDraftAsync(app, admin, "9.300002", "Thủ tục thử sửa đổi công khai", "10");
        Assert.Equal(HttpStatusCode.Redirect, (await CataloguePages.DecideAsync(admin, "302/QĐ-UBND", "2025-02-20", "2025-03-01", publish: [id])).StatusCode);
        using var visitor = app.CreateClient();
        Assert.Contains("10 ngày làm việc", await visitor.GetStringAsync("/thu-tuc/9.300002"), StringComparison.Ordinal);
        Assert.Contains("Thủ tục thử sửa đổi công khai", await visitor.GetStringAsync("/thu-tuc?q=sua+doi+cong+khai"), StringComparison.Ordinal);

        await CataloguePages.SaveDraftAsync(app, admin, "9.300002", "Thủ tục thử sửa đổi công khai đã rút ngắn", "7", id);
        Assert.Equal(HttpStatusCode.Redirect, (await CataloguePages.DecideAsync(admin, "303/QĐ-UBND", "2025-03-05", "2025-03-10", publish: [id])).StatusCode);

        var page = await visitor.GetStringAsync("/thu-tuc/9.300002");
        Assert.Contains("7 ngày làm việc", page, StringComparison.Ordinal);
        Assert.DoesNotContain("10 ngày làm việc", page, StringComparison.Ordinal);
        Assert.Contains("đã rút ngắn", await visitor.GetStringAsync("/thu-tuc?q=sua+doi+cong+khai"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/thu-tuc")]
    [InlineData("/thu-tuc?q=giay+phep")]
    [InlineData("/thu-tuc/1.000173")]
    [InlineData("/thu-tuc/danh-sach/mot-cua")]
    [InlineData("/thu-tuc/danh-sach/truc-tuyen?trang=1")]
    public async Task A_cached_page_carries_no_nonce_and_is_sent_compressed_or_plain_as_asked(string path)
    {
        using var visitor = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var compressed = new HttpRequestMessage(HttpMethod.Get, path);
        compressed.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var first = await visitor.SendAsync(compressed);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("br", Assert.Single(first.Content.Headers.ContentEncoding));

        // The second answer comes from the cache, stored while the first was compressed: it must still be plain HTML.
        var plain = await visitor.GetStringAsync(path);
        Assert.StartsWith("<!DOCTYPE html>", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("nonce=", plain, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("/js/navfold.js", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forms_with_tokens_and_officer_pages_are_never_compressed_but_the_stylesheet_is()
    {
        using var visitor = app.CreateClient();
        static async Task<ICollection<string>> EncodingOf(HttpClient client, string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            using var response = await client.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}");
            return response.Content.Headers.ContentEncoding;
        }
        Assert.Empty(await EncodingOf(visitor, "/dang-nhap"));
        Assert.Empty(await EncodingOf(visitor, "/phan-anh-kien-nghi"));
        var admin = await app.LoginAsync("admin");
        Assert.Empty(await EncodingOf(admin, "/thu-tuc"));
        Assert.Empty(await EncodingOf(admin, "/api/procedures"));
        Assert.Contains("br", await EncodingOf(visitor, "/css/site.css"));
        Assert.Contains("br", await EncodingOf(visitor, "/api/procedures?q=giay+phep"));
    }

    [Theory]
    [InlineData(true, 200, false)]
    [InlineData(false, 200, true)]
    [InlineData(false, 404, false)]
    public async Task A_response_that_sets_a_cookie_or_fails_is_not_stored(bool setsCookie, int status, bool stored)
    {
        IOutputCachePolicy policy = new PublicCache.AnonymousPagePolicy();
        var http = new DefaultHttpContext();
        http.Request.Method = "GET";
        var context = new OutputCacheContext { HttpContext = http };
        await policy.CacheRequestAsync(context, default);
        Assert.True(context.AllowCacheStorage);
        http.Response.StatusCode = status;
        if (setsCookie)
        {
            http.Response.Headers.SetCookie = "x=1; path=/";
        }
        await policy.ServeResponseAsync(context, default);
        Assert.Equal(stored, context.AllowCacheStorage);
    }

    [Fact]
    public async Task A_request_with_an_authorization_header_is_neither_looked_up_nor_stored()
    {
        IOutputCachePolicy policy = new PublicCache.AnonymousPagePolicy();
        var http = new DefaultHttpContext();
        http.Request.Method = "GET";
        http.Request.Headers.Authorization = "Bearer abc";
        var context = new OutputCacheContext { HttpContext = http };
        await policy.CacheRequestAsync(context, default);
        Assert.False(context.AllowCacheLookup);
        Assert.False(context.AllowCacheStorage);
    }

    [Fact]
    public async Task A_public_list_at_province_size_is_paged_and_its_print_button_prints_the_whole_list()
    {
        await using var own = new MotCuaApp();
        await using (var db = own.CreateDbContext())
        {
            var agency = await CatalogueQueries.PublicAgencyAsync(db, null, default);
            var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { procedures = ProvinceCatalogue.Rows().Take(70).ToList() });
            var (rows, readErrors) = CatalogueImport.ReadJson(new MemoryStream(json));
            Assert.Empty(readErrors);
            var (imported, errors) = await CatalogueImport.ImportAsync(db, own.Clock, null, agency!.Id, rows, new DateOnly(2025, 1, 1), "Danh mục thử", null, default);
            Assert.Empty(errors);
            Assert.Equal(70, imported);
            await db.ProcedureVersions.Where(v => v.Procedure!.AgencyId == agency.Id).ExecuteUpdateAsync(u => u.SetProperty(v => v.AtOneStop, true));
        }
        using var visitor = own.CreateClient();
        var first = System.Net.WebUtility.HtmlDecode(await visitor.GetStringAsync("/thu-tuc/danh-sach/mot-cua"));
        var total = System.Text.RegularExpressions.Regex.Count(first, "data-label=\"STT\"");
        Assert.Equal(ListsPageSize, total);
        Assert.Contains("data-testid=\"list-pages\"", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/thu-tuc/danh-sach/mot-cua?ban-in=true\" data-testid=\"printable-list\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("data-print", first, StringComparison.Ordinal);

        var second = await visitor.GetStringAsync("/thu-tuc/danh-sach/mot-cua?trang=2");
        Assert.Contains("data-label=\"STT\">51<", second, StringComparison.Ordinal);

        var printable = await visitor.GetStringAsync("/thu-tuc/danh-sach/mot-cua?ban-in=true");
        var all = System.Text.RegularExpressions.Regex.Count(printable, "data-label=\"STT\"");
        Assert.True(all > ListsPageSize, $"the printable list holds {all} rows");
        Assert.Contains("data-print", printable, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"list-pages\"", printable, StringComparison.Ordinal);
        Assert.Contains($"Tổng số: {all} thủ tục.", System.Net.WebUtility.HtmlDecode(printable), StringComparison.Ordinal);
    }

    private const int ListsPageSize = MotCua.Web.Features.Catalogue.Public.ListsModel.PageSize;
}
