using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.BrowserTests.Citizens;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Core.Procedures;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.CitizenAccounts;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Shared.Files;
using MotCua.Web.Tests.Infrastructure;
using MotCua.Web.Tests.Results;
using MotCua.Web.Tests.Reuse;

namespace MotCua.BrowserTests.NationalFabric;

/// <summary>The app with the VNeID stand-in and the payment gateway stand-in, both real processes started for the class.</summary>
public sealed class CitizenFabricBrowserApp : BrowserApp
{
    public const string ClientId = "motcua-journey";
    public const string ClientSecret = "c4e2a9d1-vneid-journey";
    public const string MerchantCode = "MCJOURN1";
    public const string GatewaySecret = "khoa-hanh-trinh-7b2e94d0";

    public LoopbackServer Identity { get; private set; } = null!;

    public LoopbackServer Gateway { get; private set; } = null!;

    protected override async Task<MotCuaApp> CreateAppAsync()
    {
        Identity = await LoopbackServer.StartAsync("MotCua.Servers.Identity", environment: new Dictionary<string, string?>
        {
            ["Client__Id"] = ClientId,
            ["Client__Secret"] = ClientSecret,
        });
        Gateway = await LoopbackServer.StartAsync("MotCua.Servers.PaymentGateway", ["--Gateway:TmnCode=" + MerchantCode, "--Gateway:Secret=" + GatewaySecret]);
        var app = new MotCuaApp();
        app.Settings["MotCua:VNeID:Authority"] = Identity.Url.ToString();
        app.Settings["MotCua:VNeID:ClientId"] = ClientId;
        app.Settings["MotCua:VNeID:ClientSecret"] = ClientSecret;
        app.Settings["MotCua:Payments:Gateway:Url"] = Gateway.Url.ToString();
        app.Settings["MotCua:Payments:Gateway:MerchantCode"] = MerchantCode;
        app.Settings["MotCua:Payments:Gateway:Secret"] = GatewaySecret;
        app.Settings["MotCua:Payments:SweepMinutes"] = "0";
        // The browser keeps the login and correlation cookies by the wall clock, as the provider does.
        app.Clock.SetUtcNow(TimeProvider.System.GetUtcNow());
        return app;
    }

    protected override async Task StartedAsync()
    {
        // Both stand-ins learn the app's real port: the provider its redirect address, the gateway where to send the IPN.
        (await Identity.Client.PostAsJsonAsync("/sim/client", new
        {
            Id = ClientId, Secret = ClientSecret, RedirectUri = BaseUrl + CitizenAccountsModule.CallbackPath, PostLogoutRedirectUri = BaseUrl + "/",
        })).EnsureSuccessStatusCode();
        (await Gateway.Client.PostAsJsonAsync("/sim/config", new { ipnUrl = BaseUrl + "/api/payments/ipn" })).EnsureSuccessStatusCode();
    }

    protected override async Task StoppedAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }
        if (Identity is not null)
        {
            await Identity.DisposeAsync();
        }
    }
}

/// <summary>
/// A citizen's day with the national fabric on a 390 px phone, through the pages only: log in with VNeID on the provider's
/// own page, see "my dossiers", submit a procedure with a fee on a form prefilled from the identity, reusing with consent
/// the paper handed in with an earlier dossier instead of uploading it again, pay on the gateway's page, come back paid
/// with the e-receipt (a PDF with the amount and the payer), find the dossier in "my dossiers", and see the reuse among
/// the reads of her data on the earlier dossier.
/// And the citizen who closes the page on the gateway: the gateway's signed IPN settles the payment all the same.
/// </summary>
public sealed class CitizenFabricJourneyTests(CitizenFabricBrowserApp browser) : IClassFixture<CitizenFabricBrowserApp>
{
    /// <summary>How long a page may take to answer: the journeys run beside other suites on a loaded machine.</summary>
    private const float Wait = 60_000;

    private const string Procedure = "1.000173";

    private const string PaperName = "Đơn đề nghị cấp chứng chỉ nhân viên bức xạ";

    private const string Huong = "079185003421";

    private const string HuongName = "Nguyễn Thị Thanh Hương";

    private const int Width = 390;

    private const long Fee = 150_000;

    private static readonly string[] AxeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly SemaphoreSlim CatalogueLock = new(1, 1);

