using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Boundary;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>
/// A dossier the commune centre (motcuaxa) received for the department: the department's handling officers open the
/// files the centre attached, on the page and through the API; the centre opens only those files, never the
/// department's own working files, and prints the control slip of the part it handled.
/// </summary>
public sealed class BoundaryFilesTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Procedure = "1.000173";

    // Monday 21/12/2026 09:00 in Vietnam.
    private static readonly DateTimeOffset Monday = new(2026, 12, 21, 2, 0, 0, TimeSpan.Zero);

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    private async Task<string> ReceiveAtCentreWithFileAsync(HttpClient centre, string name, string fileName)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(centre, "/mot-cua/tiep-nhan");
        List<string> papers;
        await using (var db = app.CreateDbContext())
        {
            var department = await db.Agencies.SingleAsync(a => a.Code == "SKHCN");
            var version = await CatalogueQueries.VersionInForceAsync(db, department.Id, Procedure, app.Clock.GetUtcNow(), default);
            papers = version!.Papers.OrderBy(p => p.Seq).Select(p => p.Name).ToList();
        }
        using var form = new MultipartFormDataContent();
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Procedure"] = Procedure, ["For"] = "SKHCN", ["Channel"] = "Direct", ["ApplicantKind"] = "Individual",
            ["Name"] = name, ["Phone"] = "0905 318 274", ["Address"] = "Thôn 2, xã Hòa Phú", ["Payment"] = "Unpaid", ["ReturnChoice"] = "AtDesk", ["outcome"] = "receive",
        };
        for (var i = 0; i < papers.Count; i++)
        {
            fields[$"Papers[{i}].Name"] = papers[i];
            fields[$"Papers[{i}].Present"] = "true";
            fields[$"Papers[{i}].Form"] = "Original";
            fields[$"Papers[{i}].Quantity"] = "1";
        }
        foreach (var (k, v) in fields)
        {
            form.Add(new StringContent(v), k);
        }
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, "Files", fileName);
        var response = await centre.PostAsync("/mot-cua/tiep-nhan", form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        var location = response.Headers.Location!.ToString();
        return Uri.UnescapeDataString(location[(ReceivedForOthersModel.Route.Length + 1)..]);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task TransferToSpecialistAsync(string code)
    {
        using var desk = await app.ApiClientAsync("motcua");
        int unit;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
        }
        var current = await ReadAsync(await desk.GetAsync("/api/dossiers/" + code));
        await ReadAsync(await desk.PostAsJsonAsync("/api/dossiers/" + code + "/actions",
            new { action = "transfer", unitId = unit, assignee = "chuyenvien", rowVersion = current.GetProperty("rowVersion").GetInt64() }));
    }

    /// <summary>A working file of the department's own (a digitised copy made after receipt), written straight to the table.</summary>
    private async Task<long> DepartmentFileAsync(string code)
    {
        await using var db = app.CreateDbContext();
        var d = await db.Dossiers.SingleAsync(x => x.Code == code);
        var file = new DossierFile
        {
            DossierId = d.Id, AgencyId = d.AgencyId, Kind = DossierFileKind.Component, FileName = "so-hoa-noi-bo.pdf", ContentType = "application/pdf",
            Size = Pdf.Length, Sha256 = new string('0', 64), StoragePath = "khong-co/so-hoa-noi-bo.pdf", UploadedAt = app.Clock.GetUtcNow().AddHours(2), UploadedBy = "chuyenvien",
        };
        db.DossierFiles.Add(file);
        await db.SaveChangesAsync();
        return file.Id;
    }

    private async Task<long> ReceiptFileIdAsync(string code, string fileName)
    {
        await using var db = app.CreateDbContext();
        return await db.DossierFiles.Where(f => f.Dossier!.Code == code && f.FileName == fileName).Select(f => f.Id).SingleAsync();
    }

    [Fact]
    public async Task The_departments_specialist_and_leader_open_the_files_the_centre_attached_on_the_page_and_through_the_api()
    {
        app.Clock.SetUtcNow(Monday);
        using var centre = await app.LoginAsync("motcuaxa");
        var code = await ReceiveAtCentreWithFileAsync(centre, "Người Gửi Tệp " + Guid.NewGuid().ToString("N")[..6], "ban-quet-xa.pdf");
        await TransferToSpecialistAsync(code);
        var id = await ReceiptFileIdAsync(code, "ban-quet-xa.pdf");

        foreach (var officer in new[] { "chuyenvien", "lanhdao" })
        {
            using var page = await app.LoginAsync(officer);
            var html = WebUtility.HtmlDecode(await page.GetStringAsync("/ho-so/" + code));
            Assert.Contains("ban-quet-xa.pdf", html, StringComparison.Ordinal);
            var download = await page.GetAsync($"/ho-so/{code}?handler=File&id={id}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());

            using var api = await app.ApiClientAsync(officer);
            var list = await ReadAsync(await api.GetAsync($"/api/dossiers/{code}/files"));
            Assert.Contains(list.EnumerateArray(), f => f.GetProperty("fileName").GetString() == "ban-quet-xa.pdf" && f.GetProperty("id").GetInt64() == id);
            var viaApi = await api.GetAsync($"/api/dossiers/{code}/files/{id}");
            Assert.Equal(HttpStatusCode.OK, viaApi.StatusCode);
            Assert.Equal(Pdf, await viaApi.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task The_centre_opens_the_files_it_attached_but_not_the_departments_working_files()
    {
        app.Clock.SetUtcNow(Monday);
        using var centre = await app.LoginAsync("motcuaxa");
        var code = await ReceiveAtCentreWithFileAsync(centre, "Người Xem Tệp " + Guid.NewGuid().ToString("N")[..6], "giay-to-xa.pdf");
        await TransferToSpecialistAsync(code);
        var own = await ReceiptFileIdAsync(code, "giay-to-xa.pdf");
        var internalFile = await DepartmentFileAsync(code);

        var list = WebUtility.HtmlDecode(await centre.GetStringAsync(ReceivedForOthersModel.Route));
        Assert.Contains($"{ReceivedForOthersModel.Route}/{code}/tep", list, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await centre.GetStringAsync($"{ReceivedForOthersModel.Route}/{code}/tep"));
        Assert.Contains("giay-to-xa.pdf", page, StringComparison.Ordinal);
        Assert.DoesNotContain("so-hoa-noi-bo.pdf", page, StringComparison.Ordinal);
        var mine = await centre.GetAsync($"{ReceivedForOthersModel.Route}/{code}/tep?handler=File&id={own}");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(Pdf, await mine.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await centre.GetAsync($"{ReceivedForOthersModel.Route}/{code}/tep?handler=File&id={internalFile}")).StatusCode);
        // The dossier page stays the department's.
        Assert.NotEqual(HttpStatusCode.OK, (await centre.GetAsync($"/ho-so/{code}?handler=File&id={own}")).StatusCode);

        using var api = await app.ApiClientAsync("motcuaxa");
        var files = await ReadAsync(await api.GetAsync($"/api/dossiers/{code}/files"));
        Assert.Equal(["giay-to-xa.pdf"], files.EnumerateArray().Select(f => f.GetProperty("fileName").GetString()!).ToList());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/dossiers/{code}/files/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/dossiers/{code}/files/{internalFile}")).StatusCode);

        // The department's specialist lists both.
        using var specialist = await app.ApiClientAsync("chuyenvien");
        var all = await ReadAsync(await specialist.GetAsync($"/api/dossiers/{code}/files"));
        Assert.Equal(2, all.GetArrayLength());
    }

    [Fact]
    public async Task The_centre_prints_the_control_slip_of_its_part_receipt_and_hand_over()
    {
        app.Clock.SetUtcNow(Monday);
        using var centre = await app.LoginAsync("motcuaxa");
        var code = await ReceiveAtCentreWithFileAsync(centre, "Người Phiếu Kiểm Soát " + Guid.NewGuid().ToString("N")[..6], "don-xa.pdf");

        var token = await MotCuaApp.AntiforgeryTokenAsync(centre, ReceivedForOthersModel.Route);
        var sent = await centre.PostAsync(ReceivedForOthersModel.Route + "?handler=Send",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["code"] = code, ["method"] = "Courier" }));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var slip = await centre.GetAsync($"/ho-so/{code}/bieu-mau/kiem-soat");
        Assert.Equal(HttpStatusCode.OK, slip.StatusCode);
        var text = WebUtility.HtmlDecode(await slip.Content.ReadAsStringAsync());
        Assert.Contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", text, StringComparison.Ordinal);
        Assert.Contains("Trung tâm Phục vụ hành chính công xã Hòa Phú", text, StringComparison.Ordinal);
        Assert.Contains("Tổ chức, cá nhân", text, StringComparison.Ordinal);
        Assert.Contains("Bàn giao hồ sơ giấy: " + MotCua.Core.Dossiers.BoundaryReceipt.MethodName(MotCua.Core.Dossiers.HandOverMethod.Courier), text, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            var department = await db.Agencies.SingleAsync(a => a.Code == "SKHCN");
            Assert.Contains(department.Name, text, StringComparison.Ordinal);
        }

        using var api = await app.ApiClientAsync("motcuaxa");
        var pdf = await api.GetAsync($"/api/dossiers/{code}/forms/kiem-soat");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/dossiers/{code}/forms/tiep-nhan")).StatusCode);
        // Only the centre's own documents: the department's other forms stay the department's.
        Assert.Equal(HttpStatusCode.NotFound, (await centre.GetAsync($"/ho-so/{code}/bieu-mau/bo-sung")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/dossiers/{code}/forms/bo-sung")).StatusCode);
    }
}
