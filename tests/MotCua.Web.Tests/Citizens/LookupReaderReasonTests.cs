using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Citizens;

/// <summary>
/// "Ai đã xem hồ sơ của tôi" gives each read the reason of what the reader was doing at that stage: the read that led to
/// a supplement request is "to request a supplement", and the specialist's reads after the supplement came back are
/// appraisal, not the earlier request.
/// </summary>
public sealed class LookupReaderReasonTests
{
    private static async Task<HttpResponseMessage> ReadersAsync(HttpClient client, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/public/dossiers/" + code + "/readers");
        request.Headers.Add(PublicLookup.FactorHeader, LookupHistory.Phone);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_specialists_read_after_the_supplement_came_back_is_for_appraisal_not_for_the_earlier_request()
    {
        await using var app = new MotCuaApp();
        var code = await LookupHistory.InProcessingAsync(app, "1.000173", LookupHistory.Phone);
        var request = app.Clock.GetUtcNow().AddHours(1);
        await using (var db = app.CreateDbContext())
        {
            var dossier = await db.Dossiers.SingleAsync(d => d.Code == code);
            db.DossierEvents.Add(new DossierEvent
            {
                DossierId = dossier.Id, At = request, Action = DossierAction.RequestSupplement, FromStatus = DossierStatus.InProcessing,
                ToStatus = DossierStatus.AwaitingSupplement, ActorUserName = "chuyenvien", ActorName = "Chuyên viên",
            });
            db.DossierEvents.Add(new DossierEvent
            {
                DossierId = dossier.Id, At = request.AddMinutes(2), Action = DossierAction.ResubmitSupplement, FromStatus = DossierStatus.AwaitingSupplement,
                ToStatus = DossierStatus.InProcessing, ActorUserName = "motcua", ActorName = "Một cửa",
            });
            await db.SaveChangesAsync();
        }
        using var specialist = await app.LoginAsync("chuyenvien");
        // The read that went with the request, then the appraisal three minutes later, after the supplement came back.
        app.Clock.SetUtcNow(request);
        Assert.Equal(HttpStatusCode.OK, (await specialist.GetAsync("/ho-so/" + code)).StatusCode);
        app.Clock.SetUtcNow(request.AddMinutes(4));
        Assert.Equal(HttpStatusCode.OK, (await specialist.GetAsync("/ho-so/" + code)).StatusCode);

        using var anonymous = app.CreateClient();
        var response = await ReadersAsync(anonymous, code);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var reads = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("role").GetString() == "Chuyên viên")
            .ToDictionary(i => i.GetProperty("at").GetDateTimeOffset(), i => i.GetProperty("why").GetString());
        Assert.Equal("Để yêu cầu bổ sung", reads[request]);
        Assert.Equal("Để thẩm định, xử lý hồ sơ", reads[request.AddMinutes(4)]);
    }

    [Fact]
    public void Each_stage_names_what_it_asks_of_the_role_that_acts_on_it_and_nothing_of_the_others()
    {
        Assert.Equal("Để thẩm định, xử lý hồ sơ", LookupReaders.StagePurpose(DossierStatus.InProcessing, ["Specialist"]));
        Assert.Equal("Để xem xét, phê duyệt kết quả giải quyết", LookupReaders.StagePurpose(DossierStatus.AwaitingApproval, ["Leader"]));
        Assert.Equal("Để trả kết quả cho Ông/Bà", LookupReaders.StagePurpose(DossierStatus.ResultIssued, ["OneStopOfficer"]));
        Assert.Null(LookupReaders.StagePurpose(DossierStatus.InProcessing, ["Leader"]));
        Assert.Null(LookupReaders.StagePurpose(DossierStatus.Returned, ["Specialist"]));
    }
}
