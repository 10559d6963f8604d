using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Results;
using MotCua.Web.Tests.Infrastructure;
using MotCua.Web.Tests.NationalPortal;
using MotCua.Web.Tests.Results;

namespace MotCua.BrowserTests.NationalFabric;

/// <summary>The app connected to the national portal's simulator, a real process started for the class.</summary>
public sealed class NationalPortalBrowserApp : BrowserApp
{
    public LoopbackServer Portal { get; private set; } = null!;

    public NationalPortalApp Connected => (NationalPortalApp)App;

    protected override async Task<MotCuaApp> CreateAppAsync()
    {
        Portal = await LoopbackServer.StartAsync("MotCua.Servers.NationalPortal",
            environment: new Dictionary<string, string?> { ["Portal__Token"] = NationalPortalSimulator.Token });
        Portal.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", NationalPortalSimulator.Token);
        return new NationalPortalApp(Portal, "H48." + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant());
    }

    /// <summary>The leader signs the result with a throwaway certificate.</summary>
    protected override async Task StartedAsync()
    {
        var folder = Directory.CreateTempSubdirectory("motcua-signing");
        var p12 = Path.Combine(folder.FullName, "signer.p12");
        await File.WriteAllBytesAsync(p12, TestCertificates.Pkcs12(TestCertificates.Valid(), SignerPin));
        App.Services.GetRequiredService<SigningOptions>().CertificatePath = p12;
    }

    public const string SignerPin = "123456";

    protected override async Task StoppedAsync()
    {
        if (Portal is not null)
        {
            await Portal.DisposeAsync();
        }
    }
}

/// <summary>
/// A dossier submitted on the national portal, as the desk, the specialist and the leader live it, each step reached by
/// clicking from the landing page: the desk takes the portal's messages from the console, sees the one the catalogue does
/// not know held with its reason and refuses it, checks and receives the other from its "to check" queue and hands it to
/// the unit's specialist; the specialist drafts the result document and appraises, the leader approves and signs, the desk
/// returns the result; and the portal has received every status in order under its own dossier code, the signed result
/// with them, ending with the result returned.
/// </summary>
public sealed class NationalPortalJourneyTests(NationalPortalBrowserApp browser) : IClassFixture<NationalPortalBrowserApp>
{
    /// <summary>How long a page may take to answer: the journeys run beside other suites on a loaded machine.</summary>
    private const float Wait = 60_000;

    private const string Procedure = "1.000173";

    private const string Unit = "Chi cục Tiêu chuẩn Đo lường Chất lượng";

    private const string PaperName = "Đơn đề nghị cấp chứng chỉ nhân viên bức xạ";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% don de nghi\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    private HttpClient Portal => browser.Portal.Client;

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private async Task<IPage> OfficerAsync(string user)
    {
        var page = await browser.LoginAsync(user);
        // Irreversible actions ask for confirmation; the officer says yes.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await BrowserApp.WithoutPdfViewerAsync(page);
        return page;
    }

    /// <summary>Follows a link of the main menu, opening its fold first when the page shows it closed.</summary>
    private static async Task MenuAsync(IPage page, string name)
    {
        if (await page.Locator("details.navfold").CountAsync() > 0 && await page.Locator("details.navfold").GetAttributeAsync("open") is null)
        {
            await page.Locator("details.navfold > summary").ClickAsync();
        }
        await page.Locator("nav.mainnav").GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
    }

    /// <summary>Waits for the dossier's status after an action; when it does not come, fails with what the page said instead.</summary>
    private static async Task ExpectStatusAsync(IPage page, string status)
    {
        try
        {
            await Assertions.Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync(status, new() { Timeout = Wait });
        }
        catch (PlaywrightException e)
        {
            var alerts = await page.Locator(".alert").AllInnerTextsAsync();
            throw new Xunit.Sdk.XunitException($"The dossier is not \"{status}\"; the page says: {string.Join(" | ", alerts)}\n{e.Message}");
        }
    }