    /// <summary>The procedure is offered online in full and charges a fee; the amount the dossier must pay.</summary>
    private async Task<long> OnlineProcedureWithFeeAsync()
    {
        await CatalogueLock.WaitAsync();
        try
        {
            await using var db = browser.App.CreateDbContext();
            var versions = await db.ProcedureVersions.Include(v => v.Papers).Include(v => v.Fees).Where(v => v.Procedure!.Code == Procedure).ToListAsync();
            foreach (var v in versions)
            {
                v.OnlineLevel = OnlineServiceLevel.Full;
                if (v.Papers.Count == 0)
                {
                    v.Papers.Add(new ProcedurePaper { Seq = 1, Name = PaperName, Required = true });
                }
                if (v.Fees.Count != 1 || v.Fees[0].Amount != Fee)
                {
                    v.Fees.Clear();
                    v.Fees.Add(new ProcedureFee { Seq = 1, Name = "Lệ phí cấp chứng chỉ nhân viên bức xạ", Amount = Fee });
                }
            }
            await db.SaveChangesAsync();
            return Fee;
        }
        finally
        {
            CatalogueLock.Release();
        }
    }

    /// <summary>
    /// A dossier the citizen handed in at the desk earlier, with the scan of its first paper: what MotCua holds for her ID
    /// number and offers again.
    /// </summary>
    private async Task<string> EarlierDossierAsync() =>
        (await HeldPaperSeed.DeskDossierAsync(browser.App, Procedure, PaperName, HuongName, Huong, OnlineSubmissionJourneyTests.SmallPdf(), "don-de-nghi-da-nop.pdf")).Code;

