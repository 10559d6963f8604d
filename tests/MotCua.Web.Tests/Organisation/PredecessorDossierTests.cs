using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.AgencyMerges;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Organisation;

/// <summary>
/// After a merge the successor answers for its predecessor's history: the demo's closed dossiers of the merged-away
/// Phú Yên department stay under their old codes, and the Đắk Lắk department's desk finds them in its tracking book and
/// opens them read-only, while an officer of another standing agency does not see them at all.
/// </summary>
public sealed class PredecessorDossierTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private async Task<(string Code, string PredecessorName)> PredecessorDossierAsync()
    {
        await using var db = app.CreateDbContext();
        var predecessor = await db.Agencies.SingleAsync(a => a.Code == PredecessorDossierDemoData.PredecessorCode);
        Assert.NotNull(predecessor.SucceededById);
        var codes = await db.Dossiers.Where(d => d.AgencyId == predecessor.Id).Select(d => new { d.Code, d.Status, d.ReceivedAt }).ToListAsync();
        Assert.NotEmpty(codes);
        Assert.All(codes, d => Assert.True(DossierStateMachine.IsTerminal(d.Status) && d.ReceivedAt < new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.FromHours(7))));
        return (codes.OrderBy(d => d.Code, StringComparer.Ordinal).First().Code, predecessor.Name);
    }

    [Fact]
    public async Task The_successors_tracking_book_lists_the_predecessors_closed_dossiers_under_their_old_codes_and_name()
    {
        var (code, name) = await PredecessorDossierAsync();
        using var desk = await app.LoginAsync("motcua");
        var html = WebUtility.HtmlDecode(await desk.GetStringAsync("/ho-so/so-theo-doi?From=2025-01-01&To=2025-06-30"));
        Assert.Contains(code, html, StringComparison.Ordinal);
        Assert.Contains(name, html, StringComparison.Ordinal);

        using var otherDesk = await app.LoginAsync("motcuaxa");
        var other = WebUtility.HtmlDecode(await otherDesk.GetStringAsync("/ho-so/so-theo-doi?From=2025-01-01&To=2025-06-30"));
        Assert.DoesNotContain(code, other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_successors_desk_opens_a_predecessors_closed_dossier_read_only_and_another_agencys_officer_cannot()
    {
        var (code, name) = await PredecessorDossierAsync();
        using var desk = await app.LoginAsync("motcua");
        var page = await desk.GetAsync("/ho-so/" + code);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"predecessor-dossier\"", html, StringComparison.Ordinal);
        Assert.Contains(name, html, StringComparison.Ordinal);

        using var api = await app.ApiClientAsync("motcua");
        var answer = await api.GetAsync("/api/dossiers/" + code);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal(code, json.RootElement.GetProperty("code").GetString());

        using var otherDesk = await app.LoginAsync("motcuaxa");
        Assert.Equal(HttpStatusCode.NotFound, (await otherDesk.GetAsync("/ho-so/" + code)).StatusCode);
        using var otherApi = await app.ApiClientAsync("motcuaxa");
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.GetAsync("/api/dossiers/" + code)).StatusCode);
    }

    [Fact]
    public async Task The_calendar_api_answers_an_old_agency_code_with_its_successors_office_hours_from_the_merge_date()
    {
        await using var host = new MotCuaApp();
        await using (var db = host.CreateDbContext())
        {
            // The successor closes at 16:00, the predecessor at 17:00: a receipt at 16:30 counts from the next morning only in the successor's hours.
            var successor = await db.Agencies.SingleAsync(a => a.Code == "SKHCN");
            successor.AfternoonEnd = new TimeOnly(16, 0);
            await db.SaveChangesAsync();
        }
        using var client = host.CreateClient();
        async Task<string> DueAsync(string agency, string receivedAt)
        {
            var response = await client.GetAsync("/api/calendar/due?workingDays=3&agency=" + agency + "&receivedAt=" + Uri.EscapeDataString(receivedAt));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            using var json = JsonDocument.Parse(body);
            return json.RootElement.GetProperty("dueAt").GetString()!;
        }

        const string AfterMerge = "2025-08-04T16:30:00+07:00";
        const string BeforeMerge = "2025-06-10T16:30:00+07:00";
        Assert.Equal(await DueAsync("SKHCN", AfterMerge), await DueAsync(PredecessorDossierDemoData.PredecessorCode, AfterMerge));
        Assert.NotEqual(await DueAsync("SKHCN", BeforeMerge), await DueAsync(PredecessorDossierDemoData.PredecessorCode, BeforeMerge));
    }
}
