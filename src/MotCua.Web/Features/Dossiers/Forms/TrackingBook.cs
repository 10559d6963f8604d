using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Documents;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Dossiers.Forms;

/// <summary>One line of the tracking book (Sổ theo dõi hồ sơ): dates of receipt, appointment, transfer, result and return.</summary>
public sealed record TrackingBookRow(
    int Seq, string DossierCode, string ProcedureName, int Sets, string ApplicantName, string? ApplicantAddress, string? ApplicantPhone,
    string LeadAgency, DateTimeOffset ReceivedAt, DateTimeOffset? AppointmentAt, DateTimeOffset? TransferredAt,
    DateTimeOffset? ResultReceivedAt, DateTimeOffset? ReturnedAt, string? Note);

/// <summary>Where a dossier is written in the agency's tracking book: the volume and the line number within the year.</summary>
public readonly record struct BookPlace(int Volume, int Seq);

/// <summary>The register of dossiers as a landscape form (print, PDF) and as an Excel workbook with the same columns.</summary>
public static class TrackingBook
{
    /// <summary>Lines of one volume of the book; a new volume starts after it, and each year starts at volume 1.</summary>
    public const int LinesPerVolume = 1000;

    /// <summary>
    /// The volume and line of a received dossier in its agency's book for the year of receipt (Vietnam time): the lines
    /// follow the order of receipt, so the number is the same however often the receipt is printed.
    /// </summary>
    public static BookPlace Place(int lineOfYear) =>
        new((lineOfYear - 1) / LinesPerVolume + 1, (lineOfYear - 1) % LinesPerVolume + 1);

    /// <summary>The book place of a received dossier, or null before receipt.</summary>
    public static async Task<BookPlace?> PlaceOfAsync(AppDbContext db, int agencyId, long dossierId, DateTimeOffset? receivedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (receivedAt is not { } at)
        {
            return null;
        }
        var local = at.ToVietnam();
        var yearStart = new DateTimeOffset(local.Year, 1, 1, 0, 0, 0, VietnamTime.Offset);
        var line = await db.Dossiers.AsNoTracking().CountAsync(d => d.AgencyId == agencyId && d.ReceivedAt != null && d.ReceivedAt >= yearStart
            && (d.ReceivedAt < at || (d.ReceivedAt == at && d.Id <= dossierId)), ct);
        return Place(Math.Max(1, line));
    }

    public static readonly IReadOnlyList<string> Columns =
    [
        "STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Số lượng hồ sơ (bộ)", "Tên, địa chỉ, số điện thoại của cá nhân, tổ chức",
        "Cơ quan chủ trì giải quyết", "Ngày, tháng, năm nhận hồ sơ", "Ngày, tháng, năm hẹn trả kết quả", "Ngày, tháng, năm chuyển hồ sơ",
        "Ngày, tháng, năm nhận kết quả", "Ngày, tháng, năm trả kết quả", "Ký nhận", "Ghi chú",
    ];

    /// <summary>The register of a period; the form number follows the regime in force at <paramref name="periodEnd"/>.</summary>
    public static OfficialDocument Document(FormIssuer issuer, DateTimeOffset periodStart, DateTimeOffset periodEnd, DateTimeOffset printedAt, IReadOnlyList<TrackingBookRow> rows)
    {
        var regime = LegalRegime.At(periodEnd);
        var form = regime.Form(OfficialFormKind.TrackingBook);
        return new OfficialDocument
        {
            ParentBody = issuer.AgencyName.ToUpper(VietnamTime.Culture),
            Issuer = issuer.DeskName.ToUpper(VietnamTime.Culture),
            PlaceAndDate = DossierForms.PlaceAndDate(issuer.Place, printedAt),
            FormNumber = form.Number is null ? null : regime.Caption(form.Kind),
            Title = form.PrintedTitle,
            Subtitle = $"Từ ngày {periodStart.ToVnDate()} đến ngày {periodEnd.ToVnDate()}",
            Landscape = true,
            Body = [new Table(Columns, rows.Select(Cells).ToList(), [0.5, 1.6, 3, 0.8, 2.6, 1.6, 1.3, 1.3, 1.3, 1.3, 1.3, 0.9, 1.2])],
        };
    }

    /// <summary>The same register as .xlsx (MiniExcel), one row per dossier, Vietnamese headers, dates dd/MM/yyyy HH:mm.</summary>
    public static byte[] Excel(IReadOnlyList<TrackingBookRow> rows)
    {
        var sheet = rows.Select(r =>
        {
            var cells = Cells(r);
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < Columns.Count; i++)
            {
                row[Columns[i]] = i is 0 or 3 ? int.Parse(cells[i], CultureInfo.InvariantCulture) : cells[i];
            }
            return row;
        }).ToList();
        if (sheet.Count == 0)
        {
            sheet.Add(Columns.ToDictionary(c => c, _ => (object?)null, StringComparer.Ordinal));
        }
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: "So theo doi ho so", configuration: Spreadsheets.Readable);
        return stream.ToArray();
    }

    private static IReadOnlyList<string> Cells(TrackingBookRow r) =>
    [
        r.Seq.ToString(CultureInfo.InvariantCulture),
        r.DossierCode,
        r.ProcedureName,
        r.Sets.ToString(CultureInfo.InvariantCulture),
        string.Join(", ", new[] { r.ApplicantName, r.ApplicantAddress, r.ApplicantPhone }.Where(x => !string.IsNullOrWhiteSpace(x))),
        r.LeadAgency,
        Date(r.ReceivedAt),
        Date(r.AppointmentAt),
        Date(r.TransferredAt),
        Date(r.ResultReceivedAt),
        Date(r.ReturnedAt),
        "",
        r.Note ?? "",
    ];

    private static string Date(DateTimeOffset? at) =>
        at is { } t ? t.ToVietnam().ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "";
}
