using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Results;

/// <summary>
/// The specialist's result form proposes the kind of document the procedure issues and an example symbol of the
/// agency, so a licence is not recorded as a certificate because the list happened to start there.
/// </summary>
public sealed class ResultFormDefaultsTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    /// <summary>"Cấp giấy phép tiến hành công việc bức xạ – sử dụng thiết bị X-quang chẩn đoán trong y tế": it issues a licence.</summary>
    private const string LicenceProcedure = "2.002380";

    [Fact]
    public async Task A_licence_procedures_form_proposes_a_licence_and_the_agencys_licence_symbol()
    {
        using var desk = await app.ApiClientAsync("motcua");
        using var leader = await app.ApiClientAsync("lanhdao");
        var response = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = LicenceProcedure,
            channel = "direct",
            applicant = new { name = ResultFlow.Unique("Phòng khám Hòa Bình"), idNumber = "079085007391", phone = "0905318274", address = "Buôn Ma Thuột, Đắk Lắk" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        int unit;
        string agencyCode;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
            agencyCode = await db.Dossiers.Where(d => d.Code == code).Join(db.Agencies, d => d.AgencyId, a => a.Id, (d, a) => a.Code).SingleAsync();
        }
        await ResultFlow.ActAsync(desk, code, "transfer", new { unitId = unit });
        await ResultFlow.ActAsync(leader, code, "assign", new { assignee = "chuyenvien" });

        using var specialist = await app.LoginAsync("chuyenvien");
        var html = await specialist.GetStringAsync("/ho-so/" + code);
        var form = html[html.IndexOf("data-testid=\"result-record-form\"", StringComparison.Ordinal)..];
        Assert.Contains("<option value=\"Licence\" selected=\"selected\">", form, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"Certificate\" selected", form, StringComparison.Ordinal);
        Assert.Contains("placeholder=\"GP-" + agencyCode + "\"", form, StringComparison.Ordinal);
    }
}
