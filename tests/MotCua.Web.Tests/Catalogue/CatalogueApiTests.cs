using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Catalogue;

public sealed class CatalogueApiTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [Fact]
    public async Task The_real_catalogue_is_seeded_and_every_procedure_is_listed_publicly()
    {
        using var client = app.CreateClient();
        var list = await client.GetFromJsonAsync<JsonElement[]>("/api/procedures");
        Assert.NotNull(list);
        var seed = SeedNames();
        Assert.Equal(40, seed.Count);
        Assert.Equal(seed.Order(StringComparer.Ordinal), list.Select(p => p.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
        var xray = Assert.Single(list, p => p.GetProperty("code").GetString() == "1.000173");
        Assert.Equal(10m, xray.GetProperty("processingDays").GetDecimal());
        // Unverified time is never shown as a number.
        var unverified = Assert.Single(list, p => p.GetProperty("code").GetString() == "1.001786");
        Assert.Equal(JsonValueKind.Null, unverified.GetProperty("processingDays").ValueKind);
    }

    /// <summary>The names in the shipped seed file, read independently of the importer.</summary>
    internal static List<string> SeedNames()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "Catalogue", "procedures-dost.json")));
        return doc.RootElement.GetProperty("procedures").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();
    }

    [Fact]
    public async Task Search_with_and_without_diacritics_returns_the_same_procedures()
    {
        using var client = app.CreateClient();
        var plain = await client.GetFromJsonAsync<JsonElement[]>("/api/procedures?q=giay%20phep%20buc%20xa");
        var marked = await client.GetFromJsonAsync<JsonElement[]>("/api/procedures?q=" + Uri.EscapeDataString("Giấy phép BỨC XẠ"));
        Assert.NotNull(plain);
        Assert.NotNull(marked);
        var codes = plain.Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(codes, marked.Select(p => p.GetProperty("name").GetString()).ToList());
        Assert.Equal(4, codes.Count); // cấp, gia hạn, sửa đổi bổ sung, cấp lại giấy phép tiến hành công việc bức xạ
        Assert.All(codes, n => Assert.Contains("giấy phép tiến hành công việc bức xạ", n!, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Search_by_code_field_and_online_level()
    {
        using var client = app.CreateClient();
        var byCode = await client.GetFromJsonAsync<JsonElement[]>("/api/procedures?q=1.014438");
        Assert.Equal("Công nhận trung tâm đổi mới sáng tạo cấp tỉnh", Assert.Single(byCode!).GetProperty("name").GetString());
        var byField = await client.GetFromJsonAsync<JsonElement[]>("/api/procedures?field=" + Uri.EscapeDataString("so huu tri tue"));
        Assert.Equal("1.011938", Assert.Single(byField!).GetProperty("code").GetString());
        var online = await client.GetFromJsonAsync<JsonElement[]>("/api/procedures?onlineLevel=Full");
        Assert.Empty(online!);
        var bad = await client.GetAsync("/api/procedures?onlineLevel=muc5");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Mức độ trực tuyến", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Full_record_and_404_problem_in_Vietnamese()
    {
        using var client = app.CreateClient();
        var record = await client.GetFromJsonAsync<JsonElement>("/api/procedures/1.001770");
        Assert.Equal("Hoạt động khoa học và công nghệ", record.GetProperty("field").GetString());
        Assert.Equal(1000000m, record.GetProperty("fees").GetProperty("items")[0].GetProperty("amount").GetDecimal());
        Assert.Equal("10 ngày làm việc", record.GetProperty("processingTime").GetProperty("text").GetString());
        var missing = await client.GetAsync("/api/procedures/9.999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Không tìm thấy thủ tục.", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
