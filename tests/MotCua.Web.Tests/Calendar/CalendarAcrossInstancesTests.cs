using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Calendar;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Calendar;

/// <summary>A deadline stored on a dossier counts a holiday saved a moment ago on another app instance on the same database.</summary>
public sealed class CalendarAcrossInstancesTests
{
    private static async Task<DateTimeOffset> ReceiveAsync(MotCuaApp app, string applicant)
    {
        using var desk = await app.ApiClientAsync("motcua");
        var response = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173",
            channel = "direct",
            applicant = new { name = applicant, idNumber = "079085001234", phone = "0905123456", email = "a@example.vn", address = "Tuy Hòa, Phú Yên" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true }, new { name = "Phiếu khai báo", present = true } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("dueAt").GetDateTimeOffset();
    }

    [Fact]
    public async Task A_receipt_counts_a_holiday_just_saved_by_another_instance()
    {
        await using var first = new MotCuaApp();
        await using var second = new MotCuaApp();
        second.Settings["MotCua:Database:ConnectionString"] = first.Database.ConnectionString;
        _ = first.Services;

        // The second instance has built its calendar (its clock stands still, so pages never re-check it).
        var before = await ReceiveAsync(second, "Công ty Trước Ngày Nghỉ");
        var holiday = DateOnly.FromDateTime(MotCuaApp.DefaultNow.UtcDateTime).AddDays(2);
        Assert.True(DateOnly.FromDateTime(before.UtcDateTime) > holiday);

        await using (var db = first.CreateDbContext())
        {
            db.CalendarDays.Add(new CalendarDay { Date = holiday, Year = holiday.Year, Kind = DayKind.Holiday, Name = "Ngày nghỉ thử" });
            await db.SaveChangesAsync();
        }

        var after = await ReceiveAsync(second, "Công ty Sau Ngày Nghỉ");
        Assert.True(after > before, $"{after:O} should be later than {before:O}");
        await using var scope = second.Services.CreateAsyncScope();
        var calendars = scope.ServiceProvider.GetRequiredService<CalendarProvider>();
        Assert.False((await calendars.GetAsync(scope.ServiceProvider.GetRequiredService<MotCua.Web.Data.AppDbContext>())).IsWorkingDay(holiday));
    }
}
