using QRCoder;

namespace MotCua.Web.Shared.Documents;

public static class Qr
{
    /// <summary>PNG bytes of a QR code for <paramref name="text"/>, error correction M (survives a worn printout).</summary>
    public static byte[] Png(string text, int pixelsPerModule = 6)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(pixelsPerModule);
    }

    /// <summary>The module matrix (true = dark), quiet zone included, for vector drawing.</summary>
    public static IReadOnlyList<bool[]> Modules(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return data.ModuleMatrix.Select(row => row.Cast<bool>().ToArray()).ToList();
    }

    public static string DataUri(string text) => "data:image/png;base64," + Convert.ToBase64String(Png(text));
}
