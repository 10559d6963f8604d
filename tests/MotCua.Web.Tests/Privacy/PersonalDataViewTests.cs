using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared.Privacy;
using MotCua.Web.Tests.Infrastructure;
using MotCua.Web.Tests.Shared;

namespace MotCua.Web.Tests.Privacy;

/// <summary>
/// One masking rule and one read-audit for every view of an applicant's contact details. Every GET
/// route of the app's own routing that takes a dossier code or id (and every parameterless one, given the code as a
/// filter) is requested as each role for dossiers whose applicants have known phone, ID number, e-mail and address:
/// an officer who must see them masked never gets a full value (HTML, JSON, PDF text, xlsx cells), and every response
/// that shows a dossier's contact, masked or not, leaves an audit entry naming that dossier, the viewer and whether
/// it was masked.
/// </summary>
public sealed partial class PersonalDataViewTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Procedure = "1.000173";
    private const string SpecialistUnit = "Chi cục Tiêu chuẩn Đo lường Chất lượng";
    private static readonly string[] Roles = ["motcua", "chuyenvien", "lanhdao", "daumoi", "admin"];

    /// <summary>One applicant's contact, unique to the test run so any response can be attributed to its dossier.</summary>
    private sealed record Applicant(string Phone, string IdNumber, string Email, string Street, string Address)
    {
        public static Applicant New()
        {
            var n = RandomDigits(8);
            var street = $"{RandomDigits(3)} Trần Hưng Đạo {RandomDigits(4)}";
            // Masks keep the first and last characters (and an e-mail's domain): random there too, so masks do not collide.
            return new("09" + n, "054" + RandomDigits(9), "tb" + RandomDigits(4) + "@d" + RandomDigits(6) + ".example.vn", street, street + ", phường 1, Tuy Hòa, Phú Yên");
        }

        public string[] FullValues => [Phone, IdNumber, Email, Street];

        public string[] MaskedValues => [PersonalData.MaskDigits(Phone), PersonalData.MaskDigits(IdNumber), PersonalData.MaskEmail(Email)];
    }

    private sealed record Case(string Code, long Id, Applicant Applicant, IReadOnlySet<string> FullFor);

    private static string RandomDigits(int n) =>
        string.Concat(Enumerable.Range(0, n).Select(_ => Random.Shared.Next(10).ToString(CultureInfo.InvariantCulture)));

    private static async Task<string> ReceiveAsync(HttpClient desk, Applicant a, string? outcome = null, string? note = null)
    {
        var response = await desk.PostAsJsonAsync("/api/dossiers/", new
        {
            procedureCode = Procedure,
            channel = "direct",
            applicant = new { name = "Trần Thị Bảo Mật " + RandomDigits(4), idNumber = a.IdNumber, phone = a.Phone, email = a.Email, address = a.Address },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true }, new { name = "Phiếu khai báo", present = false } },
            outcome,
            note,
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("code").GetString()!;
    }

    private static async Task<JsonElement> ActAsync(HttpClient client, string code, object body)
    {
        var response = await client.PostAsJsonAsync("/api/dossiers/" + code + "/actions", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<long> RowVersionAsync(string code)
    {
        await using var db = app.CreateDbContext();
        return await db.Dossiers.Where(d => d.Code == code).Select(d => d.Version).SingleAsync();
    }

    private async Task<long> IdAsync(string code)
    {
        await using var db = app.CreateDbContext();
        return await db.Dossiers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
    }

    /// <summary>
    /// Received and transferred to the specialist's unit, with an apology (tiếp nhận, xin lỗi, kiểm soát) and a failed
    /// e-mail whose error quotes the address; one sent back for supplement (bổ sung); one refused (từ chối).
    /// </summary>
    private async Task<List<Case>> DossiersAsync()
    {
        using var desk = await app.ApiClientAsync("motcua");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        int unit;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == SpecialistUnit).Select(u => u.Id).SingleAsync();
        }

        var held = Applicant.New();
        var heldCode = await ReceiveAsync(desk, held);
        var moved = await ActAsync(desk, heldCode, new { action = "transfer", unitId = unit, rowVersion = await RowVersionAsync(heldCode) });
        var due = moved.GetProperty("dueAt").GetDateTimeOffset();
        // An apology needs a delay at least forecast: an hour before the due instant (fresh tokens after the jump).
        app.Clock.Advance(due - app.Clock.GetUtcNow() - TimeSpan.FromHours(1));
        using var lateSpecialist = await app.ApiClientAsync("chuyenvien");
        using var lateDesk = await app.ApiClientAsync("motcua");
        await ActAsync(lateSpecialist, heldCode, new
        {
            action = "apologyReschedule", note = "Cần thêm thời gian thẩm định thực tế.", newAppointment = due.AddDays(3),
            rowVersion = await RowVersionAsync(heldCode),
        });
        await using (var db = app.CreateDbContext())
        {
            var agencyId = await db.Dossiers.Where(d => d.Code == heldCode).Select(d => d.AgencyId).SingleAsync();
            db.OutboxMessages.Add(new OutboxMessage
            {
                AgencyId = agencyId, Kind = "dossier.received", Channel = OutboxChannel.Email, Recipient = held.Email, DossierCode = heldCode,
                Body = "Hồ sơ " + heldCode, Status = OutboxStatus.Dead, Attempts = 1, CreatedAt = app.Clock.GetUtcNow(), NextAttemptAt = app.Clock.GetUtcNow(),
                LastError = $"Máy chủ thư từ chối người nhận: 5.1.1 <{held.Email}>: Recipient address rejected",
            });
            await db.SaveChangesAsync();
        }

        var supplement = Applicant.New();
        var supplementCode = await ReceiveAsync(lateDesk, supplement, "requestSupplement", "Bổ sung phiếu khai báo.");
        var refused = Applicant.New();
        var refusedCode = await ReceiveAsync(lateDesk, refused, "refuse", "Thủ tục không thuộc thẩm quyền của cơ quan.");
        return
        [
            // The specialist's unit holds it: the specialist handles it and sees it in full, as the desk does.
            new(heldCode, await IdAsync(heldCode), held, new HashSet<string>(["motcua", "chuyenvien"], StringComparer.Ordinal)),
            new(supplementCode, await IdAsync(supplementCode), supplement, new HashSet<string>(["motcua"], StringComparer.Ordinal)),
            new(refusedCode, await IdAsync(refusedCode), refused, new HashSet<string>(["motcua"], StringComparer.Ordinal)),
        ];
    }

    private List<string> GetPatterns()
    {
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is not { } methods || methods.Contains("GET"))
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z]+)((?::[^}?]*)?)\??\}")]
    private static partial Regex Parameter();

    /// <summary>The URLs to request for one dossier: every GET route, its code/id parameters filled with the dossier's.</summary>
    private static IEnumerable<(string Pattern, string Url)> UrlsFor(string pattern, Case c)
    {
        var names = Parameter().Matches(pattern).Select(m => m.Groups[1].Value.ToLowerInvariant()).ToList();
        if (pattern is "/dang-xuat" || names.Any(n => n is not ("code" or "id" or "form")) || Parameter().Matches(pattern).Any(m => m.Groups[2].Value.StartsWith(":guid", StringComparison.Ordinal)))
        {
            yield break;
        }
        var forms = names.Contains("form")
            ? DossierDocuments.Slugs.Keys.Select(s => pattern.StartsWith("/api/", StringComparison.Ordinal) ? s + ".pdf" : s).ToList()
            : [""];
        foreach (var form in forms)
        {
            var url = Parameter().Replace(pattern, m => m.Groups[1].Value.ToLowerInvariant() switch
            {
                "code" => Uri.EscapeDataString(c.Code),
                "id" => c.Id.ToString(CultureInfo.InvariantCulture),
                _ => form,
            });
            // Parameterless views get the code as every filter they might take (the register, the outbox console, a search).
            yield return (pattern, names.Count == 0
                ? url + "?Q=" + Uri.EscapeDataString(c.Code) + "&q=" + Uri.EscapeDataString(c.Code) + "&Dossier=" + Uri.EscapeDataString(c.Code) + "&From=2025-03-01&To=2025-03-31"
                : url);
        }
    }

    /// <summary>The response as text: HTML decoded, JSON string values, PDF text, xlsx cells; whitespace collapsed.</summary>
    private static async Task<string> TextOfAsync(HttpResponseMessage response)
    {
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        var bytes = await response.Content.ReadAsByteArrayAsync();
        string text;
        if (type == "application/pdf")
        {
            text = Tools.PdfToText(bytes);
        }
        else if (type.Contains("spreadsheetml", StringComparison.Ordinal))
        {
            using var stream = new MemoryStream(bytes);
            text = string.Join("\n", stream.Query().Cast<IDictionary<string, object?>>().SelectMany(r => r.Values).Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));
        }
        else if (type.Contains("json", StringComparison.Ordinal))
        {
            var values = new List<string>();
            try
            {
                using var json = JsonDocument.Parse(bytes);
                Collect(json.RootElement, values);
                text = string.Join("\n", values);
            }
            catch (JsonException)
            {
                text = Encoding.UTF8.GetString(bytes);
            }
        }
        else
        {
            text = WebUtility.HtmlDecode(Encoding.UTF8.GetString(bytes));
        }
        return Whitespace().Replace(text, " ");
    }

    private static void Collect(JsonElement e, List<string> values)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    Collect(p.Value, values);
                }
                break;
            case JsonValueKind.Array:
                foreach (var x in e.EnumerateArray())
                {
                    Collect(x, values);
                }
                break;
            case JsonValueKind.String:
                values.Add(e.GetString()!);
                break;
            default:
                values.Add(e.GetRawText());
                break;
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [Fact]
    public async Task Every_view_of_a_dossier_masks_contact_for_officers_who_do_not_handle_it_and_logs_each_read()
    {
        var cases = await DossiersAsync();
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var role in Roles)
        {
            clients[role] = await app.LoginAsync(role);
        }
        long lastId;
        await using (var db = app.CreateDbContext())
        {
            lastId = await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0;
        }
        var failures = new List<string>();
        var shown = new HashSet<string>(StringComparer.Ordinal); // "role pattern" that showed some dossier's contact
        var patterns = GetPatterns();
        foreach (var c in cases)
        {
            foreach (var (pattern, url) in patterns.SelectMany(p => UrlsFor(p, c)))
            {
                foreach (var role in Roles)
                {
                    using var response = await clients[role].GetAsync(url);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        continue;
                    }
                    var text = await TextOfAsync(response);
                    await using var db = app.CreateDbContext();
                    var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Id > lastId).OrderBy(a => a.Id).ToListAsync();
                    lastId = entries.Count > 0 ? entries[^1].Id : lastId;
                    entries = entries.Where(a => a.UserName == role
                        && (a.Action == PersonalDataReads.DossierRead || a.Action == PersonalDataReads.ExportRead)).ToList();
                    foreach (var d in cases)
                    {
                        var full = d.Applicant.FullValues.Where(v => text.Contains(v, StringComparison.Ordinal)).ToList();
                        var masked = d.Applicant.MaskedValues.Any(v => text.Contains(v, StringComparison.Ordinal));
                        if (full.Count == 0 && !masked)
                        {
                            continue;
                        }
                        shown.Add(role + " " + pattern);
                        if (full.Count > 0 && !d.FullFor.Contains(role))
                        {
                            failures.Add($"{role} GET {url}: full {string.Join(", ", full)} of {d.Code}, must be masked");
                        }
                        if (!entries.Any(a => Names(a, d.Code, full.Count > 0)))
                        {
                            failures.Add($"{role} GET {url}: showed {d.Code}'s contact ({(full.Count > 0 ? "full" : "masked")}) without a matching audit entry");
                        }
                    }
                }
            }
        }
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // The probe reached the views that matter (else it proves nothing): each form and its PDF, the page, the API,
        // the register and its exports, the outbox console and API.
        string[] expected =
        [
            "lanhdao /ho-so/{code}", "lanhdao /ho-so/{code}/bieu-mau/{form}", "lanhdao /api/dossiers/{code}", "lanhdao /api/dossiers/{code}/forms/{form}",
            "lanhdao /ho-so/so-theo-doi", "admin /quan-tri/hang-doi-thong-bao", "admin /api/admin/outbox/",
            "chuyenvien /ho-so/{code}/bieu-mau/{form}", "motcua /api/dossiers/{code}/forms/{form}",
        ];
        Assert.True(expected.All(shown.Contains), "Not probed: " + string.Join(", ", expected.Where(e => !shown.Contains(e))));
    }

    /// <summary>An entry for this dossier: a single read naming it, or a list naming it (among those in full when shown in full).</summary>
    private static bool Names(MotCua.Web.Features.Audit.AuditEntry a, string code, bool full)
    {
        using var data = JsonDocument.Parse(a.Data ?? "{}");
        var root = data.RootElement;
        if (a.Action == PersonalDataReads.DossierRead)
        {
            return a.EntityId == code && root.TryGetProperty("masked", out var m) && m.GetBoolean() == !full;
        }
        return root.TryGetProperty("codes", out var codes) && codes.EnumerateArray().Any(x => x.GetString() == code)
            && root.TryGetProperty("full", out var fulls) && fulls.EnumerateArray().Any(x => x.GetString() == code) == full;
    }

    [Fact]
    public async Task The_receipt_slip_pdf_is_full_for_the_desk_that_prints_it_and_masked_for_a_leader()
    {
        var a = Applicant.New();
        using var api = await app.ApiClientAsync("motcua");
        var code = await ReceiveAsync(api, a);
        using var desk = await app.LoginAsync("motcua");
        var deskText = Whitespace().Replace(Tools.PdfToText(await desk.GetByteArrayAsync($"/api/dossiers/{code}/forms/tiep-nhan.pdf")), " ");
        Assert.Contains(a.Phone, deskText, StringComparison.Ordinal);
        Assert.Contains(a.Street, deskText, StringComparison.Ordinal);
        using var leader = await app.LoginAsync("lanhdao");
        var leaderText = Whitespace().Replace(Tools.PdfToText(await leader.GetByteArrayAsync($"/api/dossiers/{code}/forms/tiep-nhan.pdf")), " ");
        Assert.DoesNotContain(a.Phone, leaderText, StringComparison.Ordinal);
        Assert.Contains(PersonalData.MaskDigits(a.Phone), leaderText, StringComparison.Ordinal);
        var leaderPage = WebUtility.HtmlDecode(await leader.GetStringAsync($"/ho-so/{code}/bieu-mau/tiep-nhan"));
        Assert.DoesNotContain(a.Phone, leaderPage, StringComparison.Ordinal);
        Assert.DoesNotContain(a.Street, leaderPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_answered_through_the_api_is_a_logged_read()
    {
        var a = Applicant.New();
        using var desk = await app.ApiClientAsync("motcua");
        var code = await ReceiveAsync(desk, a);
        int unit;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == SpecialistUnit).Select(u => u.Id).SingleAsync();
        }
        var answer = await ActAsync(desk, code, new { action = "transfer", unitId = unit, rowVersion = await RowVersionAsync(code) });
        Assert.Equal(a.Phone, answer.GetProperty("applicant").GetProperty("phone").GetString());
        await using var check = app.CreateDbContext();
        var entry = await check.AuditEntries.Where(e => e.Action == PersonalDataReads.DossierRead && e.EntityId == code && e.UserName == "motcua").SingleAsync();
        Assert.Contains("\"api-action\"", entry.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_action_on_the_page_shows_the_page_again_logs_the_read_and_writes_nothing_of_the_action()
    {
        var a = Applicant.New();
        using var api = await app.ApiClientAsync("motcua");
        var code = await ReceiveAsync(api, a);
        using var desk = await app.LoginAsync("motcua");
        var token = await MotCuaApp.AntiforgeryTokenAsync(desk, "/ho-so/" + code);
        var version = await RowVersionAsync(code);
        // A unit that does not exist: the state machine allows the transfer, the unit check refuses it afterwards.
        var response = await desk.PostAsync($"/ho-so/{code}?handler=Act", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["ActionName"] = "Transfer",
            ["RowVersion"] = version.ToString(CultureInfo.InvariantCulture),
            ["UnitId"] = "987654",
        }));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"action-error\"", html, StringComparison.Ordinal);
        Assert.Contains(a.Phone, html, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        var reads = await db.AuditEntries.Where(e => e.Action == PersonalDataReads.DossierRead && e.EntityId == code && e.UserName == "motcua").Select(e => e.Data).ToListAsync();
        Assert.Contains(reads, r => r!.Contains("\"page-action\"", StringComparison.Ordinal));
        var stored = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code);
        Assert.Equal(version, stored.Version);
        Assert.Equal(MotCua.Core.Dossiers.DossierStatus.Received, stored.Status);
        Assert.Null(stored.CurrentUnitId);
    }
}
