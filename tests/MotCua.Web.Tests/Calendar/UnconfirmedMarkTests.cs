using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Calendar;

/// <summary>A due date in a year whose schedule is not announced carries the mark wherever it is shown.</summary>
public sealed class UnconfirmedMarkTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Mark = "(lịch năm 2027 chưa được công bố chính thức)";

    private async Task<string> ReceiveAsync()
    {
        using var desk = await app.ApiClientAsync("motcua");
        using var response = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173",
            channel = "direct",
            applicant = new { name = "Công ty Lịch Mới " + Guid.NewGuid().ToString("N")[..6], idNumber = "079085001234", phone = "0905123456", email = "a@example.vn", address = "Tuy Hòa" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true }, new { name = "Phiếu khai báo", present = true } },
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("code").GetString()!;
    }

    [Fact]
    public async Task A_due_date_in_2027_is_marked_on_the_dossier_page_the_queue_the_receipt_preview_and_the_citizen_look_up_but_one_in_2026_is_not()
    {
        // Received in March 2026: due in 2026, whose schedule is official (the clock only moves forward, so this comes first).
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
        var early = await ReceiveAsync();
        using var admin = await app.LoginAsync("admin");
        var earlyDetail = WebUtility.HtmlDecode(await admin.GetStringAsync("/ho-so/" + early));
        Assert.DoesNotContain("chưa được công bố chính thức", earlyDetail, StringComparison.Ordinal);

        // Received on Tuesday 29/12/2026: the limit runs into January 2027, a year with no official schedule shipped.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 29, 2, 0, 0, TimeSpan.Zero));
        var late = await ReceiveAsync();

        // Nine months on, the March session has expired: log in again.
        using var officer = await app.LoginAsync("admin");
        var detail = WebUtility.HtmlDecode(await officer.GetStringAsync("/ho-so/" + late));
        Assert.Contains(Mark, detail, StringComparison.Ordinal);
        Assert.Contains("href=\"/lich-lam-viec?year=2027\"", detail, StringComparison.Ordinal);

        // The desk's queue of received dossiers waiting to be transferred, and the preview of a receipt made now.
        using var desk = await app.LoginAsync("motcua");
        var queue = WebUtility.HtmlDecode(await desk.GetStringAsync("/mot-cua"));
        Assert.Contains(late, queue, StringComparison.Ordinal);
        Assert.Contains(Mark, queue, StringComparison.Ordinal);
        var preview = WebUtility.HtmlDecode(await desk.GetStringAsync("/mot-cua/tiep-nhan?procedure=1.000173"));
        Assert.Contains("data-testid=\"deadline-preview\"", preview, StringComparison.Ordinal);
        Assert.Contains(Mark, preview, StringComparison.Ordinal);

        using var anonymous = app.CreateClient();
        var token = await MotCuaApp.AntiforgeryTokenAsync(anonymous, "/tra-cuu/" + late);
        using var lookup = await anonymous.PostAsync("/tra-cuu/" + late, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Code"] = late, ["Factor"] = "079085001234",
        }));
        var lookupHtml = WebUtility.HtmlDecode(await lookup.Content.ReadAsStringAsync());
        Assert.Contains(Mark, lookupHtml, StringComparison.Ordinal);
        // Citizens get the explanation, not a link to the officers' calendar.
        Assert.DoesNotContain("/lich-lam-viec?year=2027", lookupHtml, StringComparison.Ordinal);
    }
}
