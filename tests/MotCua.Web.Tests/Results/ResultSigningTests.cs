using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Results;
using MotCua.Web.Shared.Documents;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Tests.Results;

/// <summary>
/// Result documents signed with a PKCS#12 file: recorded, signed, verified by pdfsig; every bad certificate or PIN is
/// refused with its reason and leaves the draft as it was.
/// </summary>
public sealed class ResultSigningTests(ResultsApp app) : IClassFixture<ResultsApp>
{
    [Fact]
    public async Task Recorded_result_is_signed_and_pdfsig_verifies_it()
    {
        app.UseCertificate(TestCertificates.Valid());
        var (code, result) = await ResultFlow.SignedAsync(app, ResultFlow.Unique("Bệnh viện Ký Số"), ResultsApp.Password);

        Assert.Equal(ResultStatus.InForce, result.Status);
        Assert.Equal(TestCertificates.SignerName, result.CertificateSubject);
        Assert.Equal("lanhdao", result.SignedBy);
        using var leader = await app.LoginAsync("lanhdao");
        var pdf = await leader.GetByteArrayAsync($"/ket-qua-ho-so/{result.Id}/tep");
        var report = ResultFlow.PdfSig(pdf);
        Assert.Contains("Signature is Valid", report, StringComparison.Ordinal);
        Assert.Contains("Signer Certificate Common Name: " + TestCertificates.SignerName, report, StringComparison.Ordinal);
        Assert.Contains("SHA-256", report, StringComparison.Ordinal);
        Assert.Contains("Total document signed", report, StringComparison.Ordinal);

        var text = ResultFlow.PdfText(pdf);
        Assert.Contains("GIẤY PHÉP", text, StringComparison.Ordinal);
        Assert.Contains("15/GP-SKHCN", text, StringComparison.Ordinal);
        Assert.Contains(result.VerificationCode, text, StringComparison.Ordinal);
        Assert.Contains(TestCertificates.SignerName, text, StringComparison.Ordinal);
        Assert.Single(await ResultFlow.AuditAsync(app, code, "result.sign"));

        // The dossier page shows the signed result and its download to the leader.
        var page = await leader.GetStringAsync("/ho-so/" + code);
        Assert.Contains("data-testid=\"result-download\"", page, StringComparison.Ordinal);
        Assert.Contains(result.VerificationCode, page, StringComparison.Ordinal);

        // Approval records that the result was there.
        using var api = await app.ApiClientAsync("lanhdao");
        await ResultFlow.ActAsync(api, code, "approve");
        Assert.NotNull((await ResultFlow.ResultsAsync(app, code)).Single().ApprovedAt);
    }

    [Fact]
    public async Task An_uploaded_pdf_gets_the_verification_line_and_is_signed()
    {
        app.UseCertificate(TestCertificates.Valid());
        var upload = PdfRenderer.Render(new OfficialDocument
        {
            Issuer = "SỞ KHOA HỌC VÀ CÔNG NGHỆ", PlaceAndDate = "Tuy Hòa, ngày 10 tháng 03 năm 2025", Title = "GIẤY PHÉP TẢI LÊN",
            Body = [new Paragraph("Nội dung do chuyên viên soạn.")],
        });
        var (_, result) = await ResultFlow.SignedAsync(app, ResultFlow.Unique("Công ty Tải Lên"), ResultsApp.Password, upload);

        using var leader = await app.LoginAsync("lanhdao");
        var pdf = await leader.GetByteArrayAsync($"/ket-qua-ho-so/{result.Id}/tep");
        Assert.Contains("Signature is Valid", ResultFlow.PdfSig(pdf), StringComparison.Ordinal);
        var text = ResultFlow.PdfText(pdf);
        Assert.Contains("GIẤY PHÉP TẢI LÊN", text, StringComparison.Ordinal);
        Assert.Contains(result.VerificationCode, text, StringComparison.Ordinal);
    }

    public enum BadKey
    {
        Expired,
        NotYetValid,
        WrongKeyUsage,
        Revoked,
        WrongPin,
    }

