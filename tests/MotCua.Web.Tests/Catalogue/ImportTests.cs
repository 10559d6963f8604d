using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Catalogue;

public sealed class ImportTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static async Task<string> UploadAsync(HttpClient client, byte[] file, string fileName)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, "/quan-tri/thu-tuc/nhap");
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(file), "Upload", fileName },
            { new StringContent("2025-03-01"), "EffectiveFrom" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var response = await client.PostAsync("/quan-tri/thu-tuc/nhap", form);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_JSON_file_with_bad_rows_imports_nothing_and_reports_every_bad_row()
    {
        var admin = await app.LoginAsync("admin");
        var json = """
        { "procedures": [
          { "code": "8.000001", "name": "Thủ tục nhập hợp lệ", "field": "Sở hữu trí tuệ", "processingTime": { "value": 10, "unit": "WorkingDays" }, "fee": 0 },
          { "code": "8.000002", "name": "", "field": "Sở hữu trí tuệ", "processingTime": null, "fee": null },
          { "code": "8.000003", "name": "Thủ tục đơn vị sai", "field": "Sở hữu trí tuệ", "processingTime": { "value": 2, "unit": "Weeks" }, "fee": -5 },
          { "code": "8.000001", "name": "Trùng mã", "field": "Sở hữu trí tuệ" }
        ] }
        """;
        var html = System.Net.WebUtility.HtmlDecode(await UploadAsync(admin, Encoding.UTF8.GetBytes(json), "danh-muc.json"));

        Assert.Contains("Không nhập thủ tục nào", html, StringComparison.Ordinal);
        Assert.Contains("Dòng 2, cột \"Tên thủ tục\": Thiếu tên thủ tục.", html, StringComparison.Ordinal);
        Assert.Contains("Dòng 3, cột \"Đơn vị thời hạn\": Đơn vị thời hạn \"Weeks\" không hợp lệ", html, StringComparison.Ordinal);
        Assert.Contains("Dòng 3, cột \"Phí, lệ phí\"", html, StringComparison.Ordinal);
        Assert.Contains("Dòng 4, cột \"Mã thủ tục\": Mã 8.000001 trùng với dòng 1.", html, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Procedures.AnyAsync(p => p.Code.StartsWith("8.00000")));
        Assert.False(await db.CatalogueFields.AnyAsync(f => f.Name == "Thủ tục nhập hợp lệ"));
    }

    [Fact]
    public async Task An_Excel_file_with_one_bad_row_imports_nothing_then_the_corrected_file_imports_everything()
    {
        var admin = await app.LoginAsync("admin");
        static Dictionary<string, object?> Row(string code, string name, string time, string unit) => new(StringComparer.Ordinal)
        {
            [CatalogueImport.ColCode] = code,
            [CatalogueImport.ColName] = name,
            [CatalogueImport.ColField] = "Bưu chính",
            [CatalogueImport.ColTime] = time,
            [CatalogueImport.ColUnit] = unit,
            [CatalogueImport.ColFees] = "Lệ phí cấp phép | 500.000 | Thông tư 291/2016/TT-BTC",
            [CatalogueImport.ColPapers] = "Đơn đề nghị | Bản chính | 1 | Mẫu 01\nBản sao giấy chứng nhận đăng ký doanh nghiệp | Bản sao | 1",
            [CatalogueImport.ColOnline] = "Toàn trình",
            [CatalogueImport.ColPostalReceipt] = "Có",
        };
        var bad = CatalogueImport.ToExcel([Row("7.000001", "Cấp giấy phép bưu chính", "15", "ngày làm việc"), Row("7.000002", "Sửa đổi giấy phép bưu chính", "mười", "ngày làm việc"), Row("7.000003", "Cấp lại giấy phép bưu chính", "5", "ngày làm việc")], "Danh mục");
        var html = System.Net.WebUtility.HtmlDecode(await UploadAsync(admin, bad, "danh-muc.xlsx"));
        Assert.Contains("Dòng 3, cột \"Thời hạn giải quyết\": Thời hạn \"mười\" phải là số dương", html, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.Procedures.AnyAsync(p => p.Code.StartsWith("7.00000")));
        }

        var good = CatalogueImport.ToExcel([Row("7.000001", "Cấp giấy phép bưu chính", "15", "ngày làm việc"), Row("7.000002", "Sửa đổi giấy phép bưu chính", "10", "ngày làm việc"), Row("7.000003", "Cấp lại giấy phép bưu chính", "5", "ngày làm việc")], "Danh mục");
        html = System.Net.WebUtility.HtmlDecode(await UploadAsync(admin, good, "danh-muc.xlsx"));
        Assert.Contains("Đã nhập 3 thủ tục, hiệu lực từ 01/03/2025.", html, StringComparison.Ordinal);

        using var visitor = app.CreateClient();
        var found = await visitor.GetFromJsonAsync<JsonElement[]>("/api/procedures?q=giay+phep+buu+chinh");
        Assert.Equal(["7.000001", "7.000002", "7.000003"], found!.Select(p => p.GetProperty("code").GetString()).Order(StringComparer.Ordinal));
        var record = await visitor.GetFromJsonAsync<JsonElement>("/api/procedures/7.000001");
        Assert.Equal(2, record.GetProperty("papers").GetArrayLength());
        Assert.Equal(500000m, record.GetProperty("fees").GetProperty("items")[0].GetProperty("amount").GetDecimal());
        Assert.Equal("Full", record.GetProperty("onlineLevel").GetString());
        Assert.Contains("Cấp giấy phép bưu chính", await visitor.GetStringAsync("/thu-tuc/danh-sach/buu-chinh"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_reimports_into_another_agency_unchanged()
    {
        var admin = await app.LoginAsync("admin");
        var export = await admin.GetByteArrayAsync("/api/catalogue/export?format=json");
        var (rows, readErrors) = CatalogueImport.ReadJson(new MemoryStream(export));
        Assert.Empty(readErrors);
        var (valid, errors) = CatalogueImport.Validate(rows, new HashSet<string>(StringComparer.Ordinal));
        Assert.Empty(errors);
        Assert.Equal(rows.Count, valid.Count);
        var r1770 = valid.Single(r => r.Code == "1.001770"); Assert.Equal(1_000_000m, Assert.Single(r1770.Content.Fees).Amount);
        Assert.Contains(valid, r => r.Code is null && r.Content.Name == "Phê duyệt kế hoạch ứng phó sự cố bức xạ cấp cơ sở");
        var xlsx = await admin.GetAsync("/api/catalogue/export?format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var (excelRows, excelErrors) = CatalogueImport.ReadExcel(await xlsx.Content.ReadAsStreamAsync());
        Assert.Empty(excelErrors);
        Assert.Equal(rows.Count, excelRows.Count);
    }
}
