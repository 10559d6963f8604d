using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MotCua.Core.Feedback;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Feedback;

/// <summary>/pakn can be worked: search, filters (status, type, unit, standing, channel, period), sort and the Excel export.</summary>
public sealed partial class FeedbackRegisterFilterTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private sealed record Spec(string Title, FeedbackStatus Status, FeedbackContentType Type, string? Unit, int ReceivedDaysAgo, double DueInDays, string Channel = "portal");

    [Fact]
    public async Task Each_filter_and_the_search_narrow_the_register_and_the_sort_orders_it()
    {
        var tag = "P" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var codes = await ItemsAsync(
            new Spec($"Thủ tục rườm rà {tag} một", FeedbackStatus.Received, FeedbackContentType.UnsuitableRegulation, null, 20, -2),
            new Spec($"Cán bộ chậm trễ {tag} hai", FeedbackStatus.Handling, FeedbackContentType.ConductOfOfficials, "Phòng Quản lý Khoa học và Công nghệ", 5, 0.05),
            new Spec($"Đề xuất {tag} ba", FeedbackStatus.Handling, FeedbackContentType.ProposedSolution, "Chi cục Tiêu chuẩn Đo lường Chất lượng", 1, 9, "post"),
            new Spec($"Đã công khai {tag} bốn", FeedbackStatus.Published, FeedbackContentType.UnsuitableRegulation, "Chi cục Tiêu chuẩn Đo lường Chất lượng", 30, -10));
        int management;
        await using (var db = app.CreateDbContext())
        {
            management = await db.Units.Where(u => u.Name == "Phòng Quản lý Khoa học và Công nghệ").Select(u => u.Id).SingleAsync();
        }
        using var focal = await app.LoginAsync("daumoi");
        var q = "q=" + Uri.EscapeDataString(tag);

        Assert.Equal([codes[0], codes[1], codes[2], codes[3]], await CodesAsync(focal, q));
        Assert.Equal([codes[1]], await CodesAsync(focal, "q=" + Uri.EscapeDataString($"CÁN BỘ CHẬM TRỄ {tag}")));
        Assert.Equal([codes[2]], await CodesAsync(focal, "q=" + Uri.EscapeDataString(codes[2].ToLowerInvariant())));
        Assert.Equal([codes[0]], await CodesAsync(focal, q + "&trangthai=Received"));
        Assert.Equal([codes[1]], await CodesAsync(focal, q + "&loai=ConductOfOfficials"));
        Assert.Equal([codes[1]], await CodesAsync(focal, q + $"&donvi={management}"));
        Assert.Equal([codes[0]], await CodesAsync(focal, q + "&hantrang=quahan"));
        Assert.Equal([codes[1]], await CodesAsync(focal, q + "&hantrang=sapden"));
        Assert.Equal([codes[2]], await CodesAsync(focal, q + "&hantrang=tronghan"));
        Assert.Equal([codes[2]], await CodesAsync(focal, q + "&kenh=post"));
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        string Day(int ago) => today.AddDays(-ago).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal([codes[1], codes[2]], await CodesAsync(focal, q + "&tu=" + Day(5) + "&den=" + Day(1)));
        Assert.Equal([codes[2], codes[1], codes[0], codes[3]], await CodesAsync(focal, q + "&sapxep=tiepnhan"));
        Assert.Equal(codes.Order(StringComparer.Ordinal).ToList(), await CodesAsync(focal, q + "&sapxep=ma"));
        Assert.Contains("Không hiểu trạng thái \"xyz\"", WebUtility.HtmlDecode(await focal.GetStringAsync("/pakn?" + q + "&trangthai=xyz")), StringComparison.Ordinal);

        // The export holds the filtered register, Vietnamese headers and dates, and no contact data.
        var response = await focal.GetAsync("/pakn?handler=Excel&" + q + "&trangthai=Handling");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Where(r => r["Mã"] is not null).ToList();
        Assert.Equal([codes[1], codes[2]], rows.Select(r => r["Mã"] as string).ToList());
        Assert.Equal(FeedbackExport.Columns, rows[0].Keys.ToList());
        Assert.Equal("Phòng Quản lý Khoa học và Công nghệ", rows[0]["Đơn vị xử lý"]);
        Assert.Equal("Sắp đến hạn", rows[0]["Tình hình"]);
        Assert.Matches("^[0-9]{2}/[0-9]{2}/[0-9]{4}$", rows[0]["Ngày tiếp nhận"] as string);
        Assert.DoesNotContain(rows.SelectMany(r => r.Values), v => v is string s && s.Contains("0912345678", StringComparison.Ordinal));
    }

    private async Task<List<string>> ItemsAsync(params Spec[] specs)
    {
        using var anonymous = app.CreateClient();
        var codes = new List<string>();
        var now = app.Clock.GetUtcNow();
        foreach (var spec in specs)
        {
            var response = await anonymous.PostAsJsonAsync("/api/public/feedback", new
            {
                senderName = "Lê Văn Phản Ánh",
                senderAddress = "12 Trần Hưng Đạo, Tuy Hòa",
                senderPhone = "0912345678",
                title = spec.Title,
                content = "Nội dung phản ánh, kiến nghị đủ dài để được tiếp nhận vào sổ.",
                contentType = spec.Type.ToString(),
                consent = true,
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var code = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
            await using var db = app.CreateDbContext();
            var item = await db.FeedbackItems.SingleAsync(f => f.Code == code);
            item.Status = spec.Status;
            item.AssignedUnitId = spec.Unit is null ? null : await db.Units.Where(u => u.Name == spec.Unit).Select(u => u.Id).SingleAsync();
            item.ReceivedAt = now.AddDays(-spec.ReceivedDaysAgo);
            item.DueAt = now.AddDays(spec.DueInDays);
            item.ClosedAt = FeedbackRules.IsClosed(spec.Status) ? now.AddDays(-1) : null;
            item.Channel = spec.Channel;
            await db.SaveChangesAsync();
            codes.Add(code);
        }
        return codes;
    }

    private static async Task<List<string>> CodesAsync(HttpClient client, string query)
    {
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/pakn?" + query));
        var start = html.IndexOf("data-testid=\"pakn-register\"", StringComparison.Ordinal);
        var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        return CodeRegex().Matches(table).Select(m => m.Groups[1].Value).ToList();
    }

    [GeneratedRegex("<a href=\"/pakn/[0-9]+\">([^<]+)</a>")]
    private static partial Regex CodeRegex();
}
