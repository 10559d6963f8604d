using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Catalogue;

/// <summary>The catalogue search on the database's own full-text engine, over the demo catalogue.</summary>
public sealed class CatalogueSearchTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string MeasurementByName = "Đăng ký kiểm tra nhà nước về đo lường đối với phương tiện đo, lượng của hàng đóng gói sẵn nhập khẩu";

    private static async Task<List<JsonElement>> SearchAsync(HttpClient client, string q) =>
        [.. (await client.GetFromJsonAsync<JsonElement[]>("/api/procedures?q=" + Uri.EscapeDataString(q)))!];

    [Theory]
    [InlineData("do luong")]
    [InlineData("đo lường")]
    [InlineData("ĐO LƯỜNG")]
    public async Task Do_luong_finds_the_measurement_procedures_first_and_no_x_ray_one(string q)
    {
        using var client = app.CreateClient();
        var found = await SearchAsync(client, q);
        Assert.Equal(MeasurementByName, found[0].GetProperty("name").GetString());
        Assert.All(found, p => Assert.Equal("Tiêu chuẩn, đo lường, chất lượng", p.GetProperty("field").GetString()));
        Assert.DoesNotContain(found, p => p.GetProperty("name").GetString()!.Contains("X-quang", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("do luong")]
    [InlineData("đo lường")]
    [InlineData("chuyen giao cong nghe")]
    [InlineData("x quang")]
    [InlineData("X-quang chẩn đoán")]
    [InlineData("tiêu chuẩn")]
    [InlineData("giay chung nhan")]
    [InlineData("khoa hoc cong nghe")]
    [InlineData("cong nhan trung tam")]
    [InlineData("1.014438")]
    [InlineData("buc xa")]
    [InlineData("chuyen giao cong nghje")]
    [InlineData("giay phep buc xz")]
    public async Task Results_are_the_reference_matchers_set_in_its_tier_order(string q)
    {
        using var client = app.CreateClient();
        var entries = await CatalogueSearchOracle.EntriesAsync(app);
        var codes = await CatalogueSearchOracle.AssertAgreesAsync(client, entries, q);
        Assert.NotEmpty(codes);
    }

    [Fact]
    public async Task A_mistyped_word_still_finds_the_procedures_with_the_other_words_first()
    {
        using var client = app.CreateClient();
        var found = await SearchAsync(client, "chuyen giao cong nghje");
        Assert.Contains("chuyển giao công nghệ", found[0].GetProperty("name").GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"do luong")]
    [InlineData("do*")]
    [InlineData("-do")]
    [InlineData("NEAR(do luong)")]
    [InlineData("do NEAR luong")]
    [InlineData("do AND OR NOT luong")]
    [InlineData("bức xạ' OR 1=1 --")]
    [InlineData("'")]
    [InlineData("do:A & luong:* | !x <-> (")]
    [InlineData("^do")]
    [InlineData("{Name} : do")]
    [InlineData("%_\\")]
    public async Task Search_syntax_typed_by_a_user_never_fails(string q)
    {
        using var client = app.CreateClient();
        var api = await client.GetAsync("/api/procedures?q=" + Uri.EscapeDataString(q));
        Assert.True(api.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{q}: {api.StatusCode}");
        var page = await client.GetAsync("/thu-tuc?q=" + Uri.EscapeDataString(q));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Punctuation_alone_is_a_clear_answer_and_an_empty_query_lists_everything()
    {
        using var client = app.CreateClient();
        var api = await client.GetAsync("/api/procedures?q=" + Uri.EscapeDataString("*** \"\" --"));
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("ít nhất một chữ hoặc chữ số", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/thu-tuc?q=" + Uri.EscapeDataString("***")));
        Assert.Contains("Từ khóa không có chữ hoặc chữ số nào để tìm", page, StringComparison.Ordinal);

        Assert.Equal(CatalogueApiTests.SeedNames().Count, (await SearchAsync(client, "")).Count);
        Assert.Equal(CatalogueApiTests.SeedNames().Count, (await SearchAsync(client, "   ")).Count);
    }

    [Fact]
    public async Task A_very_long_query_answers()
    {
        using var client = app.CreateClient();
        var words = string.Join(' ', Enumerable.Repeat("giấy phép tiến hành công việc bức xạ", 40));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/procedures?q=" + Uri.EscapeDataString(words))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/thu-tuc?q=" + Uri.EscapeDataString(words))).StatusCode);
        var oneWord = new string('a', 3000);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/procedures?q=" + oneWord)).StatusCode);
    }

    [Fact]
    public async Task The_public_page_lists_the_best_match_first()
    {
        using var client = app.CreateClient();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/thu-tuc?q=do+luong"));
        var table = html[html.IndexOf("data-testid=\"results\"", StringComparison.Ordinal)..];
        var first = table.IndexOf(MeasurementByName, StringComparison.Ordinal);
        Assert.True(first >= 0);
        Assert.True(first < table.IndexOf("dấu định lượng", StringComparison.Ordinal));
        Assert.Contains("xếp theo mức độ phù hợp", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_desk_finds_a_procedure_to_receive_with_the_same_engine()
    {
        var desk = await app.LoginAsync("motcua");
        var html = WebUtility.HtmlDecode(await desk.GetStringAsync("/mot-cua/tiep-nhan?q=do+luong"));
        Assert.Contains(MeasurementByName, html, StringComparison.Ordinal);
        Assert.DoesNotContain("X-quang chẩn đoán", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saved_draft_is_in_the_index_under_its_new_name()
    {
        var admin = await app.LoginAsync("admin");
        await CataloguePages.SaveDraftAsync(app, admin, "9.123457", "Thẩm định hồ sơ quả cầu pha lê", "10");
        await using var db = app.CreateDbContext();
        var draftId = await db.ProcedureVersions.Where(v => v.Procedure!.Code == "9.123457").Select(v => v.Id).SingleAsync();
        var hits = await CatalogueSearchIndex.Hits(db, CatalogueSearchTerms.Parse("qua cau pha le"), anyWord: false).ToListAsync();
        Assert.Equal(4, Assert.Single(hits, h => h.VersionId == draftId).Tier);
    }

    [Fact]
    public async Task Versions_missing_from_the_index_are_filled_at_start_up()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = await db.ProcedureVersions.Where(v => v.Procedure!.Code == "1.014393").Select(v => v.Id).SingleAsync();
        await (db.Database.IsNpgsql()
            ? db.Database.ExecuteSqlAsync($"""DELETE FROM "ProcedureSearch" WHERE "ProcedureVersionId" = {id}""")
            : db.Database.ExecuteSqlAsync($"""DELETE FROM "ProcedureSearch" WHERE rowid = {id}"""));
        Assert.Empty(await CatalogueSearchIndex.Hits(db, CatalogueSearchTerms.Parse("trung tam nghien cuu"), anyWord: false).Where(h => h.VersionId == id).ToListAsync());
        Assert.Equal(1, await CatalogueSearchIndex.FillMissingAsync(db, default));
        Assert.Single(await CatalogueSearchIndex.Hits(db, CatalogueSearchTerms.Parse("trung tam nghien cuu"), anyWord: false).Where(h => h.VersionId == id).ToListAsync());
    }
}
