using System.Xml.Linq;

namespace MotCua.Core.Tests;

/// <summary>Core must stay pure: no packages and no wall clock (the banned-API analyzer is a package, so Core is checked here).</summary>
public sealed class CorePurityTests
{
    private static string CoreDir => Path.Combine(RepoRoot.Path, "src", "MotCua.Core");

    [Fact]
    public void Core_project_has_no_package_references()
    {
        var project = XDocument.Load(Path.Combine(CoreDir, "MotCua.Core.csproj"));
        Assert.Empty(project.Descendants("PackageReference"));
    }

    [Fact]
    public void Core_never_reads_the_wall_clock()
    {
        string[] banned = ["DateTime.Now", "DateTime.UtcNow", "DateTime.Today", "DateTimeOffset.Now", "DateTimeOffset.UtcNow"];
        var offenders = Directory.EnumerateFiles(CoreDir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(x => banned.Any(b => x.line.Contains(b, StringComparison.Ordinal)))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}")
            .ToList();
        Assert.Empty(offenders);
    }
}

internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "MotCua.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("MotCua.slnx not found above the test binaries.");
    }
}
