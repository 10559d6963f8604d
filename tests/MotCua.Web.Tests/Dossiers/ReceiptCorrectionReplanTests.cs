using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>A receipt corrected after the dossier was transferred with it: the pinned plan's step deadlines follow, and the history says so.</summary>
public sealed class ReceiptCorrectionReplanTests
{
    private const string Procedure = "1.000173";

    [Fact]
    public async Task A_corrected_processing_time_re_plans_the_step_deadlines_and_the_history_names_them()
    {
        await using var app = new MotCuaApp();
        using var api = await app.ApiClientAsync("motcua");
        int unit;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
        }
        var created = await api.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = Procedure, channel = "direct", transferToUnitId = unit,
            applicant = new { name = "Công ty Sửa Hạn Bước", idNumber = "079085001234", phone = "0905123456", address = "Tuy Hòa" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        DateTimeOffset before;
        await using (var db = app.CreateDbContext())
        {
            var id = await db.Dossiers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
            before = (await db.Set<DossierStepAssignment>().SingleAsync(s => s.DossierId == id)).PlannedDueAt;
        }

        using var desk = await app.LoginAsync("motcua");
        var token = await MotCuaApp.AntiforgeryTokenAsync(desk, "/mot-cua/tiep-nhan/sua/" + code);
        var corrected = await desk.PostAsync("/mot-cua/tiep-nhan/sua/" + code, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["ProcedureCode"] = Procedure, ["TimeValue"] = "5", ["TimeUnit"] = "WorkingDays",
            ["Reason"] = "Thời hạn giải quyết theo quyết định công bố mới là 05 ngày làm việc",
        }));
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);

        await using var check = app.CreateDbContext();
        var dossier = await check.Dossiers.SingleAsync(d => d.Code == code);
        var step = await check.Set<DossierStepAssignment>().SingleAsync(s => s.DossierId == dossier.Id);
        Assert.True(step.PlannedDueAt < before, $"step due {step.PlannedDueAt} not moved from {before}");
        Assert.True(step.PlannedDueAt <= dossier.DueAt, "the step ends after the dossier's corrected due date");
        var history = await check.DossierEvents.Where(e => e.DossierId == dossier.Id).OrderByDescending(e => e.Id).Select(e => e.Note).FirstAsync();
        Assert.Contains("Tính lại hạn bước xử lý", history, StringComparison.Ordinal);
        Assert.Contains(step.StepName, history, StringComparison.Ordinal);
    }
}
