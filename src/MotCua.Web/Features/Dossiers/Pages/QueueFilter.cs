using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dossiers.Pages;

/// <summary>How a filtered queue is ordered (<c>?sapxep=</c>).</summary>
public enum QueueSort
{
    /// <summary>By due instant, undated last (<c>han</c>, the default): the order of the partial queue indexes.</summary>
    Due,

    /// <summary>Most recently received first (<c>tiepnhan</c>).</summary>
    Received,

    /// <summary>By dossier code (<c>ma</c>).</summary>
    Code,
}

/// <summary>Whose dossiers a filtered queue holds (<c>?phancong=</c>).</summary>
public enum QueueAssignment
{
    /// <summary>Assigned to the caller (<c>toi</c>), as the inbox's "mine" links ask.</summary>
    Mine,

    /// <summary>Not assigned to anybody yet (<c>chua</c>).</summary>
    Unassigned,
}

/// <summary>
/// Search, filters and sort of a dossier queue, read from ASCII query-string parameters that other pages link with:
/// <c>q</c> (code, applicant name, phone, ID number, procedure name or code), <c>trangthai</c> (a <see cref="DossierStatus"/> name),
/// <c>donvi</c> (unit id), <c>hantrang</c> (<c>quahan</c>, <c>sapden</c>, <c>tronghan</c>), <c>kenh</c> (<c>tructiep</c>,
/// <c>tructuyen</c>, <c>buuchinh</c>, <c>dvcqg</c>), <c>tu</c>/<c>den</c> (received from/to, <c>yyyy-MM-dd</c>), <c>sapxep</c>
/// (<c>han</c>, <c>tiepnhan</c>, <c>ma</c>), <c>phancong</c> (<c>toi</c>, <c>chua</c>). A value that cannot be read is ignored and said in <see cref="Problems"/>.
/// </summary>
public sealed record QueueFilter
{
    public const string Search = "q";
    public const string StatusParameter = "trangthai";
    public const string UnitParameter = "donvi";
    public const string StandingParameter = "hantrang";
    public const string ChannelParameter = "kenh";
    public const string FromParameter = "tu";
    public const string ToParameter = "den";
    public const string SortParameter = "sapxep";
    public const string AssignmentParameter = "phancong";

    /// <summary>The standing values of <c>hantrang</c>, in the order the page offers them.</summary>
    public static IReadOnlyList<(string Value, PendingTimeliness Standing, string Label)> Standings { get; } =
    [
        ("quahan", PendingTimeliness.Overdue, "Quá hạn"),
        ("sapden", PendingTimeliness.DueSoon, "Sắp đến hạn"),
        ("tronghan", PendingTimeliness.WithinTime, "Trong hạn"),
    ];

    public static IReadOnlyList<(string Value, DossierChannel Channel, string Label)> Channels { get; } =
    [
        ("tructiep", DossierChannel.Direct, "Trực tiếp"),
        ("buuchinh", DossierChannel.Postal, "Bưu chính"),
        ("tructuyen", DossierChannel.Online, "Trực tuyến"),
        ("dvcqg", DossierChannel.NationalPortal, "Cổng DVCQG"),
    ];

    public static IReadOnlyList<(string Value, QueueAssignment Assignment, string Label)> Assignments { get; } =
    [
        ("toi", QueueAssignment.Mine, "Được giao cho tôi"),
        ("chua", QueueAssignment.Unassigned, "Chưa phân công"),
    ];

    public static IReadOnlyList<(string Value, QueueSort Sort, string Label)> Sorts { get; } =
    [
        ("han", QueueSort.Due, "Hạn giải quyết gần nhất"),
        ("tiepnhan", QueueSort.Received, "Tiếp nhận gần đây nhất"),
        ("ma", QueueSort.Code, "Mã hồ sơ"),
    ];

    public string? Query { get; init; }

    public DossierStatus? Status { get; init; }

    public int? UnitId { get; init; }

    public PendingTimeliness? Standing { get; init; }

