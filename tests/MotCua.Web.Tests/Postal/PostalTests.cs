using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Dossiers;
using MotCua.Core.Postal;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Postal;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Postal;

/// <summary>MotCua on a real port and the stand-in carrier as a real process, so the tracking callbacks travel server to server.</summary>
public sealed class PostalCarrierFixture : IAsyncLifetime
{
    public const string ApiKey = "khoa-buu-chinh-4c81e2";
    public const string CallbackSecret = "bi-mat-hanh-trinh-7d20b9";

    public LoopbackServer Carrier { get; private set; } = null!;

    public MotCuaApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Carrier = await LoopbackServer.StartAsync("MotCua.Servers.Postal", ["--Carrier:ApiKey=" + ApiKey, "--Carrier:CallbackSecret=" + CallbackSecret]);
        App = new MotCuaApp();
        App.Settings["MotCua:Postal:Url"] = Carrier.Url.ToString();
        App.Settings["MotCua:Postal:ApiKey"] = ApiKey;
        App.Settings["MotCua:Postal:CallbackSecret"] = CallbackSecret;
        App.Settings["MotCua:Postal:SweepMinutes"] = "0";
        App.Settings["MotCua:Postal:QueryAfterHours"] = "4";
        App.UseKestrel(0);
        App.StartServer();
        var addresses = App.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        var baseUrl = addresses.First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        App.ClientOptions.BaseAddress = new Uri(baseUrl + "/");
        (await Carrier.Client.PostAsJsonAsync("/sim/config", new { callbackUrl = baseUrl + "/api/postal/callback" })).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Carrier.DisposeAsync();
    }
}

/// <summary>The postal service both ways: the pickup of a result or of the applicant's paper dossier and its waybill, the carrier's tracking into the history, delivery, returned mail, a carrier that is down.</summary>
public sealed class PostalTests(PostalCarrierFixture fixture) : IClassFixture<PostalCarrierFixture>
{
    private const string Phone = "0905318274";

    private MotCuaApp App => fixture.App;

    private HttpClient Carrier => fixture.Carrier.Client;

