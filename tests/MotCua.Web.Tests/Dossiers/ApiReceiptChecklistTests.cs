using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>
/// The API receipt keeps the counter's checklist: each required paper of the catalogue answered, received before a
/// receipt as complete; "nếu có" and conditional papers as the catalogue says. A refusal writes nothing.
/// </summary>
public sealed class ApiReceiptChecklistTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Procedure = "1.000173";
    private const string Application = "Đơn đề nghị cấp chứng chỉ nhân viên bức xạ";
    private const string Certificate = "Bản sao văn bằng, chứng chỉ chuyên môn";
    private const string IfAny = "Tài liệu khác (nếu có)";
    private const string Proxy = "Văn bản ủy quyền";

    private static string Unique(string name) => name + " " + Guid.NewGuid().ToString("N")[..8];

    private async Task CatalogueAsync()
    {
        await using var db = app.CreateDbContext();
        var versions = await db.ProcedureVersions.Include(v => v.Papers).Where(v => v.Procedure!.Code == Procedure).ToListAsync();
        foreach (var v in versions.Where(v => v.Papers.Count == 0))
        {
            v.Papers.Add(new ProcedurePaper { Seq = 1, Name = Application, Required = true });
            v.Papers.Add(new ProcedurePaper { Seq = 2, Name = Certificate, Form = PaperForm.CertifiedCopy, Required = true });
            v.Papers.Add(new ProcedurePaper { Seq = 3, Name = IfAny, Required = false });
            v.Papers.Add(new ProcedurePaper { Seq = 4, Name = Proxy, Required = true, Condition = "Trường hợp nộp qua người được ủy quyền" });
        }
        await db.SaveChangesAsync();
    }

    private static object Receipt(string name, object[] papers, string outcome = "receive", string? note = null) => new
    {
        procedureCode = Procedure, channel = "direct", outcome, note,
        applicant = new { name, idNumber = "079085001234", phone = "0905123456", address = "Tuy Hòa" },
        papers,
    };

    private async Task<bool> ExistsAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Dossiers.AnyAsync(d => d.ApplicantName == name);
    }

    [Fact]
    public async Task A_required_paper_left_out_is_a_422_naming_it_and_nothing_is_written()
    {
        await CatalogueAsync();
        using var desk = await app.ApiClientAsync("motcua");
        var name = Unique("Công ty Thiếu Dòng");

        var response = await desk.PostAsJsonAsync("/api/dossiers", Receipt(name, [new { name = Application, present = true }]));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()!;
        Assert.Contains(Certificate, detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Proxy, detail, StringComparison.Ordinal);
        Assert.False(await ExistsAsync(name));

        // A supplement request must answer the paper as well, even though it is the paper that is missing.
        var silentSupplement = await desk.PostAsJsonAsync("/api/dossiers", Receipt(name, [new { name = Application, present = true }], "requestSupplement", "Bổ sung văn bằng."));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, silentSupplement.StatusCode);
        Assert.False(await ExistsAsync(name));
    }

    [Fact]
    public async Task A_required_paper_not_received_is_a_422_for_a_receipt_but_fine_for_a_supplement_request()
    {
        await CatalogueAsync();
        using var desk = await app.ApiClientAsync("motcua");
        var name = Unique("Công ty Chưa Nhận");
        object[] papers = [new { name = Application, present = true }, new { name = Certificate, present = false }];

        var refused = await desk.PostAsJsonAsync("/api/dossiers", Receipt(name, papers));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains(Certificate, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await ExistsAsync(name));

        var guided = await desk.PostAsJsonAsync("/api/dossiers", Receipt(name, papers, "requestSupplement", "Bổ sung bản sao văn bằng."));
        Assert.Equal(HttpStatusCode.Created, guided.StatusCode);
        Assert.Equal("awaitingSupplement", (await guided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Every_required_paper_received_is_enough_whatever_the_optional_and_conditional_papers()
    {
        await CatalogueAsync();
        using var desk = await app.ApiClientAsync("motcua");
        var name = Unique("Công ty Đủ Giấy");

        // Names match whatever the case and spacing the caller gives them.
        var created = await desk.PostAsJsonAsync("/api/dossiers", Receipt(name,
            [new { name = Application.ToUpperInvariant(), present = true }, new { name = "  " + Certificate + " ", present = true }]));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal(DossierStatus.Received, (await db.Dossiers.SingleAsync(d => d.ApplicantName == name)).Status);
    }
}
