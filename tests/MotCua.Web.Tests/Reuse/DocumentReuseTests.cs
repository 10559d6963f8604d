using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Procedures;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.CitizenAccounts;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Results;
using MotCua.Web.Features.Reuse;
using MotCua.Web.Shared.Files;
using MotCua.Web.Tests.CitizenAccounts;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Reuse;

/// <summary>The stand-in VNeID provider and national data store, started once for the class as real processes.</summary>
public sealed class ReuseServers : IAsyncLifetime
{
    public VNeIDProvider Identity { get; } = new();

    public LoopbackServer? DataStoreServer { get; private set; }

    public LoopbackServer DataStore => DataStoreServer ?? throw new InvalidOperationException("The data store stand-in did not start.");

    public async Task InitializeAsync()
    {
        await Identity.InitializeAsync();
        DataStoreServer = await LoopbackServer.StartAsync("MotCua.Servers.DataStore");
    }

    public async Task DisposeAsync()
    {
        if (DataStoreServer is not null)
        {
            await DataStoreServer.DisposeAsync();
        }
        await Identity.DisposeAsync();
    }
}

/// <summary>
/// Reuse instead of re-upload, for a citizen logged in through the real identity provider: their own earlier papers and
/// results (and the national store's documents) are offered, one is used with consent in a new submission, the specialist
/// sees where it came from and the citizen sees the reuse in "who read my data"; another person's document never is.
/// </summary>
public sealed partial class DocumentReuseTests(ReuseServers servers) : IClassFixture<ReuseServers>
{
    private const string Procedure = "1.000173";
    private const string PaperName = "Đơn đề nghị cấp giấy phép";

    // Two of the provider's default people.
    private const string Huong = "079185003421";
    private const string Binh = "052090017736";

    private static readonly byte[] HuongsPdf = "%PDF-1.4\n% huong\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
    private static readonly byte[] BinhsPdf = "%PDF-1.4\n% binh\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    private async Task<MotCuaApp> NewAppAsync(bool withStore)
    {
        var app = new MotCuaApp();
        app.Settings["MotCua:VNeID:Authority"] = servers.Identity.Server.Url.ToString();
        app.Settings["MotCua:VNeID:ClientId"] = VNeIDProvider.ClientId;
        app.Settings["MotCua:VNeID:ClientSecret"] = VNeIDProvider.Secret;
        if (withStore)
        {
            app.Settings["MotCua:NationalDataStore:Endpoint"] = servers.DataStore.Url.ToString();
            app.Settings["MotCua:NationalDataStore:ApiKey"] = "kdl-test-key";
        }
        // The protocol's correlation and nonce cookies expire by the wall clock the cookie jar and the provider keep.
        app.Clock.SetUtcNow(TimeProvider.System.GetUtcNow());
        await using var db = app.CreateDbContext();
        foreach (var v in await db.ProcedureVersions.Include(v => v.Papers).Where(v => v.Procedure!.Code == Procedure).ToListAsync())
        {
            v.OnlineLevel = OnlineServiceLevel.Full;
            if (v.Papers.Count == 0)
            {
                v.Papers.Add(new ProcedurePaper { Seq = 1, Name = PaperName, Required = true });
            }
        }
        await db.SaveChangesAsync();
        return app;
    }

    [GeneratedRegex("<form method=\"post\" action=\"/connect/authorize\">(.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex ProviderForm();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\" />")]
    private static partial Regex Hidden();

    [GeneratedRegex("data-testid=\"online-code\">([^<]+)<")]
    private static partial Regex OnlineCode();

