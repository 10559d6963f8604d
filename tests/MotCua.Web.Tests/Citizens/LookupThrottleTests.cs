using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Shared.Caching;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Citizens;

/// <summary>
/// The look-up's second factor travels in a header or a posted form, never the
/// address; after a few wrong factors for one code, that code answers "try again later" to everyone for a while, the
/// same answer for a right or wrong factor and for a known or unknown code; the count lives in the database.
/// </summary>
public sealed class LookupThrottleTests
{
    private const string Phone = "0905123456";

    private static Task<HttpResponseMessage> LookupAsync(HttpClient client, string code, string? factor) =>
        LookupAndEvaluationTests.LookupAsync(client, code, factor);

    private static async Task<(HttpStatusCode Status, string? Title, string? Detail)> AnswerAsync(HttpResponseMessage response)
    {
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (response.StatusCode, json.TryGetProperty("title", out var t) ? t.GetString() : null, json.TryGetProperty("detail", out var d) ? d.GetString() : null);
    }

    [Fact]
    public async Task The_factor_in_the_address_is_refused_and_the_header_is_accepted()
    {
        await using var app = new MotCuaApp();
        using var desk = await app.ApiClientAsync("motcua");
        var code = await LookupAndEvaluationTests.ReceiveAsync(desk, "Người Tra Cứu Địa Chỉ");
        using var anonymous = app.CreateClient();

        var inAddress = await anonymous.GetAsync($"/api/public/dossiers/{code}?phone={Phone}");
        var text = await inAddress.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, inAddress.StatusCode);
        Assert.Contains("không được gửi trong địa chỉ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Người Tra Cứu Địa Chỉ", text, StringComparison.Ordinal);

        var ok = await LookupAsync(anonymous, code, Phone);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("no-store", ok.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);

