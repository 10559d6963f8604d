using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Procedures;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.CitizenAccounts;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Shared.Privacy;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.CitizenAccounts;

/// <summary>The stand-in VNeID provider, started once for the class as a real process.</summary>
public sealed class VNeIDProvider : IAsyncLifetime
{
    public const string ClientId = "motcua-test";
    public const string Secret = "b9c1f0e2-vneid-secret";

    public LoopbackServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await LoopbackServer.StartAsync("MotCua.Servers.Identity", environment: new Dictionary<string, string?>
        {
            ["Client__Id"] = ClientId,
            ["Client__Secret"] = Secret,
            ["Client__RedirectUri"] = "http://localhost" + CitizenAccountsModule.CallbackPath,
        });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// Citizen login through the real authorization code flow against the stand-in provider: my dossiers, own dossiers
/// without the second factor, sessions that never mix with officers', and failures that end in a Vietnamese message.
/// </summary>
public sealed partial class VNeIDLoginTests(VNeIDProvider provider) : IClassFixture<VNeIDProvider>
{
    private const string Procedure = "1.000173";

    // Two of the provider's default people.
    private const string Huong = "079185003421";
    private const string Binh = "052090017736";

    private MotCuaApp NewApp(string secret = VNeIDProvider.Secret)
    {
        var app = new MotCuaApp();
        app.Settings["MotCua:VNeID:Authority"] = provider.Server.Url.ToString();
        app.Settings["MotCua:VNeID:ClientId"] = VNeIDProvider.ClientId;
        app.Settings["MotCua:VNeID:ClientSecret"] = secret;
        // The protocol's correlation and nonce cookies expire by the wall clock the cookie jar and the provider keep.
        app.Clock.SetUtcNow(TimeProvider.System.GetUtcNow());
        return app;
    }

    [GeneratedRegex("<form method=\"post\" action=\"/connect/authorize\">(.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex ProviderForm();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\" />")]
    private static partial Regex Hidden();

    /// <summary>Runs the code flow for <paramref name="idNumber"/> and returns MotCua's answer to the callback.</summary>
    private async Task<HttpResponseMessage> LoginAsync(HttpClient app, string idNumber, Func<string, string>? tamper = null)
    {
        var start = await app.GetAsync("/cong-dan/dang-nhap");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = start.Headers.Location!;
        Assert.StartsWith(provider.Server.Url.ToString(), authorize.ToString(), StringComparison.Ordinal);
        Assert.Contains("code_challenge=", authorize.Query, StringComparison.Ordinal);

        using var idp = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = provider.Server.Url };
        var page = await idp.GetStringAsync(authorize);
        var form = ProviderForm().Matches(page).Single(m => m.Groups[1].Value.Contains("value=\"" + idNumber + "\"", StringComparison.Ordinal));
        var fields = Hidden().Matches(form.Groups[1].Value).Select(m => KeyValuePair.Create(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)));
        var chosen = await idp.PostAsync("/connect/authorize", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var callback = chosen.Headers.Location!;
        Assert.Equal(CitizenAccountsModule.CallbackPath, callback.AbsolutePath);
        var path = callback.PathAndQuery;
        return await app.GetAsync(tamper is null ? path : tamper(path));
    }

    private async Task<HttpClient> CitizenAsync(MotCuaApp app, string idNumber)
    {
        var client = app.CreateNoRedirectClient();
        var back = await LoginAsync(client, idNumber);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(CitizenAccountsModule.MyDossiersPath, back.Headers.Location!.OriginalString);
        return client;
    }

