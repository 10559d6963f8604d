using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.NationalPortal;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.NationalPortal;

/// <summary>The national portal's stand-in, one process for the class; each test uses its own portal agency code.</summary>
public sealed class NationalPortalSimulator : IAsyncLifetime
{
    public const string Token = "sim-token-4817";

    public LoopbackServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await LoopbackServer.StartAsync("MotCua.Servers.NationalPortal", environment: new Dictionary<string, string?> { ["Portal__Token"] = Token });
        Server.Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>MotCua connected to the simulator: inbound for one portal agency code mapped to the demo agency, and the status push.</summary>
public sealed class NationalPortalApp(LoopbackServer portal, string portalUnit) : MotCuaApp
{
    public string PortalUnit { get; } = portalUnit;

    /// <summary>Its settings are read only by the inbound adapter and the outbox, which the seed never uses.</summary>
    protected override bool StartsFromSeededTemplate => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MotCua:NationalPortal:Inbound:Url", portal.Url.ToString());
        builder.UseSetting("MotCua:NationalPortal:Inbound:Token", NationalPortalSimulator.Token);
        builder.UseSetting("MotCua:NationalPortal:Inbound:Agencies:" + PortalUnit, "SKHCN");
        builder.UseSetting("MotCua:NationalPortal:Inbound:RunWorker", "false");
        builder.UseSetting("MotCua:NationalPortal:Inbound:PollIntervalSeconds", "60");
        builder.UseSetting("MotCua:Outbox:RunWorker", "false");
        builder.UseSetting("MotCua:Notifications:NationalPortal:Url", portal.Url + "api/dongbo");
        builder.UseSetting("MotCua:Notifications:NationalPortal:Token", NationalPortalSimulator.Token);
    }

    public async Task<NationalInbound.PollResult> PollAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NationalInbound>().PollOnceAsync(CancellationToken.None);
    }

    public async Task<NationalInbound.PollResult?> RunIfDueAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NationalInbound>().RunIfDueAsync(CancellationToken.None);
    }

    public async Task DrainOutboxAsync()
    {
        var processor = Services.GetRequiredService<OutboxProcessor>();
        for (var i = 0; i < 50 && await processor.ProcessOnceAsync() > 0; i++)
        {
        }
    }
}

public sealed class NationalPortalInboundTests(NationalPortalSimulator simulator) : IClassFixture<NationalPortalSimulator>
{
    private const string Procedure = "1.000173";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% don de nghi\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    private HttpClient Portal => simulator.Server.Client;

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private NationalPortalApp NewApp() => new(simulator.Server, Unique("H48."));

    private static async Task<string> FirstPaperAsync(MotCuaApp app)
    {
        await using var db = app.CreateDbContext();
        var agencyId = await db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync();
        var version = await CatalogueQueries.VersionInForceAsync(db, agencyId, Procedure, app.Clock.GetUtcNow(), CancellationToken.None);
        // The test catalogue may list no papers for the procedure: the portal's paper then comes as one of its own.
        return version!.Papers.OrderBy(p => p.Seq).Select(p => p.Name).FirstOrDefault() ?? "Đơn đề nghị cấp chứng chỉ nhân viên bức xạ";
    }

