using System.Globalization;
using MiniExcelLibs;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Dossiers.Pages;

/// <summary>
/// A queue as .xlsx (MiniExcel): the columns of the page, Vietnamese headers, dates dd/MM/yyyy. Of the applicant's
/// personal data only the name, as on the page: contact details and ID numbers stay on the dossier page, whose reads are logged.
/// </summary>
public static class QueueExport
{
    public static IReadOnlyList<string> Columns { get; } =
        ["STT", "Mã hồ sơ", "Thủ tục", "Người nộp", "Kênh tiếp nhận", "Trạng thái", "Đơn vị xử lý", "Cán bộ xử lý", "Ngày tiếp nhận", "Hạn giải quyết", "Còn lại", "Tình hình"];

    public static byte[] Excel(IReadOnlyList<QueueRow> rows, IReadOnlyDictionary<int, string> units, IReadOnlyDictionary<string, string> officers)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(officers);
        var sheet = rows.Select((r, i) =>
        {
            var d = r.Dossier;
            object?[] cells =
            [
                i + 1,
                d.Code,
                d.ProcedureName,
                d.ApplicantName,
                ChannelName(d.Channel),
                DossierText.Name(d.Status),
                d.UnitId is { } u && units.TryGetValue(u, out var unit) ? unit : "",
                d.Assignee is { } a ? officers.GetValueOrDefault(a, a) : "",
                Date(d.ReceivedAt),
                Date(d.DueAt),
                r.Standing is null ? "" : Queue.Remaining(r.Standing),
                StandingName(r.Standing?.Status),
            ];
            return Columns.Select((c, k) => (c, cells[k])).ToDictionary(x => x.c, x => x.Item2, StringComparer.Ordinal);
        }).ToList();
        if (sheet.Count == 0)
        {
            sheet.Add(Columns.ToDictionary(c => c, _ => (object?)null, StringComparer.Ordinal));
        }
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: "Hang doi ho so", configuration: Spreadsheets.Readable);
        return stream.ToArray();
    }

    public static string ChannelName(DossierChannel channel) => channel switch
    {
        DossierChannel.Direct => "Trực tiếp",
        DossierChannel.Online => "Trực tuyến",
        DossierChannel.Postal => "Bưu chính",
        DossierChannel.NationalPortal => "Cổng DVCQG",
        _ => channel.ToString(),
    };

    public static string StandingName(PendingTimeliness? standing) => standing switch
    {
        PendingTimeliness.WithinTime => "Trong hạn",
        PendingTimeliness.DueSoon => "Sắp đến hạn",
        PendingTimeliness.Overdue => "Quá hạn",
        _ => "",
    };

    private static string Date(DateTimeOffset? at) => at is { } t ? t.ToVietnam().ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "";
}
