using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.BrowserTests.Infrastructure;

/// <summary>
/// The app on a real loopback port (Kestrel, free port) with its own database, and the system Chromium driven by
/// Playwright. Playwright's own browser download cannot work here, so the Debian package is used (test.sh installs it).
/// The Chromium process is shared with the classes that run after this one (<see cref="SharedChromium"/>); every page
/// opens in a fresh context, so no cookie or storage passes between tests.
/// </summary>
/// <remarks>
/// A journey that talks to external systems derives from it: <see cref="CreateAppAsync"/> starts the stand-in servers and
/// gives the app their settings, <see cref="StartedAsync"/> tells them the app's address, <see cref="StoppedAsync"/> stops them.
/// </remarks>
public class BrowserApp : IAsyncLifetime
{
    public MotCuaApp App { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    private SharedChromium.Instance? _chromium;

    public static string ScreenshotDir { get; } = Path.Combine(FindRepoRoot(), "artifacts", "screenshots");

    /// <summary>The app to run, with whatever it needs started first.</summary>
    protected virtual Task<MotCuaApp> CreateAppAsync() => Task.FromResult(new MotCuaApp());

    /// <summary>Runs once the app listens on <see cref="BaseUrl"/>.</summary>
    protected virtual Task StartedAsync() => Task.CompletedTask;

    /// <summary>Runs after the app has stopped.</summary>
    protected virtual Task StoppedAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        App = await CreateAppAsync();
        App.UseKestrel(0);
        App.StartServer();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        await StartedAsync();
        _chromium = await SharedChromium.RentAsync();
        Browser = _chromium.Browser;
        Directory.CreateDirectory(ScreenshotDir);
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, Locale = "vi-VN", ViewportSize = new() { Width = 1280, Height = 860 } });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Whether this run saves screenshots: the SQLite run does (also the provider of a plain dotnet test); the PostgreSQL
    /// run puts the same pages through the same assertions and would only overwrite the same files, so it skips them
    /// unless MOTCUA_SCREENSHOTS=always.
    /// </summary>
    public static bool SavesScreenshots { get; } =
        TestDatabase.CurrentProvider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Environment.GetEnvironmentVariable("MOTCUA_SCREENSHOTS"), "always", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether this run checks pages with axe-core: the SQLite run does (also a plain dotnet test). The PostgreSQL run
    /// walks the same pages, seeded alike, whose markup does not depend on the database; it skips the axe passes (each a
    /// second or more of a loaded core, several hundred a run) unless MOTCUA_AXE=always.
    /// </summary>
    public static bool ChecksAccessibility { get; } =
        TestDatabase.CurrentProvider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Environment.GetEnvironmentVariable("MOTCUA_AXE"), "always", StringComparison.OrdinalIgnoreCase);

    /// <summary>axe-core's violations of <paramref name="tags"/> on the page as it stands; none on a run that does not check.</summary>
    public static async Task<AxeResultItem[]> AxeViolationsAsync(IPage page, IEnumerable<string> tags) =>
        ChecksAccessibility ? (await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. tags] } })).Violations : [];

    /// <summary>
    /// The whole page as it stands, saved as <paramref name="name"/>.png when this run saves screenshots. Chromium now and
    /// then refuses a capture while it has no frame yet (just after a viewport change or a navigation, on a loaded
    /// machine: "Unable to capture screenshot"); the capture is tried again on the next frames rather than failing the
    /// journey, and a third refusal still fails it.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (!SavesScreenshots)
        {
            return;
        }
        var options = new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.ScreenshotAsync(options);
                return;
            }
            catch (PlaywrightException e) when (attempt < 3 && e.Message.Contains("Unable to capture screenshot", StringComparison.Ordinal))
            {
                await page.EvaluateAsync("() => new Promise(resolve => { requestAnimationFrame(() => requestAnimationFrame(resolve)); setTimeout(resolve, 250); })");
            }
        }
    }

    /// <summary>
    /// The page as it stands at 1280 px (<paramref name="name"/>-1280) and on a 390 px phone (<paramref name="name"/>-390);
    /// either way the page is left at 1280 px.
    /// </summary>
    public static async Task ScreenshotBothWidthsAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(1280, 860);
        if (!SavesScreenshots)
        {
            return;
        }
        await ScreenshotAsync(page, name + "-1280");
        await page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync(page, name + "-390");
        await page.SetViewportSizeAsync(1280, 860);
    }

    /// <summary>
    /// Keeps Chromium's PDF viewer out of <paramref name="page"/>: a dossier's file preview is still fetched from the app
    /// (and must come back as a PDF), but the frame is given a short HTML note instead. The viewer runs in its own
    /// process inside the page, and on a page showing it a later click was sometimes lost (a "Tiếp nhận" that posted
    /// nothing, a menu link that did not navigate; traces showed the click done and no request). For journeys that work
    /// on dossier pages and do not test the preview itself; the preview has its own journey.
    /// </summary>
    public static Task WithoutPdfViewerAsync(IPage page) =>
        page.RouteAsync("**/ho-so/**handler=Preview*", async route =>
        {
            var served = await route.FetchAsync();
            var note = served.Ok && served.Headers.TryGetValue("content-type", out var type)
                ? "Tệp xem trước (" + type + ")"
                : "Xem trước lỗi: " + served.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await route.FulfillAsync(new() { Status = served.Status, ContentType = "text/html; charset=utf-8", Body = "<!doctype html><p>" + System.Net.WebUtility.HtmlEncode(note) + "</p>" });
        });

    public async Task<IPage> LoginAsync(string userName, string password = MotCuaApp.DemoPassword)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await ExpectPathAsync(page, "/can-bo");
        await Assertions.Expect(page.GetByTestId("officer-home")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>
    /// Waits until the page's address ends with <paramref name="path"/>. Unlike WaitForURLAsync this polls the address
    /// and does not wait for the "load" event, which Playwright can miss after a login redirect although the page has
    /// loaded (network idle logged, never load), failing a journey that did nothing wrong.
    /// </summary>
    public static Task ExpectPathAsync(IPage page, string path) =>
        Assertions.Expect(page).ToHaveURLAsync(
            new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(path) + "$"),
            new() { Timeout = 30_000 });

    public async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await SharedChromium.ReturnAsync(_chromium);
        }
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        await StoppedAsync();
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MotCua.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? Path.GetTempPath();
    }
}
