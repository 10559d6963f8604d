using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Demo;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

// The table of contents: one AddX()/MapX() per feature, in reading order.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddMotCuaLogging(builder.Environment);

builder.Services.AddShell();
builder.Services.AddMotCuaDatabase(builder.Configuration, builder.Environment);
builder.Services.AddMotCuaIdentity();
builder.Services.AddOrganisation();
builder.Services.AddCalendar();
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddDemoData();

var app = builder.Build();

if (await app.RunCommandAsync(args))
{
    return;
}

await app.MigrateDatabaseAsync();
await app.SeedAsync();

app.UseShell();
app.UseAuthentication();
app.UseAuthorization();

app.MapShell();
app.MapAuthApi();
app.MapOrganisationApi();
app.MapCalendarApi();
app.MapNotificationsApi();

await app.RunAsync();

public partial class Program;
