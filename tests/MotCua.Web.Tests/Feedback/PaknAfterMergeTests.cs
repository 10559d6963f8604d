using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Feedback;
using MotCua.Web.Features.AgencyMerges;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Feedback;

/// <summary>
/// PAKN of the demo department's predecessor (merged into it on 01/07/2025) where people look for them: the officers'
/// API names the agency that received a moved PAKN and its hand-over lines, the sender's tracking API says the same without
/// officers' names, and the successor's public list of answers carries the predecessor's answers, marked with it.
/// </summary>
public sealed class PaknAfterMergeTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private sealed record Lineage(int AgencyId, string AgencyCode, string AgencyName, int PredecessorId, string PredecessorCode, string PredecessorName);

    private async Task<Lineage> LineageAsync()
    {
        await using var db = app.CreateDbContext();
        var agencyId = await db.Users.Where(u => u.UserName == "daumoi").Select(u => u.AgencyId).SingleAsync();
        var agency = await db.Agencies.SingleAsync(a => a.Id == agencyId);
        var predecessor = await db.Agencies.Where(a => a.SucceededById == agencyId).OrderBy(a => a.Id).FirstAsync();
        return new(agency.Id, agency.Code, agency.Name, predecessor.Id, predecessor.Code, predecessor.Name);
    }

    private static FeedbackItem Item(int agencyId, string phone, FeedbackStatus status) => new()
    {
        AgencyId = agencyId, Code = "PAKN-HN-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), ReceivedAt = new DateTimeOffset(2025, 6, 20, 2, 0, 0, TimeSpan.Zero),
        Channel = "portal", SenderName = "Nguyễn Thị Chuyển Giao", SenderAddress = "Tuy Hòa, Phú Yên", SenderPhone = phone,
        Title = "Thời hạn cấp giấy phép sau hợp nhất", Content = "Đề nghị công bố thời hạn giải quyết sau khi hợp nhất.", ContentType = FeedbackContentType.UnsuitableRegulation, Status = status,
        DueAt = new DateTimeOffset(2025, 7, 4, 10, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task The_officer_API_and_the_senders_tracking_API_name_where_a_moved_PAKN_was_received_and_its_handover()
    {
        var lineage = await LineageAsync();
        var note = AgencyMergeService.HandoverNote(lineage.PredecessorName, lineage.AgencyName, new DateOnly(2025, 7, 1));
        var moved = Item(lineage.AgencyId, "0905318274", FeedbackStatus.AnswerDrafted);
        (moved.ReceivedAgencyId, moved.HandoverNotes, moved.AnswerText, moved.DraftedBy) = (lineage.PredecessorId, note, "Dự thảo trả lời.", "chuyenvien");
        var own = Item(lineage.AgencyId, "0905318279", FeedbackStatus.Received);
        await using (var db = app.CreateDbContext())
        {
            db.FeedbackItems.AddRange(moved, own);
            await db.SaveChangesAsync();
        }

        using var focal = await app.ApiClientAsync("daumoi");
        var detail = await focal.GetFromJsonAsync<JsonElement>($"/api/feedback/{moved.Code}");
        Assert.Equal(lineage.PredecessorCode, detail.GetProperty("receivedAgency").GetProperty("code").GetString());
        Assert.Equal(lineage.PredecessorName, detail.GetProperty("receivedAgency").GetProperty("name").GetString());
        Assert.Equal([note], detail.GetProperty("handovers").EnumerateArray().Select(e => e.GetString()));
        // A PAKN received where it is handled has neither.
        var ownDetail = await focal.GetFromJsonAsync<JsonElement>($"/api/feedback/{own.Code}");
        Assert.Equal(JsonValueKind.Null, ownDetail.GetProperty("receivedAgency").ValueKind);
        Assert.Empty(ownDetail.GetProperty("handovers").EnumerateArray());

        using var citizen = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/public/feedback/{moved.Code}");
        request.Headers.Add("X-Lookup-Factor", "0905 318 274");
        var response = await citizen.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var tracked = JsonDocument.Parse(body).RootElement;
        Assert.Equal(lineage.AgencyName, tracked.GetProperty("agency").GetString());
        Assert.Equal(lineage.PredecessorName, tracked.GetProperty("receivedBy").GetString());
        Assert.Equal([note], tracked.GetProperty("handovers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(FeedbackTracking.PublicStatus(FeedbackStatus.AnswerDrafted), tracked.GetProperty("status").GetString());
        // Nothing of the back office: no officer, no draft, no contact.
        Assert.DoesNotContain("chuyenvien", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Dự thảo trả lời", body, StringComparison.Ordinal);
        Assert.DoesNotContain("0905318274", body, StringComparison.Ordinal);

        // The code alone, or with another sender's phone, opens nothing.
        using var wrong = new HttpRequestMessage(HttpMethod.Get, $"/api/public/feedback/{moved.Code}");
        wrong.Headers.Add("X-Lookup-Factor", "0905318279");
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.SendAsync(wrong)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.GetAsync($"/api/public/feedback/{moved.Code}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.GetAsync($"/api/public/feedback/{moved.Code}?factor=0905318274")).StatusCode);
    }

    [Fact]
    public async Task The_successors_public_answers_carry_the_predecessors_answers_marked_with_it_and_no_unrelated_agencys()
    {
        var lineage = await LineageAsync();
        var answered = Item(lineage.PredecessorId, "0905318281", FeedbackStatus.Published);
        var suffix = answered.Code[^6..];
        (answered.PublishedAt, answered.ClosedAt) = (new DateTimeOffset(2025, 6, 27, 3, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 6, 27, 3, 0, 0, TimeSpan.Zero));
        (answered.PublicTitle, answered.PublicContent, answered.PublicAnswer) = ("Trả lời của Sở tiền thân " + suffix, "Nội dung đã công khai.", "Sở đã trả lời trước hợp nhất.");
        var stranger = new Agency { Code = "KHAC-" + suffix, Name = "Sở không liên quan " + suffix, ProvinceCode = "66" };
        await using (var db = app.CreateDbContext())
        {
            db.Agencies.Add(stranger);
            await db.SaveChangesAsync();
            var unrelated = Item(stranger.Id, "0905318282", FeedbackStatus.Published);
            (unrelated.PublishedAt, unrelated.ClosedAt) = (answered.PublishedAt, answered.ClosedAt);
            (unrelated.PublicTitle, unrelated.PublicContent, unrelated.PublicAnswer) = ("Trả lời của Sở khác " + suffix, "Nội dung khác.", "Sở khác trả lời.");
            db.FeedbackItems.AddRange(answered, unrelated);
            await db.SaveChangesAsync();
        }

        using var citizen = app.CreateClient();
        // The successor's page, and the predecessor's code, which now opens its successor's.
        foreach (var code in new[] { lineage.AgencyCode, lineage.PredecessorCode })
        {
            var html = WebUtility.HtmlDecode(await citizen.GetStringAsync("/phan-anh-kien-nghi/da-tra-loi?co-quan=" + code));
            Assert.Contains("Trả lời của Sở tiền thân " + suffix, html, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"pakn-answered-by\">Trả lời của " + lineage.PredecessorName + "<", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Trả lời của Sở khác " + suffix, html, StringComparison.Ordinal);
        }
        var list = await citizen.GetFromJsonAsync<JsonElement>("/api/public/feedback?answered=true&agency=" + lineage.AgencyCode);
        var item = list.EnumerateArray().Single(e => e.GetProperty("code").GetString() == answered.Code);
        Assert.Equal(lineage.PredecessorCode, item.GetProperty("answeredBy").GetProperty("code").GetString());
        Assert.Equal(lineage.PredecessorName, item.GetProperty("answeredBy").GetProperty("name").GetString());
        Assert.DoesNotContain(list.EnumerateArray(), e => e.GetProperty("answeredBy").GetProperty("code").GetString() == stranger.Code);
    }
}
