using System.Formats.Asn1;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace MotCua.Web.Features.Results;

/// <summary>The signing settings (<c>MotCua:Signing</c>): which signer, where its key is, and what counts as revoked.</summary>
public sealed class SigningOptions
{
    public const string Section = "MotCua:Signing";

    /// <summary>"Pkcs12" (a certificate file on the server) or "Service" (a CA's USB-token or remote-signing service).</summary>
    public string Signer { get; set; } = "Pkcs12";

    public string? CertificatePath { get; set; }

    /// <summary>The file's password when the officer is not asked for one (the PIN typed at signing wins).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The signing service's base URL (see docs/decisions/ADR-011).</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The key the service signs with (the officer's account or token id at the CA).</summary>
    public string? ServiceKeyId { get; set; }

    /// <summary>A CRL file (DER or PEM) of the certificate's issuer; a certificate listed there is refused.</summary>
    public string? CrlPath { get; set; }

    /// <summary>Serial numbers (hex) refused whatever the CRL says: a key reported lost before the CA lists it.</summary>
    public List<string> RevokedSerials { get; set; } = [];

    public string? Location { get; set; }
}

/// <summary>Why a signature was not made, in Vietnamese for the officer.</summary>
public sealed record SigningRefusal(string Reason);

/// <summary>
/// An opened signing key: its certificate (checked before anything is signed) and the CMS signature over content. The
/// content is the PDF's signed byte range; a remote service receives only its SHA-256 digest.
/// </summary>
public abstract class SigningSession : IDisposable
{
    public abstract X509Certificate2 Certificate { get; }

    /// <summary>A detached CMS SignedData (PAdES-B-B) over <paramref name="content"/>.</summary>
    public abstract Task<byte[]> SignAsync(byte[] content, CancellationToken ct);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}

/// <summary>The configured signer behind one interface: a PKCS#12 file, or a CA's signing service.</summary>
public interface IResultSigner
{
    /// <summary>What the officer is asked for, e.g. "Mật khẩu chứng thư số" or "Mã PIN".</summary>
    string SecretLabel { get; }

    /// <summary>Opens the key with the officer's PIN or password: the session, or why it cannot sign.</summary>
    Task<(SigningSession? Session, SigningRefusal? Refusal)> OpenAsync(string? secret, CancellationToken ct);
}

/// <summary>Signs with a PKCS#12 (.p12/.pfx) file named in configuration; the password is the officer's PIN.</summary>
public sealed class Pkcs12Signer(SigningOptions options) : IResultSigner
{
    public string SecretLabel => "Mật khẩu (PIN) chứng thư số";

    public Task<(SigningSession? Session, SigningRefusal? Refusal)> OpenAsync(string? secret, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.CertificatePath) || !File.Exists(options.CertificatePath))
        {
            return Task.FromResult<(SigningSession?, SigningRefusal?)>((null, new SigningRefusal("Chưa cấu hình chứng thư số để ký (MotCua:Signing:CertificatePath).")));
        }
        var password = string.IsNullOrEmpty(secret) ? options.CertificatePassword : secret;
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, password, X509KeyStorageFlags.EphemeralKeySet);
            if (!certificate.HasPrivateKey)
            {
                certificate.Dispose();
                return Task.FromResult<(SigningSession?, SigningRefusal?)>((null, new SigningRefusal("Tệp chứng thư số không chứa khóa bí mật để ký.")));
            }
            return Task.FromResult<(SigningSession?, SigningRefusal?)>((new LocalSession(certificate), null));
        }
        catch (CryptographicException)
        {
            return Task.FromResult<(SigningSession?, SigningRefusal?)>((null, new SigningRefusal("Sai mật khẩu (PIN) của chứng thư số.")));
        }
    }

    private sealed class LocalSession(X509Certificate2 certificate) : SigningSession
    {
        public override X509Certificate2 Certificate => certificate;

        public override Task<byte[]> SignAsync(byte[] content, CancellationToken ct) => Task.FromResult(PadesCms.Sign(content, certificate));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                certificate.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}

/// <summary>A detached CMS signature as PAdES baseline B-B asks: SHA-256, and the signing-certificate-v2 attribute.</summary>
public static class PadesCms
{
    private const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";

