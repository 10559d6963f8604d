using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Reports;

/// <summary>The report read from the rollup counts a dossier from the National Public Service Portal as received online.</summary>
public sealed class NationalPortalRollupTests
{
    [Fact]
    public async Task A_national_portal_dossier_is_received_online_in_the_report()
    {
        await using var app = new MotCuaApp();
        using var admin = await app.ApiClientAsync("admin");
        var import = await admin.PostAsJsonAsync("/api/dossiers/import", new[]
        {
            new
            {
                procedureCode = "1.000173", channel = "nationalPortal", applicant = new { name = "Người nộp qua Cổng", phone = "0905123456" },
                receivedAt = "2025-02-03T09:00:00+07:00", dueAt = "2025-02-20T17:00:00+07:00",
            },
        });
        Assert.True(import.StatusCode == HttpStatusCode.OK, await import.Content.ReadAsStringAsync());

        using var leader = await app.ApiClientAsync("lanhdao");
        var response = await leader.GetAsync("/api/reports/dossiers?from=2025-02-01&to=2025-02-28");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var row = Assert.Single(JsonDocument.Parse(text).RootElement.EnumerateArray());
        Assert.Equal((1, 0), (row.GetProperty("receivedOnline").GetInt32(), row.GetProperty("receivedDirect").GetInt32()));
    }
}
