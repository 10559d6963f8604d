using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Calendar;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>
/// Round trips are the cost of a dossier command (docs/performance.md): what a receipt and a transfer send to the
/// database, counted for the request under test only.
/// </summary>
public sealed class DossierRoundTripTests
{
    [Fact]
    public async Task A_receipt_takes_no_savepoint_inside_its_transaction()
    {
        var log = new CommandLog();
        await using var app = new CountingApp(log);
        using var desk = await app.ApiClientAsync("motcua");

        var (status, _) = await log.RecordAsync(() => ReceiveAsync(desk));

        Assert.Equal(HttpStatusCode.Created, status);
        // The receipt holds the day's counter row from its number to its commit (ADR-004): a savepoint and its release
        // would be two more round trips inside that hold.
        Assert.Equal(0, log.Savepoints);
        Assert.Single(log.Commands, c => c.Contains("\"DossierCodeCounters\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_transfer_reads_the_calendar_stamp_once_for_its_decision_and_its_answer()
    {
        var log = new CommandLog();
        await using var app = new CountingApp(log);
        using var desk = await app.ApiClientAsync("motcua");
        var (_, code) = await ReceiveAsync(desk);
        int tdc;
        await using (var db = app.CreateDbContext())
        {
            tdc = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
        }

        var (status, _) = await log.RecordAsync(async () =>
        {
            using var response = await desk.PostAsJsonAsync($"/api/dossiers/{code}/actions", new { action = "transfer", unitId = tdc });
            return (response.StatusCode, "");
        });

        Assert.Equal(HttpStatusCode.OK, status);
        var stamp = Assert.Single(log.Commands, c => c.Contains("\"CalendarYears\"", StringComparison.Ordinal));
        // Not a statement of its own: the stamp rides in the dossier's load.
        Assert.Contains("FROM \"Dossiers\"", stamp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transfer_reads_once_before_its_write_and_once_for_its_answer()
    {
        var log = new CommandLog();
        await using var app = new CountingApp(log);
        using var desk = await app.ApiClientAsync("motcua");
        var tdc = await PlanTheUnitAsync(app, desk);
        var (_, warm) = await ReceiveAsync(desk);
        var (_, code) = await ReceiveAsync(desk);
        // The first transfer fills the reference caches (units, officers' sessions) that any later one finds warm.
        using (var first = await desk.PostAsJsonAsync($"/api/dossiers/{warm}/actions", new { action = "transfer", unitId = tdc }))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var (status, _) = await log.RecordAsync(async () =>
        {
            using var response = await desk.PostAsJsonAsync($"/api/dossiers/{code}/actions", new { action = "transfer", unitId = tdc });
            return (response.StatusCode, "");
        });

        Assert.Equal(HttpStatusCode.OK, status);
        // The dossier with the calendar's stamp before the write, and its report row by key (the status the national
        // portal should hold moves from "received" to "processing", which the reconciliation ledger compares); its
        // papers, history and forms for the answer after it.
        var reads = log.Commands.Where(c => !Writes(c)).ToList();
        Assert.True(reads.Count == 3, string.Join("\n----\n", reads));
        Assert.Single(reads, c => c.Contains("FROM \"ReportDossiers\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_assignment_in_the_unit_reads_no_report_row()
    {
        var log = new CommandLog();
        await using var app = new CountingApp(log);
        using var desk = await app.ApiClientAsync("motcua");
        using var leader = await app.ApiClientAsync("lanhdao");
        var tdc = await PlanTheUnitAsync(app, desk);
        var (_, code) = await ReceiveAsync(desk);
        using (var first = await desk.PostAsJsonAsync($"/api/dossiers/{code}/actions", new { action = "transfer", unitId = tdc }))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var (status, body) = await log.RecordAsync(async () =>
        {
            using var response = await leader.PostAsJsonAsync($"/api/dossiers/{code}/actions", new { action = "assign", assignee = "chuyenvien" });
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        });

        Assert.True(status == HttpStatusCode.OK, body);
        // Still processing: nothing changes for reports or the national portal, so the report row is neither read nor written.
        Assert.DoesNotContain(log.Commands, c => c.Contains("\"ReportDossiers\"", StringComparison.Ordinal));
    }

    private static bool Writes(string command) =>
        command.Contains("INSERT ", StringComparison.Ordinal) || command.Contains("UPDATE ", StringComparison.Ordinal) || command.Contains("DELETE ", StringComparison.Ordinal);

    /// <summary>An approved process naming the TĐC unit for the bench's procedure, so no transfer needs the report row's unit; returns the unit.</summary>
    private static async Task<int> PlanTheUnitAsync(MotCuaApp app, HttpClient desk)
    {
        var (_, first) = await ReceiveAsync(desk);
        await using var db = app.CreateDbContext();
        var tdc = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
        var versionId = await db.Set<Dossier>().Where(d => d.Code == first).Select(d => d.ProcedureVersionId).SingleAsync();
        var process = new InternalProcess { ProcedureVersionId = versionId, State = ProcessState.InForce };
        process.Steps.Add(new ProcessStep { Seq = 1, Kind = StepKind.Appraise, UnitId = tdc, DurationValue = 5, DurationUnit = TimeUnit.WorkingDays });
        db.Add(process);
        await db.SaveChangesAsync();
        return tdc;
    }

    [Fact]
    public async Task A_first_transfer_to_the_unit_its_plan_names_writes_only_the_report_row_s_status_code()
    {
        var log = new CommandLog();
        await using var app = new CountingApp(log);
        using var desk = await app.ApiClientAsync("motcua");
        var (_, first) = await ReceiveAsync(desk);
        int tdc;
        await using (var db = app.CreateDbContext())
        {
            tdc = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
            var versionId = await db.Set<Dossier>().Where(d => d.Code == first).Select(d => d.ProcedureVersionId).SingleAsync();
            var process = new InternalProcess { ProcedureVersionId = versionId, State = ProcessState.InForce };
            process.Steps.Add(new ProcessStep { Seq = 1, Kind = StepKind.Appraise, UnitId = tdc, DurationValue = 5, DurationUnit = TimeUnit.WorkingDays });
            db.Add(process);
            await db.SaveChangesAsync();
        }
        var (_, code) = await ReceiveAsync(desk);

        var (status, _) = await log.RecordAsync(async () =>
        {
            using var response = await desk.PostAsJsonAsync($"/api/dossiers/{code}/actions", new { action = "transfer", unitId = tdc });
            return (response.StatusCode, "");
        });

        Assert.Equal(HttpStatusCode.OK, status);
        // The plan pinned the report row's unit at receipt: the transfer writes only the row's national status code.
        // One batch may carry several statements (PostgreSQL): the report row's own UPDATE, up to its end.
        var batch = Assert.Single(log.Commands, c => c.Contains("UPDATE \"ReportDossiers\"", StringComparison.Ordinal));
        var update = batch[batch.IndexOf("UPDATE \"ReportDossiers\"", StringComparison.Ordinal)..].Split(';')[0];
        Assert.Contains("\"NationalCode\"", update, StringComparison.Ordinal);
        Assert.DoesNotContain("\"UnitId\"", update, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Code)> ReceiveAsync(HttpClient desk)
    {
        using var response = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173",
            channel = "direct",
            applicant = new { name = "Người Đếm Câu Lệnh", idNumber = "079085004321", phone = "0905123499", address = "Tuy Hòa, Phú Yên" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true } },
        });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.StatusCode == HttpStatusCode.Created ? JsonDocument.Parse(text).RootElement.GetProperty("code").GetString()! : text);
    }

    /// <summary>Commands and savepoints of the request being recorded (the execution context flows into the test server).</summary>
    private sealed class CommandLog : IDbCommandInterceptor, IDbTransactionInterceptor
    {
        private readonly AsyncLocal<Recording?> current = new();

        private sealed class Recording
        {
            public ConcurrentQueue<string> Commands { get; } = new();

            public int Savepoints;
        }

        private Recording? last;

        public IReadOnlyCollection<string> Commands => last?.Commands ?? new ConcurrentQueue<string>();

        public int Savepoints => last?.Savepoints ?? 0;

        public async Task<T> RecordAsync<T>(Func<Task<T>> call)
        {
            var recording = new Recording();
            current.Value = recording;
            try
            {
                return await call();
            }
            finally
            {
                current.Value = null;
                last = recording;
            }
        }

        private void Note(DbCommand command) => current.Value?.Commands.Enqueue(command.CommandText);

        public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Note(command);
            return ValueTask.FromResult(result);
        }

        public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Note(command);
            return ValueTask.FromResult(result);
        }

        public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Note(command);
            return ValueTask.FromResult(result);
        }

        public ValueTask<InterceptionResult> CreatingSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (current.Value is { } recording)
            {
                Interlocked.Increment(ref recording.Savepoints);
            }
            return ValueTask.FromResult(result);
        }
    }

    private sealed class CountingApp(CommandLog log) : MotCuaApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(log));
                services.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(log));
                // The request runs in the test's execution context, so only its own commands are recorded.
                services.Configure<TestServerOptions>(o => o.PreserveExecutionContext = true);
            });
        }
    }
}
