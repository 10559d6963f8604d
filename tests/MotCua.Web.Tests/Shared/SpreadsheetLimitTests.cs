using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Plans;
using MotCua.Web.Shared.Files;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Shared;

/// <summary>
/// Every spreadsheet import (plan appendix, procedure catalogue, legacy dossiers) refuses a workbook that is small
/// compressed but huge decompressed, or that lies about its entries' sizes, or that has more rows than the import
/// allows, with a Vietnamese message and nothing stored.
/// </summary>
public sealed class SpreadsheetLimitTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static byte[] Workbook(int rows, int columns = 3)
    {
        var data = Enumerable.Range(1, rows).Select(r => Enumerable.Range(1, columns)
            .ToDictionary(c => "Cột " + c, c => (object?)("Ô " + r + "-" + c), StringComparer.Ordinal)).ToList();
        using var ms = new MemoryStream();
        ms.SaveAs(data);
        return ms.ToArray();
    }

    /// <summary>A real workbook plus one entry of zeros: about 80 KiB on the wire, 80 MiB decompressed.</summary>
    private static byte[] Bomb()
    {
        using var ms = new MemoryStream();
        ms.Write(Workbook(3));
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/media/padding.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 80; i++)
            {
                entry.Write(zeros);
            }
        }
        return ms.ToArray();
    }

    /// <summary>The bomb with each entry's declared uncompressed size rewritten to 1 KiB in both zip headers.</summary>
    private static byte[] LyingBomb()
    {
        var bytes = Bomb();
        for (var i = 0; i + 4 <= bytes.Length; i++)
        {
            var signature = BitConverter.ToUInt32(bytes, i);
            var sizeOffset = signature switch { 0x04034b50 => 22, 0x02014b50 => 24, _ => -1 };
            if (sizeOffset > 0 && i + sizeOffset + 4 <= bytes.Length && BitConverter.ToUInt32(bytes, i + sizeOffset) > 1024 * 1024)
            {
                BitConverter.GetBytes(1024u).CopyTo(bytes, i + sizeOffset);
            }
        }
        return bytes;
    }

    private static readonly SpreadsheetLimits Small = new(MaxRows: 100, MaxColumns: 10, MaxUncompressedBytes: 10L * 1024 * 1024);

    [Fact]
    public void A_workbook_within_the_limits_is_read()
    {
        using var ms = new MemoryStream(Workbook(50));
        var read = Spreadsheets.Read(ms, ExcelType.XLSX, useHeaderRow: true, Small);
        Assert.Null(read.Error);
        Assert.Equal(50, read.Rows.Count);
    }

    [Fact]
    public void Declared_and_actual_uncompressed_sizes_rows_and_columns_are_capped()
    {
        var bomb = Bomb();
        Assert.True(bomb.Length < 200 * 1024, $"{bomb.Length} bytes");
        using (var ms = new MemoryStream(bomb))
        {
            Assert.Contains("khi giải nén vượt quá", Spreadsheets.Read(ms, ExcelType.XLSX, true, Small).Error, StringComparison.Ordinal);
        }
        using (var ms = new MemoryStream(LyingBomb()))
        {
            Assert.Contains("không khớp", Spreadsheets.CheckArchive(ms, Small), StringComparison.Ordinal);
        }
        using (var ms = new MemoryStream(Workbook(101)))
        {
            Assert.Contains("quá nhiều dòng", Spreadsheets.Read(ms, ExcelType.XLSX, true, Small).Error, StringComparison.Ordinal);
        }
        using (var ms = new MemoryStream(Workbook(3, columns: 11)))
        {
            Assert.Contains("quá nhiều cột", Spreadsheets.Read(ms, ExcelType.XLSX, true, Small).Error, StringComparison.Ordinal);
        }
    }

    private static async Task<string> PostAsync(HttpClient client, string page, string fileField, byte[] file, string fileName, params (string Name, string Value)[] fields)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, page);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        form.Add(new ByteArrayContent(file), fileField, fileName);
        var response = await client.PostAsync(page, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Plan_import_refuses_a_zip_bomb_and_an_over_long_appendix()
    {
        using var client = await app.LoginAsync("daumoi");
        foreach (var (file, expected) in new[] { (Bomb(), "khi giải nén vượt quá"), (LyingBomb(), "kích thước khai báo không khớp"), (Workbook(2_001), "quá nhiều dòng") })
        {
            var title = "Kế hoạch thử giới hạn " + Guid.NewGuid().ToString("N")[..6];
            var html = await PostAsync(client, "/ke-hoach/nhap", "Input.File", file, "phu-luc.xlsx", ("Input.Year", "2025"), ("Input.Title", title));
            Assert.Contains(expected, html, StringComparison.Ordinal);
            await using var db = app.CreateDbContext();
            Assert.False(await db.ControlPlans.AnyAsync(p => p.Title == title));
        }
    }

    [Fact]
    public async Task Catalogue_import_refuses_a_zip_bomb_and_too_many_rows()
    {
        using var admin = await app.LoginAsync("admin");
        await using var db = app.CreateDbContext();
        var before = await db.Procedures.CountAsync();
        foreach (var (file, expected) in new[] { (Bomb(), "khi giải nén vượt quá"), (Workbook(5_001), "quá nhiều dòng") })
        {
            var html = await PostAsync(admin, "/quan-tri/thu-tuc/nhap", "Upload", file, "danh-muc.xlsx", ("EffectiveFrom", "2025-03-01"));
            Assert.Contains(expected, html, StringComparison.Ordinal);
        }
        Assert.Equal(before, await db.Procedures.CountAsync());
    }

    [Fact]
    public async Task Legacy_dossier_import_refuses_a_zip_bomb_and_too_many_rows()
    {
        using var admin = await app.LoginAsync("admin");
        await using var db = app.CreateDbContext();
        var before = await db.Dossiers.CountAsync();
        var csv = "procedureCode,applicantName\n" + string.Concat(Enumerable.Repeat("1.000173,Nguyễn Văn A\n", 20_001));
        foreach (var (file, name, expected) in new[] { (Bomb(), "ho-so-cu.xlsx", "khi giải nén vượt quá"), (Encoding.UTF8.GetBytes(csv), "ho-so-cu.csv", "quá nhiều dòng") })
        {
            var html = await PostAsync(admin, "/ho-so/nhap", "file", file, name);
            Assert.Contains(expected, html, StringComparison.Ordinal);
        }
        Assert.Equal(before, await db.Dossiers.CountAsync());
    }
}
