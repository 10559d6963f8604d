using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Results;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Results;

/// <summary>
/// The forms MotCua issues are signed the same way as results: the receipt signed by the desk verifies in pdfsig and is
/// kept for download; a wrong PIN or a person not entitled is refused with the reason and nothing is stored.
/// </summary>
public sealed class FormSigningTests(ResultsApp app) : IClassFixture<ResultsApp>
{
    private static async Task<HttpResponseMessage> SignAsync(HttpClient officer, string code, string form, string secret)
    {
        var page = $"/ho-so/{code}/bieu-mau/{form}/ky-so";
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["__RequestVerificationToken"] = await MotCuaApp.AntiforgeryTokenAsync(officer, page),
            ["Secret"] = secret,
        });
        return await officer.PostAsync(page, content);
    }

    private async Task<List<SignedForm>> SignedAsync(string code)
    {
        await using var db = app.CreateDbContext();
        return await db.SignedForms.AsNoTracking().Where(f => f.DossierCode == code).ToListAsync();
    }

    [Fact]
    public async Task The_receipt_is_signed_by_the_desk_and_pdfsig_verifies_it()
    {
        app.UseCertificate(TestCertificates.Valid());
        using var api = await app.ApiClientAsync("motcua");
        var code = await Citizens.LookupAndEvaluationTests.ReceiveAsync(api, ResultFlow.Unique("Công ty Ký Biểu Mẫu"));
        using var desk = await app.LoginAsync("motcua");

        ResultFlow.Redirected(await SignAsync(desk, code, "tiep-nhan", ResultsApp.Password));

        var signed = Assert.Single(await SignedAsync(code));
        Assert.Equal("tiep-nhan", signed.Form);
        Assert.Equal(TestCertificates.SignerName, signed.CertificateSubject);
        var pdf = await desk.GetByteArrayAsync($"/ho-so/{code}/bieu-mau/tiep-nhan/ky-so?handler=File&id={signed.Id}");
        var report = ResultFlow.PdfSig(pdf);
        Assert.Contains("Signature is Valid", report, StringComparison.Ordinal);
        Assert.Contains("Total document signed", report, StringComparison.Ordinal);
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", ResultFlow.PdfText(pdf), StringComparison.Ordinal);
        Assert.Single(await ResultFlow.AuditAsync(app, code, "form.sign"));
        Assert.Contains("/bieu-mau/tiep-nhan/ky-so", await desk.GetStringAsync("/ho-so/" + code), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_pin_is_refused_with_its_reason_and_nothing_is_stored()
    {
        app.UseCertificate(TestCertificates.Valid());
        using var api = await app.ApiClientAsync("motcua");
        var code = await Citizens.LookupAndEvaluationTests.ReceiveAsync(api, ResultFlow.Unique("Công ty Sai PIN"));
        using var desk = await app.LoginAsync("motcua");

        var response = await SignAsync(desk, code, "tiep-nhan", "654321");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Sai mật khẩu (PIN)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await SignedAsync(code));
        Assert.Single(await ResultFlow.AuditAsync(app, code, "form.sign.refused"));
    }

    [Fact]
    public async Task Only_the_person_entitled_signs_a_form()
    {
        app.UseCertificate(TestCertificates.Valid());
        using var api = await app.ApiClientAsync("motcua");
        var code = await Citizens.LookupAndEvaluationTests.ReceiveAsync(api, ResultFlow.Unique("Công ty Không Thẩm Quyền"));
        using var specialist = await app.LoginAsync("chuyenvien");

        var response = await SignAsync(specialist, code, "tiep-nhan", ResultsApp.Password);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Empty(await SignedAsync(code));
        Assert.False(FormSignatures.MaySign(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, MotCua.Web.Features.Identity.Roles.OneStopOfficer)], "test")), "xin-loi"));
    }
}
