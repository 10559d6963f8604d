using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared.Documents;
using MotCua.Web.Tests.Infrastructure;
using MotCua.Web.Tests.Shared;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>A procedure or a dossier with no papers says so in words instead of showing a table of headers alone.</summary>
public sealed class EmptyPapersTests
{
    private const string Procedure = "1.000173";

    [Fact]
    public void The_receipt_of_a_dossier_with_no_papers_says_none_was_recorded()
    {
        var agency = new Agency { Code = "SKHCN", Name = "Sở Khoa học và Công nghệ", ParentBody = "UBND TỈNH ĐẮK LẮK", PlaceName = "Đắk Lắk" };
        var at = new DateTimeOffset(2026, 12, 21, 9, 0, 0, TimeSpan.FromHours(7));
        var doc = DossierForms.ReceiptSlip(new ReceiptSlipInput("SKHCN-261221-0001", DossierDocuments.Issuer(agency, "Bộ phận Một cửa"),
            new FormApplicant("Nguyễn Văn Không Giấy", "Tuy Hòa", "0905318274", null), "Cấp giấy phép", [], 1, at, at.AddDays(10),
            "Tại Bộ phận Một cửa", "Cán bộ Một Cửa", 1, 1, "http://x/tra-cuu"));
        var text = Regex.Replace(Tools.PdfToText(PdfRenderer.Render(doc)), @"\s+", " ");

        Assert.Contains("Không có giấy tờ nào được ghi nhận khi tiếp nhận.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("STT Tên giấy tờ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_counter_says_the_procedure_has_no_published_papers()
    {
        await using var app = new MotCuaApp();
        await using (var db = app.CreateDbContext())
        {
            var department = await db.Agencies.SingleAsync(a => a.Code == "SKHCN");
            var version = await CatalogueQueries.VersionInForceAsync(db, department.Id, Procedure, app.Clock.GetUtcNow(), default);
            await db.Set<ProcedurePaper>().Where(p => p.ProcedureVersionId == version!.Id).ExecuteDeleteAsync();
        }
        using var desk = await app.LoginAsync("motcua");
        var page = WebUtility.HtmlDecode(await desk.GetStringAsync("/mot-cua/tiep-nhan?procedure=" + Procedure));
        Assert.Contains("data-testid=\"no-catalogue-papers\"", page, StringComparison.Ordinal);
        Assert.Contains("Chưa có thành phần hồ sơ được công bố cho thủ tục này", page, StringComparison.Ordinal);
    }
}
