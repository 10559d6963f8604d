using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Web.Features.Results;
using MotCua.Web.Shared.Files;
using MotCua.Web.Tests.Results;

namespace MotCua.BrowserTests.Results;

public sealed class ResultJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Specialist_records_the_result_the_leader_signs_it_and_anyone_verifies_it()
    {
        // The browser app starts without a signer configured; this journey gives it a throwaway certificate.
        var folder = Directory.CreateTempSubdirectory("motcua-signing");
        var p12 = Path.Combine(folder.FullName, "signer.p12");
        await File.WriteAllBytesAsync(p12, TestCertificates.Pkcs12(TestCertificates.Valid(), "123456"));
        browser.App.Services.GetRequiredService<SigningOptions>().CertificatePath = p12;
        var code = await ResultFlow.InProcessingAsync(browser.App, ResultFlow.Unique("Bệnh viện Đa khoa"));

        var specialist = await browser.LoginAsync("chuyenvien");
        await specialist.GotoAsync("/ho-so/" + code);
        var panel = specialist.GetByTestId("dossier-result");
        await panel.GetByLabel("Loại văn bản").SelectOptionAsync("Licence");
        await panel.GetByLabel("Số", new() { Exact = true }).FillAsync("27");
        await panel.GetByLabel("Ký hiệu").FillAsync("GP-SKHCN");
        await panel.GetByLabel("Trích yếu nội dung").FillAsync("Cấp giấy phép tiến hành công việc bức xạ — sử dụng thiết bị X-quang chẩn đoán trong y tế");
        await panel.GetByLabel("Họ tên người ký").FillAsync("Lê Văn Lãnh Đạo");
        await panel.GetByLabel("Chức vụ người ký").FillAsync("Phó Giám đốc");
        await panel.GetByLabel("Hiệu lực từ ngày (không bắt buộc)").FillAsync("2025-03-10");
        await panel.GetByLabel("Đến ngày (không bắt buộc)").FillAsync("2030-03-10");
        await BrowserApp.ScreenshotAsync(specialist, "result-record-form");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo văn bản kết quả" }).ClickAsync();
        await Assertions.Expect(specialist.GetByTestId("result-status")).ToHaveTextAsync("Dự thảo, chưa ký số");

        await ResultFlow.AppraiseAsync(browser.App, code);
        var leader = await browser.LoginAsync("lanhdao");
        await leader.GotoAsync("/ho-so/" + code);
        await leader.GetByLabel("Mật khẩu (PIN) chứng thư số").FillAsync("123456");
        await BrowserApp.ScreenshotAsync(leader, "result-sign-form");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Ký số" }).ClickAsync();
        await Assertions.Expect(leader.GetByTestId("result-status")).ToHaveTextAsync("Đã ký số, còn hiệu lực");
        await Assertions.Expect(leader.GetByTestId("result-download")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(leader, "result-signed");
        await leader.SetViewportSizeAsync(390, 844);
        await BrowserApp.ScreenshotAsync(leader, "result-signed-390");

        var result = (await ResultFlow.ResultsAsync(browser.App, code)).Single();
        var pdf = browser.App.Services.GetRequiredService<FileStore>().Read(result.SignedPath!)!;
        await File.WriteAllBytesAsync(Path.Combine(BrowserApp.ScreenshotDir, "result-signed.pdf"), pdf);
        Assert.Contains("Signature is Valid", ResultFlow.PdfSig(pdf), StringComparison.Ordinal);

        var citizen = await browser.NewPageAsync();
        await citizen.GotoAsync("/tra-cuu-ket-qua/" + result.VerificationCode);
        await Assertions.Expect(citizen.GetByTestId("verify-status")).ToContainTextAsync("Văn bản hợp lệ");
        await Assertions.Expect(citizen.GetByTestId("verify-result")).ToContainTextAsync("27/GP-SKHCN");
        await Assertions.Expect(citizen.GetByTestId("verify-result")).Not.ToContainTextAsync("Bệnh viện Đa khoa");
        await BrowserApp.ScreenshotAsync(citizen, "result-verify");
        await citizen.SetViewportSizeAsync(390, 844);
        await BrowserApp.ScreenshotAsync(citizen, "result-verify-390");
        folder.Delete(recursive: true);
    }
}