    private async Task<(IBrowserContext Context, IPage Page)> PhoneAsync()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl, Locale = "vi-VN", ViewportSize = new() { Width = Width, Height = 844 } });
        return (context, await context.NewPageAsync());
    }

    /// <summary>From the public home page to the provider's login page, where the citizen picks her identity, and back.</summary>
    private static async Task LoginWithVNeIDAsync(IPage citizen, Eyes look)
    {
        await citizen.GotoAsync("/");
        await look.CheckAsync("01-home");
        await citizen.GetByTestId("vneid-login-header").ClickAsync();
        var pick = citizen.Locator($"button[data-id-number='{Huong}']");
        await Assertions.Expect(pick).ToBeVisibleAsync(new() { Timeout = Wait });
        await look.ShotAsync("02-vneid-provider");
        await pick.ClickAsync();
        await BrowserApp.ExpectPathAsync(citizen, CitizenAccountsModule.MyDossiersPath);
        await Assertions.Expect(citizen.GetByTestId("citizen-identity")).ToContainTextAsync(Huong, new() { Timeout = Wait });
        await Assertions.Expect(citizen.GetByTestId("current-citizen")).ToHaveTextAsync(HuongName, new() { Timeout = Wait });
    }

    /// <summary>From "my dossiers" through the catalogue to the online form, prefilled from the identity; submitted.</summary>
    private static async Task<string> SubmitAsync(IPage citizen, Eyes look, string step, string? reuseFrom = null)
    {
        await citizen.GetByRole(AriaRole.Link, new() { Name = "Nộp hồ sơ trực tuyến" }).First.ClickAsync();
        await citizen.GetByLabel("Tên hoặc mã thủ tục").FillAsync(Procedure);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        await citizen.GetByTestId("results").GetByTestId("submit-online").First.ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("online-form")).ToBeVisibleAsync(new() { Timeout = Wait });
        await Assertions.Expect(citizen.Locator("#Name")).ToHaveValueAsync(HuongName, new() { Timeout = Wait });
        await Assertions.Expect(citizen.Locator("#IdNumber")).ToHaveValueAsync(Huong, new() { Timeout = Wait });
        await Assertions.Expect(citizen.Locator("#IdNumber")).ToHaveAttributeAsync("readonly", "readonly");
        await Assertions.Expect(citizen.Locator("#Phone")).ToHaveValueAsync("0905318274", new() { Timeout = Wait });
        await look.CheckAsync(step + "-form-prefilled");
        var papers = citizen.Locator("input[type=file][id^='paper-']");
        var first = 0;
        if (reuseFrom is not null)
        {
            // The paper handed in with the earlier dossier, offered beside the first paper: chosen, with consent, not uploaded.
            var choices = citizen.Locator("[data-testid='reuse-choices'][data-paper='0']");
            var earlier = choices.Locator(".reuse-option").Filter(new() { HasText = "hồ sơ " + reuseFrom });
            await Assertions.Expect(earlier).ToContainTextAsync(PaperName, new() { Timeout = Wait });
            await earlier.GetByRole(AriaRole.Radio).CheckAsync();
            await choices.GetByTestId("reuse-consent").CheckAsync();
            await look.CheckAsync(step + "-reuse-chosen");
            first = 1;
        }
        for (var i = first; i < await papers.CountAsync(); i++)
        {
            await papers.Nth(i).SetInputFilesAsync(new FilePayload { Name = $"giay-to-{i + 1}.pdf", MimeType = "application/pdf", Buffer = OnlineSubmissionJourneyTests.SmallPdf() });
        }
        await citizen.GetByTestId("consent").GetByRole(AriaRole.Checkbox).CheckAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ", Exact = true }).ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("online-confirmation")).ToBeVisibleAsync(new() { Timeout = Wait });
        return (await citizen.GetByTestId("online-code").InnerTextAsync()).Trim();
    }

    /// <summary>From the fee panel to the gateway's own page, showing the amount.</summary>
    private static async Task ToGatewayAsync(IPage citizen, Eyes look, string step, string amount)
    {
        var panel = citizen.GetByTestId("lookup-payment");
        await Assertions.Expect(panel.GetByTestId("payment-status")).ToHaveTextAsync("Chưa nộp", new() { Timeout = Wait });
        await Assertions.Expect(panel.GetByTestId("fee-amount")).ToHaveTextAsync(amount + " đồng", new() { Timeout = Wait });
        await look.CheckAsync(step + "-submitted-fee");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Thanh toán trực tuyến" }).ClickAsync();
        await look.CheckAsync(step + "-pay-handoff");
        await citizen.GetByTestId("to-gateway").ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("gateway-amount")).ToHaveTextAsync(amount + " VND", new() { Timeout = Wait });
        await look.ShotAsync(step + "-gateway");
    }

    [Fact]
    public async Task A_citizen_logs_in_with_VNeID_submits_with_a_reused_paper_pays_online_and_gets_the_e_receipt()
    {
        var fee = await OnlineProcedureWithFeeAsync();
        var earlier = await EarlierDossierAsync();
        var amount = fee.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
        var (context, citizen) = await PhoneAsync();
        var look = new Eyes(citizen, "fabric-citizen");

        await LoginWithVNeIDAsync(citizen, look);
        await Assertions.Expect(citizen.GetByTestId("my-dossiers").Locator($"tr[data-code='{earlier}']")).ToBeVisibleAsync(new() { Timeout = Wait });
        await look.CheckAsync("03-my-dossiers");
        var code = await SubmitAsync(citizen, look, "04", reuseFrom: earlier);
        await ToGatewayAsync(citizen, look, "05", amount);

        // Paid on the gateway's page: back on MotCua's return page, paid, with the receipt.
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Thanh toán", Exact = true }).ClickAsync();
        await Assertions.Expect(citizen).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/thanh-toan/ket-qua\\?"), new() { Timeout = Wait });
        await Assertions.Expect(citizen.GetByTestId("payment-state")).ToContainTextAsync("Thanh toán thành công", new() { Timeout = Wait });
        await Assertions.Expect(citizen.GetByTestId("payment-result")).ToContainTextAsync(code, new() { Timeout = Wait });
        await Assertions.Expect(citizen.GetByTestId("result-receipt")).ToContainTextAsync(HuongName, new() { Timeout = Wait });
        await look.CheckAsync("06-paid");

        // The e-receipt: a PDF whose text names the amount and the payer.
        var href = await citizen.GetByTestId("result-receipt-pdf").GetAttributeAsync("href");
        var response = await citizen.APIRequest.GetAsync(href!);
        Assert.True(response.Ok, $"{response.Status} {href}");
        Assert.Equal("application/pdf", response.Headers["content-type"].Split(';')[0]);
        var pdf = await response.BodyAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var text = ResultFlow.PdfText(pdf);
        Assert.Contains(amount, text, StringComparison.Ordinal);
        Assert.Contains(HuongName, text, StringComparison.Ordinal);
        if (BrowserApp.SavesScreenshots)
        {
            await File.WriteAllBytesAsync(Path.Combine(BrowserApp.ScreenshotDir, "fabric-citizen-e-receipt.pdf"), pdf);
        }

        // "My dossiers" lists it, and its page says paid with the receipt, without asking the second factor.
        await citizen.GetByTestId("current-citizen").ClickAsync();
        var mine = citizen.GetByTestId("my-dossiers").Locator($"tr[data-code='{code}']");
        await Assertions.Expect(mine).ToBeVisibleAsync(new() { Timeout = Wait });
        await look.CheckAsync("07-my-dossiers-with-it");
        await mine.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("own-dossier")).ToBeVisibleAsync(new() { Timeout = Wait });
        var panel = citizen.GetByTestId("lookup-payment");
        await Assertions.Expect(panel.GetByTestId("payment-status")).ToHaveTextAsync("Đã nộp trực tuyến", new() { Timeout = Wait });
        await Assertions.Expect(panel.GetByTestId("receipt")).ToBeVisibleAsync(new() { Timeout = Wait });
        await Assertions.Expect(panel.GetByTestId("pay-form")).ToHaveCountAsync(0, new() { Timeout = Wait });
        await look.CheckAsync("08-own-dossier-paid");

        // The reuse is filed in the new dossier, and the earlier dossier's page lists it among the reads of her data.
        await using (var db = browser.App.CreateDbContext())
        {
            var reused = await db.Set<MotCua.Web.Features.Reuse.ReusedPaper>().SingleAsync(r => r.Dossier!.Code == code);
            Assert.Equal((1, earlier), (reused.PaperSeq, reused.SourceDossierCode));
        }
        await citizen.GetByTestId("current-citizen").ClickAsync();
        await citizen.GetByTestId("my-dossiers").Locator($"tr[data-code='{earlier}']").GetByRole(AriaRole.Link, new() { Name = earlier }).ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("readers-list")).ToContainTextAsync("Sử dụng lại giấy tờ cho hồ sơ " + code, new() { Timeout = Wait });
        await look.CheckAsync("09-earlier-dossier-reuse-read");

        await context.CloseAsync();
        Assert.True(look.Problems.Count == 0, $"{look.Problems.Count} problems on the citizen's pages:\n" + string.Join('\n', look.Problems));
    }

    [Fact]
    public async Task A_citizen_who_closes_the_page_on_the_gateway_is_settled_by_the_signed_IPN()
    {
        var fee = await OnlineProcedureWithFeeAsync();
        var amount = fee.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
        var (context, citizen) = await PhoneAsync();
        var look = new Eyes(citizen, "fabric-closed");
        await LoginWithVNeIDAsync(citizen, look);
        var code = await SubmitAsync(citizen, look, "04");
        await ToGatewayAsync(citizen, look, "05", amount);
        var reference = (await citizen.GetByTestId("txn-ref").InnerTextAsync()).Trim();

        // The page is closed before the gateway's answer sends the browser back to MotCua: the gateway takes the payment
        // (and sends its IPN), but the browser never follows its redirect.
        var sentBack = false;
        await citizen.RouteAsync("**/paymentv2/confirm", async route =>
        {
            var answer = await route.FetchAsync(new() { MaxRedirects = 0 });
            sentBack = answer.Status == 302 && (answer.Headers.GetValueOrDefault("location") ?? "").Contains("/thanh-toan/ket-qua", StringComparison.Ordinal);
            await route.AbortAsync();
        });
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Thanh toán", Exact = true }).ClickAsync();
        for (var waited = 0; !sentBack && waited < 300; waited++)
        {
            await Task.Delay(100);
        }
        Assert.True(sentBack, "the gateway did not take the payment");
        await citizen.CloseAsync();

        // The gateway's signed IPN, server to server, was confirmed by MotCua.
        var ipn = Assert.Single((await browser.Gateway.Client.GetFromJsonAsync<List<JsonElement>>("/sim/ipn"))!, i => i.GetProperty("txnRef").GetString() == reference);
        Assert.Equal("00", JsonDocument.Parse(ipn.GetProperty("answer").GetString()!).RootElement.GetProperty("RspCode").GetString());

        // Back later in a new tab: "my dossiers", the dossier paid, with its receipt.
        var later = await context.NewPageAsync();
        var back = new Eyes(later, "fabric-closed");
        await later.GotoAsync("/");
        await later.GetByTestId("current-citizen").ClickAsync();
        await later.GetByTestId("my-dossiers").Locator($"tr[data-code='{code}']").GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        var panel = later.GetByTestId("lookup-payment");
        await Assertions.Expect(panel.GetByTestId("payment-status")).ToHaveTextAsync("Đã nộp trực tuyến", new() { Timeout = Wait });
        await Assertions.Expect(panel.GetByTestId("receipt")).ToContainTextAsync(amount, new() { Timeout = Wait });
        await back.CheckAsync("06-paid-by-ipn");

        await context.CloseAsync();
        Assert.True(look.Problems.Count + back.Problems.Count == 0, string.Join('\n', look.Problems.Concat(back.Problems)));
    }

    /// <summary>What the journey checks on every MotCua page it reaches: axe, sideways scroll on a phone, and a screenshot.</summary>
    private sealed class Eyes(IPage page, string prefix)
    {
        public List<string> Problems { get; } = [];

        /// <summary>A page of another system (the stand-ins): its picture only.</summary>
        public Task ShotAsync(string step) => BrowserApp.ScreenshotAsync(page, $"{prefix}-{Width}-{step}");

        public async Task CheckAsync(string step)
        {
            var where = $"{step} ({new Uri(page.Url).PathAndQuery}) @{Width}";
            await ShotAsync(step);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            if (overflow > 0)
            {
                Problems.Add($"{where}: the page is {overflow} px wider than the screen");
            }
            var violations = await BrowserApp.AxeViolationsAsync(page, AxeTags);
            Problems.AddRange(violations
                .Where(v => v.Impact is "serious" or "critical")
                .SelectMany(v => v.Nodes.Select(n => $"{where}: axe {v.Id} ({v.Impact}) {v.Help} at {n.Target} {n.Html}")));
        }
    }
}
