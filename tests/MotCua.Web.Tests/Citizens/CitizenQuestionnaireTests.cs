using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Citizens;

/// <summary>
/// The questionnaire a citizen can answer (from 15/12/2026), once per returned dossier; old ballots stay readable; the
/// public results per report period. Each test owns its app: the clock moves forward past the switch.
/// </summary>
public sealed class CitizenQuestionnaireTests
{
    private const string Phone = "0905123456";

    /// <summary>05/01/2027 09:00 Vietnam time: Q1/2027 under the 15th cut-off, after the switch.</summary>
    private static readonly DateTimeOffset AfterSwitch = new(2027, 1, 5, 2, 0, 0, TimeSpan.Zero);

    private static readonly int?[] GoodAnswers = [5, 4, 0, 1, 0, 5];

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task A_ballot_under_the_new_questions_is_stored_once_with_its_version()
    {
        await using var app = new MotCuaApp();
        var code = await LookupAndEvaluationTests.ReturnedDossierAsync(app);
        app.Clock.SetUtcNow(AfterSwitch);
        using var anonymous = app.CreateClient();

        var questions = await ReadAsync(await anonymous.GetAsync("/api/public/evaluation/questions"), HttpStatusCode.OK);
        Assert.Equal(1, questions.GetProperty("version").GetInt32());
        Assert.Equal(GoodAnswers.Length, questions.GetProperty("questions").GetArrayLength());
        Assert.Equal("Rất hài lòng", questions.GetProperty("questions")[0].GetProperty("choices")[0].GetProperty("label").GetString());

        // An old nine-indicator ballot is refused now: the form shows the new questions.
        var old = await ReadAsync(await anonymous.PostAsJsonAsync($"/api/public/dossiers/{code}/evaluation",
            new { phone = Phone, answers = new[] { 2, 2, 1, 2, 2, 2, 1, 2, 2 } }), HttpStatusCode.BadRequest);
        Assert.Contains("Phiếu chỉ có 6 câu hỏi.", old.GetProperty("errors").GetProperty("answers").EnumerateArray().Select(e => e.GetString()));

        var first = await ReadAsync(await anonymous.PostAsJsonAsync($"/api/public/dossiers/{code}/evaluation", new { phone = Phone, answers = GoodAnswers }), HttpStatusCode.Created);
        Assert.Equal(12, first.GetProperty("total").GetInt32());
        Assert.Equal(12, first.GetProperty("maxTotal").GetInt32());
        Assert.Equal(1, first.GetProperty("questionnaireVersion").GetInt32());
        var second = await ReadAsync(await anonymous.PostAsJsonAsync($"/api/public/dossiers/{code}/evaluation", new { phone = Phone, answers = GoodAnswers }), HttpStatusCode.Conflict);
        Assert.Contains("một lần", second.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        var ballot = await db.DossierEvaluations.SingleAsync(e => e.DossierCode == code);
        Assert.Equal("5,4,0,1,0,5", ballot.Answers);
        Assert.Equal(1, ballot.QuestionnaireVersion);
        Assert.Equal(12, ballot.Total);
    }

    [Fact]
    public async Task The_form_asks_plain_questions_and_names_a_missing_answer_in_vietnamese()
    {
        await using var app = new MotCuaApp();
        var code = await LookupAndEvaluationTests.ReturnedDossierAsync(app);
        app.Clock.SetUtcNow(AfterSwitch);
        using var anonymous = app.CreateClient();
        var token = await MotCuaApp.AntiforgeryTokenAsync(anonymous, "/tra-cuu/" + code);

        var shown = await (await anonymous.PostAsync($"/tra-cuu/{code}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Code"] = code, ["Factor"] = Phone,
        }))).Content.ReadAsStringAsync();
        Assert.Contains("data-version=\"1\"", shown, StringComparison.Ordinal);
        Assert.Contains("Nhìn chung, Ông/Bà có hài lòng với việc giải quyết hồ sơ không?", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Thời gian thực hiện của từng cơ quan", shown, StringComparison.Ordinal);

        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Code"] = code, ["Factor"] = Phone };
        foreach (var (i, value) in new[] { (0, "5"), (1, "4"), (3, "1"), (4, "0"), (5, "5") })
        {
            form[$"Answers[{i}]"] = value;
        }
        var refused = await (await anonymous.PostAsync($"/tra-cuu/{code}?handler=Evaluate", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();
        Assert.Contains("Câu 3 (Ông/Bà có phải bổ sung hồ sơ nhiều lần không?): chưa chọn câu trả lời.", refused, StringComparison.Ordinal);
        Assert.Contains("rating-error-2", refused, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.DossierEvaluations.AnyAsync(e => e.DossierCode == code));
        }

        form["Answers[2]"] = "0";
        var saved = await (await anonymous.PostAsync($"/tra-cuu/{code}?handler=Evaluate", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();
        Assert.Contains("Cảm ơn Ông/Bà đã đánh giá", saved, StringComparison.Ordinal);
        var again = await (await anonymous.PostAsync($"/tra-cuu/{code}?handler=Evaluate", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();
        Assert.Contains("chỉ được đánh giá một lần", again, StringComparison.Ordinal);
        await using var check = app.CreateDbContext();
        Assert.Equal("5,4,0,1,0,5", (await check.DossierEvaluations.SingleAsync(e => e.DossierCode == code)).Answers);
    }

    [Fact]
    public async Task Public_results_count_a_period_and_keep_old_and_new_ballots_apart()
    {
        await using var app = new MotCuaApp();
        using var anonymous = app.CreateClient();
        const string Q1of2025 = "/api/public/statistics?ky=quy&nam=2025&so=1";
        var before = (await ReadAsync(await anonymous.GetAsync(Q1of2025), HttpStatusCode.OK)).GetProperty("counts");

        var oldCode = await LookupAndEvaluationTests.ReturnedDossierAsync(app);
        var newCode = await LookupAndEvaluationTests.ReturnedDossierAsync(app);
        await ReadAsync(await anonymous.PostAsJsonAsync($"/api/public/dossiers/{oldCode}/evaluation",
            new { phone = Phone, answers = new[] { 2, 2, 1, 2, 2, 2, 1, 2, 2 } }), HttpStatusCode.Created);

        var q1 = await ReadAsync(await anonymous.GetAsync(Q1of2025), HttpStatusCode.OK);
        Assert.Equal("2025-Q1", q1.GetProperty("period").GetProperty("key").GetString());
        Assert.Equal("2024-12-15", q1.GetProperty("period").GetProperty("from").GetString());
        var counts = q1.GetProperty("counts");
        Assert.Equal(before.GetProperty("received").GetInt32() + 2, counts.GetProperty("received").GetInt32());
        Assert.Equal(before.GetProperty("resolved").GetInt32() + 2, counts.GetProperty("resolved").GetInt32());
        Assert.Equal(before.GetProperty("resolvedOnTime").GetInt32() + 2, counts.GetProperty("resolvedOnTime").GetInt32());
        var oldResults = Assert.Single(q1.GetProperty("satisfaction").EnumerateArray());
        Assert.Equal(0, oldResults.GetProperty("version").GetInt32());
        Assert.Equal(1, oldResults.GetProperty("ballots").GetInt32());

        app.Clock.SetUtcNow(AfterSwitch);
        await ReadAsync(await anonymous.PostAsJsonAsync($"/api/public/dossiers/{newCode}/evaluation", new { phone = Phone, answers = GoodAnswers }), HttpStatusCode.Created);
        // The default period is the quarter containing today: Q1/2027 from 15/12/2026.
        var current = await ReadAsync(await anonymous.GetAsync("/api/public/statistics"), HttpStatusCode.OK);
        Assert.Equal("2027-Q1", current.GetProperty("period").GetProperty("key").GetString());
        var results = Assert.Single(current.GetProperty("satisfaction").EnumerateArray());
        Assert.Equal(1, results.GetProperty("version").GetInt32());
        Assert.Equal(1, results.GetProperty("ballots").GetInt32());
        var overall = results.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("key").GetString() == "chung");
        Assert.Equal([100m, 0m, 0m, 0m, 0m], overall.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("percent").GetDecimal()));
        // The old ballot's quarter still shows it, under its own questions.
        var again = await ReadAsync(await anonymous.GetAsync(Q1of2025), HttpStatusCode.OK);
        Assert.Equal(0, Assert.Single(again.GetProperty("satisfaction").EnumerateArray()).GetProperty("version").GetInt32());

        var page = await (await anonymous.GetAsync("/thong-ke")).Content.ReadAsStringAsync();
        Assert.Contains("Quý I/2027", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"level-chung-5\"", page, StringComparison.Ordinal);
        Assert.Contains("Rất hài lòng: <strong>100,0%</strong> (1)", page, StringComparison.Ordinal);

        // The scoring page shows the period's data indicators beside the citizens' answers.
        using var leader = await app.LoginAsync("lanhdao");
        var scoring = await (await leader.GetAsync("/cham-diem-mot-cua?ky=quy&nam=2027&so=1")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"data-indicators\"", scoring, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"ballots-1\">1<", scoring, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/public/statistics?ky=thang", "ky")]
    [InlineData("/api/public/statistics?ky=quy&so=5", "ky")]
    [InlineData("/api/public/statistics?nam=abc", "nam")]
    public async Task Bad_periods_get_problem_details(string path, string field)
    {
        await using var app = new MotCuaApp();
        using var anonymous = app.CreateClient();
        var problem = await ReadAsync(await anonymous.GetAsync(path), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        var page = await anonymous.GetAsync(path.Replace("/api/public/statistics", "/thong-ke", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"error\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
