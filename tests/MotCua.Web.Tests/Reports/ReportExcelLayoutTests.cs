using System.IO.Compression;
using System.Xml.Linq;
using MotCua.Core.Reports;
using MotCua.Web.Features.Reports;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Reports;

/// <summary>
/// Biểu 06 is printed and signed on paper: the workbook must print on landscape A4, one page wide, with its three-level
/// header tall enough for its wrapped titles and repeated on every page.
/// </summary>
public sealed class ReportExcelLayoutTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static readonly XNamespace Ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Fact]
    public async Task The_form_prints_on_landscape_A4_one_page_wide_with_its_header_repeated()
    {
        using var officer = await app.LoginAsync("admin");
        var xlsx = await officer.GetByteArrayAsync("/bao-cao/ho-so?handler=Excel&Ky=2025-Q1");
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        var sheet = Load(zip, "xl/worksheets/");
        var setup = sheet.Descendants(Ns + "pageSetup").Single();
        Assert.Equal("landscape", (string?)setup.Attribute("orientation"));
        Assert.Equal("9", (string?)setup.Attribute("paperSize"));
        Assert.Equal(("1", "0"), ((string?)setup.Attribute("fitToWidth"), (string?)setup.Attribute("fitToHeight")));
        Assert.Equal("1", (string?)sheet.Descendants(Ns + "pageSetUpPr").Single().Attribute("fitToPage"));

        // The header's three rows (the one holding "Trong đó" and the one below it) are tall enough for two lines.
        var cells = SeedReportScenarioTests.ReadSheet(xlsx);
        var header = cells.Single(c => c.Value == "Trong đó").Row;
        foreach (var row in new[] { header - 1, header, header + 1 })
        {
            var x = sheet.Descendants(Ns + "row").Single(e => (int)e.Attribute("r")! == row);
            Assert.Equal("1", (string?)x.Attribute("customHeight"));
            Assert.True((double)x.Attribute("ht")! >= 30, $"row {row} is {(string?)x.Attribute("ht")} pt high");
        }

        // Rows from the first header row to the column numbers repeat on every printed page.
        var workbook = Load(zip, "xl/workbook.xml");
        var titles = workbook.Descendants(Ns + "definedName").Single(d => (string?)d.Attribute("name") == "_xlnm.Print_Titles");
        Assert.Equal($"'Biểu 06'!${header - 1}:${header + 2}", titles.Value);
    }

    [Fact]
    public void A_group_whose_name_wraps_gets_the_height_of_its_lines()
    {
        const string longName = "Cấp Giấy chứng nhận đủ điều kiện hoạt động dịch vụ đánh giá sự phù hợp đối với tổ chức thử nghiệm, giám định, kiểm định, chứng nhận";
        var period = ReportPeriod.Quarter(2025, 1);
        DossierReportRow Row(string key, string name) => new(key, name, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0);
        var report = new DossierReport(period, GroupBy.Procedure, ReportOptions.Default, [Row("a", "Cấp bản sao"), Row("b", longName)], Row(DossierReport.TotalKey, ""));
        var bundle = new ReportBundle("Sở Khoa học và Công nghệ", new ReportRequest(period, GroupBy.Procedure, ReportOptions.Default), report,
            new ProcedureStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), PaknCounts.None, 0, 0, 0, 0, 0);
        var xlsx = ReportExcel.Build(bundle, new DateTimeOffset(2025, 4, 1, 8, 0, 0, TimeSpan.FromHours(7)));

        using var zip = new ZipArchive(new MemoryStream(xlsx));
        var rows = Load(zip, "xl/worksheets/").Descendants(Ns + "row").ToList();
        var cells = SeedReportScenarioTests.ReadSheet(xlsx);
        XElement RowOf(string name) => rows.Single(e => (int)e.Attribute("r")! == cells.Single(c => c.Column == 2 && c.Value == name).Row);
        Assert.Null(RowOf("Cấp bản sao").Attribute("customHeight"));
        Assert.True((double)RowOf(longName).Attribute("ht")! >= 30);
    }

    private static XDocument Load(ZipArchive zip, string prefix)
    {
        using var s = zip.Entries.Single(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)).Open();
        return XDocument.Load(s);
    }
}
