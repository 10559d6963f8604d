using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Catalogue;

/// <summary>The real DOST catalogue (procedures-dost.json, copied from the shared reference data) as seed data.</summary>
public static class CatalogueSeed
{
    public const string FileName = "procedures-dost.json";

    /// <summary>The demo catalogue is treated as announced and in force from this day.</summary>
    public static readonly DateOnly DemoEffectiveFrom = new(2025, 1, 1);

    public static Stream OpenBuiltIn() =>
        File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Features", "Catalogue", FileName));

    /// <summary>Loads the built-in catalogue into the demo agency when its catalogue is empty (demo seeding only).</summary>
    public static async Task SeedDemoCatalogueAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var agency = await db.Agencies.OrderBy(a => a.Id).FirstOrDefaultAsync(a => a.Code == "SKHCN", ct);
        if (agency is null || await db.Procedures.AnyAsync(p => p.AgencyId == agency.Id, ct))
        {
            return;
        }
        List<RawRow> rows;
        await using (var stream = OpenBuiltIn())
        {
            (rows, var readErrors) = CatalogueImport.ReadJson(stream);
            if (readErrors.Count > 0)
            {
                throw new InvalidOperationException("Built-in catalogue unreadable: " + string.Join("; ", readErrors));
            }
        }
        var (_, errors) = await CatalogueImport.ImportAsync(db, sp.GetRequiredService<TimeProvider>(), null, agency.Id, rows, DemoEffectiveFrom,
            "Danh mục mẫu của Sở Khoa học và Công nghệ (dữ liệu ban đầu)", null, ct);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Built-in catalogue invalid: " + string.Join("; ", errors));
        }
    }
}
