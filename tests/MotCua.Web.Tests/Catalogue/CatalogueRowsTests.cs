using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Catalogue;

/// <summary>The procedure editor's rows (papers, fees, legal bases) and the form templates attached to papers.</summary>
public sealed class CatalogueRowsTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    private static Dictionary<string, string> Base(string code, string name) => new()
    {
        ["Input.Code"] = code,
        ["Input.Name"] = name,
        ["Input.FieldName"] = "Hoạt động khoa học và công nghệ",
        ["Input.Level"] = "Province",
        ["Input.TimeValue"] = "10",
        ["Input.TimeUnit"] = "WorkingDays",
        ["Input.OnlineLevel"] = "Partial",
        ["Input.AtOneStop"] = "true",
    };

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields,
        params (string Field, string FileName, byte[] Content)[] uploads)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, "/quan-tri/thu-tuc/sua");
        using var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields)
        {
            form.Add(new StringContent(v), k);
        }
        form.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (field, fileName, content) in uploads)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            form.Add(file, field, fileName);
        }
        return await client.PostAsync(path, form);
    }

    private static Dictionary<string, string> TwoPapersOneFee(string code, string name)
    {
        var f = Base(code, name);
        f["Input.Papers[0].Name"] = "Đơn đề nghị cấp lại giấy chứng nhận";
        f["Input.Papers[0].Form"] = "Original";
        f["Input.Papers[0].Quantity"] = "1";
        f["Input.Papers[0].Requirement"] = "Required";
        f["Input.Papers[0].Template"] = "Mẫu 01";
        f["Input.Papers[1].Name"] = "Giấy ủy quyền";
        f["Input.Papers[1].Form"] = "CertifiedCopy";
        f["Input.Papers[1].Quantity"] = "2";
        f["Input.Papers[1].Requirement"] = "Conditional";
        f["Input.Papers[1].Condition"] = "Nộp qua người được ủy quyền";
        f["Input.Papers[1].Note"] = "Có chứng thực";
        f["Input.Fees[0].Kind"] = "Fee";
        f["Input.Fees[0].Name"] = "Phí thẩm định";
        f["Input.Fees[0].Amount"] = "1.000.000";
        f["Input.Fees[0].AppliesTo"] = "Cấp lại";
        f["Input.Fees[0].LegalBasis"] = "Thông tư 298/2016/TT-BTC";
        f["Input.FeesConfirmed"] = "true";
        return f;
    }

    private async Task<ProcedureVersion> DraftAsync(string code)
    {
        await using var db = app.CreateDbContext();
        return await db.ProcedureVersions.AsNoTracking().Include(v => v.Papers).ThenInclude(p => p.TemplateFile).Include(v => v.Fees)
            .Where(v => v.Procedure!.Code == code).OrderByDescending(v => v.Number).FirstAsync();
    }

    [Fact]
    public async Task Rows_are_saved_in_order_with_every_field_and_the_template_and_come_back_on_the_edit_page()
    {
        var admin = await app.LoginAsync("admin");
        var response = await PostFormAsync(admin, "/quan-tri/thu-tuc/sua", TwoPapersOneFee("9.300001", "Thủ tục có giấy tờ theo dòng"),
            ("Input.Papers[0].Upload", "don-de-nghi.pdf", Pdf));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var v = await DraftAsync("9.300001");
        var papers = v.Papers.OrderBy(p => p.Seq).ToList();
        Assert.Equal(["Đơn đề nghị cấp lại giấy chứng nhận", "Giấy ủy quyền"], papers.Select(p => p.Name));
        Assert.Equal(PaperRequirement.Required, papers[0].Requirement);
        Assert.Equal(PaperRequirement.Conditional, papers[1].Requirement);
        Assert.Equal("Nộp qua người được ủy quyền", papers[1].Condition);
        Assert.Equal(PaperForm.CertifiedCopy, papers[1].Form);
        Assert.Equal(2, papers[1].Quantity);
        Assert.Equal("Có chứng thực", papers[1].Note);
        Assert.Equal("application/pdf", papers[0].TemplateFile?.ContentType);
        Assert.Equal("don-de-nghi.pdf", papers[0].TemplateFile?.FileName);
        Assert.Null(papers[1].TemplateFileId);
        var fee = Assert.Single(v.Fees);
        Assert.Equal((FeeKind.Fee, "Phí thẩm định", 1_000_000m, "Cấp lại", "Thông tư 298/2016/TT-BTC"), (fee.Kind!.Value, fee.Name, fee.Amount, fee.AppliesTo!, fee.Note!));

        await using (var db = app.CreateDbContext())
        {
            var audit = await db.Set<MotCua.Web.Features.Audit.AuditEntry>().AsNoTracking().Where(a => a.Action == "catalogue.draft" && a.EntityId == "9.300001").SingleAsync();
            Assert.Contains("don-de-nghi.pdf", audit.Summary, StringComparison.Ordinal);
        }

        var page = await admin.GetStringAsync($"/quan-tri/thu-tuc/sua/{v.ProcedureId}");
        Assert.Contains("value=\"Giấy ủy quyền\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Nộp qua người được ủy quyền\"", page, StringComparison.Ordinal);
        Assert.Contains("don-de-nghi.pdf (PDF", page, StringComparison.Ordinal);
        Assert.DoesNotContain("PapersText", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_adding_and_removing_rows_without_script_keeps_what_was_typed_and_saves_nothing()
    {
        var admin = await app.LoginAsync("admin");
        var fields = TwoPapersOneFee("9.300002", "Thủ tục sắp xếp dòng");
        fields["Command"] = "paper-down-0";
        var response = await PostFormAsync(admin, "/quan-tri/thu-tuc/sua", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(html.IndexOf("value=\"Giấy ủy quyền\"", StringComparison.Ordinal) < html.IndexOf("value=\"Đơn đề nghị cấp lại giấy chứng nhận\"", StringComparison.Ordinal));
        Assert.Contains("name=\"Input.Papers[0].Name\" value=\"Giấy ủy quyền\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Thông tư 298/2016/TT-BTC\"", html, StringComparison.Ordinal);

        fields["Command"] = "fee-add";
        html = WebUtility.HtmlDecode(await (await PostFormAsync(admin, "/quan-tri/thu-tuc/sua", fields)).Content.ReadAsStringAsync());
        Assert.Contains("name=\"Input.Fees[1].Amount\"", html, StringComparison.Ordinal);

        fields["Command"] = "paper-remove-0";
        html = WebUtility.HtmlDecode(await (await PostFormAsync(admin, "/quan-tri/thu-tuc/sua", fields)).Content.ReadAsStringAsync());
        Assert.DoesNotContain("Đơn đề nghị cấp lại giấy chứng nhận", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Papers[0].Name\" value=\"Giấy ủy quyền\"", html, StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        Assert.False(await db.Procedures.AnyAsync(p => p.Code == "9.300002"));
    }

    [Fact]
    public async Task A_bad_row_is_named_with_its_field_and_every_other_row_stays_on_the_page()
    {
        var admin = await app.LoginAsync("admin");
        var fields = TwoPapersOneFee("9.300003", "Thủ tục có dòng sai");
        fields["Input.Fees[1].Kind"] = "Charge";
        fields["Input.Fees[1].Name"] = "Lệ phí cấp giấy";
        fields["Input.Fees[1].Amount"] = "một triệu";
        fields["Input.Papers[2].Name"] = "Bản sao điều lệ";
        fields["Input.Papers[2].Quantity"] = "0";
        fields["Input.Papers[2].Requirement"] = "Conditional";
        var response = await PostFormAsync(admin, "/quan-tri/thu-tuc/sua", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Phí, lệ phí, dòng 2: số tiền phải là số đồng không âm, ví dụ 1.000.000.", html, StringComparison.Ordinal);
        Assert.Contains("Thành phần hồ sơ, dòng 3: số lượng phải là số nguyên từ 1 đến 100.", html, StringComparison.Ordinal);
        Assert.Contains("Thành phần hồ sơ, dòng 3: nêu trường hợp phải nộp giấy tờ này.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Fees_1__Amount\" name=\"Input.Fees[1].Amount\" value=\"một triệu\"", html, StringComparison.Ordinal);
        foreach (var kept in new[] { "Đơn đề nghị cấp lại giấy chứng nhận", "Giấy ủy quyền", "Nộp qua người được ủy quyền", "Phí thẩm định", "Lệ phí cấp giấy", "Bản sao điều lệ" })
        {
            Assert.Contains($"value=\"{kept}\"", html, StringComparison.Ordinal);
        }
        await using var db = app.CreateDbContext();
        Assert.False(await db.Procedures.AnyAsync(p => p.Code == "9.300003"));
    }

    [Fact]
    public async Task A_template_of_the_wrong_type_or_too_large_is_refused_with_the_reason_and_the_rows_kept()
    {
        var admin = await app.LoginAsync("admin");
        var fields = TwoPapersOneFee("9.300004", "Thủ tục có tệp mẫu sai");
        var response = await PostFormAsync(admin, "/quan-tri/thu-tuc/sua", fields, ("Input.Papers[1].Upload", "to-khai.pdf", Encoding.UTF8.GetBytes("Đây không phải PDF")));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Thành phần hồ sơ, dòng 2: Tệp mẫu \"to-khai.pdf\" không đúng định dạng cho phép (PDF, DOC, DOCX, XLS, XLSX) theo nội dung tệp.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Giấy ủy quyền\"", html, StringComparison.Ordinal);

        var large = new byte[ProcedureTemplates.MaxBytes + 1];
        Pdf.CopyTo(large, 0);
        response = await PostFormAsync(admin, "/quan-tri/thu-tuc/sua", fields, ("Input.Papers[0].Upload", "lon.pdf", large));
        html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Thành phần hồ sơ, dòng 1: Tệp mẫu \"lon.pdf\" vượt quá dung lượng cho phép (10 MB).", html, StringComparison.Ordinal);
        Assert.Contains("tối đa 10 MB", html, StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        Assert.False(await db.Procedures.AnyAsync(p => p.Code == "9.300004"));
        Assert.False(await db.ProcedureTemplateFiles.AnyAsync(f => f.FileName == "to-khai.pdf" || f.FileName == "lon.pdf"));
    }

    [Fact]
    public async Task A_published_versions_template_is_public_a_drafts_is_not_and_an_amendment_keeps_it()
    {
        var admin = await app.LoginAsync("admin");
        var visitor = app.CreateNoRedirectClient();
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(admin, "/quan-tri/thu-tuc/sua", TwoPapersOneFee("9.300005", "Thủ tục có mẫu đơn công khai"),
            ("Input.Papers[0].Upload", "mau-01.pdf", Pdf))).StatusCode);
        var draft = await DraftAsync("9.300005");
        var paper = draft.Papers.Single(p => p.Seq == 1);

        // A draft's form: not public, even by its paper's address; the managers can open it.
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(ProcedureTemplates.PublicUrl("9.300005", paper.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/quan-tri/thu-tuc/mau/{paper.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await CataloguePages.DecideAsync(admin, "301/QĐ-UBND", "2025-02-20", "2025-03-01", publish: [draft.ProcedureId])).StatusCode);
        var download = await visitor.GetAsync(ProcedureTemplates.PublicUrl("9.300005", paper.Id));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("mau-01.pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        // The address names the procedure: another code does not reach this paper's form.
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(ProcedureTemplates.PublicUrl("1.001770", paper.Id))).StatusCode);

        var publicPage = WebUtility.HtmlDecode(await visitor.GetStringAsync("/thu-tuc/9.300005"));
        Assert.Contains("Tải mẫu đơn, tờ khai", publicPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ProcedureTemplates.PublicUrl("9.300005", paper.Id)}\"", publicPage, StringComparison.Ordinal);
        Assert.Contains("Trong trường hợp Nộp qua người được ủy quyền", publicPage, StringComparison.Ordinal);
        Assert.Contains("Phí – Phí thẩm định", publicPage, StringComparison.Ordinal);

        var json = await visitor.GetStringAsync("/api/procedures/9.300005");
        Assert.Contains($"\"url\":\"{ProcedureTemplates.PublicUrl("9.300005", paper.Id)}\"", json, StringComparison.Ordinal);
        Assert.Contains("\"requirement\":\"Conditional\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"Fee\"", json, StringComparison.Ordinal);
        var openApi = await visitor.GetStringAsync("/openapi/v1.json");
        Assert.Contains("TemplateFileDto", openApi, StringComparison.Ordinal);

        // The amendment's form comes from the published version: the page carries the file, saving keeps it.
        var edit = await admin.GetStringAsync($"/quan-tri/thu-tuc/sua/{draft.ProcedureId}");
        var fileId = paper.TemplateFileId!.Value.ToString(CultureInfo.InvariantCulture);
        Assert.Contains($"name=\"Input.Papers[0].TemplateFileId\" value=\"{fileId}\"", edit, StringComparison.Ordinal);
        var amend = TwoPapersOneFee("9.300005", "Thủ tục có mẫu đơn công khai");
        amend["Input.TimeValue"] = "8";
        amend["Input.Papers[0].TemplateFileId"] = fileId;
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(admin, $"/quan-tri/thu-tuc/sua/{draft.ProcedureId}", amend)).StatusCode);
        var amendment = await DraftAsync("9.300005");
        Assert.Equal(2, amendment.Number);
        Assert.Equal(paper.TemplateFileId, amendment.Papers.Single(p => p.Seq == 1).TemplateFileId);
        // The published version is untouched and still serves its form.
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(ProcedureTemplates.PublicUrl("9.300005", paper.Id))).StatusCode);
    }

    [Fact]
    public async Task Another_agencys_template_cannot_be_attached_by_its_id()
    {
        var admin = await app.LoginAsync("admin");
        int foreign;
        await using (var db = app.CreateDbContext())
        {
            var other = await db.Set<MotCua.Web.Features.Organisation.Agency>().Where(a => a.Code != "SKHCN").Select(a => a.Id).FirstOrDefaultAsync();
            if (other == 0)
            {
                return;
            }
            var file = new ProcedureTemplateFile { AgencyId = other, FileName = "la.pdf", ContentType = "application/pdf", Size = 10, Sha256 = new string('a', 64) };
            db.ProcedureTemplateFiles.Add(file);
            await db.SaveChangesAsync();
            foreign = file.Id;
        }
        var fields = TwoPapersOneFee("9.300006", "Thủ tục gắn tệp của cơ quan khác");
        fields["Input.Papers[0].TemplateFileId"] = foreign.ToString(CultureInfo.InvariantCulture);
        var response = await PostFormAsync(admin, "/quan-tri/thu-tuc/sua", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("tệp mẫu đã chọn không còn trong danh mục", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public void Template_types_are_decided_by_content()
    {
        Assert.Equal("application/pdf", ProcedureTemplates.Sniff(Pdf));
        var xlsx = CatalogueImport.ToExcel([], "Mẫu");
        Assert.Equal(ProcedureTemplates.XlsxType, ProcedureTemplates.Sniff(xlsx));
        var ole = new byte[1024];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(ole, 0);
        Encoding.Unicode.GetBytes("WordDocument").CopyTo(ole, 600);
        Assert.Equal(ProcedureTemplates.DocType, ProcedureTemplates.Sniff(ole));
        Assert.Null(ProcedureTemplates.Sniff(Encoding.ASCII.GetBytes("MZ not a form")));
        Assert.Null(ProcedureTemplates.Sniff(Encoding.ASCII.GetBytes("PK\u0003\u0004 broken zip")));
    }
}
