using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Results;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Results;

/// <summary>
/// A CA's remote-signing service stands in as an in-process HTTP handler that holds the key: it answers the certificate,
/// signs a digest when the PIN is right, and refuses as a real service would (wrong PIN, revoked).
/// </summary>
public sealed class FakeSigningService : HttpMessageHandler
{
    public const string Pin = "246810";

    public X509Certificate2 Certificate { get; } = TestCertificates.Valid();

    /// <summary>The code the service answers instead of a signature ("revoked", …), or null to sign.</summary>
    public string? RefuseWith { get; set; }

    public List<string> Digests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (request.Method == HttpMethod.Get && path == "/api/keys/lanhdao-token/certificate")
        {
            return Json(HttpStatusCode.OK, new { certificate = Convert.ToBase64String(Certificate.RawData) });
        }
        if (request.Method == HttpMethod.Post && path == "/api/sign")
        {
            var sign = (await request.Content!.ReadFromJsonAsync<SigningServiceSigner.SignRequest>(cancellationToken))!;
            Digests.Add(sign.Hash);
            if (sign.Pin != Pin)
            {
                return Json(HttpStatusCode.Forbidden, new { code = "wrongPin", message = "PIN không đúng" });
            }
            if (RefuseWith is { } code)
            {
                return Json(HttpStatusCode.UnprocessableEntity, new { code, message = "refused" });
            }
            using var key = Certificate.GetRSAPrivateKey()!;
            var signature = key.SignHash(Convert.FromBase64String(sign.Hash), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return Json(HttpStatusCode.OK, new { signature = Convert.ToBase64String(signature) });
        }
        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    private static HttpResponseMessage Json(HttpStatusCode status, object body) => new(status) { Content = JsonContent.Create(body) };
}

public sealed class SigningServiceApp : MotCuaApp
{
    public FakeSigningService Service { get; } = new();

    public SigningServiceApp()
    {
        Settings["MotCua:Signing:Signer"] = "Service";
        Settings["MotCua:Signing:ServiceUrl"] = "https://ky-so.ca.example.vn/api";
        Settings["MotCua:Signing:ServiceKeyId"] = "lanhdao-token";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.AddHttpClient(SigningServiceSigner.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Service));
    }
}

/// <summary>Signing through the signing-service adapter: the signature verifies in pdfsig; the service's refusals reach the officer.</summary>
public sealed class SigningServiceTests(SigningServiceApp app) : IClassFixture<SigningServiceApp>
{
    [Fact]
    public async Task The_service_signs_a_digest_and_pdfsig_verifies_the_pdf()
    {
        app.Service.RefuseWith = null;
        var (_, result) = await ResultFlow.SignedAsync(app, ResultFlow.Unique("Công ty Ký Từ Xa"), FakeSigningService.Pin);

        Assert.Equal(ResultStatus.InForce, result.Status);
        // Only a 32-byte digest left MotCua, never the document.
        Assert.All(app.Service.Digests, d => Assert.Equal(32, Convert.FromBase64String(d).Length));
        using var leader = await app.LoginAsync("lanhdao");
        var report = ResultFlow.PdfSig(await leader.GetByteArrayAsync($"/ket-qua-ho-so/{result.Id}/tep"));
        Assert.Contains("Signature is Valid", report, StringComparison.Ordinal);
        Assert.Contains("Signer Certificate Common Name: " + TestCertificates.SignerName, report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("000000", null, "Sai mã PIN")]
    [InlineData(FakeSigningService.Pin, "revoked", "đã bị thu hồi")]
    [InlineData("", null, "Vui lòng nhập mã PIN")]
    public async Task The_service_refusal_is_shown_and_nothing_is_signed(string pin, string? refuseWith, string reason)
    {
        app.Service.RefuseWith = refuseWith;
        try
        {
            var code = await ResultFlow.InProcessingAsync(app, ResultFlow.Unique("Công ty Từ Chối"));
            using var specialist = await app.LoginAsync("chuyenvien");
            ResultFlow.Redirected(await ResultFlow.RecordAsync(specialist, code));
            await ResultFlow.AppraiseAsync(app, code);
            var draft = (await ResultFlow.ResultsAsync(app, code)).Single();
            using var leader = await app.LoginAsync("lanhdao");

            var response = await ResultFlow.SignAsync(leader, code, draft.Id, pin);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var after = (await ResultFlow.ResultsAsync(app, code)).Single();
            Assert.Equal(ResultStatus.Draft, after.Status);
            Assert.Null(after.SignedPath);
            Assert.Single(await ResultFlow.AuditAsync(app, code, "result.sign.refused"));
        }
        finally
        {
            app.Service.RefuseWith = null;
        }
    }
}
