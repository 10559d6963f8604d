using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Identity;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Identity;

/// <summary>Deactivating, demoting or resetting an account ends its bearer tokens and cookie sessions.</summary>
public sealed class SessionRevocationTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Theory]
    [InlineData("deactivate")]
    [InlineData("demote")]
    [InlineData("reset-password")]
    public async Task An_admin_change_ends_the_accounts_token_and_cookie(string change)
    {
        var userName = "thu.hoi." + change;
        var user = await Officers.CreateAsync(app, userName, Roles.OneStopOfficer, Roles.Leader);
        using var api = await app.ApiClientAsync(userName);
        var cookie = await app.LoginAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/dossiers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/can-bo")).StatusCode);

        var admin = await app.LoginAsync("admin");
        var fields = new Dictionary<string, string>
        {
            ["Input.Id"] = user.Id,
            ["Input.UserName"] = userName,
            ["Input.FullName"] = user.FullName,
            ["Input.UnitId"] = user.UnitId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["Input.IsActive"] = change == "deactivate" ? "false" : "true",
        };
        if (change == "reset-password")
        {
            fields["Input.Password"] = "DatLai@2026";
        }
        var roles = change == "demote" ? new[] { Roles.OneStopOfficer } : [Roles.OneStopOfficer, Roles.Leader];
        Assert.Equal(HttpStatusCode.Redirect, (await AccountsPage.PostAsync(admin, fields, roles)).StatusCode);
        app.Clock.Advance(OfficerSessions.CacheFor + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/dossiers")).StatusCode);
        var page = await cookie.GetAsync("/can-bo");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/dang-nhap", page.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/dossiers")).StatusCode);
    }

    [Fact]
    public async Task A_change_written_by_another_instance_ends_sessions_within_the_cache_time()
    {
        var user = await Officers.CreateAsync(app, "thu.hoi.khac", Roles.Specialist);
        using var api = await app.ApiClientAsync("thu.hoi.khac");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/units")).StatusCode);

        // Another instance deactivates the account: this instance's cache is not told.
        await using (var db = app.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));
        }
        app.Clock.Advance(OfficerSessions.CacheFor + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/units")).StatusCode);
    }

    [Fact]
    public async Task Disabling_an_account_changes_its_security_stamp()
    {
        var user = await Officers.CreateAsync(app, "thu.hoi.tem", Roles.Specialist);
        var admin = await app.LoginAsync("admin");
        Assert.Equal(HttpStatusCode.Redirect, (await AccountsPage.PostAsync(admin, new()
        {
            ["Input.Id"] = user.Id,
            ["Input.UserName"] = "thu.hoi.tem",
            ["Input.FullName"] = user.FullName,
            ["Input.UnitId"] = user.UnitId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["Input.IsActive"] = "false",
        }, Roles.Specialist)).StatusCode);
        await using var db = app.CreateDbContext();
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id);
        Assert.False(stored.IsActive);
        Assert.NotEqual(user.SecurityStamp, stored.SecurityStamp);
    }

    [Fact]
    public async Task An_administrator_editing_their_own_account_stays_signed_in()
    {
        var admin = await app.LoginAsync("admin");
        await using var db = app.CreateDbContext();
        var self = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "admin");
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == self.Id select r.Name!).ToArrayAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await AccountsPage.PostAsync(admin, new()
        {
            ["Input.Id"] = self.Id,
            ["Input.UserName"] = "admin",
            ["Input.FullName"] = self.FullName,
            ["Input.Position"] = "Quản trị viên",
            ["Input.UnitId"] = self.UnitId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["Input.IsActive"] = "true",
        }, roles)).StatusCode);
        app.Clock.Advance(OfficerSessions.CacheFor + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/quan-tri/tai-khoan")).StatusCode);
    }
}