    private static async Task<string> ReceiveAsync(HttpClient desk, string name, string idNumber)
    {
        var response = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = Procedure,
            channel = "direct",
            applicant = new { name, idNumber, phone = "0905318274", address = "Tuy Hòa, Đắk Lắk" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true } },
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("code").GetString()!;
    }

    [Fact]
    public async Task A_citizen_sees_the_dossiers_of_their_verified_ID_number_and_opens_them_without_the_second_factor()
    {
        await using var app = NewApp();
        using var desk = await app.ApiClientAsync("motcua");
        var mine = await ReceiveAsync(desk, "Nguyễn Thị Thanh Hương", Huong);
        var theirs = await ReceiveAsync(desk, "Trần Văn Bình", Binh);
        using var officerPage = await app.LoginAsync("motcua");
        // An officer's read of the dossier is what "who read my data" is for.
        Assert.Equal(HttpStatusCode.OK, (await officerPage.GetAsync("/ho-so/" + mine)).StatusCode);
        int Reads()
        {
            using var db = app.CreateDbContext();
            return db.AuditEntries.Count(a => a.EntityId == mine && a.Action == PersonalDataReads.DossierRead);
        }
        var officerReads = Reads();
        Assert.True(officerReads > 0);

        using var citizen = await CitizenAsync(app, Huong);
        var list = await citizen.GetStringAsync(CitizenAccountsModule.MyDossiersPath);
        Assert.Contains("data-code=\"" + mine + "\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs, list, StringComparison.Ordinal);
        Assert.Contains(Huong, list, StringComparison.Ordinal);

        var own = await citizen.GetStringAsync("/tra-cuu/" + mine);
        Assert.Contains("data-testid=\"lookup-result\"", own, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"own-dossier\"", own, StringComparison.Ordinal);
        // The citizen reading their own dossier is not a third party's read.
        Assert.Equal(officerReads, Reads());
        Assert.Contains("data-testid=\"lookup-readers\"", own, StringComparison.Ordinal);

        // Someone else's dossier stays behind the factor, even for a logged-in citizen, and so does an anonymous look-up.
        var other = await citizen.GetStringAsync("/tra-cuu/" + theirs);
        Assert.DoesNotContain("data-testid=\"lookup-result\"", other, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"lookup-form\"", other, StringComparison.Ordinal);
        using var anonymous = app.CreateClient();
        var guarded = await anonymous.GetStringAsync("/tra-cuu/" + mine);
        Assert.DoesNotContain("data-testid=\"lookup-result\"", guarded, StringComparison.Ordinal);

        await using var db2 = app.CreateDbContext();
        var account = await db2.CitizenAccounts.SingleAsync(a => a.IdNumber == Huong);
        Assert.Equal("Nguyễn Thị Thanh Hương", account.Name);
        Assert.Equal("0905318274", account.Phone);
        Assert.Equal("vneid-001", account.Subject);
    }

    private static string PathOf(HttpResponseMessage redirect) => new Uri(new Uri("http://localhost"), redirect.Headers.Location!).AbsolutePath;

    [Fact]
    public async Task Officer_and_citizen_sessions_never_open_each_others_pages()
    {
        await using var app = NewApp();
        using var officer = await app.LoginAsync("motcua");
        var refused = await officer.GetAsync(CitizenAccountsModule.MyDossiersPath);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(CitizenAccountsModule.LoginPath, PathOf(refused));

        using var citizen = await CitizenAsync(app, Huong);
        var queue = await citizen.GetAsync("/ho-so/hang-doi");
        Assert.Equal(HttpStatusCode.Redirect, queue.StatusCode);
        Assert.Equal("/dang-nhap", PathOf(queue));
        Assert.Equal(HttpStatusCode.Unauthorized, (await citizen.GetAsync("/api/dossiers")).StatusCode);

        // Logging out ends the citizen session only.
        var token = await MotCuaApp.AntiforgeryTokenAsync(citizen, "/tra-cuu");
        await citizen.PostAsync("/cong-dan/dang-xuat", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.GetAsync(CitizenAccountsModule.MyDossiersPath)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_client_secret_fails_cleanly_with_a_Vietnamese_message_and_no_session()
    {
        await using var app = NewApp(secret: "not-the-registered-secret");
        using var client = app.CreateNoRedirectClient();
        var back = await LoginAsync(client, Huong);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(CitizenAccountsModule.LoginPath + "?loi=1", back.Headers.Location!.OriginalString);
        var page = await client.GetStringAsync(back.Headers.Location!.OriginalString);
        Assert.Contains(CitizenAccountsModule.LoginFailed, page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"citizen-login-error\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(CitizenAccountsModule.MyDossiersPath)).StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.CitizenAccounts.AnyAsync());
    }

    [Fact]
    public async Task A_tampered_state_is_refused_with_the_Vietnamese_message()
    {
        await using var app = NewApp();
        using var client = app.CreateNoRedirectClient();
        var back = await LoginAsync(client, Huong, path => Regex.Replace(path, "state=([^&]+)", m => "state=" + m.Groups[1].Value[..^4] + "AAAA"));
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(CitizenAccountsModule.LoginPath + "?loi=1", back.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(CitizenAccountsModule.MyDossiersPath)).StatusCode);
    }

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    [GeneratedRegex("href=\"/nop-truc-tuyen\\?nhap-cua-toi=(\\d+)\"")]
    private static partial Regex MyDraft();

    [Fact]
    public async Task Submission_is_prefilled_from_VNeID_and_a_draft_saved_on_one_device_resumes_on_another()
    {
        await using var app = NewApp();
        await using (var db = app.CreateDbContext())
        {
            foreach (var v in await db.ProcedureVersions.Include(v => v.Papers).Where(v => v.Procedure!.Code == Procedure).ToListAsync())
            {
                v.OnlineLevel = OnlineServiceLevel.Full;
                if (v.Papers.Count == 0)
                {
                    v.Papers.Add(new ProcedurePaper { Seq = 1, Name = "Đơn đề nghị cấp giấy phép", Required = true });
                }
            }
            await db.SaveChangesAsync();
        }
        using var phone = await CitizenAsync(app, Huong);
        var form = await phone.GetStringAsync("/nop-truc-tuyen?thu-tuc=" + Procedure);
        Assert.Matches("id=\"IdNumber\" name=\"IdNumber\" value=\"" + Huong + "\"[^>]*readonly", form);
        Assert.Contains("value=\"Nguyễn Thị Thanh Hương\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"0905318274\"", form, StringComparison.Ordinal);

        // A posted ID number is ignored: the verified one is the applicant's.
        var csrf = await MotCuaApp.AntiforgeryTokenAsync(phone, "/nop-truc-tuyen?thu-tuc=" + Procedure);
        using var post = new MultipartFormDataContent
        {
            { new StringContent(csrf), "__RequestVerificationToken" },
            { new StringContent(Procedure), "thu-tuc" },
            { new StringContent("Nguyễn Thị Thanh Hương"), "Name" },
            { new StringContent("001203009158"), "IdNumber" },
            { new StringContent("0905318274"), "Phone" },
            { new StringContent("true"), "Consent" },
        };
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        post.Add(file, "paper-0", "don.pdf");
        var saved = await phone.PostAsync("/nop-truc-tuyen?handler=SaveDraft", post);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await using (var db = app.CreateDbContext())
        {
            var draft = await db.OnlineDrafts.SingleAsync(d => d.Name == "Nguyễn Thị Thanh Hương");
            Assert.Equal(Huong, draft.IdNumber);
            Assert.NotNull(draft.CitizenAccountId);
        }

        using var laptop = await CitizenAsync(app, Huong);
        var list = await laptop.GetStringAsync(CitizenAccountsModule.MyDossiersPath);
        var id = MyDraft().Match(list).Groups[1].Value;
        Assert.NotEmpty(id);
        var resumed = await laptop.GetStringAsync("/nop-truc-tuyen?nhap-cua-toi=" + id);
        Assert.Contains("Đã mở bản nháp", resumed, StringComparison.Ordinal);
        Assert.Contains("don.pdf", resumed, StringComparison.Ordinal);

        // Another person's account cannot open it.
        using var other = await CitizenAsync(app, Binh);
        Assert.DoesNotContain("nhap-cua-toi=" + id, await other.GetStringAsync(CitizenAccountsModule.MyDossiersPath), StringComparison.Ordinal);
        Assert.Contains(OnlineDrafts.NotFound, await other.GetStringAsync("/nop-truc-tuyen?nhap-cua-toi=" + id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_settings_no_VNeID_login_is_offered()
    {
        await using var app = new MotCuaApp();
        using var client = app.CreateNoRedirectClient();
        var lookup = await client.GetStringAsync("/tra-cuu");
        Assert.DoesNotContain("Đăng nhập bằng VNeID", lookup, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/cong-dan/dang-nhap")).StatusCode);
    }
}