    [Theory]
    [InlineData(BadKey.Expired, "đã hết hạn")]
    [InlineData(BadKey.NotYetValid, "chưa có hiệu lực")]
    [InlineData(BadKey.WrongKeyUsage, "không dùng để ký số")]
    [InlineData(BadKey.Revoked, "đã bị thu hồi")]
    [InlineData(BadKey.WrongPin, "Sai mật khẩu (PIN)")]
    public async Task A_bad_certificate_or_pin_is_refused_and_nothing_is_signed(BadKey bad, string reason)
    {
        var now = TestCertificates.Now;
        var valid = TestCertificates.Valid();
        app.UseCertificate(bad switch
        {
            BadKey.Expired => TestCertificates.Leaf(now.AddYears(-2), now.AddDays(-1)),
            BadKey.NotYetValid => TestCertificates.Leaf(now.AddDays(2), now.AddYears(2)),
            BadKey.WrongKeyUsage => TestCertificates.Leaf(now.AddYears(-1), now.AddYears(2), X509KeyUsageFlags.KeyEncipherment),
            _ => valid,
        });
        if (bad == BadKey.Revoked)
        {
            app.UseCrl(TestCertificates.Crl(valid));
        }
        try
        {
            var code = await ResultFlow.InProcessingAsync(app, ResultFlow.Unique("Công ty Chứng Thư"));
            using var specialist = await app.LoginAsync("chuyenvien");
            ResultFlow.Redirected(await ResultFlow.RecordAsync(specialist, code));
            await ResultFlow.AppraiseAsync(app, code);
            var draft = (await ResultFlow.ResultsAsync(app, code)).Single();
            using var leader = await app.LoginAsync("lanhdao");
            var folder = Path.Combine(app.Services.GetRequiredService<FileStore>().Root, "results");
            string[] SignedFiles() => Directory.Exists(folder) ? Directory.GetFiles(folder, "*-da-ky.pdf", SearchOption.AllDirectories) : [];
            var before = SignedFiles();

            var response = await ResultFlow.SignAsync(leader, code, draft.Id, bad == BadKey.WrongPin ? "654321" : ResultsApp.Password);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var after = (await ResultFlow.ResultsAsync(app, code)).Single();
            Assert.Equal(ResultStatus.Draft, after.Status);
            Assert.Null(after.SignedPath);
            Assert.Null(after.SignedAt);
            // The files root outlives the app, so only what this attempt wrote counts.
            Assert.Equal(before.Order(StringComparer.Ordinal), SignedFiles().Order(StringComparer.Ordinal));
            var refused = Assert.Single(await ResultFlow.AuditAsync(app, code, "result.sign.refused"));
            Assert.Contains(reason, refused.Summary, StringComparison.Ordinal);
        }
        finally
        {
            app.UseCrl(TestCertificates.Crl());
        }
    }

    [Fact]
    public async Task Only_a_leader_signs_and_only_a_pdf_is_accepted_as_the_draft()
    {
        app.UseCertificate(TestCertificates.Valid());
        var code = await ResultFlow.InProcessingAsync(app, ResultFlow.Unique("Công ty Vai Trò"));
        using var specialist = await app.LoginAsync("chuyenvien");
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };
        var refused = await ResultFlow.RecordAsync(specialist, code, png);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("phải là tệp PDF", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var empty = await ResultFlow.RecordAsync(specialist, code, number: " ");
        Assert.Contains("Vui lòng nhập số văn bản", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await ResultFlow.ResultsAsync(app, code));

        ResultFlow.Redirected(await ResultFlow.RecordAsync(specialist, code));
        await ResultFlow.AppraiseAsync(app, code);
        var draft = (await ResultFlow.ResultsAsync(app, code)).Single();
        var bySpecialist = await ResultFlow.SignAsync(specialist, code, draft.Id, ResultsApp.Password);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bySpecialist.StatusCode);
        Assert.Contains("Chỉ lãnh đạo", await bySpecialist.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ResultStatus.Draft, (await ResultFlow.ResultsAsync(app, code)).Single().Status);
    }
}
