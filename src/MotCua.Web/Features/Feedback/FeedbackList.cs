using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MotCua.Core.Calendar;
using MotCua.Core.Feedback;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Feedback;

/// <summary>How the PAKN register is ordered (<c>?sapxep=</c>).</summary>
public enum FeedbackSort
{
    /// <summary>Open items first, by due date (<c>han</c>, the default).</summary>
    Due,

    /// <summary>Most recently received first (<c>tiepnhan</c>).</summary>
    Received,

    /// <summary>By code (<c>ma</c>).</summary>
    Code,
}

/// <summary>
/// Search, filters and sort of the PAKN register, from ASCII query-string parameters: <c>q</c> (code, title, related
/// procedure code; not the sender's contact, which most officers see masked), <c>trangthai</c> (a <see cref="FeedbackStatus"/>
/// name), <c>donvi</c> (assigned unit id), <c>loai</c> (a <see cref="FeedbackContentType"/> name), <c>hantrang</c>
/// (<c>quahan</c>, <c>sapden</c>, <c>tronghan</c>: open items only), <c>kenh</c>, <c>tu</c>/<c>den</c> (received, <c>yyyy-MM-dd</c>),
/// <c>sapxep</c> (<c>han</c>, <c>tiepnhan</c>, <c>ma</c>). A value that cannot be read is ignored and said in <see cref="Problems"/>.
/// </summary>
public sealed record FeedbackFilter
{
    public static IReadOnlyList<(string Value, PendingTimeliness Standing, string Label)> Standings { get; } =
    [
        ("quahan", PendingTimeliness.Overdue, "Quá hạn"),
        ("sapden", PendingTimeliness.DueSoon, "Sắp đến hạn"),
        ("tronghan", PendingTimeliness.WithinTime, "Trong hạn"),
    ];

    public static IReadOnlyList<(string Value, FeedbackSort Sort, string Label)> Sorts { get; } =
    [
        ("han", FeedbackSort.Due, "Hạn xử lý gần nhất"),
        ("tiepnhan", FeedbackSort.Received, "Tiếp nhận gần đây nhất"),
        ("ma", FeedbackSort.Code, "Mã"),
    ];

    public string? Query { get; init; }

    public FeedbackStatus? Status { get; init; }

    public int? UnitId { get; init; }

    public FeedbackContentType? ContentType { get; init; }

    public PendingTimeliness? Standing { get; init; }

