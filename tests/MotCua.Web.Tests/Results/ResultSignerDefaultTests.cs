using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Results;

/// <summary>
/// The specialist drafts the result for a leader to sign, so the form proposes that leader: the one the dossier was
/// submitted to, else the leader of the unit holding it; the name stays editable.
/// </summary>
public sealed class ResultSignerDefaultTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string UnitLeader = "lanhdaochicuc";
    private const string UnitLeaderName = "Đỗ Thị Ngọc Hân";
    private const string UnitLeaderPosition = "Chi cục trưởng";

    [Fact]
    public async Task A_dossier_in_processing_proposes_the_units_own_leader()
    {
        await AddUnitLeaderAsync();
        var code = await ResultFlow.InProcessingAsync(app, ResultFlow.Unique("Công ty Cân Điện tử Hòa Khánh"));

        var form = await FormAsync(code);

        Assert.Contains("id=\"result-signer\" type=\"text\" name=\"SignerName\" maxlength=\"200\" required value=\"" + UnitLeaderName + "\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"SignerPosition\" maxlength=\"200\" required value=\"" + UnitLeaderPosition + "\"", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dossier_submitted_for_approval_proposes_the_leader_chosen_then()
    {
        await AddUnitLeaderAsync();
        var code = await ResultFlow.InProcessingAsync(app, ResultFlow.Unique("Công ty Đồng hồ nước Liên Chiểu"));
        await ResultFlow.AppraiseAsync(app, code);
        string name, position;
        await using (var db = app.CreateDbContext())
        {
            var chosen = await db.Users.Where(u => u.UserName == "lanhdao").Select(u => new { u.FullName, u.Position }).SingleAsync();
            (name, position) = (chosen.FullName, chosen.Position!);
        }

        var form = await FormAsync(code);

        Assert.Contains("name=\"SignerName\" maxlength=\"200\" required value=\"" + name + "\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"SignerPosition\" maxlength=\"200\" required value=\"" + position + "\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"" + UnitLeaderName + "\"", form, StringComparison.Ordinal);
    }

    private async Task<string> FormAsync(string code)
    {
        using var specialist = await app.LoginAsync("chuyenvien");
        var response = await specialist.GetAsync("/ho-so/" + code);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        return html[html.IndexOf("data-testid=\"result-record-form\"", StringComparison.Ordinal)..];
    }

    private static readonly SemaphoreSlim Lock = new(1, 1);

    /// <summary>A leader of the Chi cục itself, who sorts before the agency's leadership for the Chi cục's dossiers.</summary>
    private async Task AddUnitLeaderAsync()
    {
        await Lock.WaitAsync();
        try
        {
            using var scope = app.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByNameAsync(UnitLeader) is not null)
            {
                return;
            }
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var unit = await db.Units.SingleAsync(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng");
            var user = new AppUser { UserName = UnitLeader, FullName = UnitLeaderName, Position = UnitLeaderPosition, AgencyId = unit.AgencyId, UnitId = unit.Id, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, MotCuaApp.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Leader)).Succeeded);
        }
        finally
        {
            Lock.Release();
        }
    }
}
