using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Calendar;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Reports;
using MotCua.Web.Tests.Catalogue;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Reports;

/// <summary>An installation that moves a time-limit switch date gets reports and indices judged by its own rule.</summary>
public sealed class ConfiguredLimitRuleTests(ConfiguredLimitRuleTests.WorkingDaysApp app) : IClassFixture<ConfiguredLimitRuleTests.WorkingDaysApp>
{
    /// <summary>Publication lead times counted in working days for every text taking effect from 2025.</summary>
    public sealed class WorkingDaysApp : MotCuaApp
    {
        public WorkingDaysApp() => Settings["MotCua:Limits:PublicationWorkingDaysFrom"] = "2025-01-01";
    }

    [Fact]
    public async Task The_766_index_judges_publication_decisions_by_the_configured_counting()
    {
        using var admin = await app.LoginAsync("admin");
        var procedure = await CataloguePages.SaveDraftAsync(app, admin, "9.RULE01", "Thủ tục công bố theo ngày làm việc", "5");
        // Effective Wednesday 12/3/2025, signed Thursday 6/3: 6 calendar days ahead (on time in calendar days) but only
        // 3 working days (late against the 05 working days the configured counting requires, due by Wednesday 5/3).
        var decided = await CataloguePages.DecideAsync(admin, "103/QĐ-UBND", "2025-03-06", "2025-03-12", [procedure]);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        using var api = await app.ApiClientAsync("chuyenvien");
        using var response = await api.GetAsync("/api/indices/766?from=2025-03-01&to=2025-03-31");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var disclosure = JsonDocument.Parse(text).RootElement.GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("indicators").EnumerateArray())
            .Single(i => i.GetProperty("code").GetString() == "1.1");
        Assert.Equal(0, disclosure.GetProperty("numerator").GetInt32());

        // The same decision judged by the default rule (calendar days before the default switch date) is on time: the
        // index above answered by the installation's rule, not the default.
        var agencyId = await CataloguePages.AgencyIdAsync(app);
        await using var db = app.CreateDbContext();
        var march = ReportPeriod.Custom(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31));
        var key = procedure.ToString(CultureInfo.InvariantCulture);
        var byDefault = await DossierFacts.ProceduresAsync(ReportingDb.ForPrimary(db), agencyId, march, default);
        Assert.True(Assert.Single(byDefault, p => p.Key == key).DisclosedOnTime);
        var configured = app.Services.GetRequiredService<TimeLimitRule>();
        var byConfigured = await DossierFacts.ProceduresAsync(ReportingDb.ForPrimary(db, configured), agencyId, march, default);
        Assert.False(Assert.Single(byConfigured, p => p.Key == key).DisclosedOnTime);
    }
}
