using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Shared;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Catalogue;

/// <summary>
/// A procedure's own time for the desk's online check: edited with its source on the procedure page (bad values
/// refused in Vietnamese), shown on the public page with its basis, pinned on the dossier and used for the desk's
/// check due instant, its alert, queue and deadline explanation.
/// </summary>
public sealed class OnlineCheckLimitPageTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Procedure = "1.000173";
    private const string Source = "Khoản 2 Điều 5 Thông tư số 01/2026/TT-BKHCN";

    private static Dictionary<string, string> Draft(string code, string? hours, string? source)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Input.Code"] = code,
            ["Input.Name"] = "Thủ tục có thời hạn kiểm tra riêng " + code,
            ["Input.FieldName"] = "Hoạt động khoa học và công nghệ",
            ["Input.Level"] = "Province",
            ["Input.TimeValue"] = "10",
            ["Input.TimeUnit"] = "WorkingDays",
            ["Input.OnlineLevel"] = "Full",
            ["Input.AtOneStop"] = "true",
        };
        if (hours is not null)
        {
            fields["Input.OnlineCheckHours"] = hours;
        }
        if (source is not null)
        {
            fields["Input.OnlineCheckSource"] = source;
        }
        return fields;
    }

    [Theory]
    [InlineData("9.400001", "0", Source, "phải lớn hơn 0 giờ làm việc")]
    [InlineData("9.400002", "-4", Source, "phải lớn hơn 0 giờ làm việc")]
    [InlineData("9.400003", "41", Source, "không quá 40 giờ làm việc")]
    [InlineData("9.400004", "4,3", Source, "giờ hoặc nửa giờ")]
    [InlineData("9.400005", "tám", Source, "phải là số giờ làm việc")]
    [InlineData("9.400006", "4", "", "ghi căn cứ")]
    public async Task Bad_check_times_are_refused_in_Vietnamese_and_nothing_is_saved(string code, string hours, string source, string message)
    {
        using var admin = await app.LoginAsync("admin");

        var response = await CataloguePages.PostAsync(admin, "/quan-tri/thu-tuc/sua", Draft(code, hours, source));

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Procedures.AnyAsync(p => p.Code == code));
    }

    [Fact]
    public async Task A_check_time_with_its_source_is_saved_and_comes_back_and_an_empty_one_means_the_provinces()
    {
        using var admin = await app.LoginAsync("admin");
        var saved = await CataloguePages.PostAsync(admin, "/quan-tri/thu-tuc/sua", Draft("9.400010", "4,5", Source));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var plain = await CataloguePages.PostAsync(admin, "/quan-tri/thu-tuc/sua", Draft("9.400011", null, null));
        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);

        await using var db = app.CreateDbContext();
        var own = await db.ProcedureVersions.AsNoTracking().Include(v => v.Procedure).SingleAsync(v => v.Procedure!.Code == "9.400010");
        Assert.Equal(4.5m, own.OnlineCheckWorkingHours);
        Assert.Equal(Source, own.OnlineCheckSource);
        var province = await db.ProcedureVersions.AsNoTracking().SingleAsync(v => v.Procedure!.Code == "9.400011");
        Assert.Null(province.OnlineCheckWorkingHours);
        Assert.Null(province.OnlineCheckSource);

        var edit = WebUtility.HtmlDecode(await admin.GetStringAsync("/quan-tri/thu-tuc/sua/" + own.ProcedureId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var settings = edit[edit.IndexOf("data-testid=\"online-check-settings\"", StringComparison.Ordinal)..];
        Assert.Contains("value=\"4,5\"", settings, StringComparison.Ordinal);
        Assert.Contains(Source, settings, StringComparison.Ordinal);
        Assert.Contains("Mức chung của tỉnh: 08 giờ làm việc (mức chung của tỉnh) – Căn cứ Nghị định số 297/2025/NĐ-CP", settings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_procedures_check_time_is_shown_publicly_pinned_on_the_dossier_and_sets_the_desks_check()
    {
        int agencyId;
        OnlineServiceLevel level;
        await using (var db = app.CreateDbContext())
        {
            var version = await db.ProcedureVersions.Include(v => v.Procedure).SingleAsync(v => v.Procedure!.Code == Procedure && v.State == VersionState.Published);
            agencyId = version.Procedure!.AgencyId;
            level = version.OnlineLevel;
            version.OnlineLevel = OnlineServiceLevel.Full;
            version.OnlineCheckWorkingHours = 4;
            version.OnlineCheckSource = Source;
            await db.SaveChangesAsync();
        }
        try
        {
            using var anonymous = app.CreateClient();
            var pub = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/thu-tuc/" + Procedure));
            var shown = pub[pub.IndexOf("data-testid=\"online-check\"", StringComparison.Ordinal)..];
            Assert.Contains("04 giờ làm việc (quy định riêng của thủ tục)", shown, StringComparison.Ordinal);
            Assert.Contains("Căn cứ " + Source, shown, StringComparison.Ordinal);

            using var api = await app.ApiClientAsync("motcua");
            var created = await api.PostAsJsonAsync("/api/dossiers", new
            {
                procedureCode = Procedure, channel = "online",
                applicant = new { name = "Người Nộp Kiểm Tra Riêng " + Guid.NewGuid().ToString("N")[..6], idNumber = "079085001234", phone = "0905318274", address = "Buôn Ma Thuột" },
                papers = new[] { new { name = "Tờ khai đề nghị cấp chứng chỉ", present = true } },
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

            DateTimeOffset due, provinceDue;
            await using (var db = app.CreateDbContext())
            {
                var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code);
                Assert.Equal(4m, dossier.OnlineCheckWorkingHours);
                var calculator = await app.Services.GetRequiredService<CalendarProvider>().CalculatorAsync(db, agencyId);
                due = DossierQueue.OnlineCheckDue(dossier.SubmittedAt, calculator, ProcessingTime.WorkingHours(4));
                provinceDue = DossierQueue.OnlineCheckDue(dossier.SubmittedAt, calculator);
                Assert.True(due < provinceDue);
                var alert = await db.OutboxMessages.AsNoTracking().FirstAsync(m => m.DossierCode == code && m.Kind == "dossier.awaiting_check");
                Assert.Contains(due.ToVnDateTime(), alert.Body, StringComparison.Ordinal);
            }

            using var desk = await app.LoginAsync("motcua");
            var queue = WebUtility.HtmlDecode(await desk.GetStringAsync("/mot-cua"));
            queue = queue[queue.IndexOf("data-testid=\"desk-submitted\"", StringComparison.Ordinal)..];
            queue = queue[..queue.IndexOf("</section>", StringComparison.Ordinal)];
            var row = queue[queue.IndexOf(code, StringComparison.Ordinal)..];
            Assert.Contains("Kiểm tra trước " + due.ToVnDateTime(), row[..Math.Min(row.Length, 2000)], StringComparison.Ordinal);

            var page = WebUtility.HtmlDecode(await desk.GetStringAsync("/ho-so/" + code));
            var explanation = page[page.IndexOf("data-testid=\"due-explanation\"", StringComparison.Ordinal)..];
            Assert.Contains("04 giờ làm việc (quy định riêng của thủ tục)", explanation, StringComparison.Ordinal);
            Assert.Contains("Căn cứ " + Source, explanation, StringComparison.Ordinal);
        }
        finally
        {
            await using var db = app.CreateDbContext();
            var version = await db.ProcedureVersions.SingleAsync(v => v.Procedure!.Code == Procedure && v.State == VersionState.Published);
            version.OnlineLevel = level;
            version.OnlineCheckWorkingHours = null;
            version.OnlineCheckSource = null;
            await db.SaveChangesAsync();
        }
    }
}