        // The public page posts the factor; its form never uses GET.
        var page = await anonymous.GetStringAsync("/tra-cuu/" + code);
        Assert.Contains("<form method=\"post\" class=\"card actions\" data-testid=\"lookup-form\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_factors_lock_the_code_for_everyone_and_the_lock_reveals_nothing()
    {
        await using var app = new MotCuaApp();
        app.Settings["MotCua:RateLimits:LookupPerMinute"] = "1000";
        using var desk = await app.ApiClientAsync("motcua");
        var code = await LookupAndEvaluationTests.ReceiveAsync(desk, "Người Bị Dò Mã");
        const string unknown = "SKHCN-250310-9876";

        // Five guesses, each "from another address" (a fresh client; the limit is per code, not per address); the fifth
        // already answers that the code is locked.
        for (var i = 0; i < 5; i++)
        {
            using var guesser = app.CreateClient();
            guesser.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113." + (i + 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var guess = "09051234" + (60 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var expected = i < 4 ? HttpStatusCode.NotFound : HttpStatusCode.TooManyRequests;
            Assert.Equal(expected, (await LookupAsync(guesser, code, guess)).StatusCode);
            Assert.Equal(expected, (await LookupAsync(guesser, unknown, guess)).StatusCode);
        }

        using var owner = app.CreateClient();
        var right = await AnswerAsync(await LookupAsync(owner, code, Phone));
        var wrong = await AnswerAsync(await LookupAsync(owner, code, "0905123499"));
        var unknownCode = await AnswerAsync(await LookupAsync(owner, unknown, Phone));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.Status);
        Assert.Equal(right, wrong);          // the right factor is not confirmed while locked
        Assert.Equal(right, unknownCode);    // nor is the code's existence
        Assert.Contains("thử lại sau", right.Detail, StringComparison.Ordinal);

        // The page and the evaluation say the same.
        var token = await MotCuaApp.AntiforgeryTokenAsync(owner, "/tra-cuu/" + code);
        var page = await owner.PostAsync("/tra-cuu/" + code, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Code"] = code, ["Factor"] = Phone,
        }));
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("tạm khóa tra cứu", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Người Bị Dò Mã", html, StringComparison.Ordinal);
        var evaluation = await owner.PostAsJsonAsync($"/api/public/dossiers/{code}/evaluation", new { phone = Phone, answers = new[] { 2, 2, 2, 2, 2, 2, 2, 2, 2 } });
        Assert.Equal(HttpStatusCode.TooManyRequests, evaluation.StatusCode);

        // Kept in the database, so every instance sees the same lock.
        await using (var db = app.CreateDbContext())
        {
            var locked = await db.Database.SqlQuery<long>($"SELECT \"LockedUntil\" AS \"Value\" FROM \"LookupThrottles\" WHERE \"Code\" = {code}").ToListAsync();
            Assert.True(Assert.Single(locked) > app.Clock.GetUtcNow().UtcTicks);
        }

        // After the lock, the right factor opens the dossier again.
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.OK, (await LookupAsync(owner, code, Phone)).StatusCode);
    }

    [Fact]
    public async Task A_few_typos_do_not_lock_and_a_right_factor_clears_them()
    {
        await using var app = new MotCuaApp();
        using var desk = await app.ApiClientAsync("motcua");
        var code = await LookupAndEvaluationTests.ReceiveAsync(desk, "Người Gõ Nhầm");
        using var client = app.CreateClient();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 4; i++)
            {
                Assert.Equal(HttpStatusCode.NotFound, (await LookupAsync(client, code, "0905123400")).StatusCode);
            }
            Assert.Equal(HttpStatusCode.OK, (await LookupAsync(client, code, Phone)).StatusCode);
        }
    }

    [Fact]
    public async Task Guesses_during_a_lock_neither_count_nor_extend_it()
    {
        await using var app = new MotCuaApp();
        using var desk = await app.ApiClientAsync("motcua");
        var code = await LookupAndEvaluationTests.ReceiveAsync(desk, "Người Bị Khóa Lâu");
        const string unknown = "SKHCN-250310-9875";
        using var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await LookupAsync(client, code, "0905123400");
            await LookupAsync(client, unknown, "0905123400");
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LookupAsync(client, code, Phone)).StatusCode);

        // Ten minutes into the fifteen-minute lock, more guesses (known and unknown code) still meet the lock...
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, (await LookupAsync(client, code, "0905123400")).StatusCode);
            Assert.Equal(HttpStatusCode.TooManyRequests, (await LookupAsync(client, unknown, "0905123400")).StatusCode);
        }

        // ...and the lock still ends when it was set to, for both.
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.OK, (await LookupAsync(client, code, Phone)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await LookupAsync(client, unknown, Phone)).StatusCode);
    }

    [Fact]
    public async Task A_right_factor_reads_the_dossier_and_the_lock_in_one_statement()
    {
        var commands = new CommandLog();
        await using var app = new CommandCountingApp(commands);
        using var desk = await app.ApiClientAsync("motcua");
        var code = await LookupAndEvaluationTests.ReceiveAsync(desk, "Người Tra Cứu Nhanh");

        // Nobody guessed at the code: one statement, which also reads the code's lock.
        var found = await commands.CountAsync(app, db => PublicLookup.LookupAsync(db, app.Clock, code, Phone, CancellationToken.None));
        Assert.NotNull(found.Result.Value);
        Assert.Equal(1, found.Statements);

        // One typo: the count it left is cleared by the right factor, one more statement.
        var typo = await commands.CountAsync(app, db => PublicLookup.LookupAsync(db, app.Clock, code, "0905123400", CancellationToken.None));
        Assert.Null(typo.Result.Value);
        var cleared = await commands.CountAsync(app, db => PublicLookup.LookupAsync(db, app.Clock, code, Phone, CancellationToken.None));
        Assert.NotNull(cleared.Result.Value);
        Assert.Equal(2, cleared.Statements);
        Assert.Equal(1, (await commands.CountAsync(app, db => PublicLookup.LookupAsync(db, app.Clock, code, Phone, CancellationToken.None))).Statements);
    }

    [Fact]
    public async Task The_look_up_page_reads_its_answer_forecast_and_readers_once_each()
    {
        var commands = new CommandLog();
        await using var app = new CommandCountingApp(commands);
        using var desk = await app.ApiClientAsync("motcua");
        var code = await LookupAndEvaluationTests.ReceiveAsync(desk, "Người Tra Cứu Trang");
        using var scope = app.Services.CreateScope();
        var calendars = scope.ServiceProvider.GetRequiredService<CalendarProvider>();
        var cache = scope.ServiceProvider.GetRequiredService<ReferenceCache>();
        Task<(LookupAnswer Result, int Statements)> PageAsync() => commands.CountAsync(app, async db =>
        {
            var dossier = (await PublicLookup.FindAsync(db, app.Clock, code, Phone, CancellationToken.None, tracked: false)).Value!;
            return await LookupAnswer.ReadAsync(db, calendars, cache, app.Clock, dossier, 1, CancellationToken.None);
        });

        // The first look-up also fills the shared caches (the calendar, the procedure's step history).
        await PageAsync();
        var (answer, statements) = await PageAsync();

        Assert.Equal(code, answer.Result.Code);
        Assert.NotEmpty(answer.Result.Steps);
        Assert.Equal(answer.Result.Code, answer.Forecast.Code);
        Assert.Equal(0, answer.Readers.Total);
        // The dossier with its lock, the facts (steps, names, hours, level...), the reads of it and the lists naming it.
        Assert.Equal(4, statements);
    }

    /// <summary>The statements one call sends, counted for the calling flow only (background jobs send their own).</summary>
    private sealed class CommandLog : DbCommandInterceptor
    {
        private readonly AsyncLocal<List<string>?> current = new();

        public async Task<(T Result, int Statements)> CountAsync<T>(MotCuaApp app, Func<AppDbContext, Task<T>> call)
        {
            await using var db = app.CreateDbContext();
            var log = new List<string>();
            current.Value = log;
            try
            {
                return (await call(db), log.Count);
            }
            finally
            {
                current.Value = null;
            }
        }

        private void Note(DbCommand command) => current.Value?.Add(command.CommandText);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Note(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Note(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Note(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private sealed class CommandCountingApp(CommandLog commands) : MotCuaApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(commands));
                services.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(commands));
            });
        }
    }
}
