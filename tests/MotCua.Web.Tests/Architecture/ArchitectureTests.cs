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
    private static readonly Lazy<IReadOnlySet<TypeUse>> WebUses = new(() => TypeDependencies.Read(typeof(Program).Assembly.Location));

    [Fact]
    public void Feature_folders_depend_on_each_other_without_cycles()
    {
        var edges = FeatureGraph.Edges(WebUses.Value);
        var cycles = FeatureGraph.Cycles(edges);
        Assert.True(cycles.Count == 0, "Feature folders in a cycle:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void Data_depends_on_no_feature()
    {
        var uses = WebUses.Value
            .Where(u => IsData(u.From) && FeatureGraph.FeatureOf(u.To) is not null)
            .ToHashSet();
        var offenders = uses.Select(u => $"{u.From} uses {u.To}").Order(StringComparer.Ordinal).ToList();
        Assert.True(offenders.Count == 0, "Data uses feature types:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_context_writes_nothing_of_its_own_when_saving()
    {
        // Rows a feature adds on a save belong to that feature's handler or subscriber, never to a SaveChanges override.
        var overrides = typeof(MotCua.Web.Data.AppDbContext)
            .GetMethods(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => m.Name.StartsWith("SaveChanges", StringComparison.Ordinal))
            .Select(m => m.Name)
            .ToList();
        Assert.True(overrides.Count == 0, "AppDbContext overrides: " + string.Join(", ", overrides));
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
