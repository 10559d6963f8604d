using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Web.Features.Feedback;

namespace MotCua.BrowserTests.Citizens;

/// <summary>
/// A PAKN sent with an attachment goes through the back office (classify, answer, approve, publish); the officers can
/// open the attachment, the public answer shows neither the sender's contact nor the attachment.
/// </summary>
public sealed class FeedbackAttachmentJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task PAKN_with_an_attachment_is_answered_and_published_without_contact_or_attachment()
    {
        var pdf = OnlineSubmissionJourneyTests.SmallPdf();
        var citizen = await browser.NewPageAsync();
        await citizen.GotoAsync("/phan-anh-kien-nghi");
        await citizen.GetByLabel("Họ và tên").FillAsync("Phan Thị Đính Kèm");
        await citizen.GetByLabel("Địa chỉ *").FillAsync("Sông Cầu, Phú Yên");
        await citizen.GetByLabel("Số điện thoại").FillAsync("0914 246 810");
        await citizen.GetByLabel("Thư điện tử").FillAsync("dinhkem@example.vn");
        await citizen.GetByLabel("Mã thủ tục hành chính liên quan").FillAsync("1.000173");
        await citizen.GetByLabel("Tiêu đề").FillAsync("Bỏ yêu cầu nộp bản sao chứng thực chứng chỉ");
        await citizen.GetByLabel("Nội dung phản ánh, kiến nghị").FillAsync("Đề nghị cho phép nộp bản sao điện tử chứng chỉ nhân viên bức xạ thay cho bản sao chứng thực (bản chụp kèm theo).");
        await citizen.GetByLabel("Tệp đính kèm").SetInputFilesAsync(new FilePayload { Name = "ban-chup-chung-chi.pdf", MimeType = "application/pdf", Buffer = pdf });
        await citizen.GetByTestId("consent").GetByRole(AriaRole.Checkbox).CheckAsync();
        await BrowserApp.ScreenshotAsync(citizen, "pakn-attach-1-form");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi phản ánh, kiến nghị" }).ClickAsync();
        var code = (await citizen.GetByTestId("pakn-code").InnerTextAsync()).Trim();
        await BrowserApp.ScreenshotAsync(citizen, "pakn-attach-2-acknowledged");

        // The focal officer sees the attachment, opens it (the bytes that were sent) and assigns the PAKN.
        var focal = await browser.LoginAsync("daumoi");
        await focal.GotoAsync("/pakn");
        await focal.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        var attachment = focal.GetByTestId("pakn-attachments").GetByRole(AriaRole.Link, new() { Name = "ban-chup-chung-chi.pdf" });
        await Assertions.Expect(attachment).ToBeVisibleAsync();
        var download = await focal.APIRequest.GetAsync((await attachment.GetAttributeAsync("href"))!);
        Assert.True(download.Ok, "attachment: HTTP " + download.Status);
        Assert.Equal(pdf, await download.BodyAsync());
        await BrowserApp.ScreenshotAsync(focal, "pakn-attach-3-back-office");
        await focal.GetByTestId("pakn-inscope").GetByLabel("Đơn vị chủ trì xử lý").SelectOptionAsync(new SelectOptionValue { Label = "Phòng Quản lý Khoa học và Công nghệ" });
        await focal.GetByRole(AriaRole.Button, new() { Name = "Giao đơn vị xử lý" }).ClickAsync();
        await Assertions.Expect(focal.GetByTestId("pakn-status")).ToContainTextAsync("Đang xử lý");
        var url = focal.Url;

        var specialist = await browser.LoginAsync("chuyenvien");
        await specialist.GotoAsync(url);
        await specialist.GetByLabel("Nội dung trả lời").FillAsync("Sở đã đề xuất chấp nhận bản sao điện tử chứng chỉ nhân viên bức xạ từ ngày 01/7/2025.");
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo trả lời" }).ClickAsync();
        await Assertions.Expect(specialist.GetByTestId("pakn-status")).ToContainTextAsync("Chờ duyệt");

        var leader = await browser.LoginAsync("lanhdao");
        await leader.GotoAsync(url);
        await leader.GetByRole(AriaRole.Button, new() { Name = "Duyệt trả lời" }).ClickAsync();
        await Assertions.Expect(leader.GetByTestId("pakn-review")).ToBeVisibleAsync();
        await leader.GetByRole(AriaRole.Button, new() { Name = "Công khai", Exact = true }).ClickAsync();
        await Assertions.Expect(leader.GetByTestId("pakn-status")).ToContainTextAsync("Đã trả lời, công khai");
        await BrowserApp.ScreenshotAsync(leader, "pakn-attach-4-published-back-office");

        // The public list: the question and the answer, nothing that identifies or was attached by the sender.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/phan-anh-kien-nghi/da-tra-loi");
        var published = visitor.GetByTestId("pakn-published").Filter(new() { HasText = code });
        await Assertions.Expect(published).ToContainTextAsync("bản sao điện tử chứng chỉ nhân viên bức xạ từ ngày 01/7/2025");
        await Assertions.Expect(published).ToContainTextAsync("Bỏ yêu cầu nộp bản sao chứng thực chứng chỉ");
        var html = await visitor.ContentAsync();
        foreach (var secret in new[] { "0914", "246 810", "dinhkem@example.vn", "Phan Thị Đính Kèm", "Sông Cầu", "ban-chup-chung-chi", "handler=Attachment" })
        {
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        }
        await BrowserApp.ScreenshotAsync(visitor, "pakn-attach-5-public-answers");

        // The officers' download link is not a way in for the public.
        var anonymous = await visitor.APIRequest.GetAsync((await attachment.GetAttributeAsync("href"))!, new() { MaxRedirects = 0 });
        Assert.NotEqual(200, anonymous.Status);

        await using var db = browser.App.CreateDbContext();
        Assert.Equal(1, await db.FeedbackAttachments.CountAsync(a => a.FeedbackItem!.Code == code));
    }
}
