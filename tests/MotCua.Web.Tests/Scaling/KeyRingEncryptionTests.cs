using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Scaling;

/// <summary>
/// The data-protection key ring signs every login cookie and bearer token; in the database (and so in every backup)
/// it is encrypted with the configured certificate, and every instance that has the certificate still shares it.
/// </summary>
public sealed class KeyRingEncryptionTests
{
    private const string CertificatePassword = "Chung-Thu!2026";

    private static string CreateCertificate()
    {
        var path = Path.Combine(Path.GetTempPath(), "motcua-keyring-" + Guid.NewGuid().ToString("N") + ".pfx");
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=MotCua key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, CertificatePassword));
        return path;
    }

    private static MotCuaApp WithCertificate(MotCuaApp app, string pfx)
    {
        app.Settings["MotCua:DataProtection:CertificatePath"] = pfx;
        app.Settings["MotCua:DataProtection:CertificatePassword"] = CertificatePassword;
        return app;
    }

    private static async Task<string> AuthCookieAsync(MotCuaApp app)
    {
        using var client = app.CreateNoRedirectClient();
        var response = await MotCuaApp.PostLoginAsync(client, "motcua", MotCuaApp.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("motcua.auth=", StringComparison.Ordinal));
        return cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private static async Task<HttpStatusCode> QueueWithCookieAsync(MotCuaApp app, string cookie)
    {
        using var client = app.CreateNoRedirectClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ho-so/hang-doi");
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_still_shared_by_every_instance_that_has_it()
    {
        var pfx = CreateCertificate();
        try
        {
            await using var first = WithCertificate(new MotCuaApp(), pfx);
            await using var second = WithCertificate(new MotCuaApp(), pfx);
            second.Settings["MotCua:Database:ConnectionString"] = first.Database.ConnectionString;
            await using var withoutCertificate = new MotCuaApp();
            withoutCertificate.Settings["MotCua:Database:ConnectionString"] = first.Database.ConnectionString;

            var cookie = await AuthCookieAsync(first);
            await using (var db = first.CreateDbContext())
            {
                var keys = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync();
                Assert.NotEmpty(keys);
                Assert.All(keys, xml =>
                {
                    Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
                    Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
                });
            }
            Assert.Equal(HttpStatusCode.OK, await QueueWithCookieAsync(second, cookie));
            // Whoever has the rows but not the certificate (a backup holder) cannot use them.
            Assert.NotEqual(HttpStatusCode.OK, await QueueWithCookieAsync(withoutCertificate, cookie));
        }
        finally
        {
            File.Delete(pfx);
        }
    }
}