    public DossierChannel? Channel { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public QueueSort Sort { get; init; }

    public QueueAssignment? Assignment { get; init; }

    /// <summary>The caller's user name, which <see cref="QueueAssignment.Mine"/> compares with (set by the page, never read from the query).</summary>
    public string? Me { get; init; }

    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>Whether anything narrows the queue (the sort alone does not).</summary>
    public bool Narrows => Query is not null || Status is not null || UnitId is not null || Standing is not null || Channel is not null || From is not null || To is not null
        || Assignment is not null;

    public static QueueFilter Read(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var problems = new List<string>();
        string? Value(string key) => query[key].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
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
        var q = Value(Search);
        if (q is { Length: > 100 })
        {
            q = q[..100];
        }
        var status = Pick(StatusParameter, Enum.GetValues<DossierStatus>().Where(s => DossierQueues.Open.Contains(s)).Select(s => (s.ToString(), s)), "trạng thái");
        int? unit = null;
        if (Value(UnitParameter) is { } u)
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
        var from = Date(FromParameter, "tiếp nhận từ");
        var to = Date(ToParameter, "tiếp nhận đến");
        if (from is { } f && to is { } t && t < f)
        {
            problems.Add("Ngày \"đến\" trước ngày \"từ\": không có hồ sơ nào trong khoảng này.");
        }
        return new QueueFilter
        {
            Query = q is null ? null : TextSearch.NfcOrNull(q),
            Status = status,
            UnitId = unit,
            Standing = Pick(StandingParameter, Standings.Select(s => (s.Value, s.Standing)), "tình hình hạn"),
            Channel = Pick(ChannelParameter, Channels.Select(c => (c.Value, c.Channel)), "kênh tiếp nhận"),
            From = from,
            To = to,
            Sort = Pick(SortParameter, Sorts.Select(s => (s.Value, s.Sort)), "cách sắp xếp") ?? QueueSort.Due,
            Assignment = Pick(AssignmentParameter, Assignments.Select(a => (a.Value, a.Assignment)), "cách lọc theo phân công"),
            Problems = problems,
        };
    }

    /// <summary>The query-string pairs that reproduce this filter (for paging links, the export and the bulk form).</summary>
    public IEnumerable<KeyValuePair<string, string>> Pairs()
    {
        if (Query is { } q)
        {
            yield return new(Search, q);
        }
        if (Status is { } s)
        {
            yield return new(StatusParameter, s.ToString());
        }
        if (UnitId is { } u)
        {
            yield return new(UnitParameter, u.ToString(CultureInfo.InvariantCulture));
        }
        if (Standing is { } st)
        {
            yield return new(StandingParameter, Standings.First(x => x.Standing == st).Value);
        }
        if (Channel is { } c)
        {
            yield return new(ChannelParameter, Channels.First(x => x.Channel == c).Value);
        }
        if (From is { } f)
        {
            yield return new(FromParameter, f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (To is { } t)
        {
            yield return new(ToParameter, t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (Assignment is { } a)
        {
            yield return new(AssignmentParameter, Assignments.First(x => x.Assignment == a).Value);
        }
        if (Sort != QueueSort.Due)
        {
            yield return new(SortParameter, Sorts.First(x => x.Sort == Sort).Value);
        }
    }

    /// <summary>
    /// Narrows a queue of open dossiers. A code-like query is one equality on the code (an index seek); digits look up
    /// phone and ID number; other text matches the applicant's or the procedure's name as a phrase, ignoring case and
    /// diacritics (<see cref="Dossier.SearchText"/>).
    /// <paramref name="soon"/>: the last due instant that counts as due soon (<see cref="DossierQueues.DueSoonUntil"/>).
    /// </summary>
    public IQueryable<Dossier> Apply(IQueryable<Dossier> query, DateTimeOffset now, DateTimeOffset soon)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (Query is { } q)
        {
            var code = q.ToUpperInvariant();
            if (q.Count(char.IsAsciiDigit) >= 6 && q.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '+' or '-' or '(' or ')'))
            {
                // Phones and ID numbers are stored normalised at receipt: the same normalisation of the query is an equality.
                var phone = ApplicantNumbers.NormalizePhone(q) ?? q;
                var id = ApplicantNumbers.NormalizeIdNumber(q, organisation: false) ?? q;
                query = query.Where(d => d.ApplicantPhone == phone || d.ApplicantIdNumber == id || d.Code == code || d.ProcedureCode == code);
            }
            else if (LooksLikeCode(q))
            {
                query = query.Where(d => d.Code == code || d.ProcedureCode == code);
            }
            else if (TextSearch.ContainsPattern(q) is { } pattern)
            {
                // Folded like the stored column, so "nguyen van an" finds "Nguyễn Văn An" and "NGUYỄN" finds both.
                query = query.Where(d => EF.Functions.Like(d.SearchText, pattern, "\\"));
            }
        }
        if (Status is { } s)
        {
            query = query.Where(d => d.Status == s);
        }
        if (UnitId is { } u)
        {
            query = query.Where(d => d.CurrentUnitId == u);
        }
        query = Standing switch
        {
            PendingTimeliness.Overdue => query.Where(d => d.DueAt < now),
            PendingTimeliness.DueSoon => query.Where(d => d.DueAt >= now && d.DueAt <= soon),
            PendingTimeliness.WithinTime => query.Where(d => d.DueAt > soon),
            _ => query,
        };
        if (Channel is { } c)
        {
            query = query.Where(d => d.Channel == c);
        }
        if (Assignment == QueueAssignment.Mine)
        {
            // Without a caller nothing is "mine" (a null name must not match the unassigned dossiers).
            var me = Me;
            query = me is null ? query.Where(d => false) : query.Where(d => d.Assignee == me);
        }
        else if (Assignment == QueueAssignment.Unassigned)
        {
            query = query.Where(d => d.Assignee == null);
        }
        if (From is { } f)
        {
            var start = new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), VietnamTime.Offset);
            query = query.Where(d => d.ReceivedAt >= start);
        }
        if (To is { } t)
        {
            var end = new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamTime.Offset);
            query = query.Where(d => d.ReceivedAt < end);
        }
        return query;
    }

    /// <summary>A dossier or procedure code: no spaces, letters or digits joined by dots or dashes, with a digit.</summary>
    public static bool LooksLikeCode(string q) =>
        q.Length >= 6 && q.Any(char.IsAsciiDigit) && q.Any(c => c is '-' or '.') && q.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_');
}
