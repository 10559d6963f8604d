using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Citizens;

public sealed class OnlineSubmissionTests
{
    private const string Procedure = "1.000173";

    internal static async Task OfferOnlineAsync(MotCuaApp app, OnlineServiceLevel level)
    {
        await using var db = app.CreateDbContext();
        var versions = await db.ProcedureVersions.Include(v => v.Papers).Where(v => v.Procedure!.Code == Procedure).ToListAsync();
        foreach (var v in versions)
        {
            v.OnlineLevel = level;
            if (v.Papers.Count == 0)
            {
                v.Papers.Add(new ProcedurePaper { Seq = 1, Name = "Đơn đề nghị cấp giấy phép", Required = true });
            }
        }
        await db.SaveChangesAsync();
        // Written past the catalogue's pages, so the public pages' cache is told here as the catalogue's own saves tell it.
        await app.Services.GetRequiredService<IOutputCacheStore>().EvictCatalogueAsync(default);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string name, byte[] file, string fileName)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, "/nop-truc-tuyen?thu-tuc=" + Procedure);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(Procedure), "thu-tuc" },
            { new StringContent(name), "Name" },
            { new StringContent("0905 777 888"), "Phone" },
            { new StringContent("Tuy An, Phú Yên"), "Address" },
            { new StringContent("true"), "Consent" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(content, "paper-0", fileName);
        return await client.PostAsync("/nop-truc-tuyen?thu-tuc=" + Procedure, form);
    }

    [Fact]
    public async Task An_executable_renamed_pdf_is_refused_and_a_real_pdf_reaches_the_desk_queue()
    {
        await using var app = new MotCuaApp();
        await OfferOnlineAsync(app, OnlineServiceLevel.Full);
        using var anonymous = app.CreateClient();

        var exe = "MZ\u0090\0\u0003\0\0\0"u8.ToArray().Concat(new byte[200]).ToArray();
        var refused = await (await PostAsync(anonymous, "Người Nộp Exe", exe, "don-de-nghi.pdf")).Content.ReadAsStringAsync();
        Assert.Contains("không đúng định dạng cho phép", refused, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.Dossiers.AnyAsync(d => d.ApplicantName == "Người Nộp Exe"));
            Assert.False(await db.DossierFiles.AnyAsync());
        }

        var pdf = "%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
        var html = await (await PostAsync(anonymous, "Người Nộp Thật", pdf, "don.pdf")).Content.ReadAsStringAsync();
        Assert.Contains("Đã nộp hồ sơ", html, StringComparison.Ordinal);
        await using var check = app.CreateDbContext();
        var dossier = await check.Dossiers.SingleAsync(d => d.ApplicantName == "Người Nộp Thật");
        Assert.Equal(DossierStatus.Submitted, dossier.Status);
        Assert.Equal(DossierChannel.Online, dossier.Channel);
        var file = await check.DossierFiles.SingleAsync(f => f.DossierId == dossier.Id);
        Assert.Equal(64, file.Sha256.Length);
        Assert.DoesNotContain("wwwroot", file.StoragePath, StringComparison.Ordinal);
        Assert.Contains(dossier.Code, html, StringComparison.Ordinal);

        // The desk is alerted at once, with the instant by which to receive it or ask for a supplement.
        var alert = await check.OutboxMessages.SingleAsync(m => m.DossierCode == dossier.Code && m.Kind == "dossier.awaiting_check");
        Assert.Equal(Features.Notifications.OutboxChannel.InApp, alert.Channel);
        Assert.Equal("motcua", alert.Recipient);
        Assert.Contains("Hạn tiếp nhận hoặc yêu cầu bổ sung: 09:00 ngày 11/03/2025", alert.Body, StringComparison.Ordinal);
        Assert.Contains("chờ Bộ phận Một cửa kiểm tra", alert.Body, StringComparison.Ordinal);

        // The desk sees it against its 08-working-hour check time (submitted Monday 09:00: Tuesday 09:00).
        using var desk = await app.LoginAsync("motcua");
        var queue = WebUtility.HtmlDecode(await desk.GetStringAsync("/mot-cua"));
        queue = queue[queue.IndexOf("data-testid=\"desk-submitted\"", StringComparison.Ordinal)..];
        queue = queue[..queue.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains(dossier.Code, queue, StringComparison.Ordinal);
        Assert.Contains("Kiểm tra trước 09:00 ngày 11/03/2025", queue, StringComparison.Ordinal);
        Assert.Contains("Trong hạn 1", queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Procedures_not_offered_online_cannot_be_submitted_and_partial_ones_say_what_to_bring()
    {
        await using var app = new MotCuaApp();
        using var anonymous = app.CreateClient();
        var none = await anonymous.GetStringAsync("/nop-truc-tuyen?thu-tuc=" + Procedure);
        Assert.Contains("chưa được cung cấp dịch vụ công trực tuyến", none, StringComparison.Ordinal);

        await OfferOnlineAsync(app, OnlineServiceLevel.Partial);
        var pdf = "%PDF-1.4\n%%EOF"u8.ToArray();
        var html = await (await PostAsync(anonymous, "Người Nộp Một Phần", pdf, "don.pdf")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"bring-to-desk\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_catalogue_leads_to_the_online_form_and_keeps_the_agency_the_citizen_chose()
    {
        await using var app = new MotCuaApp();
        using var anonymous = app.CreateClient();
        // Not offered online: no way in from the catalogue.
        Assert.DoesNotContain("data-testid=\"submit-online\"", await anonymous.GetStringAsync("/thu-tuc/" + Procedure), StringComparison.Ordinal);
        // Nothing offered online yet: the online list (where the home page sends citizens) says where to submit instead.
        Assert.Contains("Ông/Bà nộp hồ sơ trực tiếp tại Bộ phận Một cửa", System.Net.WebUtility.HtmlDecode(await anonymous.GetStringAsync("/thu-tuc/danh-sach/truc-tuyen")), StringComparison.Ordinal);

        await OfferOnlineAsync(app, OnlineServiceLevel.Full);
        Assert.Contains("data-testid=\"submit-online\" href=\"/nop-truc-tuyen?thu-tuc=1.000173\"", await anonymous.GetStringAsync("/thu-tuc/" + Procedure), StringComparison.Ordinal);
        Assert.Contains("href=\"/nop-truc-tuyen?thu-tuc=1.000173\" data-testid=\"submit-online\"", await anonymous.GetStringAsync("/thu-tuc?truc-tuyen=Full"), StringComparison.Ordinal);
        // The home page starts each citizen's task; the online posting list leads to the procedure's page.
        var home = await anonymous.GetStringAsync("/");
        foreach (var href in new[] { "/thu-tuc/danh-sach/truc-tuyen", "/nop-truc-tuyen", "/tra-cuu", "/phan-anh-kien-nghi", "/phan-anh-kien-nghi/da-tra-loi" })
        {
            Assert.Contains($"href=\"{href}\"", home, StringComparison.Ordinal);
        }
        Assert.Contains("href=\"/thu-tuc/1.000173\"", await anonymous.GetStringAsync("/thu-tuc/danh-sach/truc-tuyen"), StringComparison.Ordinal);
        var choose = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/nop-truc-tuyen"));
        Assert.Contains("data-testid=\"choose-procedure\"", choose, StringComparison.Ordinal);
        Assert.Contains("href=\"/thu-tuc?truc-tuyen=Full&co-quan=SKHCN\"", choose, StringComparison.Ordinal);
        Assert.Contains("Không tìm thấy cơ quan này", WebUtility.HtmlDecode(await anonymous.GetStringAsync("/nop-truc-tuyen?thu-tuc=1.000173&co-quan=KHONGCO")), StringComparison.Ordinal);

        // A second agency on the same site: its catalogue's links and its online form stay with it.
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var agencyCode = "KH" + suffix;
        var code = "KH." + suffix;
        int agencyId;
        await using (var db = app.CreateDbContext())
        {
            var agency = new Agency { Code = agencyCode, Name = "Sở Khoa học và Công nghệ tỉnh Khánh Hòa " + suffix };
            db.Units.Add(new Unit { Agency = agency, Name = "Bộ phận Một cửa Khánh Hòa", Kind = UnitKind.OneStopDesk });
            await db.SaveChangesAsync();
            agencyId = agency.Id;
            var field = new Field { AgencyId = agency.Id, Name = "Lĩnh vực riêng Khánh Hòa" };
            db.CatalogueFields.Add(field);
            await db.SaveChangesAsync();
            var procedure = new Procedure { AgencyId = agency.Id, Code = code, IsLocalCode = true };
            var version = new ProcedureVersion
            {
                Number = 1, State = VersionState.Published, EffectiveFrom = new DateOnly(2024, 1, 1), Name = "Thủ tục riêng Khánh Hòa",
                FieldId = field.Id, OnlineLevel = OnlineServiceLevel.Full, ProcessingTimeValue = 5, ProcessingTimeUnit = Core.Calendar.TimeUnit.WorkingDays,
            };
            version.Papers.Add(new ProcedurePaper { Seq = 1, Name = "Tờ khai Khánh Hòa", Required = true });
            procedure.Versions.Add(version);
            db.Procedures.Add(procedure);
            await db.SaveChangesAsync();
        }
        var page = await anonymous.GetStringAsync($"/thu-tuc/{code}?co-quan={agencyCode}");
        var form = $"/nop-truc-tuyen?thu-tuc={code}&co-quan={agencyCode}";
        Assert.Contains("href=\"" + form.Replace("&", "&amp;", StringComparison.Ordinal) + "\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/thu-tuc/{code}?co-quan={agencyCode}\"", await anonymous.GetStringAsync($"/thu-tuc?co-quan={agencyCode}"), StringComparison.Ordinal);
        Assert.Contains("Tờ khai Khánh Hòa", WebUtility.HtmlDecode(await anonymous.GetStringAsync(form)), StringComparison.Ordinal);

        var token = await MotCuaApp.AntiforgeryTokenAsync(anonymous, form);
        using var post = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(code), "thu-tuc" },
            { new StringContent(agencyCode), "co-quan" },
            { new StringContent("Người Nộp Khánh Hòa"), "Name" },
            { new StringContent("0258 3870 001"), "Phone" },
            { new StringContent("true"), "Consent" },
        };
        var file = new ByteArrayContent("%PDF-1.4\n%%EOF"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        post.Add(file, "paper-0", "to-khai.pdf");
        var html = await (await anonymous.PostAsync("/nop-truc-tuyen", post)).Content.ReadAsStringAsync();
        Assert.Contains("Đã nộp hồ sơ", html, StringComparison.Ordinal);
        await using var check = app.CreateDbContext();
        var dossier = await check.Dossiers.SingleAsync(d => d.ApplicantName == "Người Nộp Khánh Hòa");
        Assert.Equal(agencyId, dossier.AgencyId);
        Assert.Equal(code, dossier.ProcedureCode);
    }
}

