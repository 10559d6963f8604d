using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Feedback;

/// <summary>The PAKN page names the people who answered, and offers the approval only to those the desk lets approve.</summary>
public sealed class PaknAnswerPageTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private async Task<(string Code, long Id)> DraftedAsync()
    {
        using var anonymous = app.CreateClient();
        var created = await anonymous.PostAsJsonAsync("/api/public/feedback", new
        {
            senderName = "Hồ Văn Trang", senderAddress = "Tuy Hòa", senderPhone = "0914555666", title = "PAKN trang " + Guid.NewGuid().ToString("N")[..6],
            consent = true, content = "Đề nghị niêm yết rõ lệ phí thủ tục.",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var code = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
        int unit;
        long id;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == "Phòng Quản lý Khoa học và Công nghệ").Select(u => u.Id).SingleAsync();
            id = await db.FeedbackItems.Where(f => f.Code == code).Select(f => f.Id).SingleAsync();
        }
        using var focal = await app.ApiClientAsync("daumoi");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        Assert.Equal(HttpStatusCode.OK, (await focal.PostAsJsonAsync($"/api/feedback/{code}/actions", new { action = "classifyInScope", unitId = unit })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await specialist.PostAsJsonAsync($"/api/feedback/{code}/actions", new { action = "draftAnswer", answer = "Cơ quan đã niêm yết lệ phí." })).StatusCode);
        return (code, id);
    }

    [Fact]
    public async Task The_answer_names_the_drafter_and_approver_by_full_name()
    {
        var (code, id) = await DraftedAsync();
        using var leader = await app.ApiClientAsync("lanhdao");
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsJsonAsync($"/api/feedback/{code}/actions", new { action = "approve" })).StatusCode);
        using var focal = await app.LoginAsync("daumoi");
        var html = WebUtility.HtmlDecode(await focal.GetStringAsync($"/pakn/{id}"));
        Assert.Contains("(Trần Văn Minh, duyệt: Lê Quang Vinh)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("(chuyenvien", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_approval_is_offered_only_to_those_who_may_approve()
    {
        var (_, id) = await DraftedAsync();
        foreach (var (user, offered) in new[] { ("daumoi", false), ("chuyenvien", false), ("lanhdao", true), ("admin", true) })
        {
            using var client = await app.LoginAsync(user);
            var html = await client.GetStringAsync($"/pakn/{id}");
            Assert.True(html.Contains("data-testid=\"pakn-approve\"", StringComparison.Ordinal) == offered, user);
        }
    }

    [Fact]
    public async Task The_classification_is_offered_only_to_those_who_may_classify()
    {
        using var anonymous = app.CreateClient();
        var created = await anonymous.PostAsJsonAsync("/api/public/feedback", new
        {
            senderName = "Hồ Văn Phân", senderAddress = "Tuy Hòa", senderPhone = "0914555667", title = "PAKN phân loại " + Guid.NewGuid().ToString("N")[..6],
            consent = true, content = "Đề nghị công khai quy trình.",
        });
        var code = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
        long id;
        await using (var db = app.CreateDbContext())
        {
            id = await db.FeedbackItems.Where(f => f.Code == code).Select(f => f.Id).SingleAsync();
        }
        using var specialist = await app.LoginAsync("chuyenvien");
        Assert.DoesNotContain("data-testid=\"pakn-inscope\"", await specialist.GetStringAsync($"/pakn/{id}"), StringComparison.Ordinal);
        using var focal = await app.LoginAsync("daumoi");
        Assert.Contains("data-testid=\"pakn-inscope\"", await focal.GetStringAsync($"/pakn/{id}"), StringComparison.Ordinal);
    }
}