    private async Task<HttpClient> CitizenAsync(MotCuaApp app, string idNumber)
    {
        var client = app.CreateNoRedirectClient();
        var start = await client.GetAsync("/cong-dan/dang-nhap");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        using var idp = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = servers.Identity.Server.Url };
        var page = await idp.GetStringAsync(start.Headers.Location!);
        var form = ProviderForm().Matches(page).Single(m => m.Groups[1].Value.Contains("value=\"" + idNumber + "\"", StringComparison.Ordinal));
        var fields = Hidden().Matches(form.Groups[1].Value).Select(m => KeyValuePair.Create(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)));
        var chosen = await idp.PostAsync("/connect/authorize", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var back = await client.GetAsync(chosen.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(CitizenAccountsModule.MyDossiersPath, back.Headers.Location!.OriginalString);
        return client;
    }

    /// <summary>An earlier dossier received at the desk for <paramref name="idNumber"/>, with a scanned file for its first paper.</summary>
    private static Task<(string Code, long FileId)> EarlierDossierAsync(MotCuaApp app, string name, string idNumber, byte[] scan) =>
        HeldPaperSeed.DeskDossierAsync(app, Procedure, PaperName, name, idNumber, scan, "don-cu.pdf");

    /// <summary>A signed result in force issued with dossier <paramref name="code"/>.</summary>
    private static async Task<int> IssuedResultAsync(MotCuaApp app, string code, string summary, ResultStatus status = ResultStatus.InForce)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCua.Web.Data.AppDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Code == code);
        var stored = scope.ServiceProvider.GetRequiredService<FileStore>().Save(new IncomingFile("ket-qua.pdf", HuongsPdf.Concat("% result"u8.ToArray()).ToArray()), "results-test");
        var result = new ResultDocument
        {
            AgencyId = dossier.AgencyId, DossierId = dossier.Id, DossierCode = code, Type = ResultDocumentType.Licence, Number = "17", Symbol = "GP-SKHCN",
            Summary = summary, IssuedOn = new DateOnly(2025, 1, 15), SignerName = "Lê Văn Ký", SignerPosition = "Giám đốc",
            VerificationCode = "VC" + Guid.NewGuid().ToString("N")[..10], Status = status, SignedPath = stored.StoragePath, SignedAt = app.Clock.GetUtcNow(),
            DraftedAt = app.Clock.GetUtcNow(),
        };
        db.Add(result);
        await db.SaveChangesAsync();
        return result.Id;
    }

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient citizen, IEnumerable<(string Name, string Value)> extra)
    {
        var csrf = await MotCuaApp.AntiforgeryTokenAsync(citizen, "/nop-truc-tuyen?thu-tuc=" + Procedure);
        using var post = new MultipartFormDataContent
        {
            { new StringContent(csrf), "__RequestVerificationToken" },
            { new StringContent(Procedure), "thu-tuc" },
            { new StringContent("Nguyễn Thị Thanh Hương"), "Name" },
            { new StringContent("0905318274"), "Phone" },
            { new StringContent("true"), "Consent" },
        };
        foreach (var (name, value) in extra)
        {
            post.Add(new StringContent(value), name);
        }
        return await citizen.PostAsync("/nop-truc-tuyen?thu-tuc=" + Procedure, post);
    }

    [Fact]
    public async Task A_citizen_reuses_an_earlier_paper_with_consent_and_sees_the_reuse_among_the_reads_of_their_data()
    {
        await using var app = await NewAppAsync(withStore: false);
        var (earlier, paperFile) = await EarlierDossierAsync(app, "Nguyễn Thị Thanh Hương", Huong, HuongsPdf);
        var result = await IssuedResultAsync(app, earlier, "Giấy phép hoạt động dịch vụ");
        var revoked = await IssuedResultAsync(app, earlier, "Giấy phép đã thu hồi", ResultStatus.Revoked);
        var (binhsEarlier, binhsFile) = await EarlierDossierAsync(app, "Trần Văn Bình", Binh, BinhsPdf);

        using var citizen = await CitizenAsync(app, Huong);
        var form = await citizen.GetStringAsync("/nop-truc-tuyen?thu-tuc=" + Procedure);
        Assert.Contains("data-testid=\"reuse-choices\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"tep-" + paperFile + "\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"ket-qua-" + result + "\"", form, StringComparison.Ordinal);
        Assert.Contains("Tôi đồng ý cho cơ quan sử dụng lại giấy tờ này", form, StringComparison.Ordinal);
        // Never another person's document, nor a revoked result.
        Assert.DoesNotContain("value=\"tep-" + binhsFile + "\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"ket-qua-" + revoked + "\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"national-store-down\"", form, StringComparison.Ordinal);

        var response = await SubmitAsync(citizen, [("reuse-0", "tep-" + paperFile), ("reuse-consent-0", "true")]);
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(OnlineCode().IsMatch(page), page);
        var code = OnlineCode().Match(page).Groups[1].Value;

        await using (var db = app.CreateDbContext())
        {
            var dossier = await db.Dossiers.Include(d => d.Papers).SingleAsync(d => d.Code == code);
            Assert.Equal(Huong, dossier.ApplicantIdNumber);
            Assert.True(dossier.Papers.Single(p => p.Seq == 1).Present);
            var filed = await db.DossierFiles.SingleAsync(f => f.DossierId == dossier.Id && f.PaperSeq == 1);
            Assert.Equal(FileStore.Sha256(HuongsPdf), filed.Sha256);
            var reused = await db.ReusedPapers.SingleAsync(r => r.DossierId == dossier.Id);
            Assert.Equal((1, HeldSource.Paper, earlier, "tep-" + paperFile), (reused.PaperSeq, reused.Source, reused.SourceDossierCode, reused.SourceKey));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "dossier.paper.reuse" && a.EntityId == code));
        }

        // The specialist's page shows the paper as reused, from where, with the file filed for it.
        using var officer = await app.LoginAsync("motcua");
        var detail = await officer.GetStringAsync("/ho-so/" + code);
        Assert.Contains("data-testid=\"reused-paper\"", detail, StringComparison.Ordinal);
        Assert.Contains(">" + earlier + "</a>", detail, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"reused-file\"", detail, StringComparison.Ordinal);

        // The earlier dossier's readers list names the reuse: which agency, which document, for which dossier.
        var lookup = await citizen.GetStringAsync("/tra-cuu/" + earlier);
        Assert.Contains("data-testid=\"readers-list\"", lookup, StringComparison.Ordinal);
        Assert.Contains("Sử dụng lại giấy tờ cho hồ sơ " + code, lookup, StringComparison.Ordinal);
        Assert.Contains(LookupReaders.ReuseReader, lookup, StringComparison.Ordinal);

        // Once the desk receives it, the dossier counts for the 766 index's reuse of digitised data (6.3); the two desk
        // dossiers, with papers handed in, do not.
        using var desk = await app.ApiClientAsync("motcua");
        var current = await desk.GetFromJsonAsync<JsonElement>("/api/dossiers/" + code);
        using (var received = await desk.PostAsJsonAsync("/api/dossiers/" + code + "/actions", new { action = "receive", rowVersion = current.GetProperty("rowVersion").GetInt64() }))
        {
            Assert.True(received.IsSuccessStatusCode, await received.Content.ReadAsStringAsync());
        }
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var index = await desk.GetFromJsonAsync<JsonElement>(FormattableString.Invariant($"/api/indices/766?from={today.AddDays(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}"));
        var reuse = index.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("indicators").EnumerateArray())
            .Single(i => i.GetProperty("code").GetString() == "6.3");
        Assert.Equal((1, 3), (reuse.GetProperty("numerator").GetInt32(), reuse.GetProperty("denominator").GetInt32()));
        Assert.Equal(new[] { binhsEarlier, earlier }.Order(StringComparer.Ordinal),
            reuse.GetProperty("lostItems").GetProperty("items").EnumerateArray().Select(x => x.GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_reuse_chosen_in_a_saved_draft_is_chosen_again_when_the_draft_is_opened_and_used_at_submission()
    {
        await using var app = await NewAppAsync(withStore: false);
        var (earlier, paperFile) = await EarlierDossierAsync(app, "Nguyễn Thị Thanh Hương", Huong, HuongsPdf);
        var key = "tep-" + paperFile;
        using var citizen = await CitizenAsync(app, Huong);
        var csrf = await MotCuaApp.AntiforgeryTokenAsync(citizen, "/nop-truc-tuyen?thu-tuc=" + Procedure);
        using (var post = new MultipartFormDataContent
        {
            { new StringContent(csrf), "__RequestVerificationToken" },
            { new StringContent(Procedure), "thu-tuc" },
            { new StringContent("Nguyễn Thị Thanh Hương"), "Name" },
            { new StringContent("0905318274"), "Phone" },
            { new StringContent("true"), "Consent" },
            { new StringContent(key), "reuse-0" },
            { new StringContent("true"), "reuse-consent-0" },
        })
        {
            var saved = await citizen.PostAsync("/nop-truc-tuyen?handler=SaveDraft", post);
            Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        }
        long draftId;
        await using (var db = app.CreateDbContext())
        {
            var draft = await db.OnlineDrafts.SingleAsync(d => d.CitizenAccountId != null && d.ProcedureCode == Procedure);
            Assert.Equal("0\t" + key + "\t1", draft.ReuseChoices);
            draftId = draft.Id;
        }

        // Opened again from "my dossiers": the earlier paper is still the one chosen, with its consent.
        var reopened = await citizen.GetStringAsync("/nop-truc-tuyen?nhap-cua-toi=" + draftId.ToString(CultureInfo.InvariantCulture));
        Assert.Contains("Đã mở bản nháp", reopened, StringComparison.Ordinal);
        Assert.Contains("value=\"" + key + "\" checked", reopened, StringComparison.Ordinal);
        Assert.Matches("name=\"reuse-consent-0\"[^>]*checked", reopened);

        // Submitted from the draft as the form shows it: the paper is reused, not asked for.
        var response = await SubmitAsync(citizen, [("nhap-cua-toi", draftId.ToString(CultureInfo.InvariantCulture)), ("reuse-0", key), ("reuse-consent-0", "true")]);
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(OnlineCode().IsMatch(page), page);
        var code = OnlineCode().Match(page).Groups[1].Value;
        await using (var db = app.CreateDbContext())
        {
            var reused = await db.ReusedPapers.SingleAsync(r => r.Dossier!.Code == code);
            Assert.Equal((1, earlier), (reused.PaperSeq, reused.SourceDossierCode));
        }
    }

    [Fact]
    public async Task A_forged_or_unconsented_reuse_is_refused_in_Vietnamese_and_nothing_is_stored()
    {
        await using var app = await NewAppAsync(withStore: false);
        var (_, paperFile) = await EarlierDossierAsync(app, "Nguyễn Thị Thanh Hương", Huong, HuongsPdf);
        var (_, binhsFile) = await EarlierDossierAsync(app, "Trần Văn Bình", Binh, BinhsPdf);
        int Count()
        {
            using var db = app.CreateDbContext();
            return db.Dossiers.Count() + db.ReusedPapers.Count() + db.OnlineDrafts.Count();
        }
        var before = Count();
        using var citizen = await CitizenAsync(app, Huong);

        foreach (var forged in new[] { "tep-" + binhsFile, "tep-999999", "ket-qua-1", "quoc-gia-KDL-000001", "../../etc/passwd" })
        {
            var page = await (await SubmitAsync(citizen, [("reuse-0", forged), ("reuse-consent-0", "true")])).Content.ReadAsStringAsync();
            Assert.Contains(DocumentReuse.NotYours, page, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"online-code\"", page, StringComparison.Ordinal);
        }
        var unconsented = await (await SubmitAsync(citizen, [("reuse-0", "tep-" + paperFile)])).Content.ReadAsStringAsync();
        Assert.Contains(SubmitModel.ReuseConsentMissing, unconsented, StringComparison.Ordinal);
        Assert.Equal(before, Count());

        // Nobody logged in: nothing to reuse at all.
        using var anonymous = app.CreateClient();
        var csrfPage = await SubmitAsync(anonymous, [("reuse-0", "tep-" + paperFile), ("reuse-consent-0", "true"), ("IdNumber", Huong)]);
        Assert.DoesNotContain("data-testid=\"online-code\"", await csrfPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, Count());
    }

    [Fact]
    public async Task The_API_lists_only_the_callers_documents_and_never_serves_another_persons_file()
    {
        await using var app = await NewAppAsync(withStore: false);
        var (_, paperFile) = await EarlierDossierAsync(app, "Nguyễn Thị Thanh Hương", Huong, HuongsPdf);
        var (_, binhsFile) = await EarlierDossierAsync(app, "Trần Văn Bình", Binh, BinhsPdf);

        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/citizen/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/citizen/documents/tep-{paperFile}/file")).StatusCode);
        // An officer's token is not a citizen's session.
        using var officer = await app.ApiClientAsync("motcua");
        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.GetAsync($"/api/citizen/documents/tep-{paperFile}/file")).StatusCode);

        using var citizen = await CitizenAsync(app, Huong);
        var list = JsonDocument.Parse(await citizen.GetStringAsync("/api/citizen/documents")).RootElement;
        var keys = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()).ToList();
        Assert.Equal(["tep-" + paperFile], keys);
        Assert.Equal("NotConfigured", list.GetProperty("nationalStore").GetString());

        var own = await citizen.GetAsync($"/api/citizen/documents/tep-{paperFile}/file");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HuongsPdf, await own.Content.ReadAsByteArrayAsync());

        var theirs = await citizen.GetAsync($"/api/citizen/documents/tep-{binhsFile}/file");
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal("application/problem+json", theirs.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("binh", await theirs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_national_stores_documents_are_offered_and_reused_and_the_form_works_while_it_is_down()
    {
        await using var app = await NewAppAsync(withStore: true);
        var store = servers.DataStore.Client;
        await store.PostAsync("/sim/reset", null);
        var seeded = await (await store.PostAsJsonAsync("/sim/documents", new { idNumber = Huong, name = PaperName, issuer = "UBND phường Tuy Hòa", reference = "KDL-REF-8841" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var huongsDoc = seeded.GetProperty("id").GetString()!;
        var binhsDoc = (await (await store.PostAsJsonAsync("/sim/documents", new { idNumber = Binh, name = PaperName })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetString()!;
        var expired = (await (await store.PostAsJsonAsync("/sim/documents", new { idNumber = Huong, name = "Giấy xác nhận cũ", validTo = "2020-01-01" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        using var citizen = await CitizenAsync(app, Huong);
        var form = await citizen.GetStringAsync("/nop-truc-tuyen?thu-tuc=" + Procedure);
        Assert.Contains("value=\"quoc-gia-" + huongsDoc + "\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"quoc-gia-" + binhsDoc + "\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"quoc-gia-" + expired + "\"", form, StringComparison.Ordinal);

        // Another person's store document is refused even when its id is typed in.
        var forged = await (await SubmitAsync(citizen, [("reuse-0", "quoc-gia-" + binhsDoc), ("reuse-consent-0", "true")])).Content.ReadAsStringAsync();
        Assert.Contains(DocumentReuse.NotYours, forged, StringComparison.Ordinal);

        var page = await (await SubmitAsync(citizen, [("reuse-0", "quoc-gia-" + huongsDoc), ("reuse-consent-0", "true")])).Content.ReadAsStringAsync();
        Assert.True(OnlineCode().IsMatch(page), page);
        var code = OnlineCode().Match(page).Groups[1].Value;
        await using (var db = app.CreateDbContext())
        {
            var reused = await db.ReusedPapers.SingleAsync(r => r.Dossier!.Code == code);
            Assert.Equal((HeldSource.NationalStore, "KDL-REF-8841", (string?)null), (reused.Source, reused.Reference, reused.SourceDossierCode));
            Assert.True(await db.DossierFiles.AnyAsync(f => f.DossierId == reused.DossierId && f.PaperSeq == 1));
        }
        var lookup = await citizen.GetStringAsync("/tra-cuu/" + code);
        Assert.Contains("Sử dụng lại giấy tờ cho hồ sơ " + code, lookup, StringComparison.Ordinal);

        var asked = (await store.GetFromJsonAsync<JsonElement>("/sim/asked")).EnumerateArray().ToList();
        Assert.All(asked, a => Assert.Equal(Huong, a.GetProperty("idNumber").GetString()));
        Assert.All(asked, a => Assert.Equal("kdl-test-key", a.GetProperty("apiKey").GetString()));
        Assert.Contains(asked, a => a.GetProperty("kind").GetString() == "content" && a.GetProperty("documentId").GetString() == huongsDoc);

        // The store goes down: the form still opens, says so, and still offers what MotCua holds (the paper just filed).
        await store.PostAsJsonAsync("/sim/down", new { down = true });
        try
        {
            var down = await citizen.GetStringAsync("/nop-truc-tuyen?thu-tuc=" + Procedure);
            Assert.Contains("data-testid=\"online-form\"", down, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"national-store-down\"", down, StringComparison.Ordinal);
            Assert.Contains("value=\"tep-", down, StringComparison.Ordinal);
            Assert.DoesNotContain("value=\"quoc-gia-", down, StringComparison.Ordinal);
            var api = JsonDocument.Parse(await citizen.GetStringAsync("/api/citizen/documents")).RootElement;
            Assert.Equal("DidNotAnswer", api.GetProperty("nationalStore").GetString());
        }
        finally
        {
            await store.PostAsJsonAsync("/sim/down", new { down = false });
        }
    }
}
