using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Plans;
using MotCua.Web.Features.Plans;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Plans;

/// <summary>The demo department carries its 2026 control plan, so plan-versus-actual shows the current year.</summary>
public sealed class Plan2026SeedTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Fact]
    public async Task The_demo_seeds_the_2026_plan_in_groups_with_lead_units_time_frames_and_targets()
    {
        await using (var db = app.CreateDbContext())
        {
            var plan = await db.ControlPlans.AsNoTracking().Include(p => p.Tasks).Include(p => p.Targets)
                .SingleAsync(p => p.Year == 2026);
            Assert.Equal("Kế hoạch kiểm soát thủ tục hành chính năm 2026", plan.Title);
            Assert.True(plan.Tasks.Select(t => t.GroupNumber).Distinct().Count() >= 5);
            Assert.True(plan.Tasks.Count >= 10);
            Assert.All(plan.Tasks, t => Assert.False(string.IsNullOrWhiteSpace(t.LeadUnitsText)));
            Assert.Contains(plan.Targets, t => t.IndicatorCode == PlanIndicators.OnlineDossiers && t.Value == 80m);
            Assert.Contains(plan.Targets, t => t.IndicatorCode == PlanIndicators.NationalPortalSync);
            // The 2024 plan is still there: the new year adds to the history.
            Assert.True(await db.ControlPlans.AnyAsync(p => p.Year == 2024));
        }

        using var leader = await app.LoginAsync("lanhdao");
        using var response = await leader.GetAsync("/chi-tieu?nam=2026");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kế hoạch kiểm soát thủ tục hành chính năm 2026", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"target-online_dossiers\"", html, StringComparison.Ordinal);
        Assert.Contains("≥ 80%", html, StringComparison.Ordinal);
    }
}
