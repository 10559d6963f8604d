using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Payments;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Payments;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Payments;

/// <summary>MotCua on a real port and the stand-in gateway as a real process, so the IPN travels server to server.</summary>
public sealed class PaymentGatewayFixture : IAsyncLifetime
{
    public const string MerchantCode = "MCTEST01";
    public const string Secret = "khoa-thu-nghiem-9f3a51c7";

    public LoopbackServer Gateway { get; private set; } = null!;

    public MotCuaApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Gateway = await LoopbackServer.StartAsync("MotCua.Servers.PaymentGateway", ["--Gateway:TmnCode=" + MerchantCode, "--Gateway:Secret=" + Secret]);
        App = new MotCuaApp();
        App.Settings["MotCua:Payments:Gateway:Url"] = Gateway.Url.ToString();
        App.Settings["MotCua:Payments:Gateway:MerchantCode"] = MerchantCode;
        App.Settings["MotCua:Payments:Gateway:Secret"] = Secret;
        App.Settings["MotCua:Payments:SweepMinutes"] = "0";
        App.UseKestrel(0);
        App.StartServer();
        var addresses = App.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        var baseUrl = addresses.First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        // The factory's clients default to http://localhost; on Kestrel they must name the real port.
        App.ClientOptions.BaseAddress = new Uri(baseUrl + "/");
        (await Gateway.Client.PostAsJsonAsync("/sim/config", new { ipnUrl = baseUrl + "/api/payments/ipn" })).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Gateway.DisposeAsync();
    }
}

/// <summary>Paying a dossier's fee online: the IPN, its repeats and forgeries, the closed page, refunds and the day's reconciliation.</summary>
public sealed partial class PaymentTests(PaymentGatewayFixture fixture) : IClassFixture<PaymentGatewayFixture>
{
    private const string Phone = "0905318274";
    private const long Fee = 150_000;

    private MotCuaApp App => fixture.App;

    private HttpClient Gateway => fixture.Gateway.Client;

    [GeneratedRegex("data-testid=\"to-gateway\" href=\"([^\"]+)\"|href=\"([^\"]+)\" data-testid=\"to-gateway\"")]
    private static partial Regex GatewayLink();

