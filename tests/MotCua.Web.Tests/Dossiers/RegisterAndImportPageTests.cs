using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Tests.Infrastructure;
using MotCua.Web.Tests.Shared;

namespace MotCua.Web.Tests.Dossiers;

public sealed class RegisterAndImportPageTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private async Task<string> ReceiveAsync(string applicant)
    {
        using var desk = await app.ApiClientAsync("motcua");
        var response = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173",
            channel = "direct",
            applicant = new { name = applicant, idNumber = "079085001234", phone = "0905123456", email = "a@example.vn", address = "Tuy Hòa" },
            papers = new[] { new { name = "Đơn đề nghị", present = true } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("code").GetString()!;
    }

    [Fact]
    public async Task Register_lists_the_period_and_exports_the_same_rows_to_Excel_and_PDF()
    {
        var code = await ReceiveAsync("Trần Thị Sổ Sách");
        var client = await app.LoginAsync("motcua");
        const string range = "From=2025-03-01&To=2025-03-31";
        var html = await client.GetStringAsync("/ho-so/so-theo-doi?" + range);
        Assert.Contains(code, html, StringComparison.Ordinal);
        Assert.Contains("SỔ THEO DÕI HỒ SƠ", html, StringComparison.Ordinal);

        var xlsx = await client.GetByteArrayAsync("/ho-so/so-theo-doi?handler=Excel&" + range);
        using var stream = new MemoryStream(xlsx);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => Equals(r["Mã hồ sơ"], code) && Equals(r["Tên, địa chỉ, số điện thoại của cá nhân, tổ chức"], "Trần Thị Sổ Sách, Tuy Hòa, 0905123456"));

        var pdf = await client.GetByteArrayAsync("/ho-so/so-theo-doi?handler=Pdf&" + range);
        Assert.Contains("SỔ THEO DÕI HỒ SƠ", Tools.PdfToText(pdf), StringComparison.Ordinal);

        var other = await client.GetStringAsync("/ho-so/so-theo-doi?From=2025-02-01&To=2025-02-28");
        Assert.DoesNotContain(code, other, StringComparison.Ordinal);
        var bad = await client.GetStringAsync("/ho-so/so-theo-doi?From=2025-03-31&To=2025-03-01");
        Assert.Contains("Khoảng thời gian không hợp lệ", bad, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient admin, string csv)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(admin, "/ho-so/nhap");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "ho-so-cu.csv");
        return await admin.PostAsync("/ho-so/nhap", form);
    }

    private const string Header = "procedureCode,channel,applicantKind,applicantName,idNumber,phone,email,address,receivedAt,dueAt,resolvedAt,returnedAt,withdrawnAt,refusedAt,pauses\n";

    [Fact]
    public async Task Csv_import_with_one_bad_row_imports_nothing_and_names_the_row()
    {
        var admin = await app.LoginAsync("admin");
        await using var db = app.CreateDbContext();
        var before = await db.Dossiers.CountAsync();
        var csv = Header
            + "1.000173,direct,individual,Nguyễn Văn Cũ,079085001111,0905000111,,Tuy Hòa,2024-03-11T09:00:00+07:00,2024-03-25T09:00:00+07:00,2024-03-20T10:00:00+07:00,2024-03-21T08:00:00+07:00,,,\n"
            + "1.000173,direct,individual,Lê Thị Sai Ngày,079085002222,0905000222,,Tuy Hòa,2024-03-11T09:00:00+07:00,2024-03-25T09:00:00+07:00,2024-03-20T10:00:00+07:00,2024-03-10T08:00:00+07:00,,,\n";
        var response = await UploadAsync(admin, csv);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Không nhập hồ sơ nào", html, StringComparison.Ordinal);
        Assert.Contains("Dòng 3", html, StringComparison.Ordinal);
        Assert.Equal(before, await db.Dossiers.CountAsync());
    }

    [Fact]
    public async Task Csv_import_of_good_rows_creates_ordinary_dossiers()
    {
        var admin = await app.LoginAsync("admin");
        var csv = Header
            + "1.000173,postal,organisation,Công ty Cổ phần Lịch Sử,0301234567,0905000333,ls@example.vn,Tuy Hòa,2024-04-01T09:00:00+07:00,2024-04-15T09:00:00+07:00,2024-04-12T10:00:00+07:00,2024-04-12T15:00:00+07:00,,,\n";
        var response = await UploadAsync(admin, csv);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Đã nhập 1 hồ sơ", html, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        var imported = await db.Dossiers.SingleAsync(d => d.ApplicantName == "Công ty Cổ phần Lịch Sử");
        Assert.True(imported.Imported);
        Assert.Equal(MotCua.Core.Dossiers.DossierStatus.Returned, imported.Status);
    }
}
