using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Calendar;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Reports;

/// <summary>Bad report parameters answer a Vietnamese 400 on the API and a Vietnamese message on the page, never 500, never another agency's data.</summary>
public sealed class ReportBadInputTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Theory]
    [InlineData("", "from", "Vui lòng chọn kỳ báo cáo hoặc nhập ngày bắt đầu")]
    [InlineData("?from=2025-01-01", "to", "Vui lòng nhập ngày kết thúc")]
    [InlineData("?from=2025-13-01&to=2025-12-31", "from", "không hợp lệ")]
    [InlineData("?from=01/01/2025&to=2025-12-31", "from", "dùng dạng yyyy-MM-dd")]
    [InlineData("?from=2025-03-31&to=2025-03-01", "to", "Ngày kết thúc phải từ ngày bắt đầu trở đi.")]
    [InlineData("?from=2020-01-01&to=2025-12-31", "to", "tối đa là 3 năm")]
    [InlineData("?period=2025-Q1&groupBy=nhom", "groupBy", "Cách nhóm phải là")]
    [InlineData("?period=2025-Q5", "period", "Kỳ báo cáo không hợp lệ")]
    [InlineData("?period=2025-Q1&from=2025-01-01&to=2025-02-01", "period", "Chỉ dùng một trong hai cách")]
    [InlineData("?period=2025-Q1&finishAt=later", "finishAt", "Thời điểm tính hoàn thành")]
    [InlineData("?period=2025-Q1&regime=lunar", "regime", "Chế độ kỳ báo cáo")]
    [InlineData("?from=1999-12-31&to=2000-01-05", "from", "không hợp lệ")]
    public async Task The_api_answers_bad_parameters_with_a_Vietnamese_problem(string query, string key, string message)
    {
        using var client = await app.ApiClientAsync("motcua");
        var response = await client.GetAsync("/api/reports/dossiers" + query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal("Tham số báo cáo không hợp lệ.", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors").GetProperty(key).EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(errors, e => e.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_api_needs_an_officer()
    {
        using var anonymous = app.CreateClient();
        var response = await anonymous.GetAsync("/api/reports/dossiers?period=2025-Q1");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("GroupBy=unit&Row=total&Cell=khong-co", "Ô cần xem chi tiết không hợp lệ.")]
    [InlineData("GroupBy=unit&Cell=total", "Ô cần xem chi tiết không hợp lệ.")]
    [InlineData("GroupBy=unit&Row=999999&Cell=total", "Dòng cần xem chi tiết không có trong báo cáo kỳ này.")]
    [InlineData("GroupBy=unit&Row=abc&Cell=resolvedOnTime", "Dòng cần xem chi tiết không có trong báo cáo kỳ này.")]
    [InlineData("GroupBy=field&Row=%27%20OR%201%3D1--&Cell=total", "Dòng cần xem chi tiết không có trong báo cáo kỳ này.")]
    [InlineData("GroupBy=nhom&Row=total&Cell=total", "Cách nhóm phải là")]
    [InlineData("Ky=2025-Q9&Row=total&Cell=total", "Kỳ báo cáo không hợp lệ")]
    [InlineData("Ky=custom&From=2025-03-31&To=2025-03-01", "Ngày kết thúc phải từ ngày bắt đầu trở đi.")]
    [InlineData("Ky=custom&From=&To=", "Vui lòng chọn kỳ báo cáo hoặc nhập ngày bắt đầu")]
    public async Task A_bad_drill_down_shows_a_Vietnamese_message_on_the_page(string query, string message)
    {
        using var client = await app.LoginAsync("motcua");
        var response = await client.GetAsync("/bao-cao/ho-so?" + (query.StartsWith("Ky=", StringComparison.Ordinal) ? "" : "Ky=2025-Q1&") + query);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"drill-table\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Excel")]
    [InlineData("Word")]
    public async Task A_download_with_bad_parameters_shows_the_message_instead_of_a_file(string handler)
    {
        using var client = await app.LoginAsync("motcua");
        var response = await client.GetAsync($"/bao-cao/ho-so?handler={handler}&Ky=custom&From=2025-03-31&To=2025-03-01");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Ngày kết thúc phải từ ngày bắt đầu trở đi.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var bad = await client.GetAsync($"/bao-cao/ho-so?handler={handler}&Ky=2025&GroupBy=nhom");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Cách nhóm phải là", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_agencys_row_key_opens_nothing_of_theirs()
    {
        // A second agency with one procedure and one imported dossier in Q1 2025.
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        int procedureId;
        string userName = "kh" + suffix.ToLowerInvariant();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCua.Web.Data.AppDbContext>();
            var agency = new Agency { Code = "KH" + suffix, Name = "Sở Khoa học và Công nghệ tỉnh Khánh Hòa " + suffix };
            var unit = new Unit { Agency = agency, Name = "Bộ phận Một cửa Khánh Hòa", Kind = UnitKind.OneStopDesk };
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            var field = new Field { AgencyId = agency.Id, Name = "Lĩnh vực riêng Khánh Hòa" };
            db.CatalogueFields.Add(field);
            await db.SaveChangesAsync();
            var procedure = new Procedure { AgencyId = agency.Id, Code = "KH." + suffix, IsLocalCode = true };
            procedure.Versions.Add(new ProcedureVersion
            {
                Number = 1, State = VersionState.Published, EffectiveFrom = new DateOnly(2024, 1, 1), Name = "Thủ tục riêng Khánh Hòa",
                FieldId = field.Id, OnlineLevel = OnlineServiceLevel.Partial, ProcessingTimeValue = 5, ProcessingTimeUnit = TimeUnit.WorkingDays,
            });
            db.Procedures.Add(procedure);
            await db.SaveChangesAsync();
            procedureId = procedure.Id;
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = userName, FullName = "Cán bộ Khánh Hòa", AgencyId = agency.Id, UnitId = unit.Id, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, MotCuaApp.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRolesAsync(user, [Roles.ControlFocalOfficer, Roles.OneStopOfficer, Roles.Admin])).Succeeded);
        }
        using var theirs = await app.ApiClientAsync(userName);
        var applicant = "Doanh nghiệp Bí Mật " + suffix;
        var imported = await theirs.PostAsJsonAsync("/api/dossiers/import", new[]
        {
            new
            {
                procedureCode = "KH." + suffix, channel = "direct", applicant = new { name = applicant, phone = "02583870001" },
                receivedAt = "2025-02-03T08:30:00+07:00", dueAt = "2025-02-10T17:00:00+07:00", resolvedAt = "2025-02-07T10:00:00+07:00",
                returnedAt = "2025-02-07T11:00:00+07:00",
            },
        });
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        // Their own page drills into their row: the key is real.
        using var theirPage = await app.LoginAsync(userName);
        var key = procedureId.ToString(CultureInfo.InvariantCulture);
        var own = WebUtility.HtmlDecode(await theirPage.GetStringAsync($"/bao-cao/ho-so?Ky=2025-Q1&GroupBy=procedure&Row={key}&Cell=total"));
        Assert.Contains("data-testid=\"drill-table\"", own, StringComparison.Ordinal);
        Assert.Contains("Thủ tục riêng Khánh Hòa", own, StringComparison.Ordinal);

        using var ours = await app.LoginAsync("motcua");
        foreach (var query in new[] { $"GroupBy=procedure&Row={key}&Cell=total", $"GroupBy=procedure&Row={key}&Cell=resolvedEarly", "GroupBy=agency&Row=total&Cell=total" })
        {
            var response = await ours.GetAsync("/bao-cao/ho-so?Ky=2025-Q1&" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.DoesNotContain("Thủ tục riêng Khánh Hòa", html, StringComparison.Ordinal);
            Assert.DoesNotContain("KH." + suffix, html, StringComparison.Ordinal);
            if (!query.Contains("Row=total", StringComparison.Ordinal))
            {
                Assert.Contains("Dòng cần xem chi tiết không có trong báo cáo kỳ này.", html, StringComparison.Ordinal);
            }
        }
        var api = await (await app.ApiClientAsync("motcua")).GetStringAsync("/api/reports/dossiers?period=2025-Q1&groupBy=procedure");
        Assert.DoesNotContain("Thủ tục riêng Khánh Hòa", api, StringComparison.Ordinal);
    }
}
