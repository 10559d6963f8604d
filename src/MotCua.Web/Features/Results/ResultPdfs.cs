using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Documents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;

namespace MotCua.Web.Features.Results;

/// <summary>The result's PDF before it is signed: generated from its fields, or the uploaded file with the verification line added.</summary>
public static class ResultPdfs
{
    public static string TypeName(ResultDocumentType type) => type switch
    {
        ResultDocumentType.Certificate => "Giấy chứng nhận",
        ResultDocumentType.Licence => "Giấy phép",
        ResultDocumentType.Reply => "Văn bản trả lời",
        ResultDocumentType.Decision => "Quyết định",
        ResultDocumentType.Other => "Văn bản khác",
    };

    public static string StatusName(ResultStatus status) => status switch
    {
        ResultStatus.Draft => "Dự thảo, chưa ký số",
        ResultStatus.InForce => "Đã ký số, còn hiệu lực",
        ResultStatus.Revoked => "Đã bị thu hồi",
        ResultStatus.Corrected => "Đã được thay thế bằng văn bản đính chính",
    };

    public static string VerificationLine(string code, string url) =>
        "Mã xác thực: " + code + " — tra cứu tính xác thực tại " + url;

    /// <summary>A result document laid out like an official letter, with the signature block and the verification code and QR.</summary>
    public static byte[] Generate(ResultDocument r, FormIssuer issuer, DateTimeOffset signedAt, string verifyUrl)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(issuer);
        var body = new List<DocumentBlock>
        {
            new Paragraph(r.DossierCode, Label: "Mã hồ sơ: "),
        };
        if (r.ValidFrom is not null || r.ValidTo is not null)
        {
            body.Add(new Paragraph((r.ValidFrom is { } f ? "từ ngày " + f.ToVnDate() : "") + (r.ValidTo is { } t ? " đến ngày " + t.ToVnDate() : ""), Label: "Thời hạn hiệu lực: "));
        }
        var doc = new OfficialDocument
        {
            ParentBody = issuer.ParentBody,
            Issuer = issuer.AgencyName.ToUpper(VietnamTime.Culture),
            Number = "Số: " + r.NumberAndSymbol,
            PlaceAndDate = DossierForms.PlaceAndDate(issuer.Place, new DateTimeOffset(r.IssuedOn.ToDateTime(TimeOnly.MinValue), VietnamTime.Offset)),
            Title = TypeName(r.Type).ToUpper(VietnamTime.Culture),
            Subtitle = r.Summary,
            Body = body,
            Signatures = [Decree30.Block(Signer(r, issuer), "Đã ký số ngày " + signedAt.ToVnDate())],
            QrUrl = verifyUrl,
            QrCaption = "Quét mã để kiểm tra tính xác thực của văn bản",
            Notes = [VerificationLine(r.VerificationCode, verifyUrl)],
        };
        return PdfRenderer.Render(doc);
    }

    /// <summary>
    /// How the result's signer signs for the agency: the head in its own name, a deputy "KT.", an acting head "Q.", the
    /// head of a unit "TL." — read from the signer's position against the head's.
    /// </summary>
    public static Signatory Signer(ResultDocument r, FormIssuer issuer)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(issuer);
        var head = issuer.Signer.HeadTitle;
        var authority = Decree30.AuthorityOf(r.SignerPosition, head);
        return new Signatory(head, authority, authority == SigningAuthority.Acting ? null : r.SignerPosition, r.SignerName);
    }

    /// <summary>The uploaded PDF with the verification line at the foot of its first page; null when it cannot be opened (encrypted, damaged).</summary>
    public static byte[]? Stamp(byte[] pdf, string code, string verifyUrl)
    {
        PdfRenderer.EnsureFonts();
        try
        {
            using var doc = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Modify);
            var page = doc.Pages[0];
            using (var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append))
            {
                var font = new XFont("DejaVu Serif", 7);
                gfx.DrawString(VerificationLine(code, verifyUrl), font, XBrushes.Black, new XPoint(28, page.Height.Point - 14));
            }
            using var output = new MemoryStream();
            doc.Save(output);
            return output.ToArray();
        }
        catch (Exception e) when (e is PdfReaderException or InvalidOperationException or NotImplementedException or ArgumentException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Signs a PDF with an opened key: a PAdES signature over the whole file as saved.</summary>
    public static async Task<byte[]> SignAsync(byte[] pdf, SigningSession session, string reason, string? location, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        PdfRenderer.EnsureFonts();
        using var doc = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Modify);
        DigitalSignatureHandler.ForDocument(doc, new SessionSigner(session, ct), new DigitalSignatureOptions
        {
            Reason = reason,
            Location = location ?? "",
            ContactInfo = "",
            AppName = "MotCua",
        });
        using var output = new MemoryStream();
        await doc.SaveAsync(output);
        return output.ToArray();
    }

    private sealed class SessionSigner(SigningSession session, CancellationToken ct) : IDigitalSigner
    {
        public string CertificateName => session.Certificate.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false);

        // Room for the CMS with its certificate; PDFsharp pads the rest.
        public Task<int> GetSignatureSizeAsync() => Task.FromResult(16384);

        public async Task<byte[]> GetSignatureAsync(Stream stream)
        {
            // Read synchronously and by length: PDFsharp's ranged stream answers neither CanSeek nor Position, and its
            // asynchronous read returns nothing.
            var content = new byte[stream.Length];
            var total = 0;
            int read;
            while (total < content.Length && (read = stream.Read(content, total, content.Length - total)) > 0)
            {
                total += read;
            }
            return await session.SignAsync(content, ct);
        }
    }
}