    public static byte[] Sign(byte[] content, X509Certificate2 certificate, AsymmetricAlgorithm? privateKey = null)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate, privateKey)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2Oid, SigningCertificateV2(certificate)));
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }

    /// <summary>SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }, with SHA-256 (the default, so omitted).</summary>
    private static byte[] SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            writer.WriteOctetString(SHA256.HashData(certificate.RawData));
        }
        return writer.Encode();
    }

    /// <summary>Whether a detached CMS signature verifies over the content (a service's answer is checked before use).</summary>
    public static bool Verifies(byte[] cms, byte[] content)
    {
        try
        {
            var signed = new SignedCms(new ContentInfo(content), detached: true);
            signed.Decode(cms);
            signed.CheckSignature(verifySignatureOnly: true);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}

/// <summary>
/// The checks made before anything is signed: the certificate is valid now, meant for signatures, and not revoked as
/// far as the configured CRL and revoked serials tell.
/// </summary>
public static class CertificateChecks
{
    public static SigningRefusal? Check(X509Certificate2 certificate, DateTimeOffset now, SigningOptions options)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(options);
        var vn = TimeSpan.FromHours(7);
        if (now.UtcDateTime < certificate.NotBefore.ToUniversalTime())
        {
            return new SigningRefusal("Chứng thư số chưa có hiệu lực (có hiệu lực từ "
                + new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero).ToOffset(vn).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + ").");
        }
        if (now.UtcDateTime > certificate.NotAfter.ToUniversalTime())
        {
            return new SigningRefusal("Chứng thư số đã hết hạn ngày "
                + new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero).ToOffset(vn).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + ".");
        }
        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        if (usage is not null && (usage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) == 0)
        {
            return new SigningRefusal("Chứng thư số không dùng để ký số (thiếu mục đích sử dụng khóa \"chữ ký số\").");
        }
        var serial = certificate.SerialNumber;
        if (options.RevokedSerials.Any(s => string.Equals(s.Replace(":", "", StringComparison.Ordinal).Trim(), serial, StringComparison.OrdinalIgnoreCase)))
        {
            return Revoked;
        }
        if (!string.IsNullOrWhiteSpace(options.CrlPath))
        {
            if (!File.Exists(options.CrlPath))
            {
                return new SigningRefusal("Không đọc được danh sách chứng thư số bị thu hồi (CRL) đã cấu hình, nên chưa thể ký.");
            }
            try
            {
                if (Crl.Lists(File.ReadAllBytes(options.CrlPath), certificate))
                {
                    return Revoked;
                }
            }
            catch (AsnContentException)
            {
                return new SigningRefusal("Danh sách chứng thư số bị thu hồi (CRL) đã cấu hình không đúng định dạng, nên chưa thể ký.");
            }
        }
        return null;
    }

    public static readonly SigningRefusal Revoked = new("Chứng thư số đã bị thu hồi.");
}

/// <summary>Reads a CRL (RFC 5280 CertificateList, DER or PEM) far enough to tell whether it lists a certificate.</summary>
public static class Crl
{
    public static bool Lists(byte[] crl, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(crl);
        ArgumentNullException.ThrowIfNull(certificate);
        var text = System.Text.Encoding.ASCII.GetString(crl);
        if (text.Contains("-----BEGIN X509 CRL-----", StringComparison.Ordinal))
        {
            var body = text.Split("-----BEGIN X509 CRL-----")[1].Split("-----END X509 CRL-----")[0];
            crl = Convert.FromBase64String(body);
        }
        var list = new AsnReader(crl, AsnEncodingRules.DER).ReadSequence();
        var tbs = list.ReadSequence();
        if (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
        {
            tbs.ReadInteger();
        }
        tbs.ReadSequence(); // signature algorithm
        var issuer = new X500DistinguishedName(tbs.ReadEncodedValue().ToArray());
        if (!string.Equals(issuer.Name, certificate.IssuerName.Name, StringComparison.Ordinal))
        {
            return false;
        }
        tbs.ReadEncodedValue(); // thisUpdate
        if (tbs.HasData && (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) || tbs.PeekTag().HasSameClassAndValue(Asn1Tag.GeneralizedTime)))
        {
            tbs.ReadEncodedValue(); // nextUpdate
        }
        if (!tbs.HasData || !tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            return false;
        }
        var serial = new BigInteger(certificate.SerialNumberBytes.Span, isUnsigned: false, isBigEndian: true);
        var revoked = tbs.ReadSequence();
        while (revoked.HasData)
        {
            var entry = revoked.ReadSequence();
            if (entry.ReadInteger() == serial)
            {
                return true;
            }
        }
        return false;
    }
}
