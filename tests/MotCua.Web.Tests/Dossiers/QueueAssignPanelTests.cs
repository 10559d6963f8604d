using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;
using MotCua.Web.Tests.Results;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>The leader's queue offers the assign form only when it can succeed, and otherwise says why.</summary>
public sealed class QueueAssignPanelTests
{
    private static string Tag() => "Gán" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<string> QueueAsync(HttpClient leader, string tag, int unit) =>
        WebUtility.HtmlDecode(await leader.GetStringAsync($"/ho-so/hang-doi?donvi={unit}&q=" + Uri.EscapeDataString(tag)));

    private static async Task<int> TdcAsync(MotCuaApp app)
    {
        await using var db = app.CreateDbContext();
        return await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task With_no_dossier_in_processing_listed_the_form_is_replaced_by_the_reason_and_no_line_has_a_box()
    {
        await using var app = new MotCuaApp();
        var tag = Tag();
        var unit = await TdcAsync(app);
        using var leader = await app.LoginAsync("lanhdao");

        var empty = await QueueAsync(leader, tag, unit);
        Assert.DoesNotContain("data-testid=\"bulk-form\"", empty, StringComparison.Ordinal);
        Assert.Contains("Không có hồ sơ nào trong danh sách đang chờ phân công", empty, StringComparison.Ordinal);

        // A dossier in processing: the form comes back and its line gets a box.
        var code = await ResultFlow.InProcessingAsync(app, "Công ty " + tag);
        var listed = await QueueAsync(leader, tag, unit);
        Assert.Contains("data-testid=\"bulk-form\"", listed, StringComparison.Ordinal);
        Assert.Contains($"name=\"ma\" value=\"{code}\"", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"bulk-unavailable\"", listed, StringComparison.Ordinal);

        // Sent for approval it can no longer be assigned: listed without a box, and the form is gone again.
        await ResultFlow.AppraiseAsync(app, code);
        var awaiting = await QueueAsync(leader, tag, unit);
        Assert.DoesNotContain($"name=\"ma\" value=\"{code}\"", awaiting, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"bulk-form\"", awaiting, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"bulk-unavailable\"", awaiting, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_active_specialist_in_the_unit_the_leader_is_told_so_instead_of_a_form()
    {
        await using var app = new MotCuaApp();
        var tag = Tag();
        var unit = await TdcAsync(app);
        var code = await ResultFlow.InProcessingAsync(app, "Công ty " + tag);
        await using (var db = app.CreateDbContext())
        {
            await db.Users.Where(u => u.UnitId == unit && u.UserName != "lanhdao").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));
        }
        using var leader = await app.LoginAsync("lanhdao");
        var html = await QueueAsync(leader, tag, unit);
        Assert.Contains(code, html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"bulk-form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"name=\"ma\" value=\"{code}\"", html, StringComparison.Ordinal);
        Assert.Contains("Không có chuyên viên đang hoạt động trong đơn vị để phân công hồ sơ.", html, StringComparison.Ordinal);
    }
}
