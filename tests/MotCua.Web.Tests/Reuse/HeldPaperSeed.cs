using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Shared.Files;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Reuse;

/// <summary>What MotCua holds for a person before they reuse it: a dossier they handed in at the desk, with a scan of its first paper.</summary>
public static class HeldPaperSeed
{
    /// <summary>The dossier's code and the id of the scan filed for its first paper (under the person's ID number).</summary>
    public static async Task<(string Code, long FileId)> DeskDossierAsync(MotCuaApp app, string procedureCode, string paperName, string name, string idNumber,
        byte[] scan, string fileName)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var desk = await app.ApiClientAsync("motcua");
        using var response = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode,
            channel = "direct",
            applicant = new { name, idNumber, phone = "0905318274", address = "Tuy Hòa, Đắk Lắk" },
            papers = new[] { new { name = paperName, present = true } },
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var code = JsonDocument.Parse(text).RootElement.GetProperty("code").GetString()!;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCua.Web.Data.AppDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Code == code);
        var file = scope.ServiceProvider.GetRequiredService<DossierFileStore>().Save(dossier, new IncomingFile(fileName, scan), DossierFileKind.Component, app.Clock.GetUtcNow(), "motcua");
        file.PaperSeq = 1;
        db.Add(file);
        await db.SaveChangesAsync();
        return (code, file.Id);
    }
}
