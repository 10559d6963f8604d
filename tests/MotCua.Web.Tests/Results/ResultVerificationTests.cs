using System.Net;

namespace MotCua.Web.Tests.Results;

/// <summary>The public verification page (valid, revoked, corrected, unknown; no personal data) and the citizen's download behind the second factor.</summary>
public sealed class ResultVerificationTests(ResultsApp app) : IClassFixture<ResultsApp>
{
    [Fact]
    public async Task Verification_page_tells_valid_then_revoked_without_personal_data()
    {
        var applicant = ResultFlow.Unique("Nguyễn Thị Riêng Tư");
        var (code, result) = await ResultFlow.SignedAsync(app, applicant, ResultsApp.Password);
        using var anonymous = app.CreateClient();

        var valid = await anonymous.GetStringAsync("/tra-cuu-ket-qua/" + result.VerificationCode);
        Assert.Contains("Văn bản hợp lệ", valid, StringComparison.Ordinal);
        Assert.Contains("15/GP-SKHCN", valid, StringComparison.Ordinal);
        Assert.Contains(TestCertificates.SignerName, valid, StringComparison.Ordinal);
        Assert.Contains("Giấy phép", valid, StringComparison.Ordinal);
        Assert.Contains("10/03/2025", valid, StringComparison.Ordinal);
        foreach (var personal in new[] { applicant, ResultFlow.Phone, ResultFlow.IdNumber, code, "Tuy Hòa, Phú Yên" })
        {
            Assert.DoesNotContain(personal, valid, StringComparison.Ordinal);
        }
        // The code is not case-sensitive when typed.
        Assert.Contains("Văn bản hợp lệ", await anonymous.GetStringAsync("/tra-cuu-ket-qua?Code=" + result.VerificationCode.ToLowerInvariant()), StringComparison.Ordinal);

        using var leader = await app.LoginAsync("lanhdao");
        var noReason = await ResultFlow.WithdrawAsync(leader, code, result.Id, correct: false, reason: "  ");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("lý do thu hồi", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        ResultFlow.Redirected(await ResultFlow.WithdrawAsync(leader, code, result.Id, correct: false, reason: "Cấp nhầm đối tượng"));

        var revoked = await anonymous.GetStringAsync("/tra-cuu-ket-qua/" + result.VerificationCode);
        Assert.Contains("Văn bản đã bị thu hồi", revoked, StringComparison.Ordinal);
        Assert.Contains("Cấp nhầm đối tượng", revoked, StringComparison.Ordinal);
        Assert.DoesNotContain("Văn bản hợp lệ", revoked, StringComparison.Ordinal);
        Assert.Single(await ResultFlow.AuditAsync(app, code, "result.revoke"));
    }

    [Fact]
    public async Task A_corrected_result_points_to_its_signed_replacement()
    {
        var (code, result) = await ResultFlow.SignedAsync(app, ResultFlow.Unique("Công ty Đính Chính"), ResultsApp.Password);
        using var leader = await app.LoginAsync("lanhdao");
        ResultFlow.Redirected(await ResultFlow.WithdrawAsync(leader, code, result.Id, correct: true, reason: "Sai tên cơ sở"));
        var results = await ResultFlow.ResultsAsync(app, code);
        Assert.Equal(2, results.Count);
        var replacement = results[1];
        Assert.Equal(result.Id, replacement.ReplacesId);
        Assert.NotEqual(result.VerificationCode, replacement.VerificationCode);

        using var anonymous = app.CreateClient();
        var pending = await anonymous.GetStringAsync("/tra-cuu-ket-qua/" + result.VerificationCode);
        Assert.Contains("đã được đính chính", pending, StringComparison.Ordinal);
        Assert.Contains("đang chờ ký số", pending, StringComparison.Ordinal);
        // A draft is never shown publicly.
        Assert.Contains("data-testid=\"verify-unknown\"", await anonymous.GetStringAsync("/tra-cuu-ket-qua/" + replacement.VerificationCode), StringComparison.Ordinal);

        ResultFlow.Redirected(await ResultFlow.SignAsync(leader, code, replacement.Id, ResultsApp.Password));
        var corrected = await anonymous.GetStringAsync("/tra-cuu-ket-qua/" + result.VerificationCode);
        Assert.Contains("/tra-cuu-ket-qua/" + replacement.VerificationCode, corrected, StringComparison.Ordinal);
        Assert.Contains("Văn bản hợp lệ", await anonymous.GetStringAsync("/tra-cuu-ket-qua/" + replacement.VerificationCode), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_code_is_not_found()
    {
        using var anonymous = app.CreateClient();
        var page = await anonymous.GetStringAsync("/tra-cuu-ket-qua/ABCDEFGHJKMN");
        Assert.Contains("data-testid=\"verify-unknown\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"verify-result\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_citizen_downloads_the_signed_result_only_with_the_second_factor()
    {
        var (code, result) = await ResultFlow.SignedAsync(app, ResultFlow.Unique("Hộ kinh doanh Tải Về"), ResultsApp.Password);
        using var anonymous = app.CreateClient();

        async Task<HttpResponseMessage> DownloadAsync(string? factor)
        {
            var token = await Infrastructure.MotCuaApp.AntiforgeryTokenAsync(anonymous, "/ket-qua-dien-tu");
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Code"] = code, ["Factor"] = factor ?? "",
            });
            return await anonymous.PostAsync("/ket-qua-dien-tu", form);
        }

        var missing = await DownloadAsync(null);
        Assert.Equal("text/html", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Vui lòng nhập mã hồ sơ và số điện thoại", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var wrong = await DownloadAsync("0999999999");
        Assert.Equal("text/html", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Không tìm thấy hồ sơ khớp", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var ok = await DownloadAsync(ResultFlow.Phone);
        Assert.Equal("application/pdf", ok.Content.Headers.ContentType?.MediaType);
        var pdf = await ok.Content.ReadAsByteArrayAsync();
        Assert.Contains("Signature is Valid", ResultFlow.PdfSig(pdf), StringComparison.Ordinal);
        Assert.Contains(result.VerificationCode, ResultFlow.PdfText(pdf), StringComparison.Ordinal);

        using var leader = await app.LoginAsync("lanhdao");
        ResultFlow.Redirected(await ResultFlow.WithdrawAsync(leader, code, result.Id, correct: false, reason: "Thu hồi để kiểm tra"));
        var afterRevoke = await DownloadAsync(ResultFlow.IdNumber);
        Assert.Equal("text/html", afterRevoke.Content.Headers.ContentType?.MediaType);
        Assert.Contains("chưa có văn bản kết quả điện tử", await afterRevoke.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
