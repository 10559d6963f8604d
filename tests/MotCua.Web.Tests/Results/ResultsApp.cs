using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Results;

/// <summary>The app signing with a PKCS#12 file and a CRL in a temporary folder; a test puts the certificate it needs there.</summary>
public sealed class ResultsApp : MotCuaApp
{
    public const string Password = "123456";

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("motcua-signing");

    public ResultsApp()
    {
        Settings["MotCua:Signing:Signer"] = "Pkcs12";
        Settings["MotCua:Signing:CertificatePath"] = CertificatePath;
        Settings["MotCua:Signing:CrlPath"] = CrlPath;
        Settings["MotCua:Signing:Location"] = "Tuy Hòa, Phú Yên";
        Settings["MotCua:PublicBaseUrl"] = "https://dichvucong.example.gov.vn";
        UseCertificate(TestCertificates.Valid());
        UseCrl(TestCertificates.Crl());
    }

    public string CertificatePath => Path.Combine(folder.FullName, "signer.p12");

    public string CrlPath => Path.Combine(folder.FullName, "ca.crl");

    public void UseCertificate(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) =>
        File.WriteAllBytes(CertificatePath, TestCertificates.Pkcs12(certificate, Password));

    public void UseCrl(byte[] crl) => File.WriteAllBytes(CrlPath, crl);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        folder.Refresh();
        if (disposing && folder.Exists)
        {
            folder.Delete(recursive: true);
        }
    }
}
