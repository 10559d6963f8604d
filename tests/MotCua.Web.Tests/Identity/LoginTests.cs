using System.Net;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Identity;

public sealed class LoginTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Fact]
    public async Task Right_password_signs_in_and_opens_the_officer_home()
    {
        var client = app.CreateNoRedirectClient();
        var response = await MotCuaApp.PostLoginAsync(client, "motcua", MotCuaApp.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/can-bo", response.Headers.Location?.OriginalString);

        var home = await client.GetStringAsync("/can-bo");
        Assert.Contains("Nguyễn Thị Thu Hà", home, StringComparison.Ordinal);
        Assert.Contains("Cán bộ một cửa", home, StringComparison.Ordinal);
        Assert.Contains("Bộ phận Một cửa", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_shows_a_Vietnamese_error_and_no_cookie()
    {
        var client = app.CreateNoRedirectClient();
        var response = await MotCuaApp.PostLoginAsync(client, "lanhdao", "Sai@12345");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", html, StringComparison.Ordinal);
        var after = await client.GetAsync("/can-bo");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Unknown_user_gets_the_same_message_as_a_wrong_password()
    {
        var client = app.CreateNoRedirectClient();
        var response = await MotCuaApp.PostLoginAsync(client, "khongtontai", "Sai@12345");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_form_is_refused_with_field_messages()
    {
        var client = app.CreateNoRedirectClient();
        var response = await MotCuaApp.PostLoginAsync(client, "", "");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Vui lòng nhập tên đăng nhập.", html, StringComparison.Ordinal);
        Assert.Contains("Vui lòng nhập mật khẩu.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_make_this_client_wait_even_with_the_right_one_until_the_admin_unlocks()
    {
        // A dedicated account so the wait does not disturb the other tests of this class.
        var admin = await app.LoginAsync("admin");
        await AccountsPage.CreateAsync(admin, "khoa.thu", "Người Thử Khóa", "Specialist", "Khoa@2025x");

        var client = app.CreateNoRedirectClient();
        for (var i = 0; i < 5; i++)
        {
            await MotCuaApp.PostLoginAsync(client, "khoa.thu", "Sai@12345");
        }
        var response = await MotCuaApp.PostLoginAsync(client, "khoa.thu", "Khoa@2025x");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(MotCua.Web.Features.Identity.IdentityModule.LoginFailed, Officers.LoginError(html));

        // The admin lifts the wait; then the right password works again.
        await using var db = app.CreateDbContext();
        var user = db.Users.Single(u => u.UserName == "khoa.thu");
        var unlock = await AccountsPage.PostAsync(admin, new()
        {
            ["Input.Id"] = user.Id,
            ["Input.UserName"] = "khoa.thu",
            ["Input.FullName"] = "Người Thử Khóa",
            ["Input.IsActive"] = "true",
            ["Input.Unlock"] = "true",
        }, "Specialist");
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        var later = await MotCuaApp.PostLoginAsync(client, "khoa.thu", "Khoa@2025x");
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitor_to_an_officer_page_is_sent_to_login()
    {
        var client = app.CreateNoRedirectClient();
        var response = await client.GetAsync("/quan-tri/tai-khoan");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/dang-nhap?ReturnUrl=", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chuyenvien")]
    [InlineData("motcua")]
    [InlineData("lanhdao")]
    [InlineData("daumoi")]
    public async Task Non_admins_are_forbidden_from_admin_pages(string userName)
    {
        var client = await app.LoginAsync(userName);
        foreach (var page in new[] { "/quan-tri/tai-khoan", "/quan-tri/don-vi" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/khong-co-quyen", response.Headers.Location?.ToString(), StringComparison.Ordinal);
            var denied = await client.GetAsync(response.Headers.Location);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
    }

    [Fact]
    public async Task Admin_opens_the_admin_pages()
    {
        var client = await app.LoginAsync("admin");
        var accounts = await client.GetStringAsync("/quan-tri/tai-khoan");
        Assert.Contains("chuyenvien", accounts, StringComparison.Ordinal);
        var units = await client.GetStringAsync("/quan-tri/don-vi");
        Assert.Contains("Chi cục Tiêu chuẩn Đo lường Chất lượng", units, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_home_page_is_Vietnamese_and_open_to_all()
    {
        var client = app.CreateNoRedirectClient();
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("lang=\"vi\"", html, StringComparison.Ordinal);
        Assert.Contains("Hệ thống một cửa và kiểm soát thủ tục hành chính", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        var client = await app.LoginAsync("daumoi");
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, "/can-bo");
        var response = await client.PostAsync("/dang-xuat", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/can-bo")).StatusCode);
    }
}