    /// <summary>A dossier whose result waits at the desk, the applicant having chosen to receive it by post.</summary>
    private async Task<string> ResultByPostAsync(ResultDelivery choice = ResultDelivery.ByPost)
    {
        using var desk = await App.ApiClientAsync("motcua");
        var response = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173",
            channel = "direct",
            applicant = new { name = "Nguyễn Thị Bưu " + Guid.NewGuid().ToString("N")[..6], idNumber = "079085004417", phone = Phone, address = "12 Lê Duẩn, Buôn Ma Thuột, Đắk Lắk" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true } },
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var code = JsonDocument.Parse(text).RootElement.GetProperty("code").GetString()!;
        await using var db = App.CreateDbContext();
        await db.Set<Dossier>().Where(d => d.Code == code).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, DossierStatus.ResultIssued)
            .SetProperty(d => d.CompletedAt, App.Clock.GetUtcNow())
            .SetProperty(d => d.ReturnChoice, choice));
        return code;
    }

    private async Task<HttpResponseMessage> PickupAsync(string code)
    {
        using var desk = await App.ApiClientAsync("motcua");
        return await desk.PostAsync($"/api/dossiers/{code}/postal/pickup", null);
    }

    private async Task<string> WaybillAsync(string code)
    {
        var response = await PickupAsync(code);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("waybill").GetString()!;
    }

    private async Task<JsonElement> AdvanceAsync(string waybill, string status, bool callback = true)
    {
        var response = await Carrier.PostAsJsonAsync($"/sim/orders/{waybill}/advance", new { status, callback });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<int> CallbackAsync(string waybill, string status, bool forged = false)
    {
        var response = await Carrier.PostAsJsonAsync("/sim/callback/send", new { waybill, status, forged });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32();
    }

    private async Task<List<string>> PostalHistoryAsync(string code)
    {
        await using var db = App.CreateDbContext();
        var id = await db.Set<Dossier>().Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
        return await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == id && e.Note != null && e.Note.StartsWith(PostalTracking.HistoryLabel))
            .OrderBy(e => e.Id).Select(e => e.Note!).ToListAsync();
    }

    private async Task<(DossierStatus Status, ResultDelivery? Method, long Version, PostalStatus? Order, int Orders)> StateAsync(string code)
    {
        await using var db = App.CreateDbContext();
        var d = await db.Set<Dossier>().AsNoTracking().Where(x => x.Code == code).Select(x => new { x.Id, x.Status, x.ReturnMethod, x.Version }).SingleAsync();
        var orders = await db.PostalOrders.AsNoTracking().Where(o => o.DossierId == d.Id).OrderByDescending(o => o.Id).Select(o => o.Status).ToListAsync();
        return (d.Status, d.ReturnMethod, d.Version, orders.Count > 0 ? orders[0] : null, orders.Count);
    }

    private static bool Has(IEnumerable<string> notes, string name) => notes.Any(n => n.StartsWith(PostalTracking.HistoryLabel + ": " + name, StringComparison.Ordinal));

    [Fact]
    public async Task A_pickup_request_gives_one_waybill_shown_to_the_desk_and_the_citizen_however_often_it_is_asked()
    {
        var code = await ResultByPostAsync();
        var waybill = await WaybillAsync(code);
        Assert.Equal(waybill, await WaybillAsync(code));

        // The button on the dossier page asks again: the same order, no second pickup.
        using (var desk = await App.LoginAsync("motcua"))
        {
            var page = await desk.GetStringAsync("/ho-so/" + code);
            Assert.Contains("data-testid=\"dossier-postal\"", page, StringComparison.Ordinal);
            Assert.Contains(waybill, page, StringComparison.Ordinal);
            var token = await MotCuaApp.AntiforgeryTokenAsync(desk, "/ho-so/" + code);
            var posted = await desk.PostAsync("/buu-chinh/yeu-cau-lay", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Code"] = code, ["__RequestVerificationToken"] = token,
            }));
            Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        }
        var orders = (await Carrier.GetFromJsonAsync<List<JsonElement>>("/sim/orders"))!.Where(o => o.GetProperty("reference").GetString()!.StartsWith(code, StringComparison.Ordinal)).ToList();
        Assert.Single(orders);
        var state = await StateAsync(code);
        Assert.Equal((PostalStatus.Ordered, 1), (state.Order!.Value, state.Orders));
        Assert.Single(await PostalHistoryAsync(code));
        await using (var db = App.CreateDbContext())
        {
            var order = await db.PostalOrders.AsNoTracking().SingleAsync(o => o.DossierCode == code);
            Assert.Equal("12 Lê Duẩn, Buôn Ma Thuột, Đắk Lắk", order.Address);
            Assert.Contains(await db.AuditEntries.Where(a => a.EntityId == code).Select(a => a.Action).ToListAsync(), a => a == PostalTracking.PickupAudit);
        }

        var citizen = App.CreateClient();
        var lookupToken = await MotCuaApp.AntiforgeryTokenAsync(citizen, "/tra-cuu/" + code);
        var lookup = await (await citizen.PostAsync("/tra-cuu/" + code, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = code, ["Factor"] = Phone, ["__RequestVerificationToken"] = lookupToken,
        }))).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"lookup-waybill\">" + waybill, lookup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tracking_callbacks_appear_once_in_the_history_in_order_and_repeats_or_older_ones_change_nothing()
    {
        var code = await ResultByPostAsync();
        var waybill = await WaybillAsync(code);
        await AdvanceAsync(waybill, "accepted");
        await AdvanceAsync(waybill, "in_transit");
        var before = await StateAsync(code);

        Assert.Equal(200, await CallbackAsync(waybill, "in_transit"));
        Assert.Equal(200, await CallbackAsync(waybill, "accepted"));

        var history = await PostalHistoryAsync(code);
        Assert.Equal(3, history.Count);
        Assert.True(Has(history[..1], PostalTracking.Name(PostalStatus.Ordered)));
        Assert.StartsWith(PostalTracking.HistoryLabel + ": Bưu điện đã nhận bưu gửi (mã vận đơn " + waybill, history[1], StringComparison.Ordinal);
        Assert.StartsWith(PostalTracking.HistoryLabel + ": Đang vận chuyển", history[2], StringComparison.Ordinal);
        var after = await StateAsync(code);
        Assert.Equal(before, after);
        Assert.Equal(PostalStatus.InTransit, after.Order);

        using var desk = await App.LoginAsync("motcua");
        var page = await desk.GetStringAsync("/ho-so/" + code);
        Assert.Contains("Đang vận chuyển", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delivery_returns_the_result_by_post_and_nothing_later_moves_it_back()
    {
        var code = await ResultByPostAsync();
        var waybill = await WaybillAsync(code);
        await AdvanceAsync(waybill, "accepted");
        await AdvanceAsync(waybill, "delivered");

        var state = await StateAsync(code);
        Assert.Equal((DossierStatus.Returned, ResultDelivery.ByPost, PostalStatus.Delivered), (state.Status, state.Method, state.Order!.Value));
        await using (var db = App.CreateDbContext())
        {
            var id = await db.Set<Dossier>().Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
            var ret = await db.DossierEvents.AsNoTracking().SingleAsync(e => e.DossierId == id && e.Action == DossierAction.Return);
            Assert.Equal(PostalDesk.CarrierActor, ret.ActorUserName);
            Assert.Contains("Đã phát thành công", ret.Note, StringComparison.Ordinal);
        }

        Assert.Equal(200, await CallbackAsync(waybill, "in_transit"));
        Assert.Equal(200, await CallbackAsync(waybill, "returned"));
        Assert.Equal(state, await StateAsync(code));
        await using (var db = App.CreateDbContext())
        {
            Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.DossierCode == code && m.Kind == "dossier.postal_returned"));
        }
    }

    [Fact]
    public async Task A_forged_callback_or_one_for_an_unknown_waybill_is_refused_and_stores_nothing()
    {
        var code = await ResultByPostAsync();
        var waybill = await WaybillAsync(code);
        var before = await StateAsync(code);

        Assert.Equal(401, await CallbackAsync(waybill, "delivered", forged: true));
        Assert.Equal(404, await CallbackAsync("EB9999999VN", "delivered"));
        using (var anyone = App.CreateClient())
        {
            var unsigned = await anyone.PostAsJsonAsync("/api/postal/callback", new { waybill, status = "delivered", at = App.Clock.GetUtcNow() });
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
            Assert.Equal("application/problem+json", unsigned.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(before, await StateAsync(code));
        Assert.Single(await PostalHistoryAsync(code));
        await using var db = App.CreateDbContext();
        var orderId = await db.PostalOrders.Where(o => o.DossierCode == code).Select(o => o.Id).SingleAsync();
        Assert.Equal(0, await db.PostalOrderEvents.CountAsync(e => e.OrderId == orderId));
    }

    [Fact]
    public async Task The_sweep_settles_a_status_whose_callback_never_came()
    {
        var code = await ResultByPostAsync();
        var waybill = await WaybillAsync(code);
        await AdvanceAsync(waybill, "delivered", callback: false);
        Assert.Equal(DossierStatus.ResultIssued, (await StateAsync(code)).Status);

        using (var scope = App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PostalDesk>().SweepOnceAsync(CancellationToken.None);
        }
        Assert.Equal(DossierStatus.ResultIssued, (await StateAsync(code)).Status);

        App.Clock.Advance(TimeSpan.FromHours(5));
        using (var scope = App.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<PostalDesk>().SweepOnceAsync(CancellationToken.None) >= 1);
        }
        var state = await StateAsync(code);
        Assert.Equal((DossierStatus.Returned, ResultDelivery.ByPost, PostalStatus.Delivered), (state.Status, state.Method, state.Order!.Value));
    }

    [Fact]
    public async Task Returned_mail_alerts_the_desk_and_the_result_can_be_sent_again()
    {
        var code = await ResultByPostAsync();
        var waybill = await WaybillAsync(code);
        await AdvanceAsync(waybill, "accepted");
        await AdvanceAsync(waybill, "returned");

        var state = await StateAsync(code);
        Assert.Equal((DossierStatus.ResultIssued, PostalStatus.Returned), (state.Status, state.Order!.Value));
        Assert.True(Has(await PostalHistoryAsync(code), "Chuyển hoàn"));
        await using (var db = App.CreateDbContext())
        {
            var alerts = await db.OutboxMessages.AsNoTracking().Where(m => m.DossierCode == code && m.Kind == "dossier.postal_returned").ToListAsync();
            Assert.Contains(alerts, m => m.Channel == OutboxChannel.InApp);
        }
        using var desk = await App.LoginAsync("motcua");
        var page = await desk.GetStringAsync("/ho-so/" + code);
        Assert.Contains("data-testid=\"postal-returned\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"postal-pickup-form\"", page, StringComparison.Ordinal);

        var again = await WaybillAsync(code);
        Assert.NotEqual(waybill, again);
        Assert.Equal((PostalStatus.Ordered, 2), ((await StateAsync(code)).Order!.Value, (await StateAsync(code)).Orders));
    }

    [Fact]
    public async Task A_carrier_that_is_down_gives_a_vietnamese_message_and_leaves_nothing_half_written()
    {
        var code = await ResultByPostAsync();
        var before = await StateAsync(code);
        (await Carrier.PostAsync("/sim/down", null)).EnsureSuccessStatusCode();
        try
        {
            var response = await PickupAsync(code);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(PostalDesk.CarrierDown, problem.GetProperty("detail").GetString());

            using var desk = await App.LoginAsync("motcua");
            var token = await MotCuaApp.AntiforgeryTokenAsync(desk, "/ho-so/" + code);
            var page = await desk.PostAsync("/buu-chinh/yeu-cau-lay", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Code"] = code, ["__RequestVerificationToken"] = token,
            }));
            Assert.Contains("Không kết nối được bưu chính công ích", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            (await Carrier.PostAsync("/sim/up", null)).EnsureSuccessStatusCode();
        }
        Assert.Equal(before, await StateAsync(code));
        Assert.Empty(await PostalHistoryAsync(code));
    }

    [Fact]
    public async Task A_result_not_chosen_by_post_is_not_sent_by_post()
    {
        var code = await ResultByPostAsync(ResultDelivery.AtDesk);
        var response = await PickupAsync(code);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("không đăng ký nhận kết quả qua dịch vụ bưu chính", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await StateAsync(code)).Orders);
    }
    /// <summary>An online dossier waiting for the desk's check (or, with <paramref name="status"/>, in another state), the applicant to hand in paper originals.</summary>
    private async Task<string> AwaitingPapersAsync(DossierStatus status = DossierStatus.Submitted)
    {
        var code = await ResultByPostAsync(ResultDelivery.AtDesk);
        await using var db = App.CreateDbContext();
        await db.Set<Dossier>().Where(d => d.Code == code).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, status)
            .SetProperty(d => d.CompletedAt, (DateTimeOffset?)null)
            .SetProperty(d => d.Channel, DossierChannel.Online));
        return code;
    }

    private async Task<HttpResponseMessage> PapersPickupAsync(string code)
    {
        using var desk = await App.ApiClientAsync("motcua");
        return await desk.PostAsync($"/api/dossiers/{code}/postal/dossier-pickup", null);
    }

    [Fact]
    public async Task The_carrier_fetches_the_paper_dossier_from_the_applicant_and_the_desk_is_told_when_it_arrives()
    {
        var code = await AwaitingPapersAsync();
        var response = await PapersPickupAsync(code);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        var answer = JsonDocument.Parse(text).RootElement;
        Assert.Equal("dossierPickup", answer.GetProperty("direction").GetString());
        var waybill = answer.GetProperty("waybill").GetString()!;
        // Asked again (a double click, a retry): the same order, no second pickup at the applicant's door.
        var again = JsonDocument.Parse(await (await PapersPickupAsync(code)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((waybill, false), (again.GetProperty("waybill").GetString(), again.GetProperty("created").GetBoolean()));
        var order = (await Carrier.GetFromJsonAsync<List<JsonElement>>("/sim/orders/detail"))!.Single(o => o.GetProperty("waybill").GetString() == waybill);
        Assert.Equal(("pickup", "12 Lê Duẩn, Buôn Ma Thuột, Đắk Lắk"), (order.GetProperty("kind").GetString(), order.GetProperty("address").GetString()));
        Assert.Contains("chuyển về Bộ phận Một cửa", order.GetProperty("note").GetString(), StringComparison.Ordinal);

        // The desk sees the order on the dossier page, without a second button while it is open; the citizen sees it on the look-up.
        using (var desk = await App.LoginAsync("motcua"))
        {
            var page = await desk.GetStringAsync("/ho-so/" + code);
            Assert.Contains("data-testid=\"dossier-postal-papers\"", page, StringComparison.Ordinal);
            Assert.Contains(waybill, page, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"postal-papers-form\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"dossier-postal\"", page, StringComparison.Ordinal);
        }
        var citizen = App.CreateClient();
        var lookupToken = await MotCuaApp.AntiforgeryTokenAsync(citizen, "/tra-cuu/" + code);
        var lookup = await (await citizen.PostAsync("/tra-cuu/" + code, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = code, ["Factor"] = Phone, ["__RequestVerificationToken"] = lookupToken,
        }))).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"lookup-papers-waybill\">" + waybill, lookup, StringComparison.Ordinal);

        await AdvanceAsync(waybill, "accepted");
        await AdvanceAsync(waybill, "in_transit");
        await AdvanceAsync(waybill, "delivered");
        var state = await StateAsync(code);
        // The papers arriving is not the receipt: the dossier still waits for the desk's check, and the desk is alerted.
        Assert.Equal((DossierStatus.Submitted, PostalStatus.Delivered), (state.Status, state.Order!.Value));
        var history = await PostalHistoryAsync(code);
        Assert.Equal(4, history.Count);
        Assert.EndsWith("Hồ sơ giấy đã đến Bộ phận Một cửa.", history[^1], StringComparison.Ordinal);
        await using (var db = App.CreateDbContext())
        {
            Assert.Contains(await db.OutboxMessages.AsNoTracking().Where(m => m.DossierCode == code && m.Kind == "dossier.postal_papers_arrived").Select(m => m.Channel).ToListAsync(),
                c => c == OutboxChannel.InApp);
            Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.DossierCode == code && m.Kind == "dossier.postal_returned"));
        }
        using (var desk = await App.LoginAsync("motcua"))
        {
            Assert.Contains("data-testid=\"postal-papers-arrived\"", await desk.GetStringAsync("/ho-so/" + code), StringComparison.Ordinal);
            // The notice in the desk's inbox leads to the dossier.
            var processor = App.Services.GetRequiredService<OutboxProcessor>();
            while (await processor.ProcessOnceAsync() > 0)
            {
            }
            var inbox = WebUtility.HtmlDecode(await desk.GetStringAsync("/thong-bao"));
            Assert.Contains("Hồ sơ giấy gửi qua bưu chính đã đến: " + code, inbox, StringComparison.Ordinal);
            Assert.Contains("href=\"/ho-so/" + code + "\" data-testid=\"notice-dossier\"", inbox, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_paper_dossier_the_carrier_could_not_bring_alerts_the_desk_and_may_be_fetched_again_through_the_page()
    {
        var code = await AwaitingPapersAsync(DossierStatus.AwaitingSupplement);
        var waybill = JsonDocument.Parse(await (await PapersPickupAsync(code)).Content.ReadAsStringAsync()).RootElement.GetProperty("waybill").GetString()!;
        await AdvanceAsync(waybill, "returned");
        Assert.EndsWith("liên hệ người nộp.", (await PostalHistoryAsync(code))[^1], StringComparison.Ordinal);
        await using (var db = App.CreateDbContext())
        {
            Assert.Contains(await db.OutboxMessages.AsNoTracking().Where(m => m.DossierCode == code && m.Kind == "dossier.postal_pickup_returned").Select(m => m.Channel).ToListAsync(),
                c => c == OutboxChannel.InApp);
        }
        using var desk = await App.LoginAsync("motcua");
        var page = await desk.GetStringAsync("/ho-so/" + code);
        Assert.Contains("data-testid=\"postal-papers-returned\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"postal-papers-form\"", page, StringComparison.Ordinal);
        var token = await MotCuaApp.AntiforgeryTokenAsync(desk, "/ho-so/" + code);
        var posted = await desk.PostAsync("/buu-chinh/yeu-cau-lay", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = code, ["Kind"] = PickupModel.PaperKind, ["__RequestVerificationToken"] = token,
        }));
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        Assert.Equal((PostalStatus.Ordered, 2), ((await StateAsync(code)).Order!.Value, (await StateAsync(code)).Orders));
        await using (var db = App.CreateDbContext())
        {
            Assert.All(await db.PostalOrders.AsNoTracking().Where(o => o.DossierCode == code).Select(o => o.Direction).ToListAsync(),
                d => Assert.Equal(PostalDirection.DossierPickup, d));
        }
    }

    [Fact]
    public async Task A_received_dossier_is_not_fetched_by_post_and_nothing_is_ordered()
    {
        var code = await AwaitingPapersAsync(DossierStatus.InProcessing);
        var response = await PapersPickupAsync(code);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("chỉ yêu cầu bưu điện đến lấy hồ sơ giấy khi hồ sơ đang chờ tiếp nhận hoặc chờ bổ sung", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await StateAsync(code)).Orders);
        using var desk = await App.LoginAsync("motcua");
        Assert.DoesNotContain("data-testid=\"dossier-postal-papers\"", await desk.GetStringAsync("/ho-so/" + code), StringComparison.Ordinal);
    }
}
