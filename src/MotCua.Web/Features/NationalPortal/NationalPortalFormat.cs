using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.NationalPortal;

/// <summary>A file of a paper as the portal sends it: name, content, and the SHA-256 it claims (MaBam).</summary>
public sealed record NationalInboundFile(string Name, byte[] Content, string? Hash);

public sealed record NationalInboundPaper(string Name, IReadOnlyList<NationalInboundFile> Files);

/// <summary>A dossier a citizen submitted on the national portal, read from its message.</summary>
public sealed record NationalInboundDossier(string NationalCode, string ProcedureCode, string PortalUnit, ApplicantInput Applicant,
    IReadOnlyList<NationalInboundPaper> Papers, DateTimeOffset? SubmittedAt);

/// <summary>
/// The whole mapping between the portal's messages and MotCua, in one place: the field names follow open implementations
/// because the message format of Circular 04/2025/TT-VPCP is unconfirmed; replace this class when it is.
/// </summary>
public static class NationalPortalFormat
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>The national code of a message, or null when it has none (it is then keyed by its content's hash).</summary>
    public static string? CodeOf(string raw)
    {
        try
        {
            using var doc = JsonDocument.Parse(raw);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("MaHoSoQG", out var c)
                && c.ValueKind == JsonValueKind.String && c.GetString() is { Length: > 0 and <= 64 } code ? code : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The key a message is stored under: its national code, or a hash of a message without one.</summary>
    public static string KeyOf(string raw) => CodeOf(raw) ?? "khong-ma-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)))[..16];

    /// <summary>The dossier a message carries, or why it cannot be read (Vietnamese).</summary>
    public static (NationalInboundDossier? Dossier, string? Problem) Parse(string raw)
    {
        try
        {
            using var doc = JsonDocument.Parse(raw);
            var r = doc.RootElement;
            if (r.ValueKind != JsonValueKind.Object)
            {
                return (null, "Tin không đúng cấu trúc: hồ sơ phải là một đối tượng JSON.");
            }
            var code = Text(r, "MaHoSoQG");
            var procedure = Text(r, "MaTTHC");
            var unit = Text(r, "MaDonVi");
            var name = Text(r, "ChuHoSo");
            var missing = new[] { ("MaHoSoQG", code), ("MaTTHC", procedure), ("MaDonVi", unit), ("ChuHoSo", name) }
                .Where(f => string.IsNullOrWhiteSpace(f.Item2)).Select(f => f.Item1).ToList();
            if (missing.Count > 0)
            {
                return (null, "Tin không đúng cấu trúc: thiếu trường " + string.Join(", ", missing) + ".");
            }
            var kind = Text(r, "LoaiDoiTuong") is "2" or "3" ? ApplicantKind.Organisation : ApplicantKind.Individual;
            var applicant = new ApplicantInput(kind, TextSearch.Nfc(name), Text(r, "SoGiayTo"), Text(r, "SoDienThoai"), Text(r, "Email"),
                TextSearch.NfcOrNull(Text(r, "DiaChi")));
            DateTimeOffset? submitted = null;
            if (Text(r, "NgayNop") is { } when)
            {
                if (!DateTime.TryParseExact(when, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                {
                    return (null, $"Tin không đúng cấu trúc: ngày nộp \"{when}\" không theo dạng yyyyMMddHHmmss.");
                }
                submitted = new DateTimeOffset(local, Vietnam).ToUniversalTime();
            }
            var papers = new List<NationalInboundPaper>();
            if (r.TryGetProperty("ThanhPhanHoSo", out var list))
            {
                if (list.ValueKind != JsonValueKind.Array)
                {
                    return (null, "Tin không đúng cấu trúc: ThanhPhanHoSo phải là một danh sách.");
                }
                foreach (var p in list.EnumerateArray())
                {
                    if (p.ValueKind != JsonValueKind.Object || Text(p, "TenGiayTo") is not { } paperName)
                    {
                        return (null, "Tin không đúng cấu trúc: một thành phần hồ sơ thiếu tên giấy tờ (TenGiayTo).");
                    }
                    var files = new List<NationalInboundFile>();
                    if (p.TryGetProperty("TepDinhKem", out var attached) && attached.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var f in attached.EnumerateArray())
                        {
                            if (f.ValueKind != JsonValueKind.Object || Text(f, "TenTep") is not { } fileName || Text(f, "NoiDung") is not { } content)
                            {
                                return (null, $"Tin không đúng cấu trúc: tệp của \"{paperName}\" thiếu tên (TenTep) hoặc nội dung (NoiDung).");
                            }
                            byte[] bytes;
                            try
                            {
                                bytes = Convert.FromBase64String(content);
                            }
                            catch (FormatException)
                            {
                                return (null, $"Tin không đúng cấu trúc: nội dung tệp \"{fileName}\" không phải base64.");
                            }
                            files.Add(new NationalInboundFile(fileName, bytes, Text(f, "MaBam")));
                        }
                    }
                    papers.Add(new NationalInboundPaper(TextSearch.Nfc(paperName), files));
                }
            }
            return (new NationalInboundDossier(code!, procedure!, unit!, applicant, papers, submitted), null);
        }
        catch (JsonException)
        {
            return (null, "Tin không đúng cấu trúc: nội dung không phải JSON hợp lệ.");
        }
        catch (InvalidOperationException)
        {
            return (null, "Tin không đúng cấu trúc: kiểu dữ liệu của một trường không đúng.");
        }
    }

    /// <summary>The first file whose content does not match the hash the portal sent, as a reason; null when all match.</summary>
    public static string? HashProblem(NationalInboundDossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        foreach (var f in dossier.Papers.SelectMany(p => p.Files))
        {
            var actual = Convert.ToHexStringLower(SHA256.HashData(f.Content));
            if (f.Hash is null || !string.Equals(actual, f.Hash.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return $"Tệp \"{f.Name}\" không khớp mã băm SHA-256 do Cổng gửi (tệp có thể đã bị hỏng khi truyền).";
            }
        }
        return null;
    }

    /// <summary>
    /// The receipt of the dossier, waiting for the desk check like an online one: the catalogue's papers in their order,
    /// each present when the portal sent a paper of that name, then any paper the catalogue does not list.
    /// </summary>
    public static ReceiptInput ToReceipt(NationalInboundDossier dossier, IReadOnlyList<string> cataloguePapers)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(cataloguePapers);
        var sent = dossier.Papers.ToList();
        var papers = new List<PaperInput>();
        var files = new List<IncomingFile>();
        void Add(string name, NationalInboundPaper? from)
        {
            var first = from?.Files.Select(f => new IncomingFile(f.Name, f.Content)).ToList() ?? [];
            files.AddRange(first);
            papers.Add(new PaperInput(name, from is not null, PaperCopyKind.Copy, File: first.FirstOrDefault()));
        }
        foreach (var name in cataloguePapers)
        {
            var match = sent.FirstOrDefault(p => string.Equals(Fold(p.Name), Fold(name), StringComparison.Ordinal));
            if (match is not null)
            {
                sent.Remove(match);
            }
            Add(name, match);
        }
        foreach (var extra in sent)
        {
            Add(extra.Name, extra);
        }
        return new ReceiptInput(dossier.ProcedureCode, DossierChannel.NationalPortal, dossier.Applicant, papers, ReceiptOutcome.Submit, Files: files)
        {
            NationalCode = dossier.NationalCode,
            SubmittedAt = dossier.SubmittedAt,
        };
    }

    /// <summary>The acknowledgement of receipt, naming MotCua's dossier code.</summary>
    public static IReadOnlyDictionary<string, object?> Acknowledgement(string dossierCode) =>
        new Dictionary<string, object?>(StringComparer.Ordinal) { ["MaHoSo"] = dossierCode, ["TuChoi"] = false };

    /// <summary>The refusal of a message, with the officer's reason.</summary>
    public static IReadOnlyDictionary<string, object?> Rejection(string reason) =>
        new Dictionary<string, object?>(StringComparer.Ordinal) { ["TuChoi"] = true, ["LyDo"] = reason };

    private static string Fold(string text) => TextSearch.Normalize(text);

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.Null => null,
        _ => throw new InvalidOperationException(),
    } : null;
}
