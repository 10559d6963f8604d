using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Results;

/// <summary>Throwaway certificates made per run (a test CA and its leaves): no private key is ever committed.</summary>
public static class TestCertificates
{
    public const string SignerName = "Lê Văn Lãnh Đạo";

    public static readonly DateTimeOffset Now = MotCuaApp.DefaultNow;

    private static readonly Lazy<X509Certificate2> LazyCa = new(() =>
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=MotCua Test CA, O=MotCua Tests, C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(Now.AddYears(-5), Now.AddYears(30));
    });

    public static X509Certificate2 Ca => LazyCa.Value;

    /// <summary>A leaf issued by the test CA, with its private key.</summary>
    public static X509Certificate2 Leaf(DateTimeOffset notBefore, DateTimeOffset notAfter,
        X509KeyUsageFlags usage = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, string name = SignerName)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(new X500DistinguishedName("CN=" + name + ", O=So Khoa hoc va Cong nghe, C=VN"), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using var issued = request.Create(Ca, notBefore, notAfter, serial);
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>Valid on the tests' fake clock and for years after it, so pdfsig (on the real clock) sees it valid too.</summary>
    public static X509Certificate2 Valid() => Leaf(Now.AddYears(-1), Now.AddYears(20));

    public static byte[] Pkcs12(X509Certificate2 certificate, string password) => certificate.Export(X509ContentType.Pkcs12, password);

    /// <summary>A CRL of the test CA listing <paramref name="revoked"/>.</summary>
    public static byte[] Crl(params X509Certificate2[] revoked)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var c in revoked)
        {
            builder.AddEntry(c, Now.AddDays(-1));
        }
        return builder.Build(Ca, BigInteger.One, Now.AddYears(1), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, Now.AddDays(-1));
    }
}
