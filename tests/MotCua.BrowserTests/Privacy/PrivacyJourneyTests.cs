using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;

namespace MotCua.BrowserTests.Privacy;

/// <summary>A citizen asks for their data from the footer link; the focal officer answers; the administrator keeps the breach register.</summary>
public sealed class PrivacyJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_citizen_asks_for_their_data_and_the_focal_officer_answers_it()
    {
        browser.App.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 16, 2, 0, 0, TimeSpan.Zero));
        using var desk = await browser.App.ApiClientAsync("motcua");
        var receipt = await desk.PostAsJsonAsync("/api/dossiers/", new
        {
            procedureCode = "1.000173", channel = "direct",
            applicant = new { name = "Hoàng Thị Chủ Thể", idNumber = "079085004321", phone = "0915666888", address = "Buôn Ma Thuột, Đắk Lắk" },
            papers = new[] { new { name = "Đơn", present = true } },
        });
        var dossier = (await receipt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

        var citizen = await browser.NewPageAsync();
        await citizen.GotoAsync("/");
        await citizen.GetByTestId("footer-privacy-rights").ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("rights-limits")).ToContainTextAsync("02 ngày làm việc");
        await citizen.GetByLabel("Loại yêu cầu").SelectOptionAsync("Access");
        await citizen.GetByLabel("Mã hồ sơ hoặc mã phản ánh, kiến nghị").FillAsync(dossier);
        await citizen.GetByLabel("Số điện thoại hoặc số giấy tờ tùy thân đã khai").FillAsync("0915666888");
        await BrowserApp.ScreenshotBothWidthsAsync(citizen, "privacy-rights-form");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi yêu cầu" }).ClickAsync();
        var code = await citizen.GetByTestId("request-code").TextContentAsync();
        Assert.StartsWith("DLCN-", code, StringComparison.Ordinal);
        await BrowserApp.ScreenshotBothWidthsAsync(citizen, "privacy-request-sent");

        var focal = await browser.LoginAsync("daumoi");
        await focal.Locator("nav.mainnav").GetByRole(AriaRole.Link, new() { Name = "Yêu cầu về dữ liệu cá nhân" }).ClickAsync();
        await Assertions.Expect(focal.GetByTestId("requests")).ToContainTextAsync(code!);
        await BrowserApp.ScreenshotBothWidthsAsync(focal, "privacy-requests");
        await focal.GetByRole(AriaRole.Link, new() { Name = code! }).ClickAsync();
        await focal.GetByLabel("Thực hiện").CheckAsync();
        await focal.GetByLabel("Nội dung trả lời").FillAsync("Cơ quan cung cấp bản sao dữ liệu cá nhân của bạn; tải tại trang theo dõi yêu cầu.");
        await BrowserApp.ScreenshotBothWidthsAsync(focal, "privacy-request-answer");
        await focal.GetByTestId("answer-submit").ClickAsync();
        await Assertions.Expect(focal.GetByTestId("request-status")).ToHaveTextAsync("Đã thực hiện");

        await citizen.GotoAsync("/quyen-du-lieu-ca-nhan/theo-doi");
        await citizen.GetByLabel("Mã yêu cầu").FillAsync(code!);
        await citizen.GetByLabel("Số điện thoại hoặc số giấy tờ đã nhập khi gửi").FillAsync("0915666888");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("follow-status")).ToHaveTextAsync("Đã thực hiện");
        await Assertions.Expect(citizen.GetByTestId("follow-export")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotBothWidthsAsync(citizen, "privacy-request-followed");

        var admin = await browser.LoginAsync("admin");
        await admin.GotoAsync("/quan-tri/vi-pham-du-lieu-ca-nhan");
        await admin.GetByLabel("Thời điểm phát hiện").FillAsync("2026-12-11T08:00");
        await admin.GetByLabel("Mô tả vi phạm").FillAsync("Tệp xuất sổ theo dõi gửi nhầm địa chỉ thư điện tử bên ngoài.");
        await admin.GetByLabel("Loại dữ liệu bị ảnh hưởng").FillAsync("Họ tên, số điện thoại người nộp hồ sơ");
        await admin.GetByLabel("Chủ thể dữ liệu bị ảnh hưởng (nhóm, số lượng)").FillAsync("Khoảng 120 người");
        await admin.GetByLabel("Biện pháp đã thực hiện").FillAsync("Đề nghị người nhận xóa tệp.");
        await admin.GetByTestId("breach-submit").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("breach-standing")).ToHaveTextAsync("Quá hạn thông báo");
        await BrowserApp.ScreenshotBothWidthsAsync(admin, "privacy-breaches");
        await admin.GotoAsync("/quan-tri/du-lieu-ca-nhan");
        await admin.GetByTestId("basis-history").First.ClickAsync();
        await BrowserApp.ScreenshotBothWidthsAsync(admin, "privacy-register");
    }
}