    public string? Channel { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public FeedbackSort Sort { get; init; }

    public IReadOnlyList<string> Problems { get; init; } = [];

    public bool Narrows => Query is not null || Status is not null || UnitId is not null || ContentType is not null || Standing is not null
        || Channel is not null || From is not null || To is not null;

    /// <summary>The name a channel value reads as.</summary>
    public static string ChannelName(string channel) => channel switch
    {
        "portal" => "Trực tuyến (cổng, trang thông tin)",
        "post" => "Bưu chính",
        "direct" => "Trực tiếp",
        "phone" => "Điện thoại",
        _ => channel,
    };

    public static FeedbackFilter Read(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var problems = new List<string>();
        string? Value(string key) => query[key].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
        T? Parse<T>(string key, string what)
            where T : struct, Enum
        {
            if (Value(key) is not { } v)
            {
                return null;
            }
            if (!v.Any(char.IsAsciiDigit) && Enum.TryParse<T>(v, ignoreCase: true, out var e) && Enum.IsDefined(e))
            {
                return e;
            }
            problems.Add($"Không hiểu {what} \"{v}\"; bỏ qua điều kiện này.");
            return null;
        }
        DateOnly? Date(string key, string what)
        {
            if (Value(key) is not { } v)
            {
                return null;
            }
            if (Shared.Dates.DateText.TryParseDate(v, out var d))
            {
                return d;
            }
            problems.Add($"Ngày {what} \"{v}\" không hợp lệ (ngày/tháng/năm); bỏ qua điều kiện này.");
            return null;
        }
        T? Pick<T>(string key, IEnumerable<(string Value, T Item)> choices, string what)
            where T : struct
        {
            if (Value(key) is not { } v)
            {
                return null;
            }
            foreach (var (value, item) in choices)
            {
                if (string.Equals(value, v, StringComparison.OrdinalIgnoreCase))
                {
                    return item;
                }
            }
            problems.Add($"Không hiểu {what} \"{v}\"; bỏ qua điều kiện này.");
            return null;
        }
        int? unit = null;
        if (Value("donvi") is { } u)
        {
            if (int.TryParse(u, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                unit = id;
            }
            else
            {
                problems.Add($"Không hiểu đơn vị \"{u}\"; bỏ qua điều kiện này.");
            }
        }
        var q = Value("q");
        var channel = Value("kenh");
        return new FeedbackFilter
        {
            Query = q is null ? null : TextSearch.NfcOrNull(q.Length > 100 ? q[..100] : q),
            Status = Parse<FeedbackStatus>("trangthai", "trạng thái"),
            UnitId = unit,
            ContentType = Parse<FeedbackContentType>("loai", "loại nội dung"),
            Standing = Pick("hantrang", Standings.Select(s => (s.Value, s.Standing)), "tình hình hạn"),
            Channel = channel is { Length: <= 32 } ? channel : null,
            From = Date("tu", "tiếp nhận từ"),
            To = Date("den", "tiếp nhận đến"),
            Sort = Pick("sapxep", Sorts.Select(s => (s.Value, s.Sort)), "cách sắp xếp") ?? FeedbackSort.Due,
            Problems = problems,
        };
    }

    /// <summary>The query-string pairs that reproduce this filter (paging links, the export).</summary>
    public IEnumerable<KeyValuePair<string, string>> Pairs()
    {
        if (Query is { } q)
        {
            yield return new("q", q);
        }
        if (Status is { } s)
        {
            yield return new("trangthai", s.ToString());
        }
        if (UnitId is { } u)
        {
            yield return new("donvi", u.ToString(CultureInfo.InvariantCulture));
        }
        if (ContentType is { } c)
        {
            yield return new("loai", c.ToString());
        }
        if (Standing is { } st)
        {
            yield return new("hantrang", Standings.First(x => x.Standing == st).Value);
        }
        if (Channel is { } k)
        {
            yield return new("kenh", k);
        }
        if (From is { } f)
        {
            yield return new("tu", f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (To is { } t)
        {
            yield return new("den", t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (Sort != FeedbackSort.Due)
        {
            yield return new("sapxep", Sorts.First(x => x.Sort == Sort).Value);
        }
    }

    /// <summary>Narrows the agency's register; <paramref name="soon"/> is the last due instant that counts as due soon.</summary>
    public IQueryable<FeedbackItem> Apply(IQueryable<FeedbackItem> query, DateTimeOffset now, DateTimeOffset soon)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (Query is { } q)
        {
            var code = q.ToUpperInvariant();
            // The title folded like the stored column: "thu tuc" finds "Thủ tục", in any case.
            var pattern = TextSearch.ContainsPattern(q) ?? "%";
            query = query.Where(f => f.Code == code || f.Code.Contains(code) || EF.Functions.Like(f.SearchText, pattern, "\\")
                || f.RelatedProcedureCode == q);
        }
        if (Status is { } s)
        {
            query = query.Where(f => f.Status == s);
        }
        if (UnitId is { } u)
        {
            query = query.Where(f => f.AssignedUnitId == u);
        }
        if (ContentType is { } c)
        {
            query = query.Where(f => f.ContentType == c);
        }
        query = Standing switch
        {
            PendingTimeliness.Overdue => query.Where(f => f.ClosedAt == null && f.DueAt < now),
            PendingTimeliness.DueSoon => query.Where(f => f.ClosedAt == null && f.DueAt >= now && f.DueAt <= soon),
            PendingTimeliness.WithinTime => query.Where(f => f.ClosedAt == null && f.DueAt > soon),
            _ => query,
        };
        if (Channel is { } k)
        {
            query = query.Where(f => f.Channel == k);
        }
        if (From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), VietnamTime.Offset);
            query = query.Where(f => f.ReceivedAt >= start);
        }
        if (To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamTime.Offset);
            query = query.Where(f => f.ReceivedAt < end);
        }
        return query;
    }

    public IQueryable<FeedbackItem> Sorted(IQueryable<FeedbackItem> query) => Sort switch
    {
        FeedbackSort.Received => query.OrderByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Id),
        FeedbackSort.Code => query.OrderBy(f => f.Code).ThenBy(f => f.Id),
        _ => query.OrderBy(f => f.ClosedAt != null).ThenBy(f => f.DueAt).ThenBy(f => f.Id),
    };
}

/// <summary>One line of the register: no contact data (most officers see it masked; it stays on the PAKN's page).</summary>
public sealed record FeedbackLine(long Id, string Code, string Title, FeedbackContentType ContentType, string Channel, int? UnitId, FeedbackStatus Status,
    DateTimeOffset ReceivedAt, DateTimeOffset DueAt, DateTimeOffset? TransferDueAt = null, DateTimeOffset? TransferredAt = null);

/// <summary>The PAKN register as .xlsx: Vietnamese headers, dates dd/MM/yyyy, no contact data.</summary>
public static class FeedbackExport
{
    public static IReadOnlyList<string> Columns { get; } =
        ["STT", "Mã", "Tiêu đề", "Loại nội dung", "Kênh tiếp nhận", "Đơn vị xử lý", "Trạng thái", "Ngày tiếp nhận", "Hạn xử lý", "Tình hình"];

    public static byte[] Excel(IReadOnlyList<(FeedbackLine Line, PendingTimeliness? Standing)> rows, IReadOnlyDictionary<int, string> units)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(units);
        var sheet = rows.Select((r, i) =>
        {
            var f = r.Line;
            object?[] cells =
            [
                i + 1, f.Code, f.Title, FeedbackRules.Name(f.ContentType), FeedbackFilter.ChannelName(f.Channel),
                f.UnitId is { } u && units.TryGetValue(u, out var unit) ? unit : "", FeedbackRules.Name(f.Status),
                f.ReceivedAt.ToVnDate(), f.DueAt.ToVnDate(),
                r.Standing switch { PendingTimeliness.Overdue => "Quá hạn", PendingTimeliness.DueSoon => "Sắp đến hạn", PendingTimeliness.WithinTime => "Trong hạn", _ => "Đã kết thúc" },
            ];
            return Columns.Select((c, k) => (c, cells[k])).ToDictionary(x => x.c, x => x.Item2, StringComparer.Ordinal);
        }).ToList();
        if (sheet.Count == 0)
        {
            sheet.Add(Columns.ToDictionary(c => c, _ => (object?)null, StringComparer.Ordinal));
        }
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: "So PAKN", configuration: Spreadsheets.Readable);
        return stream.ToArray();
    }
}
