using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>
/// Every receipt path refuses invalid phone and ID numbers, guessable look-up factors and
/// oversized fields with Vietnamese messages, and stores nothing; valid numbers are stored in one normalised form.
/// </summary>
public sealed class ReceiptValidationTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Procedure = "1.000173";

    private static string Unique(string name) => name + " " + Guid.NewGuid().ToString("N")[..8];

    private static object Receipt(string name, string? idNumber = "079085001234", string? phone = "0905123456", object? papers = null) => new
    {
        procedureCode = Procedure,
        channel = "direct",
        applicant = new { name, idNumber, phone, address = "Tuy Hòa, Phú Yên" },
        papers = papers ?? new[] { new { name = "Đơn đề nghị", present = true, quantity = 1 } },
    };

    private async Task<JsonElement> RefusedAsync(HttpClient desk, object body, string field)
    {
        await using var db = app.CreateDbContext();
        var before = await db.Dossiers.CountAsync();
        var response = await desk.PostAsJsonAsync("/api/dossiers", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text[..Math.Min(400, text.Length)]}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal("Dữ liệu không hợp lệ.", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), field + " not in " + text[..Math.Min(400, text.Length)]);
        Assert.Matches("[ạảãàáâậầấẩẫăắằặẳẵóòọõỏôộổỗồốơờớợởỡéèẻẹẽêếềệểễúùụủũưựữửừứíìịỉĩýỳỷỵỹđ]", messages[0].GetString());
        Assert.Equal(before, await db.Dossiers.CountAsync());
        return problem;
    }

    [Fact]
    public async Task The_API_refuses_invalid_and_guessable_numbers()
    {
        using var desk = await app.ApiClientAsync("motcua");
        await RefusedAsync(desk, Receipt(Unique("Người Số Một"), idNumber: "1", phone: null), "applicant.idNumber");
        await RefusedAsync(desk, Receipt(Unique("Người Số Một"), idNumber: null, phone: "1"), "applicant.phone");
        await RefusedAsync(desk, Receipt(Unique("Người Số Dễ Đoán"), idNumber: null, phone: "0900000000"), "applicant.phone");
        await RefusedAsync(desk, Receipt(Unique("Người Số Dễ Đoán"), idNumber: "123456789012", phone: null), "applicant.idNumber");
    }

    [Fact]
    public async Task The_API_refuses_oversized_receipts()
    {
        using var desk = await app.ApiClientAsync("motcua");
        await RefusedAsync(desk, Receipt(new string('A', 100_000)), "applicant.name");
        var many = Enumerable.Range(0, 10_000).Select(i => new { name = "Bản sao " + i, present = true, quantity = int.MaxValue }).ToArray();
        await RefusedAsync(desk, Receipt(Unique("Người Nhiều Giấy"), papers: many), "papers");
        await RefusedAsync(desk, Receipt(Unique("Người Số Lượng"), papers: new[] { new { name = "Bản sao", present = true, quantity = int.MaxValue } }), "papers[0].quantity");
        await RefusedAsync(desk, Receipt(Unique("Người Số Lượng"), papers: new[] { new { name = "Bản sao", present = true, quantity = 0 } }), "papers[0].quantity");
        await RefusedAsync(desk, Receipt(Unique("Người Tên Giấy Dài"), papers: new[] { new { name = new string('G', 5_000), present = true, quantity = 1 } }), "papers[0].name");
        await RefusedAsync(desk, new
        {
            procedureCode = Procedure, channel = "direct", note = new string('n', 10_000),
            applicant = new { name = Unique("Người Địa Chỉ Dài"), idNumber = "079085001234", address = new string('đ', 5_000), email = new string('e', 300) + "@example.vn" },
        }, "applicant.address");
    }

    [Fact]
    public async Task Valid_numbers_are_stored_in_one_normalised_form()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var name = Unique("Người Số Chuẩn");
        var created = await desk.PostAsJsonAsync("/api/dossiers", Receipt(name, idNumber: " 079.085.001.234 ", phone: "+84 905 123 456"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await using var db = app.CreateDbContext();
        var d = await db.Dossiers.SingleAsync(x => x.ApplicantName == name);
        Assert.Equal("0905123456", d.ApplicantPhone);
        Assert.Equal("079085001234", d.ApplicantIdNumber);
    }

    [Fact]
    public async Task The_receipt_page_shows_the_Vietnamese_errors_and_stores_nothing()
    {
        using var desk = await app.LoginAsync("motcua");
        var name = Unique("Người Tại Quầy");
        var token = await MotCuaApp.AntiforgeryTokenAsync(desk, "/mot-cua/tiep-nhan?procedure=" + Procedure);
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Procedure"] = Procedure, ["Channel"] = "Direct", ["ApplicantKind"] = "Individual",
            ["Name"] = name, ["IdNumber"] = "1", ["Phone"] = "12", ["Address"] = new string('đ', 600),
            ["Papers[0].Name"] = "Đơn đề nghị", ["Papers[0].Present"] = "true", ["Papers[0].Form"] = "Original", ["Papers[0].Quantity"] = "2147483647",
            ["Payment"] = "Unpaid", ["outcome"] = "receive",
        };
        var response = await desk.PostAsync("/mot-cua/tiep-nhan?procedure=" + Procedure, new FormUrlEncodedContent(form));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Số giấy tờ không hợp lệ", html, StringComparison.Ordinal);
        Assert.Contains("Số điện thoại không hợp lệ", html, StringComparison.Ordinal);
        Assert.Contains("Địa chỉ dài tối đa 500 ký tự", html, StringComparison.Ordinal);
        Assert.Contains("phải từ 1 đến 100", html, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Dossiers.AnyAsync(d => d.ApplicantName == name));
    }

    [Fact]
    public async Task The_historical_import_refuses_invalid_numbers()
    {
        using var admin = await app.ApiClientAsync("admin");
        var name = Unique("Người Nhập Cũ");
        var response = await admin.PostAsJsonAsync("/api/dossiers/import", new[]
        {
            new
            {
                procedureCode = Procedure, channel = "direct",
                applicant = new { name, idNumber = "1", phone = "0905", address = new string('đ', 600) },
                receivedAt = "2024-03-11T09:00:00+07:00", dueAt = "2024-03-25T09:00:00+07:00",
            },
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("[0].applicant.idNumber", out _), text);
        Assert.True(errors.TryGetProperty("[0].applicant.phone", out _), text);
        Assert.True(errors.TryGetProperty("[0].applicant.address", out _), text);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Dossiers.AnyAsync(d => d.ApplicantName == name));
    }

    [Fact]
    public async Task Online_submission_refuses_an_invalid_phone()
    {
        await using var online = new MotCuaApp();
        await MotCua.Web.Tests.Citizens.OnlineSubmissionTests.OfferOnlineAsync(online, MotCua.Core.Procedures.OnlineServiceLevel.Partial);
        using var anonymous = online.CreateClient();
        var token = await MotCuaApp.AntiforgeryTokenAsync(anonymous, "/nop-truc-tuyen?thu-tuc=" + Procedure);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(Procedure), "thu-tuc" },
            { new StringContent("Người Nộp Số Sai"), "Name" },
            { new StringContent("1"), "Phone" },
            { new StringContent("1"), "IdNumber" },
            { new StringContent("true"), "Consent" },
        };
        var html = WebUtility.HtmlDecode(await (await anonymous.PostAsync("/nop-truc-tuyen?thu-tuc=" + Procedure, form)).Content.ReadAsStringAsync());
        Assert.Contains("Số điện thoại không hợp lệ", html, StringComparison.Ordinal);
        await using var db = online.CreateDbContext();
        Assert.False(await db.Dossiers.AnyAsync(d => d.ApplicantName == "Người Nộp Số Sai"));
    }

    [Fact]
    public async Task A_legacy_stored_value_that_is_not_a_valid_number_never_opens_the_look_up()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var name = Unique("Người Dữ Liệu Cũ");
        var created = await desk.PostAsJsonAsync("/api/dossiers", Receipt(name));
        var code = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
        await using (var db = app.CreateDbContext())
        {
            // What receipts stored before the rules: an ID number "1" and a phone "0900000000".
            await db.Dossiers.Where(d => d.Code == code).ExecuteUpdateAsync(s => s.SetProperty(d => d.ApplicantIdNumber, "1").SetProperty(d => d.ApplicantPhone, "0900000000"));
        }
        using var anonymous = app.CreateClient();
        foreach (var factor in new[] { "1", "0900000000" })
        {
            var response = await MotCua.Web.Tests.Citizens.LookupAndEvaluationTests.LookupAsync(anonymous, code, factor);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(name, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
