using System.Text;
using Microsoft.Playwright;
using MotCua.BrowserTests.Citizens;
using MotCua.BrowserTests.Infrastructure;

namespace MotCua.BrowserTests.Journey;

/// <summary>
/// A citizen's whole journey on one screen width, through the pages only: find an online procedure without diacritics,
/// submit with one refused file, fix it, follow the dossier with its predictions, answer the itemised supplement request,
/// see the result and who read the dossier, rate once, and send a PAKN that is then followed by its code. The officers
/// act on their own pages at 1280 px in a second browser context. Every citizen page is checked with axe (no serious or
/// critical violation), for sideways scroll on a phone, and saved as a screenshot (journey-WIDTH-NN-name.png).
/// </summary>
public sealed class CitizenJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    /// <summary>An online procedure the administrator adds through the catalogue import page, so the journey does not depend on the demo catalogue's online levels.</summary>
    private const string ProcedureCode = "2.990248";

    private const string ProcedureName = "Đăng ký chuyển giao công nghệ nộp trực tuyến toàn trình";

    private const string DeciderUnit = "Chi cục Tiêu chuẩn Đo lường Chất lượng";

    private static readonly string[] AxeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly string CatalogueJson = $$"""
        {"procedures": [{
          "code": "{{ProcedureCode}}",
          "name": "{{ProcedureName}}",
          "field": "Hoạt động khoa học và công nghệ",
          "level": "Cấp tỉnh",
          "processingTime": { "value": "15", "unit": "WorkingDays" },
          "fees": [],
          "onlineLevel": "Toàn trình",
          "applicantTypes": ["Công dân Việt Nam", "Doanh nghiệp", "Tổ chức"],
          "result": "Giấy chứng nhận đăng ký chuyển giao công nghệ",
          "papers": [
            { "name": "Văn bản đề nghị đăng ký chuyển giao công nghệ", "form": "Bản chính", "quantity": "1" },
            { "name": "Hợp đồng chuyển giao công nghệ", "form": "Bản sao", "quantity": "1" },
            { "name": "Văn bản xác nhận tư cách pháp lý của người đại diện", "form": "Bản sao", "quantity": "1", "required": "false" }
          ],
          "legalBases": [
            { "number": "07/2017/QH14", "title": "Luật Chuyển giao công nghệ", "issuedOn": "19/06/2017", "issuer": "Quốc hội" },
            { "number": "76/2018/NĐ-CP", "title": "Nghị định quy định chi tiết và hướng dẫn thi hành một số điều của Luật Chuyển giao công nghệ", "issuedOn": "15/05/2018", "issuer": "Chính phủ" }
          ]
        }]}
        """;

    [Fact]
    public Task The_whole_journey_reads_well_on_a_390_px_phone() => JourneyAsync(390, 844, "0905318274", "Nguyễn Thị Hành Trình");

    [Fact]
    public Task The_whole_journey_reads_well_on_a_1280_px_screen() => JourneyAsync(1280, 860, "0935820461", "Phạm Văn Toàn Trình");

    private async Task JourneyAsync(int width, int height, string phone, string name)
    {
        await EnsureOnlineProcedureAsync();
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl, Locale = "vi-VN", ViewportSize = new() { Width = width, Height = height } });
        var citizen = await context.NewPageAsync();
        var look = new CitizenEyes(citizen, width);
        var officers = new List<IPage>();

        // 1. Find: the public catalogue, searched without diacritics, then the procedure and its online form.
        await citizen.GotoAsync("/thu-tuc");
        await citizen.GetByLabel("Tên hoặc mã thủ tục").FillAsync("chuyen giao cong nghe truc tuyen");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        var found = citizen.GetByTestId("results").GetByRole(AriaRole.Link, new() { Name = ProcedureName });
        await Assertions.Expect(found).ToBeVisibleAsync();
        await look.CheckAsync("01-catalogue-search");
        await found.ClickAsync();
        await BrowserApp.ExpectPathAsync(citizen, "/thu-tuc/" + ProcedureCode);
        await Assertions.Expect(citizen.GetByTestId("papers")).ToContainTextAsync("Hợp đồng chuyển giao công nghệ");
        await look.CheckAsync("02-procedure");
        await citizen.GetByTestId("submit-online").ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("online-form")).ToBeVisibleAsync();
        await Assertions.Expect(citizen.GetByTestId("upload-limits")).ToContainTextAsync("MB");
        await look.CheckAsync("03-online-form");

        // 2. Submit with a refused file among valid ones: the page names the file and why, and keeps the valid upload.
        await citizen.Locator("#Name").FillAsync(name);
        await citizen.Locator("#IdNumber").FillAsync("054190007315");
        await citizen.Locator("#Phone").FillAsync(phone);
        await citizen.Locator("#Email").FillAsync("hanhtrinh@example.vn");
        await citizen.Locator("#Address").FillAsync("25 Lê Duẩn, phường Tuy Hòa, Đắk Lắk");
        await citizen.Locator("#paper-0").SetInputFilesAsync(Pdf("van-ban-de-nghi.pdf"));
        await citizen.Locator("#paper-1").SetInputFilesAsync(new FilePayload { Name = "hop-dong.exe", MimeType = "application/octet-stream", Buffer = "MZ\u0090\0 a program, not a scan"u8.ToArray() });
        await citizen.GetByTestId("consent").GetByRole(AriaRole.Checkbox).CheckAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ", Exact = true }).ClickAsync();
        var summary = citizen.GetByTestId("submit-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("hop-dong.exe");
        await Assertions.Expect(citizen.GetByTestId("kept-files")).ToContainTextAsync("van-ban-de-nghi.pdf");
        await Assertions.Expect(citizen.Locator("#paper-1")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(citizen.Locator("#Phone")).ToHaveValueAsync(phone);
        await look.CheckAsync("04-refused-file");

        await citizen.Locator("#paper-1").SetInputFilesAsync(Pdf("hop-dong.pdf"));
        await citizen.GetByTestId("consent").GetByRole(AriaRole.Checkbox).CheckAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ", Exact = true }).ClickAsync();
        var confirmation = citizen.GetByTestId("online-confirmation");
        await Assertions.Expect(confirmation).ToBeVisibleAsync();
        var code = (await citizen.GetByTestId("online-code").InnerTextAsync()).Trim();
        // The confirmation names the second factor the look-up asks for.
        await Assertions.Expect(confirmation).ToContainTextAsync("số điện thoại");
        await look.CheckAsync("05-submitted");

        // 3. The desk receives it and hands it to the unit; the specialist asks for a supplement of two items.
        var desk = await browser.LoginAsync("motcua");
        officers.Add(desk);
        await desk.GotoAsync("/ho-so/" + code);
        var receive = desk.GetByTestId("primary-action");
        await receive.GetByLabel("Chuyển ngay cho đơn vị xử lý").SelectOptionAsync(new SelectOptionValue { Label = DeciderUnit });
        await receive.GetByRole(AriaRole.Button).First.ClickAsync();
        await Assertions.Expect(desk.GetByTestId("dossier-status")).ToHaveTextAsync("Đang xử lý");

        var specialist = await browser.LoginAsync("chuyenvien");
        officers.Add(specialist);
        await specialist.GotoAsync("/ho-so/" + code);
        await specialist.GetByText("Thao tác khác").ClickAsync();
        await specialist.Locator("summary", new() { HasText = "Yêu cầu bổ sung (sau thẩm định)" }).ClickAsync();
        var request = specialist.Locator("form[data-action='requestSupplement']");
        await request.GetByLabel("Thành phần hồ sơ, dòng 1").SelectOptionAsync(new SelectOptionValue { Label = "Hợp đồng chuyển giao công nghệ" });
        await request.GetByLabel("Thiếu hoặc sai gì, dòng 1").FillAsync("Thiếu phụ lục danh mục tài liệu công nghệ kèm theo hợp đồng");
        await request.GetByLabel("Căn cứ pháp lý, dòng 1").FillAsync("Khoản 2 Điều 31 Luật Chuyển giao công nghệ");
        await request.GetByLabel("Thành phần hồ sơ, dòng 2").SelectOptionAsync(new SelectOptionValue { Label = "Văn bản đề nghị đăng ký chuyển giao công nghệ" });
        await request.GetByLabel("Thiếu hoặc sai gì, dòng 2").FillAsync("Chưa có chữ ký và dấu của bên nhận chuyển giao");
        await request.Locator("textarea[name='Note']").FillAsync("Bổ sung phụ lục hợp đồng và văn bản đề nghị có chữ ký, dấu.");
        await request.GetByRole(AriaRole.Button, new() { Name = "Yêu cầu bổ sung (sau thẩm định)" }).ClickAsync();
        await Assertions.Expect(specialist.GetByTestId("supplement-requests")).ToContainTextAsync("Yêu cầu bổ sung (sau thẩm định)");

        // The citizen follows the dossier from the confirmation's link with the phone number: the predictions and the request.
        await confirmation.GetByRole(AriaRole.Link, new() { Name = "trang tra cứu hồ sơ" }).ClickAsync();
        await BrowserApp.ExpectPathAsync(citizen, "/tra-cuu/" + code);
        await FollowAsync(citizen, phone);
        await Assertions.Expect(citizen.GetByTestId("lookup-forecast")).ToBeVisibleAsync();
        // The look-up shows the officer's note and the request's two coded items, each answered on its own.
        var supplement = citizen.GetByTestId("supplement-form");
        await Assertions.Expect(supplement.GetByTestId("supplement-note")).ToContainTextAsync("Bổ sung phụ lục hợp đồng");
        var items = supplement.GetByTestId("supplement-answer");
        await Assertions.Expect(items).ToHaveCountAsync(2);
        var contract = supplement.Locator("fieldset[data-code='BS1-01']");
        var proposal = supplement.Locator("fieldset[data-code='BS1-02']");
        await Assertions.Expect(contract).ToContainTextAsync("Hợp đồng chuyển giao công nghệ");
        await Assertions.Expect(proposal).ToContainTextAsync("Văn bản đề nghị đăng ký chuyển giao công nghệ");
        await look.CheckAsync("06-follow-supplement-asked");

        // Answering one item only is refused, and the message names the item left unanswered.
        await contract.Locator("input[type=file]").SetInputFilesAsync(Pdf("phu-luc-hop-dong.pdf"));
        await supplement.GetByRole(AriaRole.Button, new() { Name = "Nộp bổ sung" }).ClickAsync();
        var refusal = citizen.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Chưa trả lời" });
        await Assertions.Expect(refusal).ToContainTextAsync("BS1-02");
        await Assertions.Expect(refusal).Not.ToContainTextAsync("BS1-01");
        await Assertions.Expect(citizen.GetByTestId("supplement-thanks")).ToHaveCountAsync(0);
        await look.CheckAsync("07-supplement-item-unanswered");

        // Then a file for the contract's annex and a written answer for the proposal.
        supplement = citizen.GetByTestId("supplement-form");
        await supplement.Locator("fieldset[data-code='BS1-01'] input[type=file]").SetInputFilesAsync(Pdf("phu-luc-hop-dong.pdf"));
        await supplement.Locator("fieldset[data-code='BS1-02'] textarea").FillAsync("Văn bản đề nghị đã được bên nhận chuyển giao ký và đóng dấu; bản chính nộp tại Bộ phận Một cửa khi nhận kết quả.");
        await supplement.GetByRole(AriaRole.Button, new() { Name = "Nộp bổ sung" }).ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("supplement-thanks")).ToBeVisibleAsync();
        await look.CheckAsync("07-supplement-sent");

        // The specialist reviews each answer on the dossier page and accepts both.
        await specialist.GotoAsync("/ho-so/" + code);
        var review = specialist.GetByTestId("supplement-rounds");
        await Assertions.Expect(review.Locator("tr[data-code='BS1-01'] [data-testid='supplement-item-answer']")).ToContainTextAsync("phu-luc-hop-dong.pdf");
        await Assertions.Expect(review.Locator("tr[data-code='BS1-02'] [data-testid='supplement-item-answer']")).ToContainTextAsync("ký và đóng dấu");
        await review.GetByLabel("Đánh giá BS1-01", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Chấp nhận" });
        await review.GetByLabel("Đánh giá BS1-02", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Chấp nhận" });
        await review.GetByTestId("supplement-review-save").ClickAsync();
        await BrowserApp.ExpectPathAsync(specialist, "/ho-so/" + code);
        review = specialist.GetByTestId("supplement-rounds");
        await Assertions.Expect(review.Locator("tr[data-code='BS1-01'] [data-testid='supplement-item-review']")).ToContainTextAsync("Chấp nhận");
        await Assertions.Expect(review.Locator("tr[data-code='BS1-02'] [data-testid='supplement-item-review']")).ToContainTextAsync("Chấp nhận");

        // The officers process it to a result and the desk returns it.
        await specialist.GotoAsync("/ho-so/" + code);
        var appraise = specialist.GetByTestId("primary-action");
        await Assertions.Expect(appraise.GetByRole(AriaRole.Button)).ToHaveTextAsync("Trình phê duyệt");
        await appraise.GetByLabel("Ý kiến thẩm định").FillAsync("Hồ sơ đã bổ sung đầy đủ, đủ điều kiện cấp giấy chứng nhận.");
        await appraise.GetByLabel("Lãnh đạo phê duyệt").SelectOptionAsync(new SelectOptionValue { Value = "lanhdao" });
        await appraise.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(specialist.GetByTestId("dossier-status")).ToHaveTextAsync("Chờ phê duyệt");

        var leader = await browser.LoginAsync("lanhdao");
        officers.Add(leader);
        await leader.GotoAsync("/ho-so/" + code);
        await leader.GetByTestId("primary-action").Locator("form[data-action='approve']").GetByRole(AriaRole.Button, new() { Name = "Phê duyệt" }).ClickAsync();
        await Assertions.Expect(leader.GetByTestId("dossier-status")).ToHaveTextAsync("Đã có kết quả");

        await desk.GotoAsync("/ho-so/" + code);
        await desk.GetByTestId("primary-action").Locator("form[data-action='return']").GetByRole(AriaRole.Button, new() { Name = "Trả kết quả" }).ClickAsync();
        await Assertions.Expect(desk.GetByTestId("dossier-status")).ToHaveTextAsync("Đã trả kết quả");

        // 4. The result, who read the dossier, and one rating (a second one, from a tab opened before, is refused).
        await citizen.GotoAsync("/tra-cuu/" + code);
        await FollowAsync(citizen, phone);
        await Assertions.Expect(citizen.GetByTestId("lookup-status")).ToHaveTextAsync("Đã trả kết quả");
        var readers = citizen.GetByTestId("lookup-readers");
        await Assertions.Expect(readers.GetByTestId("readers-list")).ToBeVisibleAsync();
        Assert.True(await readers.GetByTestId("readers-list").Locator("li").CountAsync() >= 2, "the officers' reads are not listed");
        await look.CheckAsync("08-result-and-readers");

        var staleTab = await context.NewPageAsync();
        await staleTab.GotoAsync("/tra-cuu/" + code);
        await FollowAsync(staleTab, phone);
        await RateAsync(staleTab.GetByTestId("evaluation-form"));

        var rating = citizen.GetByTestId("evaluation-form");
        await RateAsync(rating);
        await look.CheckAsync("09-rating");
        await rating.GetByRole(AriaRole.Button, new() { Name = "Gửi đánh giá" }).ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("evaluation-thanks")).ToBeVisibleAsync();
        await Assertions.Expect(citizen.GetByTestId("evaluation-form")).ToHaveCountAsync(0);
        await look.CheckAsync("10-rated");

        await staleTab.GetByTestId("evaluation-form").GetByRole(AriaRole.Button, new() { Name = "Gửi đánh giá" }).ClickAsync();
        await Assertions.Expect(staleTab.GetByRole(AriaRole.Alert)).ToContainTextAsync("đã được đánh giá");
        await Assertions.Expect(staleTab.GetByTestId("evaluation-thanks")).ToHaveCountAsync(0);
        await new CitizenEyes(staleTab, width).CheckAsync("11-second-rating-refused");
        await staleTab.CloseAsync();

        // PAKN: a bad phone is marked on its field first, then the valid form is sent and followed by its code.
        await citizen.GotoAsync("/phan-anh-kien-nghi");
        await citizen.Locator("#name").FillAsync(name);
        await citizen.Locator("#address").FillAsync("25 Lê Duẩn, phường Tuy Hòa, Đắk Lắk");
        await citizen.Locator("#phone").FillAsync("abc");
        await citizen.Locator("#title").FillAsync("Đề nghị cho nộp bổ sung từng mục trên điện thoại");
        await citizen.Locator("#content").FillAsync("Khi được yêu cầu bổ sung, tôi phải tải lại các tệp từ máy tính. Đề nghị cho phép nộp bổ sung từng mục ngay trên điện thoại.");
        await citizen.GetByTestId("consent").GetByRole(AriaRole.Checkbox).CheckAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi phản ánh, kiến nghị" }).ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("pakn-error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(citizen.Locator("#phone")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(citizen.Locator("#phone-error")).ToBeVisibleAsync();
        await Assertions.Expect(citizen.Locator("#title")).ToHaveValueAsync("Đề nghị cho nộp bổ sung từng mục trên điện thoại");
        await look.CheckAsync("12-pakn-field-error");

        await citizen.Locator("#phone").FillAsync(phone);
        await citizen.GetByTestId("consent").GetByRole(AriaRole.Checkbox).CheckAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi phản ánh, kiến nghị" }).ClickAsync();
        var paknCode = (await citizen.GetByTestId("pakn-code").InnerTextAsync()).Trim();
        await look.CheckAsync("13-pakn-sent");
        await citizen.GetByTestId("pakn-ack").GetByRole(AriaRole.Link, new() { Name = "Tra cứu tình trạng xử lý" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("#code")).ToHaveValueAsync(paknCode);
        await citizen.Locator("#factor").FillAsync(phone);
        await citizen.GetByTestId("track-form").GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("pakn-track")).ToContainTextAsync(paknCode);
        await Assertions.Expect(citizen.GetByTestId("track-status")).Not.ToBeEmptyAsync();
        await look.CheckAsync("14-pakn-followed");

        foreach (var officer in officers)
        {
            await officer.Context.CloseAsync();
        }
        await context.CloseAsync();
        Assert.True(look.Problems.Count == 0, $"{look.Problems.Count} problems on the citizen's pages:\n" + string.Join('\n', look.Problems));
    }

    /// <summary>The administrator adds the procedure through the import page unless an earlier test of this server did.</summary>
    private async Task EnsureOnlineProcedureAsync()
    {
        var admin = await browser.LoginAsync("admin");
        var existing = await admin.APIRequest.GetAsync("/api/procedures/" + ProcedureCode);
        if (!existing.Ok)
        {
            await admin.GotoAsync("/quan-tri/thu-tuc/nhap");
            await admin.Locator("#upload").SetInputFilesAsync(new FilePayload { Name = "thu-tuc-truc-tuyen.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(CatalogueJson) });
            await admin.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra và nhập" }).ClickAsync();
            await Assertions.Expect(admin.GetByTestId("import-ok")).ToContainTextAsync("Đã nhập 1 thủ tục");
        }
        await admin.Context.CloseAsync();
    }

    private static async Task FollowAsync(IPage page, string phone)
    {
        await page.Locator("#Factor").FillAsync(phone);
        await page.GetByTestId("lookup-form").GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("lookup-result")).ToBeVisibleAsync();
    }

    /// <summary>Answers every question with its first choice, whatever the scale.</summary>
    private static async Task RateAsync(ILocator form)
    {
        var questions = form.Locator("fieldset");
        var count = await questions.CountAsync();
        Assert.True(count > 0, "no rating questions shown");
        for (var i = 0; i < count; i++)
        {
            await questions.Nth(i).Locator("input[type=radio]").First.CheckAsync();
        }
    }

    private static FilePayload Pdf(string fileName) =>
        new() { Name = fileName, MimeType = "application/pdf", Buffer = OnlineSubmissionJourneyTests.SmallPdf() };

    /// <summary>What the journey checks on every citizen page it reaches: axe, sideways scroll on a phone, and a screenshot.</summary>
    private sealed class CitizenEyes(IPage page, int width)
    {
        public List<string> Problems { get; } = [];

        public async Task CheckAsync(string step)
        {
            var where = $"{step} ({new Uri(page.Url).PathAndQuery}) @{width}";
            await BrowserApp.ScreenshotAsync(page, $"journey-{width}-{step}");
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
