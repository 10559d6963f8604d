using System.Net;
using MotCua.Web.Features.Inspections;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Plans;

public sealed class InspectionTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Fact]
    public async Task Inspections_and_discipline_records_are_counted_for_the_report()
    {
        using var client = await app.LoginAsync("daumoi");
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, "/kiem-tra");
        var r1 = await client.PostAsync("/kiem-tra?handler=inspection", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["NewInspection.InspectedOn"] = "2023-05-12",
            ["NewInspection.InspectedUnit"] = "Chi cục Tiêu chuẩn Đo lường Chất lượng",
            ["NewInspection.Form"] = "Unscheduled",
            ["NewInspection.Content"] = "Kiểm tra việc tiếp nhận, trả kết quả qua bưu chính công ích.",
            ["__RequestVerificationToken"] = token,
        }));
        var r2 = await client.PostAsync("/kiem-tra?handler=record", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["NewRecord.Kind"] = "Reward",
            ["NewRecord.DecidedOn"] = "2023-12-20",
            ["NewRecord.Subject"] = "Bộ phận Một cửa",
            ["NewRecord.IsCollective"] = "true",
            ["NewRecord.Reason"] = "Hoàn thành xuất sắc nhiệm vụ.",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, r1.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, r2.StatusCode);

        using var db = app.CreateDbContext();
        var agency = db.Agencies.Single(a => a.Code == "SKHCN").Id;
        var figures = await InspectionFigures.CountAsync(db, agency, new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), CancellationToken.None);
        Assert.Equal(new InspectionFigures(1, 0, 1, 1, 0), figures);
    }

    [Fact]
    public async Task Missing_fields_get_Vietnamese_messages()
    {
        using var client = await app.LoginAsync("daumoi");
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, "/kiem-tra");
        var response = await client.PostAsync("/kiem-tra?handler=inspection", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Vui lòng nhập ngày kiểm tra.", html, StringComparison.Ordinal);
        Assert.Contains("Vui lòng nhập nội dung kiểm tra.", html, StringComparison.Ordinal);
    }
}
