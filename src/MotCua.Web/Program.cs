using MotCua.Web.Data;
using MotCua.Web.Features.AgencyMerges;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.CitizenAccounts;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Demo;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Supplement;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Indices;
using MotCua.Web.Features.Integrations;
using MotCua.Web.Features.NationalPortal;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Payments;
using MotCua.Web.Features.Plans;
using MotCua.Web.Features.Postal;
using MotCua.Web.Features.Privacy;
using MotCua.Web.Features.Reconciliation;
using MotCua.Web.Features.Reports;
using MotCua.Web.Features.Results;
using MotCua.Web.Features.Reuse;
using MotCua.Web.Features.Scaling;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Privacy;

// The table of contents: one AddX()/MapX() per feature, in reading order.
var builder = WebApplication.CreateBuilder(SharedModule.HostOptions(args)).UseDefaultUrl().UseBuildStaticFiles();
builder.Logging.AddMotCuaLogging(builder.Environment);

builder.Services.AddShell();
builder.Services.AddSecurity(builder.Configuration);
builder.Services.AddMotCuaDatabase(builder.Configuration, builder.Environment);
builder.Services.AddScaleOut(builder.Configuration, builder.Environment);
builder.Services.AddMotCuaIdentity();
builder.Services.AddAudit(builder.Configuration, builder.Environment);
builder.Services.AddOrganisation();
builder.Services.AddCalendar();
builder.Services.AddCatalogue();
builder.Services.AddDossiers();
builder.Services.AddCitizens();
builder.Services.AddCitizenAccounts(builder.Configuration);
builder.Services.AddReuse(builder.Configuration);
builder.Services.AddFeedback();
builder.Services.AddDemoData();
builder.Services.AddPlans();
builder.Services.AddAgencyMerges();
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddIntegrations(builder.Configuration);
builder.Services.AddNationalPortal(builder.Configuration);
builder.Services.AddPrivacy(builder.Configuration);
builder.Services.AddReports();
builder.Services.AddReconciliation();
builder.Services.AddResults();
builder.Services.AddPayments(builder.Configuration);
builder.Services.AddPostal(builder.Configuration);

var app = builder.Build();

if (await app.RunCommandAsync(args))
{
    return;
}

try
{
    await app.MigrateDatabaseAsync();
}
catch (DatabaseUpgradeRefusedException refused)
{
    await Console.Error.WriteLineAsync(refused.Message);
    Environment.ExitCode = 1;
    return;
}
await app.SeedAsync();
await app.IndexCatalogueAsync();
await app.NumberSupplementRoundsAsync();
if (!await app.AllowsStartAsync())
{
    Environment.ExitCode = 1;
    return;
}

app.UseServerTiming();
app.UseSecurity();
app.UseShell();
app.UseAuthentication();
app.UseAccountGates();
app.UseAuthorization();
app.UseRateLimiter();
app.UseOutputCache();

app.MapShell();
app.MapAuthApi();
app.MapOrganisationApi();
app.MapCalendarApi();
app.MapCatalogueApi();
app.MapPlansApi();
app.MapNotificationsApi();
app.MapDossierApi();
app.MapCitizensApi();
app.MapReuseApi();
app.MapFeedbackApi();
app.MapPrivacyApi();
app.MapReportsApi();
app.MapIndicesApi();
app.MapPaymentsApi();
app.MapPostalApi();
app.MapReconciliationApi();
app.MapNationalPortalApi();

await app.RunAsync();

public partial class Program;
