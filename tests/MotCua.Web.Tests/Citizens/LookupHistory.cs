using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Citizens;

/// <summary>Dossiers for the look-up's forecast: one in processing, and closed ones of the same procedure with known step durations.</summary>
public static class LookupHistory
{
    /// <summary>The applicant's phone: not guessable, so the look-up accepts it.</summary>
    public const string Phone = "0905318274";

    private const string Unit = "Chi cục Tiêu chuẩn Đo lường Chất lượng";

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A dossier received at the desk and transferred to the unit, so its step is planned.</summary>
    public static async Task<string> InProcessingAsync(MotCuaApp app, string procedure, string phone)
    {
        using var desk = await app.ApiClientAsync("motcua");
        var created = await ReadAsync(await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = procedure,
            channel = "direct",
            applicant = new { name = "Nguyễn Thị Dự Kiến " + Guid.NewGuid().ToString("N")[..6], idNumber = "079085004321", phone = phone, address = "Tuy Hòa" },
            papers = new[] { new { name = "Đơn đề nghị", present = true } },
        }), HttpStatusCode.Created);
        var code = created.GetProperty("code").GetString()!;
        int unit;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == Unit).Select(u => u.Id).SingleAsync();
        }
        var current = await ReadAsync(await desk.GetAsync("/api/dossiers/" + code), HttpStatusCode.OK);
        await ReadAsync(await desk.PostAsJsonAsync("/api/dossiers/" + code + "/actions",
            new { action = "transfer", unitId = unit, rowVersion = current.GetProperty("rowVersion").GetInt64() }), HttpStatusCode.OK);
        return code;
    }

    /// <summary>
    /// Closed dossiers of the same procedure whose first step, at the same unit and with the same name as
    /// <paramref name="code"/>'s, took the given working hours: each starts at 07:00 on a working morning in November
    /// 2024 and, when it fits in the morning, ends the same morning; longer ones run whole working days on.
    /// </summary>
    public static async Task SeedAsync(MotCuaApp app, string code, params double[] hours)
    {
        await using var db = app.CreateDbContext();
        var target = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code);
        var step = await db.DossierStepAssignments.AsNoTracking().Where(s => s.DossierId == target.Id).OrderBy(s => s.StepIndex).FirstAsync();
        var day = new DateTimeOffset(2024, 11, 4, 7, 0, 0, TimeSpan.FromHours(7));
        for (var i = 0; i < hours.Length; i++)
        {
            var start = day.AddDays(i % 5);
            // 8 working hours a day: whole days land at 07:00 that many working days on (Monday–Friday; no holiday in those weeks).
            var whole = (int)(hours[i] / 8);
            var finish = start.AddDays(whole + 2 * ((i % 5 + whole) / 5)).AddHours(hours[i] % 8);
            var closed = new Dossier
            {
                AgencyId = target.AgencyId, Code = code + "-LS" + i, ApplicantName = "Hồ sơ đã giải quyết", ProcedureVersionId = target.ProcedureVersionId,
                ProcedureCode = target.ProcedureCode, ProcedureName = target.ProcedureName, Status = DossierStatus.Returned,
                SubmittedAt = start, ReceivedAt = start, ClockStartedAt = start, CompletedAt = finish, ReturnedAt = finish, ClosedAt = finish, CreatedAt = start,
            };
            db.Dossiers.Add(closed);
            db.Add(new DossierStepAssignment
            {
                Dossier = closed, StepIndex = step.StepIndex, StepName = step.StepName, UnitId = step.UnitId, PlannedStartAt = start,
                PlannedDueAt = finish, StartedAt = start, FinishedAt = finish,
            });
        }
        await db.SaveChangesAsync();
    }
}
