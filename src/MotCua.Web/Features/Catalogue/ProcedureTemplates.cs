using System.IO.Compression;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Catalogue;

/// <summary>
/// Downloadable forms (mẫu đơn, tờ khai) attached to papers: which files are accepted, where they are kept, and who may
/// download them. A published version's forms are public; a draft's only to the catalogue's managers.
/// </summary>
public static class ProcedureTemplates
{
    /// <summary>Forms are a few pages; the limit keeps the public download light and is stated on the form.</summary>
    public const long MaxBytes = 10L * 1024 * 1024;

    public const string MaxText = "10 MB";

    public const string AcceptedText = "PDF, DOC, DOCX, XLS, XLSX";

    /// <summary>The file-store area: content-addressed, so a form re-used by a later version is stored once.</summary>
    public const string Area = "mau-don";

    public const string DocType = "application/msword";
    public const string XlsType = "application/vnd.ms-excel";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The content type by the bytes (never by the name): PDF, DOC, DOCX, XLS or XLSX; null for anything else.</summary>
    public static string? Sniff(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        ReadOnlySpan<byte> c = content;
        if (c.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }
        if (c.StartsWith("PK\u0003\u0004"u8))
        {
            return ZipKind(content);
        }
        // Word 97–2003 and Excel 97–2003 are OLE compound files; their main stream's name tells them apart.
        if (c.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
        {
            if (c.IndexOf(Encoding.Unicode.GetBytes("WordDocument")) >= 0)
            {
                return DocType;
            }
            if (c.IndexOf(Encoding.Unicode.GetBytes("Workbook")) >= 0 || c.IndexOf(Encoding.Unicode.GetBytes("Book")) >= 0)
            {
                return XlsType;
            }
        }
        return null;
    }

    private static string? ZipKind(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (zip.GetEntry("[Content_Types].xml") is null)
            {
                return null;
            }
            return zip.GetEntry("word/document.xml") is not null ? FileStore.DocxType
                : zip.GetEntry("xl/workbook.xml") is not null ? XlsxType
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    public static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        DocType => ".doc",
        FileStore.DocxType => ".docx",
        XlsType => ".xls",
        XlsxType => ".xlsx",
        _ => "",
    };

    /// <summary>"PDF", "DOCX"…: the type a link states.</summary>
    public static string TypeName(string contentType) => Extension(contentType).TrimStart('.').ToUpperInvariant();

    /// <summary>A Vietnamese reason the upload is refused, or null when it is acceptable.</summary>
    public static string? Check(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            return $"Tệp mẫu \"{fileName}\" rỗng.";
        }
        if (content.Length > MaxBytes)
        {
            return $"Tệp mẫu \"{fileName}\" vượt quá dung lượng cho phép ({MaxText}).";
        }
        return Sniff(content) is null
            ? $"Tệp mẫu \"{fileName}\" không đúng định dạng cho phép ({AcceptedText}) theo nội dung tệp."
            : null;
    }

    /// <summary>The download name: the uploaded name with the extension of the sniffed type.</summary>
    public static string DownloadName(ProcedureTemplateFile file) =>
        Path.GetFileNameWithoutExtension(FileStore.SafeName(file.FileName)) + Extension(file.ContentType);

    public static string PublicUrl(string procedureCode, int paperId) =>
        "/thu-tuc/" + Uri.EscapeDataString(procedureCode) + "/mau/" + paperId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static IEndpointRouteBuilder MapProcedureTemplates(this IEndpointRouteBuilder app)
    {
        app.MapGet("/thu-tuc/{code}/mau/{paperId:int}", PublicDownloadAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/quan-tri/thu-tuc/mau/{paperId:int}", ManagerDownloadAsync)
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireClaim(MotCuaClaims.AgencyId).RequireRole(Roles.Admin, Roles.ControlFocalOfficer))
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The form of a paper of a published version; a draft's paper is not found, whoever asks.</summary>
    internal static async Task<Results<FileStreamHttpResult, NotFound>> PublicDownloadAsync(string code, int paperId, AppDbContext db, FileStore files, CancellationToken ct)
    {
        var key = CatalogueQueries.NormalizeCode(code);
        var file = await (
            from p in db.Set<ProcedurePaper>()
            join v in db.ProcedureVersions on p.ProcedureVersionId equals v.Id
            where p.Id == paperId && v.State == VersionState.Published && v.Procedure!.Code == key && p.TemplateFile != null
            select p.TemplateFile).AsNoTracking().FirstOrDefaultAsync(ct);
        return Serve(file, files);
    }

    internal static async Task<Results<FileStreamHttpResult, NotFound>> ManagerDownloadAsync(int paperId, ClaimsPrincipal user, AppDbContext db, FileStore files, CancellationToken ct)
    {
        var agencyId = user.AgencyId();
        var file = await (
            from p in db.Set<ProcedurePaper>()
            join v in db.ProcedureVersions on p.ProcedureVersionId equals v.Id
            where p.Id == paperId && v.Procedure!.AgencyId == agencyId && p.TemplateFile != null
            select p.TemplateFile).AsNoTracking().FirstOrDefaultAsync(ct);
        return Serve(file, files);
    }

    private static Results<FileStreamHttpResult, NotFound> Serve(ProcedureTemplateFile? file, FileStore files)
    {
        var stream = file is null ? null : files.OpenByHash(Area, file.Sha256);
        return stream is null
            ? TypedResults.NotFound()
            : TypedResults.File(stream, file!.ContentType, DownloadName(file));
    }
}
