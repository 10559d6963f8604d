using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using MotCua.Core.Dossiers;

namespace MotCua.Web.Tests.Architecture;

/// <summary>
/// The shape of the code, read from the compiled assemblies (pages, compiled Razor views, lambdas and method bodies
/// included): feature folders depend on each other without cycles, Data depends on no feature, Core on nothing but
/// the base library.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>
    /// Dependencies still being turned into subscribers registered by the reacting feature. Each entry must still exist
    /// (a stale one fails), so the list only shrinks; it must end empty.
    /// </summary>
    private static readonly HashSet<(string From, string To)> CycleAllowances =
    [
        ("Dossiers", "Notifications"),
        ("Dossiers", "Reports"),
        ("Notifications", "Reports"),
    ];

    /// <summary>
    /// The context's SaveChanges override (cache invalidation, report roll-up, audit guard) is being replaced by
    /// registered interceptors and subscribers; these uses go with it. Each must still exist, so the list only shrinks.
    /// </summary>
    private static readonly HashSet<TypeUse> DataAllowances =
    [
        new("MotCua.Web.Data.AppDbContext", "MotCua.Web.Features.Catalogue.ReferenceCache"),
        new("MotCua.Web.Data.AppDbContext", "MotCua.Web.Features.Reports.ReportRollup"),
        new("MotCua.Web.Data.AppDbContext", "MotCua.Web.Features.Audit.AuditEntry"),
        new("MotCua.Web.Data.AppDbContext", "MotCua.Web.Features.Audit.AuditCheckpoint"),
        new("MotCua.Web.Data.AppDbContext", "MotCua.Web.Features.Audit.AuditKeys"),
    ];

    /// <summary>
    /// Types moving out of their feature folder (the reference cache goes to Shared and stops naming feature types): their
    /// uses are left out until they have moved. Each must still be in a feature, so the list only shrinks.
    /// </summary>
    private static readonly HashSet<string> Moving = ["MotCua.Web.Features.Catalogue.ReferenceCache"];

    private static readonly Lazy<IReadOnlySet<TypeUse>> WebUses = new(() => TypeDependencies.Read(typeof(Program).Assembly.Location));

    [Fact]
    public void Feature_folders_depend_on_each_other_without_cycles()
    {
        Assert.All(Moving, type => Assert.Contains(WebUses.Value, u => u.From == type));
        var edges = FeatureGraph.Edges(WebUses.Value.Where(u => !Moving.Contains(u.From) && !Moving.Contains(u.To)));
        var stale = CycleAllowances.Where(a => !edges.ContainsKey(a)).ToList();
        Assert.True(stale.Count == 0, "No longer needed, remove from the allowances: " + string.Join(", ", stale.Select(a => $"{a.From}→{a.To}")));

        var cycles = FeatureGraph.Cycles(edges.Where(e => !CycleAllowances.Contains(e.Key)).ToDictionary());
        Assert.True(cycles.Count == 0, "Feature folders in a cycle:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void Data_depends_on_no_feature()
    {
        var uses = WebUses.Value
            .Where(u => IsData(u.From) && FeatureGraph.FeatureOf(u.To) is not null)
            .ToHashSet();
        var stale = DataAllowances.Where(a => !uses.Contains(a)).ToList();
        Assert.True(stale.Count == 0, "No longer needed, remove from the allowances: " + string.Join(", ", stale));
        var offenders = uses.Except(DataAllowances).Select(u => $"{u.From} uses {u.To}").Order(StringComparer.Ordinal).ToList();
        Assert.True(offenders.Count == 0, "Data uses feature types:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Core_references_only_the_base_library()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        using var stream = File.OpenRead(typeof(DossierStateMachine).Assembly.Location);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var outside = md.AssemblyReferences
            .Select(r => md.GetString(md.GetAssemblyReference(r).Name))
            .Where(name => !File.Exists(Path.Combine(runtime, name + ".dll")))
            .ToList();
        Assert.True(outside.Count == 0, "MotCua.Core references: " + string.Join(", ", outside));
    }

    [Fact]
    public void The_graph_sees_compiled_views_lambdas_and_method_bodies()
    {
        var edges = FeatureGraph.Edges(WebUses.Value);
        // A compiled view belongs to its folder: the views of every feature use the Identity feature's roles.
        Assert.Contains(WebUses.Value, u => u.From.StartsWith("AspNetCoreGeneratedDocument.Features_", StringComparison.Ordinal)
            && FeatureGraph.FeatureOf(u.From) is not null && FeatureGraph.FeatureOf(u.To) is not null);
        Assert.NotEmpty(edges);
        Assert.Equal("Dossiers", FeatureGraph.FeatureOf("AspNetCoreGeneratedDocument.Features_Dossiers_Pages_Detail"));
        Assert.Equal("Dossiers", FeatureGraph.FeatureOf("MotCua.Web.Features.Dossiers.Pages.DetailModel"));
        Assert.Null(FeatureGraph.FeatureOf("MotCua.Web.Shared.Formatting"));
    }

    [Fact]
    public void A_cycle_is_reported_with_its_path()
    {
        var uses = new HashSet<TypeUse>
        {
            new("MotCua.Web.Features.A.One", "MotCua.Web.Features.B.Two"),
            new("AspNetCoreGeneratedDocument.Features_B_Index", "MotCua.Web.Features.C.Three"),
            new("MotCua.Web.Features.C.Three", "MotCua.Web.Features.A.One"),
            new("MotCua.Web.Features.C.Three", "MotCua.Web.Features.D.Four"),
        };
        var cycles = FeatureGraph.Cycles(FeatureGraph.Edges(uses));
        var cycle = Assert.Single(cycles);
        Assert.Contains("A → B → C → A", cycle, StringComparison.Ordinal);
        Assert.Contains("AspNetCoreGeneratedDocument.Features_B_Index uses MotCua.Web.Features.C.Three", cycle, StringComparison.Ordinal);
        Assert.Empty(FeatureGraph.Cycles(FeatureGraph.Edges(uses.Where(u => !u.From.EndsWith("Three", StringComparison.Ordinal) || u.To.EndsWith("Four", StringComparison.Ordinal)).ToHashSet())));
    }

    private static bool IsData(string type) => type.StartsWith("MotCua.Web.Data.", StringComparison.Ordinal);
}
