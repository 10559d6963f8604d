using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>
/// The dossier page's fee form records only what the desk took itself: "paid online" comes from the payment gateway alone,
/// and a payment made online is changed only by a refund through the gateway.
/// </summary>
public sealed class FeeFormPaymentTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private sealed record Snapshot(long Version, long Fee, PaymentStatus Payment, bool Digitised, int FeeAudits);

    private async Task<string> ReceivedAsync()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var response = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173", channel = "direct",
            applicant = new { name = "Hộ kinh doanh Lệ Phí " + Guid.NewGuid().ToString("N")[..6], idNumber = "079085006352", phone = "0905318274", address = "Tuy Hòa, Đắk Lắk" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true } },
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("code").GetString()!;
    }

    private async Task<Snapshot> SnapshotAsync(string code)
    {
        await using var db = app.CreateDbContext();
        var d = await db.Dossiers.AsNoTracking().SingleAsync(x => x.Code == code);
        return new Snapshot(d.Version, d.FeeAmount, d.PaymentStatus, d.ComponentsDigitised,
            await db.AuditEntries.CountAsync(a => a.EntityId == code && a.Action == "dossier.fees"));
    }

    private async Task<HttpResponseMessage> PostFeesAsync(HttpClient page, string code, string fee, string payment, bool digitised = false)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(page, "/ho-so/" + code);
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["FeeAmount"] = fee, ["Payment"] = payment, ["RowVersion"] = (await SnapshotAsync(code)).Version.ToString(CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = token,
        };
        if (digitised)
        {
            form["ComponentsDigitised"] = "true";
        }
        return await page.PostAsync("/ho-so/" + code + "?handler=Fees", new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task The_desk_records_a_payment_at_the_desk_but_paid_online_is_neither_offered_nor_accepted()
    {
        var code = await ReceivedAsync();
        using var desk = await app.LoginAsync("motcua");

        var shown = WebUtility.HtmlDecode(await desk.GetStringAsync("/ho-so/" + code));
        Assert.Contains("data-testid=\"payment-options\"", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"PaidOnline\"", shown, StringComparison.Ordinal);
        Assert.Contains("Đã nộp tại Bộ phận Một cửa", shown, StringComparison.Ordinal);

        // A hand-made post of "paid online" is refused with the reason, and nothing is written.
        var before = await SnapshotAsync(code);
        using var refused = await PostFeesAsync(desk, code, "200000", "PaidOnline", digitised: true);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(UpdateFees.OnlineOnlyFromGateway, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(code));

        // What the desk took itself is recorded, and audited.
        using var paid = await PostFeesAsync(desk, code, "200000", "PaidAtDesk");
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var after = await SnapshotAsync(code);
        Assert.Equal((200000L, PaymentStatus.PaidAtDesk, before.FeeAudits + 1), (after.Fee, after.Payment, after.FeeAudits));
    }

    [Fact]
    public async Task A_fee_paid_online_stays_paid_online_until_a_refund_through_the_gateway()
    {
        var code = await ReceivedAsync();
        // As the gateway's verified message leaves it.
        await using (var db = app.CreateDbContext())
        {
            await db.Dossiers.Where(d => d.Code == code).ExecuteUpdateAsync(s => s.SetProperty(d => d.FeeAmount, 150_000L).SetProperty(d => d.PaymentStatus, PaymentStatus.PaidOnline));
        }
        using var desk = await app.LoginAsync("motcua");
        var shown = WebUtility.HtmlDecode(await desk.GetStringAsync("/ho-so/" + code));
        Assert.Contains("data-testid=\"paid-online\"", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"payment-options\"", shown, StringComparison.Ordinal);

        var before = await SnapshotAsync(code);
        foreach (var payment in new[] { "Unpaid", "PaidAtDesk" })
        {
            using var refused = await PostFeesAsync(desk, code, "150000", payment);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(UpdateFees.OnlineUndoneByRefund, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            Assert.Equal(before, await SnapshotAsync(code));
        }

        // The rest of the form still saves, the online payment kept.
        using var saved = await PostFeesAsync(desk, code, "150000", "PaidOnline", digitised: true);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await SnapshotAsync(code);
        Assert.Equal((PaymentStatus.PaidOnline, true), (after.Payment, after.Digitised));
    }

    [Theory]
    [InlineData(PaymentStatus.Unpaid, PaymentStatus.PaidAtDesk, true)]
    [InlineData(PaymentStatus.PaidAtDesk, PaymentStatus.Unpaid, true)]
    [InlineData(PaymentStatus.Unpaid, PaymentStatus.Unpaid, true)]
    [InlineData(PaymentStatus.PaidOnline, PaymentStatus.PaidOnline, true)]
    [InlineData(PaymentStatus.Unpaid, PaymentStatus.PaidOnline, false)]
    [InlineData(PaymentStatus.PaidAtDesk, PaymentStatus.PaidOnline, false)]
    [InlineData(PaymentStatus.PaidOnline, PaymentStatus.Unpaid, false)]
    [InlineData(PaymentStatus.PaidOnline, PaymentStatus.PaidAtDesk, false)]
    public void Only_the_desks_own_takings_are_recorded_by_hand(PaymentStatus current, PaymentStatus requested, bool allowed) =>
        Assert.Equal(allowed, UpdateFees.HandRecordingRefusal(current, requested) is null);
}
