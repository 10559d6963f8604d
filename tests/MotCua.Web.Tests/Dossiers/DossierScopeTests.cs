using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Pages;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>
/// Every change to a dossier passes the one scope rule (<see cref="DossierAccess"/>), a
/// returned dossier is read-only but for digitising its result and its explanation, stored files download for the
/// officers handling the dossier only, and <c>availableActions</c> is exactly what the caller can do.
/// </summary>
public sealed partial class DossierScopeTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Procedure = "1.000173";
    private const string HoldingUnit = "Chi cục Tiêu chuẩn Đo lường Chất lượng";
    private const string OtherUnit = "Phòng Quản lý Khoa học và Công nghệ";

    /// <summary>A specialist of another unit of the same agency, created for this class.</summary>
    private const string Outsider = "chuyenvien-qlkh";

    /// <summary>Every page handler that changes a dossier (<see cref="DetailModel"/>'s OnPost handlers).</summary>
    private static readonly string[] PageMutations = ["Act", "Fees", "Files", "Explain"];

    /// <summary>Every API endpoint that changes an existing dossier.</summary>
    private static readonly string[] ApiMutations =
    [
        "POST /api/dossiers/{code}/actions",
        // The desk's pickup request for a result returned by post; it saves through the dossier's one save, which checks the scope.
        "POST /api/dossiers/{code}/postal/pickup",
        "POST /api/dossiers/{code}/postal/dossier-pickup",
    ];

    /// <summary>
    /// The result hand-back's steps: desk officers only, of the deciding agency or of the receiving centre, each step in
    /// its order; their scope and refusals are tried in <see cref="ResultReturnAtCentreTests"/> and <see cref="ResultCollectPlaceTests"/>.
    /// </summary>
    private static readonly string[] HandBackMutations =
    [
        "POST /api/dossiers/{code}/result-handback/collect-at-agency", "POST /api/dossiers/{code}/result-handback/received", "POST /api/dossiers/{code}/result-handback/returned", "POST /api/dossiers/{code}/result-handback/sent",
    ];

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    private static string Unique(string name) => name + " " + Guid.NewGuid().ToString("N")[..8];

    private sealed record Snapshot(DossierStatus Status, long Version, long Fee, PaymentStatus Payment, bool Digitised, int Files, int Events, int Explained, int Audits);

    private async Task<Snapshot> SnapshotAsync(string code)
    {
        await using var db = app.CreateDbContext();
        var d = await db.Dossiers.AsNoTracking().SingleAsync(x => x.Code == code);
        return new Snapshot(d.Status, d.Version, d.FeeAmount, d.PaymentStatus, d.ComponentsDigitised,
            await db.DossierFiles.CountAsync(f => f.DossierId == d.Id),
            await db.DossierEvents.CountAsync(e => e.DossierId == d.Id),
            await db.DossierExplanations.CountAsync(e => e.DossierId == d.Id && e.Text != null),
            await db.AuditEntries.CountAsync(a => a.EntityId == code && EF.Functions.Like(a.Action, "dossier.%")));
    }

    private static readonly SemaphoreSlim OutsiderLock = new(1, 1);

    private async Task EnsureOutsiderAsync()
    {
        await OutsiderLock.WaitAsync();
        try
        {
            using var scope = app.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByNameAsync(Outsider) is not null)
            {
                return;
            }
            var db = scope.ServiceProvider.GetRequiredService<MotCua.Web.Data.AppDbContext>();
            var unit = await db.Units.SingleAsync(u => u.Name == OtherUnit);
            var user = new AppUser { UserName = Outsider, FullName = "Chuyên viên Phòng Quản lý", AgencyId = unit.AgencyId, UnitId = unit.Id, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, MotCuaApp.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Specialist)).Succeeded);
        }
        finally
        {
            OutsiderLock.Release();
        }
    }

    private async Task<int> UnitIdAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();
    }

    /// <summary>A dossier received and transferred to the Chi cục (step 0, no assignee).</summary>
    private async Task<string> InProcessingAsync()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var response = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = Procedure, channel = "direct",
            applicant = new { name = Unique("Công ty Phạm Vi"), idNumber = "079085001234", phone = "0905123456", address = "Tuy Hòa, Phú Yên" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true } },
            transferToUnitId = await UnitIdAsync(HoldingUnit),
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("code").GetString()!;
    }

    private static async Task ActOkAsync(HttpClient api, string code, object body)
    {
        var response = await api.PostAsJsonAsync("/api/dossiers/" + code + "/actions", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> ReturnedAsync()
    {
        var code = await InProcessingAsync();
        using var desk = await app.ApiClientAsync("motcua");
        using var leader = await app.ApiClientAsync("lanhdao");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        await ActOkAsync(leader, code, new { action = "assign", assignee = "chuyenvien" });
        await ActOkAsync(specialist, code, new { action = "appraise", note = "Hồ sơ đủ điều kiện.", leaderUserId = "lanhdao" });
        await ActOkAsync(leader, code, new { action = "approve" });
        await ActOkAsync(desk, code, new { action = "return", delivery = "atDesk" });
        return code;
    }

    private async Task<long> ExplanationIdAsync(string code)
    {
        await using var db = app.CreateDbContext();
        return await db.DossierExplanations.Where(e => e.Dossier!.Code == code).OrderBy(e => e.Id).Select(e => e.Id).FirstOrDefaultAsync();
    }

    /// <summary>Posts one of the dossier page's handlers as a person would (the page's own antiforgery token).</summary>
    private static async Task<HttpResponseMessage> PostPageAsync(HttpClient client, string code, string handler, IReadOnlyDictionary<string, string> fields, bool withFile = false)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, "/ho-so/" + code);
        var url = "/ho-so/" + code + "?handler=" + handler;
        if (!withFile)
        {
            var form = new Dictionary<string, string>(fields, StringComparer.Ordinal) { ["__RequestVerificationToken"] = token };
            return await client.PostAsync(url, new FormUrlEncodedContent(form));
        }
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (k, v) in fields)
        {
            content.Add(new StringContent(v), k);
        }
        var file = new ByteArrayContent(Png);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        content.Add(file, "Uploads", "ban-quet.png");
        return await client.PostAsync(url, content);
    }

    /// <summary>Every mutation path, tried once: (name, response).</summary>
    private async Task<List<(string Name, HttpResponseMessage Response)>> TryEveryMutationAsync(HttpClient page, HttpClient api, string code, string action)
    {
        var version = (await SnapshotAsync(code)).Version.ToString(CultureInfo.InvariantCulture);
        var explanation = (await ExplanationIdAsync(code)).ToString(CultureInfo.InvariantCulture);
        var results = new List<(string, HttpResponseMessage)>
        {
            ("page Act", await PostPageAsync(page, code, "Act", new Dictionary<string, string>
            {
                ["ActionName"] = action, ["RowVersion"] = version, ["Note"] = "Lý do cụ thể", ["Partner"] = "Sở Tài chính",
            })),
            ("page Fees", await PostPageAsync(page, code, "Fees", new Dictionary<string, string>
            {
                ["FeeAmount"] = "999999999", ["Payment"] = "PaidOnline", ["ComponentsDigitised"] = "true", ["RowVersion"] = version,
            })),
            ("page Files", await PostPageAsync(page, code, "Files", new Dictionary<string, string>(), withFile: true)),
            ("page Explain", await PostPageAsync(page, code, "Explain", new Dictionary<string, string>
            {
                ["ExplanationId"] = explanation, ["ExplanationText"] = "Giải trình của người ngoài",
            })),
            ("POST /api/dossiers/{code}/actions", await api.PostAsJsonAsync("/api/dossiers/" + code + "/actions", new { action, note = "Lý do cụ thể", partner = "Sở Tài chính" })),
        };
        return results;
    }

    [Fact]
    public void The_list_of_mutations_covers_every_page_handler_and_api_endpoint_that_changes_a_dossier()
    {
        var handlers = typeof(DetailModel).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))
            .Select(m => m.Name["OnPost".Length..].Replace("Async", "", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(PageMutations.Order(StringComparer.Ordinal), handlers);

        var endpoints = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => m + " /" + (e.RoutePattern.RawText ?? "").TrimStart('/')))
            .Where(r => r.Contains("/api/dossiers/{code}", StringComparison.Ordinal) && !r.StartsWith("GET ", StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ApiMutations.Concat(HandBackMutations).Order(StringComparer.Ordinal), endpoints);
    }

    [Fact]
    public async Task An_officer_of_another_unit_changes_nothing_through_any_path()
    {
        await EnsureOutsiderAsync();
        var code = await InProcessingAsync();
        using (var specialist = await app.ApiClientAsync("chuyenvien"))
        using (var desk = await app.ApiClientAsync("motcua"))
        {
            // A supplement request leaves an explanation to record; the resubmission brings the dossier back to the Chi cục.
            await ActOkAsync(specialist, code, new
            {
                action = "requestSupplement", note = "Thiếu bản sao giấy phép",
                supplementItems = new[] { new { paper = "Giấy phép", problem = "Thiếu bản sao", legalBasis = (string?)null } },
            });
            await ActOkAsync(desk, code, new { action = "resubmitSupplement" });
        }
        Assert.NotEqual(0, await ExplanationIdAsync(code));
        var before = await SnapshotAsync(code);

        using var page = await app.LoginAsync(Outsider);
        using var api = await app.ApiClientAsync(Outsider);
        foreach (var (name, response) in await TryEveryMutationAsync(page, api, code, "appraise"))
        {
            var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            if (name.StartsWith("page", StringComparison.Ordinal))
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK && text.Contains("không thuộc đơn vị của bạn", StringComparison.Ordinal),
                    $"{name}: {(int)response.StatusCode} {response.Headers.Location}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{name}: {(int)response.StatusCode} {text}");
                Assert.Contains("không thuộc đơn vị của bạn", JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }
        }
        Assert.Equal(before, await SnapshotAsync(code));

        // The same requests from the unit holding the dossier go through: the refusals above are the scope, not the shape.
        using var holder = await app.LoginAsync("chuyenvien");
        var version = before.Version.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await PostPageAsync(holder, code, "Fees", new Dictionary<string, string>
        {
            ["FeeAmount"] = "500000", ["Payment"] = "PaidAtDesk", ["RowVersion"] = version,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostPageAsync(holder, code, "Files", new Dictionary<string, string>(), withFile: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostPageAsync(holder, code, "Explain", new Dictionary<string, string>
        {
            ["ExplanationId"] = (await ExplanationIdAsync(code)).ToString(CultureInfo.InvariantCulture), ["ExplanationText"] = "Hồ sơ thiếu bản sao.",
        })).StatusCode);
        var after = await SnapshotAsync(code);
        Assert.Equal((500000L, PaymentStatus.PaidAtDesk, 1, 1), (after.Fee, after.Payment, after.Files, after.Explained));
    }

    [Fact]
    public async Task A_returned_dossier_is_read_only_but_for_digitising_its_result()
    {
        var code = await ReturnedAsync();
        var before = await SnapshotAsync(code);
        Assert.Equal(DossierStatus.Returned, before.Status);
        using var page = await app.LoginAsync("chuyenvien");
        using var api = await app.ApiClientAsync("chuyenvien");
        var tried = await TryEveryMutationAsync(page, api, code, "appraise");
        foreach (var (name, response) in tried.Where(t => t.Name != "page Explain")) // the explanation is owed after the return too
        {
            var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            if (name.StartsWith("page", StringComparison.Ordinal))
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK && text.Contains("đã trả kết quả", StringComparison.Ordinal),
                    $"{name}: {(int)response.StatusCode} {response.Headers.Location}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{name}: {(int)response.StatusCode} {text}");
            }
        }
        Assert.Equal(before, await SnapshotAsync(code));
        var fees = WebUtility.HtmlDecode(await tried.Single(t => t.Name == "page Fees").Response.Content.ReadAsStringAsync());
        Assert.Contains("chỉ được xem", fees, StringComparison.Ordinal);
        // The page says so before anyone tries: the fees form is disabled, with the reason.
        var shown = WebUtility.HtmlDecode(await page.GetStringAsync("/ho-so/" + code));
        Assert.Matches("data-testid=\"fees-read-only\">[^<]*chỉ được xem", shown);

        // What the law still asks after the return: digitising the result.
        var version = before.Version.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await PostPageAsync(page, code, "Act", new Dictionary<string, string>
        {
            ["ActionName"] = "DigitiseResult", ["RowVersion"] = version,
        })).StatusCode);
        await using var db = app.CreateDbContext();
        Assert.True(await db.Dossiers.Where(d => d.Code == code).Select(d => d.ResultDigitised).SingleAsync());
    }

    [Fact]
    public async Task A_scanned_file_downloads_from_its_link_for_the_officers_handling_the_dossier_only()
    {
        await EnsureOutsiderAsync();
        var code = await InProcessingAsync();
        using var holder = await app.LoginAsync("chuyenvien");
        Assert.Equal(HttpStatusCode.Redirect, (await PostPageAsync(holder, code, "Files", new Dictionary<string, string>(), withFile: true)).StatusCode);
        var html = WebUtility.HtmlDecode(await holder.GetStringAsync("/ho-so/" + code));
        var link = FileLinkRegex().Match(html);
        Assert.True(link.Success, "no download link on the dossier page");

        var ok = await holder.GetAsync(link.Groups[1].Value);
        Assert.True(ok.StatusCode == HttpStatusCode.OK, $"{(int)ok.StatusCode} {await ok.Content.ReadAsStringAsync()}");
        Assert.Equal(Png, await ok.Content.ReadAsByteArrayAsync());
        using var desk = await app.LoginAsync("motcua");
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync(link.Groups[1].Value)).StatusCode);

        foreach (var other in new[] { Outsider, "daumoi" })
        {
            using var client = await app.LoginAsync(other);
            var refused = await client.GetAsync(link.Groups[1].Value);
            Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect
                && refused.Headers.Location?.ToString().Contains("/khong-co-quyen", StringComparison.Ordinal) != false,
                $"{other}: {(int)refused.StatusCode} {refused.Headers.Location}");
            Assert.DoesNotMatch(FileLinkRegex(), WebUtility.HtmlDecode(await client.GetStringAsync("/ho-so/" + code)));
        }
    }

    private static object FullInput(string action, DateTimeOffset now) => new
    {
        action,
        note = "Lý do cụ thể",
        assignee = "chuyenvien",
        newAppointment = now.AddDays(60),
        delivery = "atDesk",
        partner = "Sở Tài chính tỉnh Phú Yên",
        supplementItems = new[] { new { paper = "Đơn đề nghị", problem = "Thiếu chữ ký", legalBasis = (string?)null } },
        leaderUserId = "lanhdao",
    };

    private static async Task<List<string>> ListedAsync(HttpClient api, string code)
    {
        var dto = JsonDocument.Parse(await api.GetStringAsync("/api/dossiers/" + code)).RootElement;
        return dto.GetProperty("availableActions").EnumerateArray().Select(a => a.GetString()!).ToList();
    }

    [Fact]
    public async Task Available_actions_are_exactly_what_the_caller_can_perform()
    {
        await EnsureOutsiderAsync();
        var now = app.Clock.GetUtcNow();
        foreach (var user in new[] { "motcua", "chuyenvien", "lanhdao", "admin", "daumoi", Outsider })
        {
            using var api = await app.ApiClientAsync(user);
            using var page = await app.LoginAsync(user);
            var code = await InProcessingAsync();
            var listed = await ListedAsync(api, code);
            var offered = DataActionRegex().Matches(WebUtility.HtmlDecode(await page.GetStringAsync("/ho-so/" + code))).Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(listed.Order(StringComparer.Ordinal), offered.Order(StringComparer.Ordinal));
            if (user is "chuyenvien" or "lanhdao" or "motcua")
            {
                Assert.NotEmpty(listed);
            }
            if (user is Outsider or "daumoi")
            {
                Assert.Empty(listed);
            }

            foreach (var action in Enum.GetNames<DossierAction>().Select(DossierApi.Camel).Where(a => !listed.Contains(a)))
            {
                var before = await SnapshotAsync(code);
                var response = await api.PostAsJsonAsync("/api/dossiers/" + code + "/actions", FullInput(action, now));
                Assert.True((int)response.StatusCode is 403 or 409 or 422,
                    $"{user} may not {action} (unlisted) but got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                Assert.Equal(before, await SnapshotAsync(code));
            }
            foreach (var action in listed)
            {
                var fresh = await InProcessingAsync();
                var response = await api.PostAsJsonAsync("/api/dossiers/" + fresh + "/actions", FullInput(action, now));
                Assert.True(response.StatusCode == HttpStatusCode.OK,
                    $"{user} was offered {action} but got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    [GeneratedRegex("data-action=\"([A-Za-z]+)\"")]
    private static partial Regex DataActionRegex();

    [GeneratedRegex("href=\"(/ho-so/[^\"]+\\?handler=File&id=\\d+)\"")]
    private static partial Regex FileLinkRegex();
}
