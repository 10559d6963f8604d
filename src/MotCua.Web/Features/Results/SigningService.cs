using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Serialization;

namespace MotCua.Web.Features.Results;

/// <summary>
/// The adapter for the USB-token and remote-signing services Vietnamese certificate authorities provide: the key never
/// leaves the service; MotCua sends the SHA-256 digest of what is signed with the officer's PIN and receives the RSA
/// signature, then assembles the CMS itself (docs/decisions/ADR-011 gives the contract).
/// </summary>
public sealed class SigningServiceSigner(HttpClient http, SigningOptions options) : IResultSigner
{
    public const string HttpClientName = "MotCua.Signing";

    public string SecretLabel => "Mã PIN của thiết bị ký số / dịch vụ ký số";

    public sealed record CertificateAnswer(string Certificate);

    public sealed record SignRequest(string KeyId, string Pin, string Hash, string HashAlgorithm);

    public sealed record SignAnswer(string? Signature, string? Code, string? Message);

    public async Task<(SigningSession? Session, SigningRefusal? Refusal)> OpenAsync(string? secret, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.ServiceUrl) || string.IsNullOrWhiteSpace(options.ServiceKeyId))
        {
            return (null, new SigningRefusal("Chưa cấu hình dịch vụ ký số (MotCua:Signing:ServiceUrl, ServiceKeyId)."));
        }
        if (string.IsNullOrWhiteSpace(secret))
        {
            return (null, new SigningRefusal("Vui lòng nhập mã PIN để ký số."));
        }
        try
        {
            var answer = await http.GetFromJsonAsync<CertificateAnswer>(
                Url("keys/" + Uri.EscapeDataString(options.ServiceKeyId) + "/certificate"), ct);
            if (answer?.Certificate is not { Length: > 0 } der)
            {
                return (null, new SigningRefusal("Dịch vụ ký số không trả về chứng thư số."));
            }
            var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(der));
            if (certificate.GetRSAPublicKey() is null)
            {
                certificate.Dispose();
                return (null, new SigningRefusal("Chứng thư số của dịch vụ ký số không dùng khóa RSA, MotCua chưa hỗ trợ."));
            }
            return (new RemoteSession(this, certificate, secret), null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or FormatException or CryptographicException or System.Text.Json.JsonException)
        {
            return (null, new SigningRefusal("Không kết nối được dịch vụ ký số; chưa ký. Vui lòng thử lại sau."));
        }
    }

    private Uri Url(string path) => new(options.ServiceUrl!.TrimEnd('/') + "/" + path);

    /// <summary>Asks the service to sign a digest; the service's refusal (wrong PIN, revoked, expired) comes back as its reason.</summary>
    internal async Task<byte[]> SignHashAsync(byte[] hash, string pin, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(Url("sign"),
            new SignRequest(options.ServiceKeyId!, pin, Convert.ToBase64String(hash), "SHA-256"), ct);
        var answer = await response.Content.ReadFromJsonAsync<SignAnswer>(ct);
        if (response.IsSuccessStatusCode && answer?.Signature is { Length: > 0 } signature)
        {
            return Convert.FromBase64String(signature);
        }
        throw new SigningRefusedException(new SigningRefusal(answer?.Code switch
        {
            "wrongPin" => "Sai mã PIN của thiết bị ký số / dịch vụ ký số.",
            "locked" => "Thiết bị ký số / tài khoản ký số đã bị khóa do nhập sai PIN nhiều lần.",
            "revoked" => CertificateChecks.Revoked.Reason,
            "expired" => "Chứng thư số đã hết hạn.",
            _ => "Dịch vụ ký số từ chối ký" + (string.IsNullOrWhiteSpace(answer?.Message) ? "." : ": " + answer.Message),
        }));
    }

    private sealed class RemoteSession(SigningServiceSigner service, X509Certificate2 certificate, string pin) : SigningSession
    {
        public override X509Certificate2 Certificate => certificate;

        public override async Task<byte[]> SignAsync(byte[] content, CancellationToken ct)
        {
            // A first pass learns the digest of the signed attributes (they hold no time, so the second pass makes the same);
            // it ends in the CMS layer's own check that the placeholder signature does not match the certificate.
            using var probe = new PresetRsa(certificate, null);
            try
            {
                PadesCms.Sign(content, certificate, probe);
            }
            catch (CryptographicException) when (probe.Hash is not null)
            {
            }
            var signature = await service.SignHashAsync(probe.Hash!, pin, ct);
            using var preset = new PresetRsa(certificate, signature);
            var cms = PadesCms.Sign(content, certificate, preset);
            if (!PadesCms.Verifies(cms, content))
            {
                throw new SigningRefusedException(new SigningRefusal("Chữ ký do dịch vụ ký số trả về không khớp với chứng thư số; chưa ký."));
            }
            return cms;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                certificate.Dispose();
            }
            base.Dispose(disposing);
        }
    }

    /// <summary>An RSA key whose private half is elsewhere: it records the digest asked for and answers a signature given in advance.</summary>
    private sealed class PresetRsa : RSA
    {
        private readonly RSA publicKey;
        private readonly byte[]? signature;

        public PresetRsa(X509Certificate2 certificate, byte[]? signature)
        {
            publicKey = certificate.GetRSAPublicKey()!;
            this.signature = signature;
            KeySizeValue = publicKey.KeySize;
        }

        public byte[]? Hash { get; private set; }

        public override RSAParameters ExportParameters(bool includePrivateParameters) => publicKey.ExportParameters(false);

        public override void ImportParameters(RSAParameters parameters) => throw new NotSupportedException();

        public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
        {
            Hash = hash;
            return signature ?? new byte[KeySize / 8];
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                publicKey.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}

/// <summary>A signer's refusal met while the PDF is being written; caught where the signature is made, never shown raw.</summary>
public sealed class SigningRefusedException : Exception
{
    public SigningRefusedException(SigningRefusal refusal) : base(refusal?.Reason) => Refusal = refusal ?? new SigningRefusal("Chưa ký.");

    public SigningRefusedException() : this(new SigningRefusal("Chưa ký."))
    {
    }

    public SigningRefusedException(string message) : this(new SigningRefusal(message))
    {
    }

    public SigningRefusedException(string message, Exception inner) : base(message, inner) => Refusal = new SigningRefusal(message);

    public SigningRefusal Refusal { get; }
}
