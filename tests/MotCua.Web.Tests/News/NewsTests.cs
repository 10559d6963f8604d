using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.News;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.News;

public sealed class NewsTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await MotCuaApp.AntiforgeryTokenAsync(client, "/tin-bai");
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task An_officer_writes_only_a_leader_publishes_and_only_published_news_is_public()
    {
        var title = "Sở KH&CN rà soát 15 thủ tục " + Guid.NewGuid().ToString("N")[..6];
        using var specialist = await app.LoginAsync("chuyenvien");
        var saved = await PostAsync(specialist, "/tin-bai?handler=Save", new()
        {
            ["Title"] = title,
            ["Summary"] = "Kết quả rà soát, đơn giản hóa thủ tục hành chính quý I.",
            ["Body"] = "Trong quý I, Sở đã rà soát 15 thủ tục và đề xuất cắt giảm thời gian giải quyết của 4 thủ tục.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        long id;
        await using (var db = app.CreateDbContext())
        {
            id = await db.NewsArticles.Where(n => n.Title == title).Select(n => n.Id).SingleAsync();
        }
        var invalid = await (await PostAsync(specialist, "/tin-bai?handler=Save", new() { ["Title"] = "", ["Summary"] = "", ["Body"] = "ngắn" })).Content.ReadAsStringAsync();
        Assert.Contains("Tiêu đề là bắt buộc", invalid, StringComparison.Ordinal);

        using var anonymous = app.CreateClient();
        Assert.DoesNotContain(title, await anonymous.GetStringAsync("/cai-cach-hanh-chinh"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/cai-cach-hanh-chinh/{id}")).StatusCode);

        var refused = await (await PostAsync(specialist, $"/tin-bai?handler=Publish&id={id}", new() { ["publish"] = "true" })).Content.ReadAsStringAsync();
        Assert.Contains("Chỉ lãnh đạo", refused, StringComparison.Ordinal);
        Assert.DoesNotContain(title, await anonymous.GetStringAsync("/cai-cach-hanh-chinh"), StringComparison.Ordinal);

        using var leader = await app.LoginAsync("lanhdao");
        await PostAsync(leader, $"/tin-bai?handler=Publish&id={id}", new() { ["publish"] = "true" });
        Assert.Contains(title.Replace("&", "&amp;", StringComparison.Ordinal), await anonymous.GetStringAsync("/cai-cach-hanh-chinh"), StringComparison.Ordinal);
        Assert.Contains("đề xuất cắt giảm", await anonymous.GetStringAsync($"/cai-cach-hanh-chinh/{id}"), StringComparison.Ordinal);
    }
}
