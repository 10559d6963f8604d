using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared.Privacy;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Privacy;

/// <summary>The personal-data law: the register, masking by role, audited reads, consent on public forms.</summary>
public sealed partial class PersonalDataTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Phone = "0912345678";
    private const string IdNumber = "079085001234";
    private const string Address = "12 Lê Lợi, phường 5, Tuy Hòa, Phú Yên";

    private static string Unique(string name) => name + " " + Guid.NewGuid().ToString("N")[..8];

    private async Task<string> ReceiveAsync(string applicant)
    {
        using var client = await app.ApiClientAsync("motcua");
        var response = await client.PostAsJsonAsync("/api/dossiers/", new
        {
            procedureCode = "1.000173",
            channel = "direct",
            applicant = new { name = applicant, idNumber = IdNumber, phone = Phone, email = "nguyenvana@example.vn", address = Address },
            papers = new[] { new { name = "Đơn đề nghị", present = true } },
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("code").GetString()!;
    }

    private async Task<int> ReadsAsync(string entityId, string userName)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.CountAsync(a => a.Action == PersonalDataReads.DossierRead && a.EntityId == entityId && a.UserName == userName);
    }

    [GeneratedRegex("phone|e-?mail|idnumber|identity|address|applicant|sender|fullname|recipient|citizen|contact|birth", RegexOptions.IgnoreCase)]
    private static partial Regex LooksPersonal();

    [Fact]
    public void Every_entity_property_that_looks_personal_is_in_the_register_and_every_register_entry_exists()
    {
        using var db = app.CreateDbContext();
        var missing = new List<string>();
        var seen = new HashSet<(Type, string)>();
        foreach (var entity in db.Model.GetEntityTypes().Where(t => !t.IsPropertyBag))
        {
            foreach (var p in entity.GetProperties().Where(p => !p.IsShadowProperty()))
            {
                seen.Add((entity.ClrType, p.Name));
                if (LooksPersonal().IsMatch(p.Name)
                    && PersonalData.Find(entity.ClrType, p.Name) is null
                    && !PersonalData.NotPersonal.Any(n => n.Entity == entity.ClrType && n.Property == p.Name))
                {
                    missing.Add(entity.ClrType.Name + "." + p.Name);
                }
            }
        }
        Assert.True(missing.Count == 0, "Add these to Shared/Privacy/PersonalData.cs (Fields or NotPersonal): " + string.Join(", ", missing));
        var stale = PersonalData.Fields.Where(f => !seen.Contains((f.Entity, f.Property))).Select(f => f.Entity.Name + "." + f.Property).ToList();
        Assert.True(stale.Count == 0, "Register entries for properties the model no longer has: " + string.Join(", ", stale));
    }

    [Theory]
    [InlineData("0912345678", MaskKind.Digits, "0912***678")]
    [InlineData("079085001234", MaskKind.Digits, "0790***234")]
    [InlineData("12345", MaskKind.Digits, "1***5")]
    [InlineData("nguyenvana@gmail.com", MaskKind.Email, "ng***@gmail.com")]
    [InlineData("12 Lê Lợi, phường 5, Tuy Hòa, Phú Yên", MaskKind.Address, "***, Tuy Hòa, Phú Yên")]
    [InlineData("Tuy Hòa", MaskKind.Address, "***")]
    [InlineData("Nguyễn Văn A", MaskKind.None, "Nguyễn Văn A")]
    public void Masking_keeps_only_what_identifies_the_row_not_the_person(string value, MaskKind kind, string expected) =>
        Assert.Equal(expected, PersonalData.Mask(value, kind));

    [Fact]
    public async Task The_dossier_page_shows_the_desk_full_contact_and_a_leader_masked_contact_and_logs_each_read()
    {
        var code = await ReceiveAsync(Unique("Nguyễn Văn Riêng Tư"));
        using var desk = await app.LoginAsync("motcua");
        var full = WebUtility.HtmlDecode(await desk.GetStringAsync("/ho-so/" + code));
        Assert.Contains(Phone, full, StringComparison.Ordinal);
        Assert.Contains(IdNumber, full, StringComparison.Ordinal);

        using var leader = await app.LoginAsync("lanhdao");
        var masked = WebUtility.HtmlDecode(await leader.GetStringAsync("/ho-so/" + code));
        Assert.DoesNotContain(Phone, masked, StringComparison.Ordinal);
        Assert.DoesNotContain(IdNumber, masked, StringComparison.Ordinal);
        Assert.Contains("0912***678", masked, StringComparison.Ordinal);
        Assert.Contains("***, Tuy Hòa, Phú Yên", masked, StringComparison.Ordinal);

        Assert.Equal(1, await ReadsAsync(code, "motcua"));
        Assert.Equal(1, await ReadsAsync(code, "lanhdao"));
        await leader.GetStringAsync("/ho-so/" + code);
        Assert.Equal(2, await ReadsAsync(code, "lanhdao"));
    }

    [Fact]
    public async Task The_api_masks_for_a_leader_says_so_and_logs_every_read()
    {
        var code = await ReceiveAsync(Unique("Trần Thị API"));
        using var desk = await app.ApiClientAsync("motcua");
        using var fullJson = JsonDocument.Parse(await desk.GetStringAsync("/api/dossiers/" + code));
        var a = fullJson.RootElement.GetProperty("applicant");
        Assert.Equal(Phone, a.GetProperty("phone").GetString());
        Assert.False(a.GetProperty("masked").GetBoolean());

        using var leader = await app.ApiClientAsync("lanhdao");
        using var maskedJson = JsonDocument.Parse(await leader.GetStringAsync("/api/dossiers/" + code));
        var m = maskedJson.RootElement.GetProperty("applicant");
        Assert.Equal("0912***678", m.GetProperty("phone").GetString());
        Assert.Equal("0790***234", m.GetProperty("idNumber").GetString());
        Assert.Equal("ng***@example.vn", m.GetProperty("email").GetString());
        Assert.True(m.GetProperty("masked").GetBoolean());

        Assert.Equal(1, await ReadsAsync(code, "motcua"));
        Assert.Equal(1, await ReadsAsync(code, "lanhdao"));
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync("/api/dossiers/KHONG-CO-" + code)).StatusCode);
    }

    [Fact]
    public async Task Concurrent_reads_each_leave_an_entry_and_the_sealed_chain_verifies()
    {
        var code = await ReceiveAsync(Unique("Lê Văn Đồng Thời"));
        using var desk = await app.ApiClientAsync("motcua");
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => desk.GetAsync("/api/dossiers/" + code)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(12, await ReadsAsync(code, "motcua"));
        await using var db = app.CreateDbContext();
        await MotCua.Web.Features.Audit.AuditChain.SealAsync(db);
        Assert.True((await MotCua.Web.Features.Audit.AuditChain.VerifyAsync(db)).Intact);
    }

    [Fact]
    public async Task The_register_export_is_masked_for_a_leader_and_full_for_the_desk_and_every_view_is_logged()
    {
        var applicant = Unique("Phạm Văn Sổ");
        var code = await ReceiveAsync(applicant);
        const string range = "From=2025-03-01&To=2025-03-31";
        const string column = "Tên, địa chỉ, số điện thoại của cá nhân, tổ chức";

        using var leader = await app.LoginAsync("lanhdao");
        var leaderRows = (await leader.GetByteArrayAsync("/ho-so/so-theo-doi?handler=Excel&" + range)).Let(Rows);
        Assert.Contains(leaderRows, r => Equals(r["Mã hồ sơ"], code) && Equals(r[column], applicant + ", ***, Tuy Hòa, Phú Yên, 0912***678"));
        Assert.DoesNotContain(Phone, await leader.GetStringAsync("/ho-so/so-theo-doi?" + range), StringComparison.Ordinal);

        using var desk = await app.LoginAsync("motcua");
        await using (var db = app.CreateDbContext())
        {
            var before = await db.AuditEntries.CountAsync(e => e.Action == PersonalDataReads.ExportRead && e.UserName == "motcua");
            var deskRows = (await desk.GetByteArrayAsync("/ho-so/so-theo-doi?handler=Excel&" + range)).Let(Rows);
            Assert.Contains(deskRows, r => Equals(r["Mã hồ sơ"], code) && Equals(r[column], applicant + ", " + Address + ", " + Phone));
            var entry = await db.AuditEntries.Where(e => e.Action == PersonalDataReads.ExportRead && e.UserName == "motcua").OrderByDescending(e => e.Id).FirstAsync();
            Assert.Equal(before + 1, await db.AuditEntries.CountAsync(e => e.Action == PersonalDataReads.ExportRead && e.UserName == "motcua"));
            Assert.Equal("register-excel", entry.EntityId);
            Assert.Contains(code, entry.Data, StringComparison.Ordinal);
            // The leader's views are logged too, as masked (one read-audit for every view, masked or not).
            var leaderEntries = await db.AuditEntries.Where(e => e.Action == PersonalDataReads.ExportRead && e.UserName == "lanhdao").ToListAsync();
            Assert.Contains(leaderEntries, e => e.EntityId == "register-excel" && e.Data!.Contains("\"masked\":true", StringComparison.Ordinal));
            Assert.Contains(leaderEntries, e => e.EntityId == "register" && e.Data!.Contains(code, StringComparison.Ordinal));
        }
    }

    private static List<IDictionary<string, object?>> Rows(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }

    [Fact]
    public async Task The_outbox_console_and_api_mask_citizens_phone_numbers_and_the_console_names_alerted_officers()
    {
        var code = "PRIV-" + Guid.NewGuid().ToString("N")[..8];
        await using (var db = app.CreateDbContext())
        {
            var agencyId = await db.Agencies.Select(a => a.Id).FirstAsync();
            db.OutboxMessages.Add(new OutboxMessage { AgencyId = agencyId, Kind = "dossier.received", Channel = OutboxChannel.Sms, Recipient = "0987654321", DossierCode = code, Body = "Hồ sơ " + code, CreatedAt = app.Clock.GetUtcNow(), NextAttemptAt = app.Clock.GetUtcNow().AddYears(1) });
            // An officer's in-system alert: the console names the officer beside the login.
            db.OutboxMessages.Add(new OutboxMessage { AgencyId = agencyId, Kind = "dossier.entered_queue", Channel = OutboxChannel.InApp, Recipient = "chuyenvien", DossierCode = code, Body = "Hồ sơ " + code, CreatedAt = app.Clock.GetUtcNow(), NextAttemptAt = app.Clock.GetUtcNow().AddYears(1) });
            await db.SaveChangesAsync();
        }
        using var admin = await app.LoginAsync("admin");
        var html = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync("/quan-tri/hang-doi-thong-bao"));
        Assert.DoesNotContain("0987654321", html, StringComparison.Ordinal);
        Assert.Contains("0987***321", html, StringComparison.Ordinal);
        Assert.Contains("<td>Trần Văn Minh (chuyenvien)</td>", html, StringComparison.Ordinal);
        using var api = await app.ApiClientAsync("admin");
        var json = await api.GetStringAsync("/api/admin/outbox");
        Assert.DoesNotContain("0987654321", json, StringComparison.Ordinal);
        Assert.Contains("0987***321", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_a_pakn_logs_the_read_of_the_senders_contact()
    {
        using var anonymous = app.CreateClient();
        var title = Unique("Phản ánh riêng tư");
        var response = await anonymous.PostAsJsonAsync("/api/public/feedback", new
        {
            senderName = "Đỗ Thị Gửi", senderAddress = "Sông Cầu, Phú Yên", senderPhone = "0977123456", title, consent = true,
            content = "Đề nghị niêm yết rõ thời hạn giải quyết từng bước của thủ tục.",
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        await using var db = app.CreateDbContext();
        var item = await db.FeedbackItems.SingleAsync(f => f.Title == title);
        using var focal = await app.LoginAsync("daumoi");
        Assert.Contains("0977123456", await focal.GetStringAsync("/pakn/" + item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), StringComparison.Ordinal);
        Assert.Equal(1, await ReadsAsync(item.Code, "daumoi"));
    }

    [Fact]
    public async Task The_pakn_form_refuses_a_post_without_consent_and_stores_nothing()
    {
        using var anonymous = app.CreateClient();
        var token = await MotCuaApp.AntiforgeryTokenAsync(anonymous, "/phan-anh-kien-nghi");
        Assert.Contains("Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15", WebUtility.HtmlDecode(await anonymous.GetStringAsync("/phan-anh-kien-nghi")), StringComparison.Ordinal);
        var title = Unique("Không đồng ý");
        var response = await anonymous.PostAsync("/phan-anh-kien-nghi", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.SenderName"] = "Phạm Thị Công Dân",
            ["Input.SenderAddress"] = "Sông Cầu, Phú Yên",
            ["Input.SenderPhone"] = "0987654321",
            ["Input.Title"] = title,
            ["Input.Content"] = "Đề nghị công khai thời gian giải quyết của từng bước trong quy trình nội bộ.",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(ConsentNotice.Missing, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.FeedbackItems.AnyAsync(f => f.Title == title));
    }

    [Fact]
    public async Task The_online_submission_form_refuses_a_post_without_consent_and_stores_nothing()
    {
        using var anonymous = app.CreateClient();
        await using (var db = app.CreateDbContext())
        {
            // Offer the radiation licence online in part (papers optional), so only the consent can stop the post.
            foreach (var v in await db.ProcedureVersions.Where(v => v.Procedure!.Code == "1.000173").ToListAsync())
            {
                v.OnlineLevel = MotCua.Core.Procedures.OnlineServiceLevel.Partial;
            }
            await db.SaveChangesAsync();
            const string online = "1.000173";
            var path = "/nop-truc-tuyen?thu-tuc=" + online;
            var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(path));
            Assert.Contains("data-testid=\"consent\"", page, StringComparison.Ordinal);
            var token = await MotCuaApp.AntiforgeryTokenAsync(anonymous, path);
            var name = Unique("Hoàng Văn Không Đồng Ý");
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent(online), "thu-tuc" },
                { new StringContent(name), "Name" },
                { new StringContent("0905 777 888"), "Phone" },
            };
            var response = await anonymous.PostAsync(path, form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(ConsentNotice.Missing, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            Assert.False(await db.Dossiers.AnyAsync(d => d.ApplicantName == name));
        }
    }
}

internal static class Pipe
{
    public static TOut Let<TIn, TOut>(this TIn value, Func<TIn, TOut> f) => f(value);
}