    private async Task PutAsync(string nationalCode, string unit, string procedure, string paper, string? hash = null)
    {
        using var response = await Portal.PostAsJsonAsync("/sim/hoso", new Dictionary<string, object?>
        {
            ["MaHoSoQG"] = nationalCode,
            ["MaTTHC"] = procedure,
            ["MaDonVi"] = unit,
            ["ChuHoSo"] = "Nguyễn Thị Cổng",
            ["LoaiDoiTuong"] = "1",
            ["SoGiayTo"] = "054190012873",
            ["SoDienThoai"] = "0905318274",
            ["Email"] = "cong.dvcqg.test@example.vn",
            ["DiaChi"] = "12 Trần Hưng Đạo, Tuy Hòa, Phú Yên",
            ["NgayNop"] = "20250310083000",
            ["ThanhPhanHoSo"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["TenGiayTo"] = paper,
                    ["TepDinhKem"] = new[]
                    {
                        new Dictionary<string, object?> { ["TenTep"] = "don-de-nghi.pdf", ["LoaiTep"] = "application/pdf", ["NoiDung"] = Convert.ToBase64String(Pdf), ["MaBam"] = hash },
                    },
                },
            },
        });
        response.EnsureSuccessStatusCode();
    }

    private async Task<JsonElement> SimAsync(string path)
    {
        using var doc = JsonDocument.Parse(await Portal.GetStringAsync(path));
        return doc.RootElement.Clone();
    }

    private static async Task<NationalInboundMessage> RecordAsync(MotCuaApp app, string nationalCode)
    {
        await using var db = app.CreateDbContext();
        return await db.NationalInboundMessages.AsNoTracking().SingleAsync(m => m.NationalCode == nationalCode);
    }

    [Fact]
    public async Task A_portal_dossier_reaches_the_desk_check_with_its_papers_and_files_and_the_portal_gets_the_motcua_code()
    {
        await using var app = NewApp();
        var paper = await FirstPaperAsync(app);
        var national = Unique("G22.");
        await PutAsync(national, app.PortalUnit, Procedure, paper);

        var poll = await app.PollAsync();
        Assert.True(poll.Reached);
        Assert.Equal(1, poll.Taken);

        var record = await RecordAsync(app, national);
        Assert.Equal(NationalInboundStatus.Created, record.Status);
        Assert.NotNull(record.AcknowledgedAt);
        await using (var db = app.CreateDbContext())
        {
            var dossier = await db.Dossiers.Include(d => d.Papers).SingleAsync(d => d.NationalCode == national);
            Assert.Equal(record.DossierCode, dossier.Code);
            Assert.Equal(DossierChannel.NationalPortal, dossier.Channel);
            Assert.Equal(DossierStatus.Submitted, dossier.Status);
            Assert.Equal("Nguyễn Thị Cổng", dossier.ApplicantName);
            Assert.Contains(dossier.Papers, p => p.Name == paper && p.Present);
            var file = await db.Set<DossierFile>().SingleAsync(f => f.DossierId == dossier.Id);
            Assert.Equal("don-de-nghi.pdf", file.FileName);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), file.Sha256.ToLowerInvariant());
            Assert.Equal(dossier.Papers.Single(p => p.Name == paper).Seq, file.PaperSeq);
        }

        using var desk = await app.LoginAsync("motcua");
        var queue = WebUtility.HtmlDecode(await desk.GetStringAsync("/mot-cua"));
        queue = queue[queue.IndexOf("data-testid=\"desk-submitted\"", StringComparison.Ordinal)..];
        queue = queue[..queue.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains(record.DossierCode!, queue, StringComparison.Ordinal);

        var ack = Assert.Single((await SimAsync("/sim/xac-nhan?maHoSoQG=" + national)).EnumerateArray());
        Assert.Equal(record.DossierCode, ack.GetProperty("maHoSo").GetString());
        Assert.False(ack.GetProperty("tuChoi").GetBoolean());
        // Acknowledged: the portal no longer offers it.
        Assert.Equal(0, (await app.PollAsync()).Taken);
    }

    [Fact]
    public async Task A_page_of_dossiers_taken_several_at_a_time_gives_each_one_dossier_with_its_own_number_and_acknowledgement()
    {
        await using var app = NewApp();
        var paper = await FirstPaperAsync(app);
        var codes = Enumerable.Range(0, 12).Select(_ => Unique("G22.")).ToList();
        foreach (var national in codes)
        {
            await PutAsync(national, app.PortalUnit, Procedure, paper);
        }

        var poll = await app.PollAsync();

        Assert.Equal(codes.Count, poll.Taken);
        await using var db = app.CreateDbContext();
        var dossiers = await db.Dossiers.Where(d => d.NationalCode != null && codes.Contains(d.NationalCode)).Select(d => new { d.NationalCode, d.Code }).ToListAsync();
        Assert.Equal(codes.Order(StringComparer.Ordinal), dossiers.Select(d => d.NationalCode!).Order(StringComparer.Ordinal));
        Assert.Equal(codes.Count, dossiers.Select(d => d.Code).Distinct(StringComparer.Ordinal).Count());
        foreach (var d in dossiers)
        {
            var acks = (await SimAsync("/sim/xac-nhan?maHoSoQG=" + d.NationalCode)).EnumerateArray().ToList();
            Assert.Equal(d.Code, Assert.Single(acks).GetProperty("maHoSo").GetString());
        }
        // Each row records its one attempt and that the portal has the answer.
        var rows = await db.NationalInboundMessages.AsNoTracking().Where(m => codes.Contains(m.NationalCode)).ToListAsync();
        Assert.Equal(codes.Count, rows.Count);
        Assert.All(rows, r => Assert.True(r is { Status: NationalInboundStatus.Created, Attempts: 1, AcknowledgedAt: not null }, r.NationalCode));
    }

    [Fact]
    public async Task Two_polls_at_once_as_two_instances_take_each_dossier_once()
    {
        await using var app = NewApp();
        var paper = await FirstPaperAsync(app);
        var codes = Enumerable.Range(0, 8).Select(_ => Unique("G22.")).ToList();
        foreach (var national in codes)
        {
            await PutAsync(national, app.PortalUnit, Procedure, paper);
        }

        var polls = await Task.WhenAll(app.PollAsync(), app.PollAsync());

        Assert.All(polls, p => Assert.True(p.Reached, p.Problem));
        Assert.Equal(codes.Count, polls.Sum(p => p.Taken));
        await using var db = app.CreateDbContext();
        var dossiers = await db.Dossiers.Where(d => d.NationalCode != null && codes.Contains(d.NationalCode)).Select(d => d.NationalCode!).ToListAsync();
        Assert.Equal(codes.Order(StringComparer.Ordinal), dossiers.Order(StringComparer.Ordinal));
        var rows = await db.NationalInboundMessages.AsNoTracking().Where(m => codes.Contains(m.NationalCode)).ToListAsync();
        Assert.Equal(codes.Count, rows.Count);
        Assert.All(rows, r => Assert.True(r is { Status: NationalInboundStatus.Created, AcknowledgedAt: not null }, r.NationalCode + " " + r.Status));
    }

    [Fact]
    public async Task A_dossier_served_twice_makes_one_dossier_and_is_acknowledged_again_with_the_same_code()
    {
        await using var app = NewApp();
        var national = Unique("G22.");
        await PutAsync(national, app.PortalUnit, Procedure, await FirstPaperAsync(app));
        await app.PollAsync();
        (await Portal.PostAsJsonAsync("/sim/loi", new { PhucVuLai = national })).EnsureSuccessStatusCode();

        var again = await app.PollAsync();

        Assert.Equal(0, again.Taken);
        await using var db = app.CreateDbContext();
        var code = await db.Dossiers.Where(d => d.NationalCode == national).Select(d => d.Code).SingleAsync();
        var acks = (await SimAsync("/sim/xac-nhan?maHoSoQG=" + national)).EnumerateArray().ToList();
        Assert.Equal(2, acks.Count);
        Assert.All(acks, a => Assert.Equal(code, a.GetProperty("maHoSo").GetString()));
    }

    [Fact]
    public async Task An_unknown_procedure_is_held_with_its_reason_then_created_when_reprocessed_after_the_catalogue_is_fixed()
    {
        await using var app = NewApp();
        var national = Unique("G22.");
        var unknown = "9." + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await PutAsync(national, app.PortalUnit, unknown, await FirstPaperAsync(app));

        await app.PollAsync();

        var held = await RecordAsync(app, national);
        Assert.Equal(NationalInboundStatus.Quarantined, held.Status);
        Assert.Contains("Không có thủ tục mã " + unknown, held.Reason, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.Dossiers.AnyAsync(d => d.NationalCode == national));
        }
        Assert.Empty((await SimAsync("/sim/xac-nhan?maHoSoQG=" + national)).EnumerateArray());
        using var desk = await app.ApiClientAsync("motcua");
        var listed = await desk.GetFromJsonAsync<JsonElement>("/api/national/inbound?status=quarantined");
        Assert.Contains(listed.EnumerateArray(), m => m.GetProperty("nationalCode").GetString() == national);

        // The catalogue is fixed: the procedure's code is corrected to the national one.
        await using (var db = app.CreateDbContext())
        {
            var procedure = await db.Procedures.SingleAsync(p => p.Code == Procedure && p.Agency!.Code == "SKHCN");
            procedure.Code = unknown;
            await db.SaveChangesAsync();
        }
        using var reprocessed = await desk.PostAsync($"/api/national/inbound/{held.Id}/reprocess", null);

        Assert.Equal(HttpStatusCode.OK, reprocessed.StatusCode);
        var body = await reprocessed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("created", body.GetProperty("status").GetString());
        var created = await RecordAsync(app, national);
        Assert.Equal(2, created.Attempts);
        Assert.Equal(created.DossierCode, Assert.Single((await SimAsync("/sim/xac-nhan?maHoSoQG=" + national)).EnumerateArray()).GetProperty("maHoSo").GetString());
        await using (var db = app.CreateDbContext())
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "national.reprocess" && a.EntityId == national));
        }

        // Only a held message can be reprocessed: the answer is a ProblemDetails.
        using var twice = await desk.PostAsync($"/api/national/inbound/{held.Id}/reprocess", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("application/problem+json", twice.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task While_the_portal_is_down_nothing_is_lost_and_the_poll_is_retried_after_a_wait()
    {
        await using var app = NewApp();
        var national = Unique("G22.");
        await PutAsync(national, app.PortalUnit, Procedure, await FirstPaperAsync(app));
        (await Portal.PostAsJsonAsync("/sim/loi", new { Loi503 = 1 })).EnsureSuccessStatusCode();

        var down = await app.RunIfDueAsync();
        Assert.NotNull(down);
        Assert.False(down.Reached);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.NationalInboundMessages.AnyAsync(m => m.NationalCode == national));
        }

        // Not due again at once: the worker waits before asking the portal again.
        var calls = (await SimAsync("/sim/trang-thai")).GetProperty("soLanGoi").GetInt32();
        Assert.Null(await app.RunIfDueAsync());
        Assert.Equal(calls, (await SimAsync("/sim/trang-thai")).GetProperty("soLanGoi").GetInt32());

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        var back = await app.RunIfDueAsync();

        Assert.True(back!.Reached);
        Assert.Equal(NationalInboundStatus.Created, (await RecordAsync(app, national)).Status);
    }

    [Fact]
    public async Task A_status_change_in_motcua_reaches_the_portal_with_the_national_code()
    {
        await using var app = NewApp();
        var national = Unique("G22.");
        await PutAsync(national, app.PortalUnit, Procedure, await FirstPaperAsync(app));
        await app.PollAsync();
        var code = (await RecordAsync(app, national)).DossierCode!;

        using var desk = await app.ApiClientAsync("motcua");
        var current = await desk.GetFromJsonAsync<JsonElement>("/api/dossiers/" + code);
        using var received = await desk.PostAsJsonAsync("/api/dossiers/" + code + "/actions", new { action = "receive", rowVersion = current.GetProperty("rowVersion").GetInt64() });
        Assert.True(received.IsSuccessStatusCode, await received.Content.ReadAsStringAsync());
        await app.DrainOutboxAsync();

        var pushed = (await SimAsync("/sim/dongbo?maHoSoQG=" + national)).EnumerateArray().ToList();
        Assert.NotEmpty(pushed);
        Assert.All(pushed, p => Assert.Equal(code, p.GetProperty("MaHoSo").GetString()));
        Assert.Contains(pushed, p => p.GetProperty("TrangThaiHoSo").GetString() is "2" or "3" or "4");
    }

    [Fact]
    public async Task A_malformed_message_or_a_file_with_a_wrong_hash_is_held_never_half_created_and_can_be_rejected()
    {
        await using var app = NewApp();
        var malformed = Unique("G22.");
        var badHash = Unique("G22.");
        (await Portal.PostAsJsonAsync("/sim/loi", new
        {
            HoSoHong = new { MaHoSoQG = malformed, MaDonVi = app.PortalUnit, NoiDung = $$"""{"MaHoSoQG":"{{malformed}}","MaDonVi":"{{app.PortalUnit}}","MaTTHC":"{{Procedure}}","ThanhPhanHoSo":"không phải danh sách"}""" },
        })).EnsureSuccessStatusCode();
        await PutAsync(badHash, app.PortalUnit, Procedure, await FirstPaperAsync(app), hash: new string('0', 64));

        await app.PollAsync();

        var broken = await RecordAsync(app, malformed);
        Assert.Equal(NationalInboundStatus.Quarantined, broken.Status);
        Assert.Contains("thiếu trường ChuHoSo", broken.Reason, StringComparison.Ordinal);
        var hashed = await RecordAsync(app, badHash);
        Assert.Equal(NationalInboundStatus.Quarantined, hashed.Status);
        Assert.Contains("mã băm SHA-256", hashed.Reason, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.Dossiers.AnyAsync(d => d.NationalCode == malformed || d.NationalCode == badHash));
        }

        using var desk = await app.ApiClientAsync("motcua");
        using var empty = await desk.PostAsJsonAsync($"/api/national/inbound/{hashed.Id}/reject", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        using var rejected = await desk.PostAsJsonAsync($"/api/national/inbound/{hashed.Id}/reject", new { reason = "Tệp đính kèm bị hỏng, đề nghị nộp lại." });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var ack = Assert.Single((await SimAsync("/sim/xac-nhan?maHoSoQG=" + badHash)).EnumerateArray());
        Assert.True(ack.GetProperty("tuChoi").GetBoolean());
        Assert.Equal("Tệp đính kèm bị hỏng, đề nghị nộp lại.", ack.GetProperty("lyDo").GetString());
    }

    [Fact]
    public async Task The_console_lists_held_messages_with_their_reason_and_reprocesses_from_the_page()
    {
        await using var app = NewApp();
        var national = Unique("G22.");
        await PutAsync(national, app.PortalUnit, "9.000001", await FirstPaperAsync(app));
        using var admin = await app.LoginAsync("admin");
        var token = await MotCuaApp.AntiforgeryTokenAsync(admin, NationalPortalModule.ConsolePath);

        using var poll = await admin.PostAsync(NationalPortalModule.ConsolePath + "?handler=Poll",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, poll.StatusCode);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(NationalPortalModule.ConsolePath + "?status=Quarantined"));
        Assert.Contains(national, page, StringComparison.Ordinal);
        Assert.Contains("Không có thủ tục mã 9.000001", page, StringComparison.Ordinal);
        Assert.Contains("Xử lý lại", page, StringComparison.Ordinal);
        Assert.Contains("Bị giữ lại", page, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "national.poll"));
    }
}