    private async Task<string> DossierWithFeeAsync()
    {
        using var desk = await App.ApiClientAsync("motcua");
        var response = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173",
            channel = "direct",
            applicant = new { name = "Công ty Thanh Bình " + Guid.NewGuid().ToString("N")[..6], idNumber = "079085004417", phone = Phone, address = "Buôn Ma Thuột, Đắk Lắk" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true } },
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var code = JsonDocument.Parse(text).RootElement.GetProperty("code").GetString()!;
        await using var db = App.CreateDbContext();
        await db.Set<Dossier>().Where(d => d.Code == code).ExecuteUpdateAsync(s => s.SetProperty(d => d.FeeAmount, Fee));
        return code;
    }

    private async Task Behaviour(string ipn) => (await Gateway.PostAsJsonAsync("/sim/behaviour", new { ipn })).EnsureSuccessStatusCode();

    /// <summary>The citizen's "Thanh toán trực tuyến" from the look-up page, then the gateway's page: the transaction reference.</summary>
    private async Task<(HttpClient Citizen, string Reference)> StartAsync(string code)
    {
        var citizen = App.CreateClient();
        var token = await MotCuaApp.AntiforgeryTokenAsync(citizen, "/tra-cuu/" + code);
        var page = await citizen.PostAsync("/thanh-toan", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = code, ["Factor"] = Phone, ["__RequestVerificationToken"] = token,
        }));
        var html = await page.Content.ReadAsStringAsync();
        var match = GatewayLink().Match(html);
        Assert.True(match.Success, html);
        var url = new Uri(WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value));
        Assert.StartsWith(fixture.Gateway.Url.ToString(), url.ToString(), StringComparison.Ordinal);
        var gatewayPage = await Gateway.GetAsync(url.PathAndQuery);
        var gatewayHtml = await gatewayPage.Content.ReadAsStringAsync();
        Assert.True(gatewayPage.IsSuccessStatusCode, gatewayHtml);
        Assert.Contains("Thanh toán", gatewayHtml, StringComparison.Ordinal);
        Assert.Contains("150.000 VND", gatewayHtml, StringComparison.Ordinal);
        var reference = System.Web.HttpUtility.ParseQueryString(url.Query)["vnp_TxnRef"]!;
        return (citizen, reference);
    }

    private async Task<string> CompleteAsync(string reference, string outcome = "paid")
    {
        var response = await Gateway.PostAsJsonAsync("/sim/complete", new { txnRef = reference, outcome });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("returnUrl").GetString()!;
    }

    private async Task<List<JsonElement>> IpnsAsync(string reference) =>
        (await Gateway.GetFromJsonAsync<List<JsonElement>>("/sim/ipn"))!.Where(i => i.GetProperty("txnRef").GetString() == reference).ToList();

    private static string RspCode(JsonElement ipn) => JsonDocument.Parse(ipn.GetProperty("answer").GetString()!).RootElement.GetProperty("RspCode").GetString()!;

    private async Task<(OnlinePayment Payment, PaymentStatus Dossier, int Receipts)> StateAsync(string reference)
    {
        await using var db = App.CreateDbContext();
        var payment = await db.OnlinePayments.AsNoTracking().SingleAsync(p => p.Reference == reference);
        var status = await db.Set<Dossier>().Where(d => d.Id == payment.DossierId).Select(d => d.PaymentStatus).SingleAsync();
        var receipts = await db.PaymentReceipts.CountAsync(r => r.PaymentId == payment.Id);
        return (payment, status, receipts);
    }

    [Fact]
    public async Task Paying_on_the_gateway_settles_through_the_callback_with_one_receipt()
    {
        await Behaviour("normal");
        var code = await DossierWithFeeAsync();
        var (citizen, reference) = await StartAsync(code);
        Assert.Equal(OnlinePaymentStatus.Pending, (await StateAsync(reference)).Payment.Status);

        var returnUrl = await CompleteAsync(reference);
        var ipn = Assert.Single(await IpnsAsync(reference));
        Assert.Equal("00", RspCode(ipn));
        var (payment, dossier, receipts) = await StateAsync(reference);
        Assert.Equal(OnlinePaymentStatus.Paid, payment.Status);
        Assert.Equal(PaymentStatus.PaidOnline, dossier);
        Assert.Equal(1, receipts);

        var back = await citizen.GetStringAsync(new Uri(returnUrl).PathAndQuery);
        Assert.Contains("Thanh toán thành công", back, StringComparison.Ordinal);
        Assert.Contains("Một trăm năm mươi nghìn đồng", back, StringComparison.Ordinal);

        await using (var db = App.CreateDbContext())
        {
            var receipt = await db.PaymentReceipts.AsNoTracking().SingleAsync(r => r.PaymentId == payment.Id);
            Assert.Equal(Fee, receipt.Amount);
            Assert.EndsWith("-25E", receipt.Series, StringComparison.Ordinal);
            Assert.Contains(await db.AuditEntries.Where(a => a.EntityId == code).Select(a => a.Action).ToListAsync(), a => a == "payment.settle");
            Assert.True(await db.PaymentMessages.CountAsync(m => m.PaymentId == payment.Id && m.SignatureValid) >= 2);
        }

        var pdf = await citizen.GetAsync("/thanh-toan/bien-lai/" + reference);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        var dir = Path.Combine(AppProcess.RepoRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(dir);
        await File.WriteAllBytesAsync(Path.Combine(dir, "payment-receipt.pdf"), bytes);

        // The look-up page shows the receipt and no longer offers to pay.
        var token = await MotCuaApp.AntiforgeryTokenAsync(citizen, "/tra-cuu/" + code);
        var lookup = await (await citizen.PostAsync("/tra-cuu/" + code, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = code, ["Factor"] = Phone, ["__RequestVerificationToken"] = token,
        }))).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"receipt\"", lookup, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"pay-form\"", lookup, StringComparison.Ordinal);

        // The officer sees the payment and its receipt on the dossier page.
        using var desk = await App.LoginAsync("motcua");
        var officer = await desk.GetStringAsync("/ho-so/" + code);
        Assert.Contains("data-testid=\"officer-receipt\"", officer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_callback_sent_twice_or_replayed_pays_once_and_issues_one_receipt()
    {
        await Behaviour("twice");
        var code = await DossierWithFeeAsync();
        var (_, reference) = await StartAsync(code);
        await CompleteAsync(reference);
        await Behaviour("normal");
        var replay = await Gateway.PostAsJsonAsync("/sim/ipn/replay", new { txnRef = reference, index = 0 });
        replay.EnsureSuccessStatusCode();

        var ipns = await IpnsAsync(reference);
        Assert.Equal(["00", "02", "02"], ipns.Select(RspCode).ToArray());
        var (payment, dossier, receipts) = await StateAsync(reference);
        Assert.Equal(OnlinePaymentStatus.Paid, payment.Status);
        Assert.Equal(PaymentStatus.PaidOnline, dossier);
        Assert.Equal(1, receipts);
    }

    [Fact]
    public async Task An_older_failure_arriving_after_the_success_leaves_the_payment_paid()
    {
        await Behaviour("normal");
        var code = await DossierWithFeeAsync();
        var (_, reference) = await StartAsync(code);
        await CompleteAsync(reference);
        var old = await Gateway.PostAsJsonAsync("/sim/ipn/send", new { txnRef = reference, responseCode = "51", payDate = "20250310080000" });
        var answer = await old.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("02", RspCode(answer));
        var (payment, dossier, receipts) = await StateAsync(reference);
        Assert.Equal(OnlinePaymentStatus.Paid, payment.Status);
        Assert.Equal(PaymentStatus.PaidOnline, dossier);
        Assert.Equal(1, receipts);
    }

    [Fact]
    public async Task A_forged_callback_or_one_for_another_amount_is_refused_and_changes_nothing()
    {
        await Behaviour("none");
        var code = await DossierWithFeeAsync();
        var (_, reference) = await StartAsync(code);
        await CompleteAsync(reference);
        await Behaviour("normal");

        var forged = await (await Gateway.PostAsJsonAsync("/sim/ipn/send", new { txnRef = reference, responseCode = "00", badSignature = true })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("97", RspCode(forged));
        var cheaper = await (await Gateway.PostAsJsonAsync("/sim/ipn/send", new { txnRef = reference, responseCode = "00", amount = 1000 })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("04", RspCode(cheaper));

        var (payment, dossier, receipts) = await StateAsync(reference);
        Assert.Equal(OnlinePaymentStatus.Pending, payment.Status);
        Assert.Equal(PaymentStatus.Unpaid, dossier);
        Assert.Equal(0, receipts);
        await using var db = App.CreateDbContext();
        var messages = await db.PaymentMessages.AsNoTracking().Where(m => m.Reference == reference).OrderBy(m => m.Id).ToListAsync();
        // A forged message is logged, not stored: the IPN address is public.
        Assert.DoesNotContain(messages, m => !m.SignatureValid);
        Assert.Contains(messages, m => m.SignatureValid && m.Outcome == nameof(PaymentVerdict.AmountMismatch));
    }

    [Fact]
    public async Task A_citizen_who_closes_the_page_is_settled_by_the_status_query()
    {
        await Behaviour("none");
        var code = await DossierWithFeeAsync();
        var (_, reference) = await StartAsync(code);
        await CompleteAsync(reference);
        await Behaviour("normal");
        Assert.Empty(await IpnsAsync(reference));
        Assert.Equal(OnlinePaymentStatus.Pending, (await StateAsync(reference)).Payment.Status);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            // Not yet: the payment has been pending for less than the configured minutes.
            await scope.ServiceProvider.GetRequiredService<PaymentDesk>().SweepOnceAsync(CancellationToken.None);
        }
        Assert.Equal(OnlinePaymentStatus.Pending, (await StateAsync(reference)).Payment.Status);

        App.Clock.Advance(TimeSpan.FromMinutes(20));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<PaymentDesk>().SweepOnceAsync(CancellationToken.None) >= 1);
        }
        var (payment, dossier, receipts) = await StateAsync(reference);
        Assert.Equal(OnlinePaymentStatus.Paid, payment.Status);
        Assert.Equal(PaymentStatus.PaidOnline, dossier);
        Assert.Equal(1, receipts);
    }

    [Fact]
    public async Task An_officer_refunds_with_a_reason_through_the_gateway()
    {
        await Behaviour("normal");
        var code = await DossierWithFeeAsync();
        var (_, reference) = await StartAsync(code);
        await CompleteAsync(reference);
        using var desk = await App.LoginAsync("motcua");

        var token = await MotCuaApp.AntiforgeryTokenAsync(desk, "/ho-so/" + code);
        var refused = await desk.PostAsync("/thanh-toan/hoan-tien", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Reference"] = reference, ["Reason"] = " ", ["__RequestVerificationToken"] = token,
        }));
        Assert.Contains("Vui lòng nhập lý do hoàn tiền.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(OnlinePaymentStatus.Paid, (await StateAsync(reference)).Payment.Status);

        var done = await desk.PostAsync("/thanh-toan/hoan-tien", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Reference"] = reference, ["Reason"] = "Hồ sơ bị từ chối, hoàn lại lệ phí đã nộp.", ["__RequestVerificationToken"] = token,
        }));
        // The client on Kestrel follows the redirect back to the dossier's page.
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("/ho-so/" + code, done.RequestMessage!.RequestUri!.AbsolutePath);
        var (payment, dossier, _) = await StateAsync(reference);
        Assert.Equal(OnlinePaymentStatus.Refunded, payment.Status);
        Assert.Equal("Hồ sơ bị từ chối, hoàn lại lệ phí đã nộp.", payment.RefundReason);
        Assert.Equal(PaymentStatus.Unpaid, dossier);
        var atGateway = (await Gateway.GetFromJsonAsync<List<JsonElement>>("/sim/transactions"))!.Single(t => t.GetProperty("txnRef").GetString() == reference);
        Assert.Equal("refunded", atGateway.GetProperty("status").GetString());
        await using var db = App.CreateDbContext();
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == code && a.Action == "payment.refund");
        Assert.Equal("motcua", audit.UserName);
    }

    [Fact]
    public async Task The_reconciliation_lists_each_mismatch_with_its_reason()
    {
        // A day of its own: no other test's payments fall on it.
        App.Clock.Advance(TimeSpan.FromDays(30));
        var day = DateOnly.FromDateTime(App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Behaviour("normal");
        var (_, matching) = await StartAsync(await DossierWithFeeAsync());
        await CompleteAsync(matching);
        var (_, amount) = await StartAsync(await DossierWithFeeAsync());
        await CompleteAsync(amount);
        var (_, refundedThere) = await StartAsync(await DossierWithFeeAsync());
        await CompleteAsync(refundedThere);
        await Behaviour("none");
        var (_, pendingHere) = await StartAsync(await DossierWithFeeAsync());
        await CompleteAsync(pendingHere);
        await Behaviour("normal");
        var unknown = "khongco" + Guid.NewGuid().ToString("N")[..10];
        foreach (var seeded in new object[]
        {
            new { txnRef = amount, amount = 120_000L, status = "paid", date },
            new { txnRef = refundedThere, amount = Fee, status = "refunded", date, refundedAmount = Fee },
            new { txnRef = unknown, amount = 50_000L, status = "paid", date },
        })
        {
            (await Gateway.PostAsJsonAsync("/sim/transactions", seeded)).EnsureSuccessStatusCode();
        }

        using var api = await App.ApiClientAsync("motcua");
        var body = await api.GetFromJsonAsync<JsonElement>("/api/payments/reconciliation?date=" + date);
        var items = body.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("reference").GetString()!, i => i.GetProperty("kind").GetString()!);
        Assert.Equal(4, items.Count);
        Assert.Equal(nameof(MismatchKind.AmountDiffers), items[amount]);
        Assert.Equal(nameof(MismatchKind.RefundedThereOnly), items[refundedThere]);
        Assert.Equal(nameof(MismatchKind.PaidThereNotHere), items[pendingHere]);
        Assert.Equal(nameof(MismatchKind.UnknownReference), items[unknown]);
        Assert.False(items.ContainsKey(matching));
        Assert.All(body.GetProperty("items").EnumerateArray(), i => Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("action").GetString())));

        var bad = await api.GetAsync("/api/payments/reconciliation?date=10/03/2025");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        using var admin = await App.LoginAsync("admin");
        var page = await admin.GetStringAsync("/thanh-toan/doi-soat?ngay=" + date);
        Assert.Equal(4, Regex.Count(page, "data-testid=\"mismatch\""));
        Assert.Contains("Chênh lệch số tiền", page, StringComparison.Ordinal);
    }
}
