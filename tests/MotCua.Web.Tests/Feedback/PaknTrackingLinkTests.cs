using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Feedback;

/// <summary>
/// The tracking link given after sending a PAKN names the agency it was sent to, and the tracking answer names the agency
/// handling it, so a link from either never lands on another agency's pages.
/// </summary>
public sealed class PaknTrackingLinkTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Fact]
    public async Task The_tracking_link_and_the_tracking_answer_carry_the_agency_of_the_PAKN()
    {
        using var anonymous = app.CreateClient();
        var csrf = await MotCuaApp.AntiforgeryTokenAsync(anonymous, "/phan-anh-kien-nghi");
        var title = "Liên kết tra cứu " + Guid.NewGuid().ToString("N")[..8];
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = csrf, ["Input.SenderName"] = "Trịnh Văn Tra Cứu", ["Input.SenderAddress"] = "Đông Hòa, Phú Yên",
            ["Input.SenderPhone"] = "0905318274", ["Consent"] = "true", ["Input.Title"] = title,
            ["Input.Content"] = "Đề nghị công khai thời hạn giải quyết từng bước của thủ tục cấp giấy phép.",
        });
        var html = await (await anonymous.PostAsync("/phan-anh-kien-nghi", form)).Content.ReadAsStringAsync();
        string code, agencyCode;
        await using (var db = app.CreateDbContext())
        {
            var item = await db.FeedbackItems.AsNoTracking().SingleAsync(f => f.Title == title);
            code = item.Code;
            agencyCode = await db.Agencies.Where(a => a.Id == item.AgencyId).Select(a => a.Code).SingleAsync();
        }
        Assert.Contains("href=\"/phan-anh-kien-nghi/tra-cuu?code=" + code + "&amp;co-quan=" + Uri.EscapeDataString(agencyCode) + "\"", html, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/public/feedback/" + code);
        request.Headers.Add(PublicLookup.FactorHeader, "0905318274");
        var response = await anonymous.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var tracked = await response.Content.ReadFromJsonAsync<FeedbackApi.TrackingDto>();
        Assert.Equal(agencyCode, tracked!.AgencyCode);
    }
}
