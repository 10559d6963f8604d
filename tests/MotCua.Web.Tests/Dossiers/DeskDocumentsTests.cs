using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Web.Tests.Infrastructure;
using MotCua.Web.Tests.Results;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>What the desk's documents say where they read wrong on the demo installation.</summary>
public sealed class DeskDocumentsTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Fact]
    public async Task The_control_sheet_hands_the_approved_result_to_the_desk()
    {
        var code = await ResultFlow.InProcessingAsync(app, ResultFlow.Unique("Bệnh viện Kiểm Soát"));
        await ResultFlow.AppraiseAsync(app, code);
        using (var leader = await app.ApiClientAsync("lanhdao"))
        {
            await ResultFlow.ActAsync(leader, code, "approve");
        }
        using var desk = await app.LoginAsync("motcua");

        var sheet = WebUtility.HtmlDecode(await desk.GetStringAsync("/ho-so/" + code + "/bieu-mau/kiem-soat"));

        Assert.Contains("Nhận: Bộ phận Một cửa", sheet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_online_confirmation_lists_a_paper_sent_without_its_file()
    {
        using var api = await app.ApiClientAsync("motcua");
        var created = await api.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173", channel = "online",
            applicant = new { name = ResultFlow.Unique("Người Nộp Không Tệp"), idNumber = "079085001234", phone = "0905123456", address = "Tuy Hòa" },
            papers = new[] { new { name = "Tờ khai đề nghị cấp chứng chỉ", present = true } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        using var desk = await app.LoginAsync("motcua");

        var confirmation = WebUtility.HtmlDecode(await desk.GetStringAsync("/ho-so/" + code + "/bieu-mau/xac-nhan-nop"));

        Assert.Contains("Tờ khai đề nghị cấp chứng chỉ", confirmation, StringComparison.Ordinal);
        Assert.Contains("Chưa đính kèm tệp", confirmation, StringComparison.Ordinal);
    }
}
