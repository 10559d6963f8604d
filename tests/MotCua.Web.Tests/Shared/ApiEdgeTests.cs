using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Core.Feedback;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Shared.Api;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Shared;

/// <summary>The request edge of the minimal APIs: enums by name, declarative validation, outcomes named in the signature.</summary>
public sealed class ApiEdgeTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    [Fact]
    public async Task An_enum_in_a_body_binds_by_its_camelCase_name()
    {
        using var focal = await app.ApiClientAsync("daumoi");
        // The name binds, so the answer is about the missing PAKN rather than the request.
        var response = await focal.PostAsJsonAsync("/api/feedback/KHONG-CO/actions", new { action = "approve" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("\"xoaSach\"")]
    [InlineData("1")]
    public async Task An_unknown_enum_value_in_a_body_is_a_vietnamese_400_on_its_field(string action)
    {
        using var focal = await app.ApiClientAsync("daumoi");
        using var body = new StringContent("{\"action\":" + action + "}", System.Text.Encoding.UTF8, "application/json");
        var problem = await ProblemAsync(await focal.PostAsync("/api/feedback/KHONG-CO/actions", body));
        Assert.Equal("Dữ liệu không hợp lệ.", problem.GetProperty("title").GetString());
        Assert.Equal(ApiEnums.Invalid<FeedbackAction>("Thao tác"), problem.GetProperty("errors").GetProperty("action")[0].GetString());
        Assert.StartsWith("Thao tác không hợp lệ. Dùng một trong: classifyInScope, ", ApiEnums.Invalid<FeedbackAction>("Thao tác"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_enum_is_refused_by_its_declared_rule()
    {
        using var focal = await app.ApiClientAsync("daumoi");
        var problem = await ProblemAsync(await focal.PostAsJsonAsync("/api/feedback/KHONG-CO/actions", new { answer = "Trả lời" }));
        Assert.Equal(ApiEnums.Invalid<FeedbackAction>("Thao tác"), problem.GetProperty("errors").GetProperty("action")[0].GetString());
    }

    [Fact]
    public async Task The_token_request_names_each_missing_field_in_vietnamese()
    {
        using var client = app.CreateClient();
        var problem = await ProblemAsync(await client.PostAsJsonAsync("/api/auth/token", new { userName = " " }));
        Assert.Equal("Dữ liệu không hợp lệ.", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Equal("Vui lòng nhập tên đăng nhập.", errors.GetProperty("userName")[0].GetString());
        Assert.Equal("Vui lòng nhập mật khẩu.", errors.GetProperty("password")[0].GetString());

        using var empty = new StringContent("", System.Text.Encoding.UTF8, "application/json");
        var none = await ProblemAsync(await client.PostAsync("/api/auth/token", empty));
        Assert.True(none.GetProperty("errors").TryGetProperty("userName", out _));
        Assert.True(none.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task A_password_of_spaces_is_checked_not_refused_as_missing()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "khong-co-ai", password = "   " });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_evaluation_without_the_phone_is_refused_before_any_lookup()
    {
        using var anonymous = app.CreateClient();
        var problem = await ProblemAsync(await anonymous.PostAsJsonAsync("/api/public/dossiers/KHONG-CO/evaluation", new { answers = new[] { 2, 2 } }));
        Assert.Equal("Thiếu thông tin xác thực.", problem.GetProperty("title").GetString());
        Assert.Equal(PublicLookup.NeedFactor, problem.GetProperty("errors").GetProperty("phone")[0].GetString());
    }

    [Fact]
    public void Enum_names_are_the_wire_names_and_numbers_are_refused()
    {
        Assert.Equal("failed", ApiEnums.Name(OutboxStatus.Dead));
        Assert.Equal("nationalPortal", ApiEnums.Name(OutboxChannel.NationalPortal));
        Assert.True(ApiEnums.TryParse<OutboxStatus>("FAILED", out var failed));
        Assert.Equal(OutboxStatus.Dead, failed);
        Assert.True(ApiEnums.TryParse<OutboxStatus>("dead", out var dead));
        Assert.Equal(OutboxStatus.Dead, dead);
        Assert.True(ApiEnums.TryParse<OutboxStatus>(" ", out var none));
        Assert.Null(none);
        Assert.False(ApiEnums.TryParse<OutboxStatus>("2", out _));
        Assert.False(ApiEnums.TryParse<OutboxStatus>("lost", out _));
    }

    [Theory]
    [InlineData("/api/dossiers/{code}/actions", "post", "200 400 401 403 404 409 422")]
    [InlineData("/api/dossiers", "post", "201 400 401 403 404 409 422")]
    [InlineData("/api/dossiers/{code}", "get", "200 401 403 404")]
    public async Task The_openapi_document_names_every_outcome_of_the_dossier_api(string path, string verb, string statuses)
    {
        using var client = app.CreateClient();
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var responses = doc.RootElement.GetProperty("paths").GetProperty(path).GetProperty(verb).GetProperty("responses");
        foreach (var status in statuses.Split(' '))
        {
            Assert.True(responses.TryGetProperty(status, out _), $"no {status} for {verb} {path} in the document");
        }
    }

    [Fact]
    public async Task An_unknown_name_in_a_dossier_receipt_is_refused_on_its_nested_field()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var problem = await ProblemAsync(await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173", channel = "direct", applicant = new { kind = "congTy", name = "Công ty Sai Loại" },
        }));
        Assert.Equal(ApiEnums.Invalid<MotCua.Web.Features.Dossiers.ApplicantKind>("Loại người nộp"),
            problem.GetProperty("errors").GetProperty("applicant.kind")[0].GetString());
        var missing = await ProblemAsync(await desk.PostAsJsonAsync("/api/dossiers", new { procedureCode = "1.000173" }));
        Assert.StartsWith("Kênh nộp không hợp lệ. Dùng một trong: direct, ", missing.GetProperty("errors").GetProperty("channel")[0].GetString(), StringComparison.Ordinal);
        var action = await ProblemAsync(await desk.PostAsJsonAsync("/api/dossiers/KHONG-CO/actions", new { action = "xoaSach" }));
        Assert.Equal(ApiEnums.Invalid<MotCua.Core.Dossiers.DossierAction>("Thao tác"), action.GetProperty("errors").GetProperty("action")[0].GetString());
    }

    [Fact]
    public async Task The_openapi_document_names_every_outcome_of_a_feedback_action()
    {
        using var client = app.CreateClient();
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var responses = doc.RootElement.GetProperty("paths").GetProperty("/api/feedback/{code}/actions").GetProperty("post").GetProperty("responses");
        foreach (var status in new[] { "200", "400", "403", "404", "409" })
        {
            Assert.True(responses.TryGetProperty(status, out _), $"no {status} in the document");
        }
    }
}
