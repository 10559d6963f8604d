using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Demo;

namespace MotCua.Web.Tests.Demo;

/// <summary>
/// The demo's generated year is Development's alone unless a setting says otherwise, and its catalogue details fill
/// only what the reference catalogue leaves unconfirmed.
/// </summary>
public sealed class DemoSeedTests
{
    private sealed class Env(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "MotCua.Web";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static IConfiguration Config(string? value) => new ConfigurationBuilder()
        .AddInMemoryCollection(value is null ? [] : [new(DemoHistory.Setting, value)]).Build();

    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Testing", null, false)]
    [InlineData("Staging", null, false)]
    [InlineData("Production", null, false)]
    [InlineData("Development", "false", false)]
    [InlineData("Testing", "true", true)]
    public void The_generated_year_is_on_by_default_in_Development_only(string environment, string? setting, bool expected) =>
        Assert.Equal(expected, DemoHistory.Enabled(Config(setting), new Env(environment)));

    [Fact]
    public void Details_fill_what_the_reference_catalogue_leaves_open_and_never_replace_a_confirmed_value()
    {
        using var stream = CatalogueSeed.WithDetails();
        var procedures = JsonNode.Parse(stream)!["procedures"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Equal(40, procedures.Count);
        // 1.001770 has a confirmed time (10 working days) and fee (1.000.000 đ) in the reference file.
        var confirmed = procedures.Single(p => (string?)p["code"] == "1.001770");
        Assert.Equal(10, (int)confirmed["processingTime"]!["value"]!);
        Assert.Equal(1_000_000, (int)confirmed["fees"]!.AsArray()[0]!["amount"]!);
        Assert.All(procedures, p =>
        {
            Assert.NotEmpty(p["papers"]!.AsArray());
            Assert.NotEmpty(p["legalBases"]!.AsArray());
            Assert.NotNull(p["processingTime"]);
            Assert.True(p["fees"] is not null || p["fee"] is not null, (string?)p["name"]);
        });
        var full = procedures.Count(p => (string?)p["onlineLevel"] == "Toàn trình");
        Assert.InRange(full, 10, 20);
    }

    [Fact]
    public async Task The_detailed_catalogue_passes_the_import_validation()
    {
        await using var stream = CatalogueSeed.WithDetails();
        var (rows, readErrors) = CatalogueImport.ReadJson(stream);
        Assert.Empty(readErrors);
        var (_, errors) = CatalogueImport.Validate(rows, new HashSet<string>());
        Assert.Empty(errors);
    }
}
