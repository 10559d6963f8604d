using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Identity;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Identity;

/// <summary>
/// Failed logins say nothing about which accounts exist, and a stranger's guesses slow down only the stranger.
/// </summary>
public sealed class LoginThrottleTests(LoginThrottleTests.AddressedApp app) : IClassFixture<LoginThrottleTests.AddressedApp>
{
    /// <summary>The app with each request's client address taken from a test header, as a proxy would give it.</summary>
    public sealed class AddressedApp : MotCuaApp
    {
        public const string Header = "X-Test-Client";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new AddressFilter()));
        }

        public HttpClient From(string address)
        {
            var client = CreateNoRedirectClient();
            client.DefaultRequestHeaders.Add(Header, address);
            return client;
        }

        private sealed class AddressFilter : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((HttpContext http, RequestDelegate nextMiddleware) =>
                {
                    if (IPAddress.TryParse(http.Request.Headers[Header].ToString(), out var ip))
                    {
                        http.Connection.RemoteIpAddress = ip;
                    }
                    return nextMiddleware(http);
                });
                next(app);
            };
        }
    }

    [Fact]
    public async Task An_existing_and_an_unknown_name_get_the_same_answers_however_many_tries()
    {
        await Officers.CreateAsync(app, "co.that", Roles.Specialist);
        using var a = app.From("10.0.0.1");
        using var b = app.From("10.0.0.2");
        for (var i = 0; i < 8; i++)
        {
            var real = await MotCuaApp.PostLoginAsync(a, "co.that", "Sai@12345");
            var fake = await MotCuaApp.PostLoginAsync(b, "khong.co.that", "Sai@12345");
            Assert.Equal(HttpStatusCode.OK, real.StatusCode);
            Assert.Equal(HttpStatusCode.OK, fake.StatusCode);
            var realError = Officers.LoginError(await real.Content.ReadAsStringAsync());
            Assert.Equal(IdentityModule.LoginFailed, realError);
            Assert.Equal(realError, Officers.LoginError(await fake.Content.ReadAsStringAsync()));
        }
    }

    [Fact]
    public async Task The_token_api_answers_an_existing_and_an_unknown_name_alike()
    {
        await Officers.CreateAsync(app, "co.that.api", Roles.Specialist);
        using var a = app.From("10.0.1.1");
        using var b = app.From("10.0.1.2");
        for (var i = 0; i < 8; i++)
        {
            var real = await a.PostAsJsonAsync("/api/auth/token", new { userName = "co.that.api", password = "Sai@12345" });
            var fake = await b.PostAsJsonAsync("/api/auth/token", new { userName = "khong.co.api", password = "Sai@12345" });
            Assert.Equal(HttpStatusCode.Unauthorized, real.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, fake.StatusCode);
            using var realJson = JsonDocument.Parse(await real.Content.ReadAsStringAsync());
            using var fakeJson = JsonDocument.Parse(await fake.Content.ReadAsStringAsync());
            Assert.Equal(realJson.RootElement.GetProperty("detail").GetString(), fakeJson.RootElement.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task A_strangers_guesses_do_not_lock_the_officer_out_of_their_own_desk()
    {
        await Officers.CreateAsync(app, "bi.doan", Roles.OneStopOfficer);
        using var stranger = app.From("203.0.113.7");
        for (var i = 0; i < 20; i++)
        {
            await MotCuaApp.PostLoginAsync(stranger, "bi.doan", "Doan@" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "x");
        }

        // The officer at the desk logs in at once.
        using var desk = app.From("192.168.1.20");
        var login = await MotCuaApp.PostLoginAsync(desk, "bi.doan", MotCuaApp.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        // The stranger waits, even with the right password, and is told nothing more than for a wrong one.
        var blocked = await MotCuaApp.PostLoginAsync(stranger, "bi.doan", MotCuaApp.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        Assert.Equal(IdentityModule.LoginFailed, Officers.LoginError(await blocked.Content.ReadAsStringAsync()));

        // The wait ends (it grows with each failure, up to 15 minutes).
        app.Clock.Advance(LoginThrottle.LongestDelay + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await MotCuaApp.PostLoginAsync(stranger, "bi.doan", MotCuaApp.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task The_wait_grows_after_each_failure_beyond_the_free_attempts()
    {
        Assert.Equal(TimeSpan.Zero, LoginThrottle.DelayAfter(LoginThrottle.FreeAttempts - 1));
        Assert.Equal(TimeSpan.FromMinutes(1), LoginThrottle.DelayAfter(LoginThrottle.FreeAttempts));
        Assert.Equal(TimeSpan.FromMinutes(2), LoginThrottle.DelayAfter(LoginThrottle.FreeAttempts + 1));
        Assert.Equal(TimeSpan.FromMinutes(8), LoginThrottle.DelayAfter(LoginThrottle.FreeAttempts + 3));
        Assert.Equal(TimeSpan.FromMinutes(15), LoginThrottle.DelayAfter(LoginThrottle.FreeAttempts + 30));

        await Officers.CreateAsync(app, "cho.dan", Roles.Specialist);
        using var client = app.From("10.0.2.1");
        for (var i = 0; i < LoginThrottle.FreeAttempts; i++)
        {
            await MotCuaApp.PostLoginAsync(client, "cho.dan", "Sai@12345");
        }
        Assert.Equal(HttpStatusCode.OK, (await MotCuaApp.PostLoginAsync(client, "cho.dan", MotCuaApp.DemoPassword)).StatusCode);
        app.Clock.Advance(LoginThrottle.FirstDelay + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await MotCuaApp.PostLoginAsync(client, "cho.dan", MotCuaApp.DemoPassword)).StatusCode);
    }
}