    /// <summary>A dossier as a citizen submitted it on the portal, with one paper and its file.</summary>
    private async Task SubmitOnPortalAsync(string nationalCode, string procedure, string applicant)
    {
        using var response = await Portal.PostAsJsonAsync("/sim/hoso", new Dictionary<string, object?>
        {
            ["MaHoSoQG"] = nationalCode,
            ["MaTTHC"] = procedure,
            ["MaDonVi"] = browser.Connected.PortalUnit,
            ["ChuHoSo"] = applicant,
            ["LoaiDoiTuong"] = "1",
            ["SoGiayTo"] = "054190012873",
            ["SoDienThoai"] = "0905318274",
            ["Email"] = "cong.dvcqg.hanhtrinh@example.vn",
            ["DiaChi"] = "12 Trần Hưng Đạo, phường Tuy Hòa, Đắk Lắk",
            ["NgayNop"] = "20250310083000",
            ["ThanhPhanHoSo"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["TenGiayTo"] = PaperName,
                    ["TepDinhKem"] = new[]
                    {
                        new Dictionary<string, object?> { ["TenTep"] = "don-de-nghi.pdf", ["LoaiTep"] = "application/pdf", ["NoiDung"] = Convert.ToBase64String(Pdf) },
                    },
                },
            },
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The procedure's versions list the paper the portal sends, whatever the demo catalogue holds.</summary>
    private async Task EnsurePaperAsync()
    {
        await using var db = browser.App.CreateDbContext();
        foreach (var v in await db.ProcedureVersions.Include(v => v.Papers).Where(v => v.Procedure!.Code == Procedure).ToListAsync())
        {
            if (!v.Papers.Any(p => p.Name == PaperName))
            {
                v.Papers.Add(new ProcedurePaper { Seq = v.Papers.Count == 0 ? 1 : v.Papers.Max(p => p.Seq) + 1, Name = PaperName, Required = true });
            }
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_portal_dossier_goes_through_the_desk_the_specialist_and_the_leader_and_every_status_goes_back_to_the_portal()
    {
        await EnsurePaperAsync();
        var national = Unique("G22.");
        var unknownCode = "9." + Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var unknown = Unique("G22.");
        await SubmitOnPortalAsync(national, Procedure, "Nguyễn Thị Cổng Quốc Gia");
        await SubmitOnPortalAsync(unknown, unknownCode, "Trần Văn Chưa Có Thủ Tục");

        // The desk: from the menu to the portal console, where the messages are taken at once.
        var desk = await OfficerAsync("motcua");
        await MenuAsync(desk, "Hồ sơ từ Cổng DVCQG");
        await BrowserApp.ExpectPathAsync(desk, "/quan-tri/cong-dvcqg");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Nhận ngay" }).ClickAsync();
        await Assertions.Expect(desk.Locator(".alert.success")).ToContainTextAsync("Đã nhận 2 tin mới", new() { Timeout = Wait });

        // The message for a procedure the catalogue does not have is held, with its reason in Vietnamese.
        await desk.GetByRole(AriaRole.Link, new() { Name = "Bị giữ lại (1)" }).ClickAsync();
        var held = desk.GetByTestId("national-inbound").Locator("tbody tr").Filter(new() { HasText = unknown });
        await Assertions.Expect(held).ToContainTextAsync("Không có thủ tục mã " + unknownCode, new() { Timeout = Wait });
        await Assertions.Expect(held).ToContainTextAsync("Bị giữ lại", new() { Timeout = Wait });
        await BrowserApp.ScreenshotAsync(desk, "national-console-held-1280");
        await desk.SetViewportSizeAsync(390, 844);
        await BrowserApp.ScreenshotAsync(desk, "national-console-held-390");
        var width = await desk.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the console is {width} px wide on a 390 px phone");
        // The reason and the refusal stay on the screen, not off to its right.
        var refuse = await held.GetByRole(AriaRole.Button, new() { Name = "Từ chối" }).BoundingBoxAsync();
        var reason = await held.GetByText("Không có thủ tục mã " + unknownCode).BoundingBoxAsync();
        Assert.True(refuse is not null && refuse.X + refuse.Width <= 390 && reason is not null && reason.X + reason.Width <= 390, "the held message's reason or refusal is off the screen at 390 px");
        await desk.SetViewportSizeAsync(1280, 860);

        // Refused with a reason: it leaves the held list, and the portal is told why.
        await held.GetByLabel("Lý do từ chối").FillAsync("Thủ tục không thuộc thẩm quyền giải quyết của Sở, đề nghị nộp tại cơ quan có thẩm quyền.");
        await held.GetByRole(AriaRole.Button, new() { Name = "Từ chối" }).ClickAsync();
        await Assertions.Expect(desk.Locator(".alert.success")).ToBeVisibleAsync(new() { Timeout = Wait });
        await desk.GetByRole(AriaRole.Link, new() { Name = "Bị giữ lại (0)" }).ClickAsync();
        await Assertions.Expect(desk.GetByText(unknown)).ToHaveCountAsync(0, new() { Timeout = Wait });
        await BrowserApp.ScreenshotAsync(desk, "national-console-rejected-1280");
        var refusal = Assert.Single((await Portal.GetFromJsonAsync<JsonElement>("/sim/xac-nhan?maHoSoQG=" + unknown)).EnumerateArray());
        Assert.True(refusal.GetProperty("tuChoi").GetBoolean());

        // The dossier created from the other message is in the desk's "to check" list.
        await desk.GetByRole(AriaRole.Link, new() { Name = "Đã tạo hồ sơ (1)" }).ClickAsync();
        var created = desk.GetByTestId("national-inbound").Locator("tbody tr").Filter(new() { HasText = national });
        var code = (await created.GetByRole(AriaRole.Link).TextContentAsync())!.Trim();
        await MenuAsync(desk, "Một cửa");
        await BrowserApp.ExpectPathAsync(desk, "/mot-cua");
        var toCheck = desk.GetByTestId("desk-submitted");
        await Assertions.Expect(toCheck).ToContainTextAsync(code, new() { Timeout = Wait });
        await BrowserApp.ScreenshotAsync(desk, "national-desk-to-check-1280");
        await toCheck.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await BrowserApp.ExpectPathAsync(desk, "/ho-so/" + code);

        // The check: the portal's channel, the applicant, the paper and its file are on the page; then receive.
        await Assertions.Expect(desk.GetByText("Cổng DVCQG", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = Wait });
        await Assertions.Expect(desk.GetByText("Nguyễn Thị Cổng Quốc Gia").First).ToBeVisibleAsync(new() { Timeout = Wait });
        await Assertions.Expect(desk.GetByText(PaperName).Filter(new() { Visible = true }).First).ToBeVisibleAsync(new() { Timeout = Wait });
        await Assertions.Expect(desk.GetByText("don-de-nghi.pdf").Filter(new() { Visible = true }).First).ToBeVisibleAsync(new() { Timeout = Wait });
        await Assertions.Expect(desk.GetByTestId("preview").FrameLocator("iframe").GetByText("application/pdf")).ToBeVisibleAsync(new() { Timeout = Wait });
        await ExpectStatusAsync(desk, "Mới đăng ký, chờ tiếp nhận");
        await BrowserApp.ScreenshotAsync(desk, "national-desk-check-1280");
        var receive = desk.GetByTestId("primary-action").Locator("form[data-action='receive']");
        await receive.GetByRole(AriaRole.Button).ClickAsync();
        await ExpectStatusAsync(desk, "Đã tiếp nhận");

        var transfer = desk.GetByTestId("primary-action").Locator("form[data-action='transfer']");
        await transfer.GetByLabel("Đơn vị xử lý").SelectOptionAsync(new SelectOptionValue { Label = Unit });
        await transfer.GetByLabel("Cán bộ xử lý").SelectOptionAsync("chuyenvien");
        await transfer.GetByRole(AriaRole.Button, new() { Name = "Chuyển xử lý" }).ClickAsync();
        await ExpectStatusAsync(desk, "Đang xử lý");
        await BrowserApp.ScreenshotAsync(desk, "national-desk-transferred-1280");

        // The specialist: from the inbox to the dossier, the portal's paper on it; appraise and submit to the leader.
        var specialist = await OfficerAsync("chuyenvien");
        await specialist.GetByTestId("inbox-within-to-appraise").ClickAsync();
        await Assertions.Expect(specialist.GetByTestId("my-queue")).ToContainTextAsync(code, new() { Timeout = Wait });
        await specialist.GetByTestId("my-queue").GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await BrowserApp.ExpectPathAsync(specialist, "/ho-so/" + code);
        await Assertions.Expect(specialist.GetByText(PaperName).Filter(new() { Visible = true }).First).ToBeVisibleAsync(new() { Timeout = Wait });
        // The result document drafted on the dossier, for the leader to sign.
        var draft = specialist.GetByTestId("dossier-result");
        await draft.GetByLabel("Loại văn bản").SelectOptionAsync("Certificate");
        await draft.GetByLabel("Số", new() { Exact = true }).FillAsync("41");
        await draft.GetByLabel("Ký hiệu").FillAsync("CC-SKHCN");
        await draft.GetByLabel("Trích yếu nội dung").FillAsync("Cấp chứng chỉ nhân viên bức xạ cho bà Nguyễn Thị Cổng Quốc Gia");
        await draft.GetByLabel("Họ tên người ký").FillAsync("Lê Văn Lãnh Đạo");
        await draft.GetByLabel("Chức vụ người ký").FillAsync("Phó Giám đốc");
        await draft.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo văn bản kết quả" }).ClickAsync();
        await Assertions.Expect(specialist.GetByTestId("result-status")).ToHaveTextAsync("Dự thảo, chưa ký số", new() { Timeout = Wait });
        var appraise = specialist.GetByTestId("primary-action").Locator("form[data-action='appraise']");
        await appraise.GetByTestId("appraisal").FillAsync("Hồ sơ nộp qua Cổng DVCQG đủ thành phần, đủ điều kiện cấp chứng chỉ.");
        await appraise.GetByTestId("leader-options").SelectOptionAsync("lanhdao");
        await appraise.GetByRole(AriaRole.Button, new() { Name = "Trình phê duyệt" }).ClickAsync();
        await ExpectStatusAsync(specialist, "Chờ phê duyệt");
        await BrowserApp.ScreenshotAsync(specialist, "national-specialist-appraised-1280");

        // The leader: the dossier waits in the inbox; approve.
        var leader = await OfficerAsync("lanhdao");
        await leader.GetByTestId("inbox-group-to-approve").Locator("a.inbox-main").ClickAsync();
        await BrowserApp.ExpectPathAsync(leader, "/ho-so/" + code);
        await leader.GetByTestId("primary-action").Locator("form[data-action='approve']").GetByRole(AriaRole.Button, new() { Name = "Phê duyệt" }).ClickAsync();
        await ExpectStatusAsync(leader, "Đã có kết quả");
        await BrowserApp.ScreenshotAsync(leader, "national-leader-approved-1280");
        // Then signs the result drafted by the specialist.
        await leader.GetByLabel("Mật khẩu (PIN) chứng thư số").FillAsync(NationalPortalBrowserApp.SignerPin);
        await leader.GetByRole(AriaRole.Button, new() { Name = "Ký số" }).ClickAsync();
        await Assertions.Expect(leader.GetByTestId("result-status")).ToHaveTextAsync("Đã ký số, còn hiệu lực", new() { Timeout = Wait });
        await BrowserApp.ScreenshotAsync(leader, "national-leader-signed-1280");

        // The desk: the signed result waiting in its list, returned.
        await MenuAsync(desk, "Một cửa");
        await Assertions.Expect(desk.GetByTestId("desk-results")).ToContainTextAsync(code, new() { Timeout = Wait });
        await desk.GetByTestId("desk-results").GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await desk.GetByTestId("primary-action").Locator("form[data-action='return']").GetByRole(AriaRole.Button, new() { Name = "Trả kết quả" }).ClickAsync();
        await ExpectStatusAsync(desk, "Đã trả kết quả");
        await BrowserApp.ScreenshotAsync(desk, "national-desk-returned-1280");

        // The portal: acknowledged with MotCua's code, then every status in order under its national code, ending returned.
        await browser.Connected.DrainOutboxAsync();
        var ack = Assert.Single((await Portal.GetFromJsonAsync<JsonElement>("/sim/xac-nhan?maHoSoQG=" + national)).EnumerateArray());
        Assert.Equal(code, ack.GetProperty("maHoSo").GetString());
        var pushed = (await Portal.GetFromJsonAsync<JsonElement>("/sim/dongbo?maHoSoQG=" + national)).EnumerateArray().ToList();
        Assert.All(pushed, p => Assert.Equal((national, code), (p.GetProperty("MaHoSoQG").GetString(), p.GetProperty("MaHoSo").GetString())));
        var statuses = pushed.Select(p => int.Parse(p.GetProperty("TrangThaiHoSo").GetString()!, CultureInfo.InvariantCulture)).ToList();
        Assert.True(statuses.Count > 0, "the portal received no status");
        Assert.Equal(statuses.Order().ToList(), statuses);
        Assert.Equal(NationalStatus.Returned.Code, statuses[^1]);
        foreach (var expected in new[] { NationalStatus.Accepted, NationalStatus.Processing, NationalStatus.Resolved, NationalStatus.Returned })
        {
            Assert.Contains(expected.Code, statuses);
        }
        // The result goes back with the status that announces it, after its signature, and with the return: its number
        // and date, and the address where anyone verifies it.
        var resolved = pushed.Where(p => p.GetProperty("TrangThaiHoSo").GetString() == "9").ToList();
        Assert.Contains(resolved, p => p.GetProperty("DanhSachGiayToKetQua").GetArrayLength() == 0);
        foreach (var withResult in new[] { resolved[^1], pushed[^1] })
        {
            var paper = Assert.Single(withResult.GetProperty("DanhSachGiayToKetQua").EnumerateArray());
            Assert.StartsWith("Giấy chứng nhận số 41/CC-SKHCN ngày ", paper.GetProperty("TenTepDinhKem").GetString(), StringComparison.Ordinal);
            Assert.Contains("/tra-cuu-ket-qua/", paper.GetProperty("DuongDanTaiTepTin").GetString(), StringComparison.Ordinal);
        }

        foreach (var page in new[] { desk, specialist, leader })
        {
            await page.Context.CloseAsync();
        }
    }
}
