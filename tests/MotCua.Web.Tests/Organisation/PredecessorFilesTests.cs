using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Data;
using MotCua.Web.Features.AgencyMerges;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared.Files;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Organisation;

/// <summary>
/// The successor answers for its merged-away predecessor's history, files included: its desk opens and downloads the
/// scans of a predecessor's closed dossier on the page and through the API, under the scope rule that holds for its
/// own dossiers (a specialist whose unit never held it does not), and an officer left in the merged-away agency opens none.
/// </summary>
public sealed class PredecessorFilesTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string LeftBehind = "motcua.phuyen";

    private static readonly SemaphoreSlim Once = new(1, 1);

    private static readonly byte[] Scan = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    /// <summary>The predecessor's first closed dossier with one scanned paper, and a desk account left in the predecessor.</summary>
    private async Task<(string Code, long FileId)> PredecessorFileAsync()
    {
        await Once.WaitAsync();
        try
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var predecessor = await db.Agencies.SingleAsync(a => a.Code == PredecessorDossierDemoData.PredecessorCode);
            Assert.NotNull(predecessor.SucceededById);
            var dossier = await db.Dossiers.Where(d => d.AgencyId == predecessor.Id).OrderBy(d => d.Code).FirstAsync();
            var existing = await db.DossierFiles.Where(f => f.DossierId == dossier.Id).Select(f => (long?)f.Id).FirstOrDefaultAsync();
            if (existing is { } id)
            {
                return (dossier.Code, id);
            }
            var file = scope.ServiceProvider.GetRequiredService<DossierFileStore>()
                .Save(dossier, new IncomingFile("ban-chup-giay-phep.pdf", Scan), DossierFileKind.Component, dossier.ReceivedAt ?? dossier.SubmittedAt, "admin");
            file.PaperSeq = 1;
            db.DossierFiles.Add(file);
            await db.SaveChangesAsync();

            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var left = new AppUser { UserName = LeftBehind, FullName = "Cán bộ một cửa Sở cũ", AgencyId = predecessor.Id, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(left, MotCuaApp.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(left, Roles.OneStopOfficer)).Succeeded);
            return (dossier.Code, file.Id);
        }
        finally
        {
            Once.Release();
        }
    }

    [Fact]
    public async Task The_successors_desk_opens_and_downloads_a_predecessors_files_on_the_page_and_through_the_api()
    {
        var (code, id) = await PredecessorFileAsync();
        using var desk = await app.LoginAsync("motcua");
        var page = WebUtility.HtmlDecode(await desk.GetStringAsync("/ho-so/" + code));
        Assert.Contains($"/ho-so/{code}?handler=File&id={id}", page, StringComparison.Ordinal);
        var download = await desk.GetAsync($"/ho-so/{code}?handler=File&id={id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Scan, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync($"/ho-so/{code}?handler=Preview&id={id}")).StatusCode);

        using var api = await app.ApiClientAsync("motcua");
        var list = await api.GetAsync($"/api/dossiers/{code}/files");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var json = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        Assert.Equal(id, Assert.Single(json.RootElement.EnumerateArray()).GetProperty("id").GetInt64());
        var file = await api.GetAsync($"/api/dossiers/{code}/files/{id}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(Scan, await file.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_specialist_whose_unit_never_held_it_and_another_agency_are_refused_as_for_the_successors_own_dossiers()
    {
        var (code, id) = await PredecessorFileAsync();
        using var specialist = await app.ApiClientAsync("chuyenvien");
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.GetAsync($"/api/dossiers/{code}/files/{id}")).StatusCode);
        using var otherAgency = await app.ApiClientAsync("motcuaxa");
        Assert.Equal(HttpStatusCode.NotFound, (await otherAgency.GetAsync($"/api/dossiers/{code}/files/{id}")).StatusCode);
    }

    [Fact]
    public async Task An_officer_left_in_the_merged_away_agency_opens_none_of_its_files()
    {
        var (code, id) = await PredecessorFileAsync();
        using var api = await app.ApiClientAsync(LeftBehind);
        var refused = await api.GetAsync($"/api/dossiers/{code}/files/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("đã hợp nhất", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var page = await app.LoginAsync(LeftBehind);
        var download = await page.GetAsync($"/ho-so/{code}?handler=File&id={id}");
        Assert.NotEqual("application/pdf", download.Content.Headers.ContentType?.MediaType);
    }
}
