using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>
/// A dossier number is taken only by a receipt that is stored. Refused receipts (invalid input, a
/// role that may not receive, a unit that cannot take the dossier) and concurrent replays of one Idempotency-Key leave
/// no gap in the day's register.
/// </summary>
public sealed class ReceiptNumberingTests
{
    private static object Receipt(string name, int? transferToUnitId = null, string idNumber = "079085001234") => new
    {
        procedureCode = "1.000173",
        channel = "direct",
        applicant = new { name, idNumber, phone = "0905123456" },
        papers = new[] { new { name = "Đơn đề nghị", present = true } },
        transferToUnitId,
    };

    private static int Seq(string code) => int.Parse(code[(code.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);

    private static async Task<string> CreatedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("code").GetString()!;
    }

    [Fact]
    public async Task Refused_receipts_and_concurrent_replays_leave_the_register_without_gaps()
    {
        await using var app = new MotCuaApp();
        using var desk = await app.ApiClientAsync("motcua");
        using var leader = await app.ApiClientAsync("lanhdao");

        var first = Seq(await CreatedAsync(await desk.PostAsJsonAsync("/api/dossiers", Receipt("Người Thứ Nhất"))));

        Assert.Equal(HttpStatusCode.BadRequest, (await desk.PostAsJsonAsync("/api/dossiers", Receipt(""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync("/api/dossiers", Receipt("Người Không Được Nhận"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await desk.PostAsJsonAsync("/api/dossiers", Receipt("Người Chuyển Sai", transferToUnitId: 999_999))).StatusCode);

        // One receipt sent eight times at once (a desk client retrying on a slow network): one dossier, one number.
        var replays = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers") { Content = JsonContent.Create(Receipt("Người Gửi Lại")) };
            request.Headers.Add("Idempotency-Key", "khoa-gui-lai-1");
            return await CreatedAsync(await desk.SendAsync(request));
        }));
        Assert.Single(replays.Distinct(StringComparer.Ordinal));
        Assert.Equal(first + 1, Seq(replays[0]));

        var next = Seq(await CreatedAsync(await desk.PostAsJsonAsync("/api/dossiers", Receipt("Người Tiếp Theo"))));
        Assert.Equal(first + 2, next);
    }
}
