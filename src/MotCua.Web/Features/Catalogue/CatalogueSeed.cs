using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Catalogue;

/// <summary>The real DOST catalogue (procedures-dost.json, copied from the shared reference data) as seed data.</summary>
public static class CatalogueSeed
{
    public const string FileName = "procedures-dost.json";

    /// <summary>Demo-only details (papers, forms, fees, legal bases, online levels) overlaid on the built-in catalogue.</summary>
    public const string DetailsFileName = "procedures-dost-details.json";

    /// <summary>The demo catalogue is treated as announced and in force from this day.</summary>
    public static readonly DateOnly DemoEffectiveFrom = new(2025, 1, 1);

    public static Stream OpenBuiltIn() => File.OpenRead(BuiltInPath(FileName));

    private static string BuiltInPath(string name) => Path.Combine(AppContext.BaseDirectory, "Features", "Catalogue", name);

    /// <summary>
    /// Loads the built-in catalogue into the demo agency when its catalogue is empty (demo seeding only); with
    /// <paramref name="withDetails"/> the demo details are overlaid first, through the same import as an officer's file.
    /// </summary>
    public static async Task SeedDemoCatalogueAsync(IServiceProvider sp, bool withDetails, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var agency = await db.Agencies.OrderBy(a => a.Id).FirstOrDefaultAsync(a => a.Code == "SKHCN", ct);
        if (agency is null || await db.Procedures.AnyAsync(p => p.AgencyId == agency.Id, ct))
        {
            return;
        }
        List<RawRow> rows;
        await using (var stream = withDetails ? WithDetails() : OpenBuiltIn())
        {
            (rows, var readErrors) = CatalogueImport.ReadJson(stream);
            if (readErrors.Count > 0)
            {
                throw new InvalidOperationException("Built-in catalogue unreadable: " + string.Join("; ", readErrors));
            }
        }
        var source = withDetails
            ? "Danh mục mẫu của Sở Khoa học và Công nghệ (dữ liệu ban đầu; thành phần hồ sơ, phí, căn cứ pháp lý là dữ liệu minh họa)"
            : "Danh mục mẫu của Sở Khoa học và Công nghệ (dữ liệu ban đầu)";
        var (_, errors) = await CatalogueImport.ImportAsync(db, sp.GetRequiredService<TimeProvider>(), null, agency.Id, rows, DemoEffectiveFrom, source, null, ct);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Built-in catalogue invalid: " + string.Join("; ", errors));
        }
        if (withDetails)
        {
            await ApplyAlternativesAsync(db, agency.Id, ct);
        }
    }

    /// <summary>
    /// The built-in catalogue with each procedure's demo details filled in where the built-in file gives no value,
    /// so a confirmed time or fee of the reference data is never replaced by an illustrative one.
    /// </summary>
    internal static MemoryStream WithDetails()
    {
        var catalogue = JsonNode.Parse(File.ReadAllText(BuiltInPath(FileName)))!;
        var details = Details();
        foreach (var procedure in catalogue["procedures"]!.AsArray().OfType<JsonObject>())
        {
            if (!details.TryGetValue((string)procedure["name"]!, out var detail))
            {
                continue;
            }
            foreach (var (key, value) in detail)
            {
                var filled = procedure[key] is not null || (key == "fees" && procedure["fee"] is not null) || (key == "fee" && procedure["fees"] is not null);
                if (!filled && key != "name")
                {
                    procedure[key] = value?.DeepClone();
                }
            }
        }
        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            catalogue.WriteTo(writer);
        }
        stream.Position = 0;
        return stream;
    }

    private static Dictionary<string, JsonObject> Details() =>
        JsonNode.Parse(File.ReadAllText(BuiltInPath(DetailsFileName)))!["procedures"]!.AsArray().OfType<JsonObject>()
            .ToDictionary(d => (string)d["name"]!, StringComparer.Ordinal);

    /// <summary>The import format has no alternative groups: the demo's are set on the imported papers by name.</summary>
    private static async Task ApplyAlternativesAsync(AppDbContext db, int agencyId, CancellationToken ct)
    {
        var groups = Details().Values
            .SelectMany(d => (d["papers"]?.AsArray() ?? []).OfType<JsonObject>()
                .Where(p => p["alternativeGroup"] is not null)
                .Select(p => (Procedure: (string)d["name"]!, Paper: (string)p["name"]!, Group: (string)p["alternativeGroup"]!)))
            .ToList();
        var papers = await db.Set<ProcedurePaper>()
            .Join(db.Set<ProcedureVersion>().Where(v => v.Procedure!.AgencyId == agencyId), p => p.ProcedureVersionId, v => v.Id, (p, v) => new { Paper = p, Procedure = v.Name })
            .ToListAsync(ct);
        foreach (var x in papers)
        {
            var match = groups.FirstOrDefault(g => g.Procedure == x.Procedure && g.Paper == x.Paper.Name);
            if (match.Group is not null)
            {
                x.Paper.AlternativeGroup = match.Group;
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
