using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Scaling;
using Npgsql;
using Rebus.Activation;
using Rebus.Config;
using Rebus.Handlers;
using Rebus.Sagas;

namespace MotCua.Load;

/// <summary>
/// The same internal process — receive → assign → appraise → approve → return, each step persisted with its audit
/// row — run by MotCua's workflow (in-process, <see cref="DossierWorkflow"/> on PostgreSQL), by Rebus sagas on
/// PostgreSQL (transport and saga storage) and by bpmn-engine (Node) with its state in PostgreSQL. Instances per second.
/// </summary>
public static class Peers
{
    public static async Task<int> RunAsync(Options o)
    {
        var cs = o.Required("connection");
        var seconds = o.Number("seconds", 10);
        var workers = o.Number("workers", 16);
        var results = new List<(string Name, double Rate, string Note)>();

        var motcua = await MotCuaAsync(cs, seconds, workers, o.Flag("trace"));
        results.Add(("MotCua DossierWorkflow (in-process)", motcua, "6 persisted steps: receive, transfer, assign, appraise, approve, return; each one SaveChanges with history, audit and outbox rows"));
        try
        {
            results.Add(("Rebus 8 sagas, PostgreSQL transport + saga storage", await RebusAsync(cs, o.Number("rebus-count", 300), workers), "5 messages per instance; saga data and one audit row per step"));
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            results.Add(("Rebus 8 sagas", double.NaN, "failed: " + ex.Message));
        }
        if (o.Get("bench-dir") is { } dir)
        {
            results.Add(await BpmnAsync(dir, cs, seconds));
        }

        Console.WriteLine("| engine | instances/s | MotCua ÷ engine | notes |\n|---|--:|--:|---|");
        foreach (var (name, rate, note) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {rate:F1} | {(double.IsNaN(rate) ? "–" : (motcua / rate).ToString("F2", CultureInfo.InvariantCulture) + "×")} | {note} |"));
        }
        return 0;
    }

    private static ClaimsPrincipal Officer(string userName, string role, int agencyId, int? unitId) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, userName), new Claim(ClaimTypes.NameIdentifier, userName), new Claim(ClaimTypes.Role, role),
            new Claim(MotCuaClaims.AgencyId, agencyId.ToString(CultureInfo.InvariantCulture)), new Claim(MotCuaClaims.FullName, userName),
            .. unitId is { } u ? new[] { new Claim(MotCuaClaims.UnitId, u.ToString(CultureInfo.InvariantCulture)) } : [],
        ], "bench"));

    private static async Task<double> MotCuaAsync(string cs, int seconds, int workers, bool trace)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        var statements = new StatementLog();
        if (trace)
        {
            // --trace: every SQL statement of one instance, step by step (what a step costs in round trips).
            builder.Logging.AddProvider(statements);
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information);
        }
        builder.Configuration["MotCua:Database:Provider"] = "Postgres";
        builder.Configuration["MotCua:Database:ConnectionString"] = cs;
        builder.Services.AddMotCuaDatabase(builder.Configuration, builder.Environment);
        // The shared file store (dossier papers and results); the rest of the shell (Razor, ProblemDetails) is not needed.
        builder.Services.AddSingleton<MotCua.Web.Shared.Files.FileStore>();
        builder.Services.AddScaleOut();
        builder.Services.AddMotCuaIdentity();
        builder.Services.AddAudit(builder.Configuration);
        builder.Services.AddOrganisation();
        builder.Services.AddCalendar();
        builder.Services.AddCatalogue();
        builder.Services.AddDossiers();
        builder.Services.AddNotifications(builder.Configuration);
        await using var app = builder.Build(); // never started: no hosted services, no HTTP

        int agencyId, deskUnit, leaderUnit, unit;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            agencyId = await db.Agencies.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            deskUnit = await db.Units.Where(u => u.Kind == UnitKind.OneStopDesk).Select(u => u.Id).FirstAsync();
            leaderUnit = await db.Units.Where(u => u.Kind == UnitKind.Leadership).Select(u => u.Id).FirstAsync();
            unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).FirstAsync();
        }
        var desk = Officer("motcua", Roles.OneStopOfficer, agencyId, deskUnit);
        var leader = Officer("lanhdao", Roles.Leader, agencyId, leaderUnit);
        var specialist = Officer("chuyenvien", Roles.Specialist, agencyId, unit);
        var input = new ReceiptInput("1.000173", DossierChannel.Direct, new ApplicantInput(ApplicantKind.Individual, "Nguyễn Văn Bình", "079085001234", "0905123456", null, "Tuy Hòa"),
            [new PaperInput("Đơn đề nghị", true)]);

        async Task Step(Func<DossierWorkflow, Task<WorkflowOutcome>> act)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var outcome = await act(scope.ServiceProvider.GetRequiredService<DossierWorkflow>());
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException("MotCua step failed: " + outcome.Message);
            }
        }

        async Task Instance(CancellationToken ct, Action<string>? after = null)
        {
            string code = "";
            await Step(async w =>
            {
                var r = await w.ReceiveAsync(input, desk, null, null, ct);
                code = r.Dossier?.Code ?? "";
                return r;
            });
            after?.Invoke("receive");
            await Step(w => w.ApplyAsync(code, DossierAction.Transfer, new ActionInput(UnitId: unit), null, desk, ct));
            after?.Invoke("transfer");
            await Step(w => w.ApplyAsync(code, DossierAction.Assign, new ActionInput(Assignee: "chuyenvien"), null, leader, ct));
            after?.Invoke("assign");
            await Step(w => w.ApplyAsync(code, DossierAction.Appraise, new ActionInput(), null, specialist, ct));
            after?.Invoke("appraise");
            await Step(w => w.ApplyAsync(code, DossierAction.Approve, new ActionInput(), null, leader, ct));
            after?.Invoke("approve");
            await Step(w => w.ApplyAsync(code, DossierAction.Return, new ActionInput(Delivery: ResultDelivery.AtDesk), null, desk, ct));
            after?.Invoke("return");
        }

        if (trace)
        {
            await Instance(CancellationToken.None); // warm caches, so the trace shows the steady state
            statements.Clear();
            await Instance(CancellationToken.None, step =>
            {
                var taken = statements.Take();
                Console.WriteLine($"-- {step}: {taken.Count} statements");
                foreach (var sql in taken)
                {
                    Console.WriteLine("   " + sql.ReplaceLineEndings(" "));
                }
            });
        }

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var m = await Measure.RunAsync("motcua", workers, TimeSpan.FromSeconds(seconds), async (_, ct) =>
        {
            await Instance(ct);
            return null;
        });
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  MotCua peer: {m.Ops} instances, CPU of the workflow's process {cpu.TotalMilliseconds / Math.Max(1, m.Ops):F1} ms per instance"));
        if (m.Errors > 0)
        {
            Console.Error.WriteLine($"  MotCua peer: {m.Errors} errors, first: {m.FirstError}");
        }
        return m.Rate;
    }

    /// <summary>Collects the SQL text of EF Core's executed-command log lines (for <c>peers --trace</c>).</summary>
    private sealed class StatementLog : ILoggerProvider, ILogger
    {
        private readonly List<string> lines = [];

        public ILogger CreateLogger(string categoryName) =>
            categoryName == "Microsoft.EntityFrameworkCore.Database.Command" ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Name?.EndsWith("CommandExecuted", StringComparison.Ordinal) != true)
            {
                return;
            }
            var text = formatter(state, exception);
            var start = text.IndexOf('\n', StringComparison.Ordinal);
            lock (lines)
            {
                lines.Add(start < 0 ? text : text[(start + 1)..]);
            }
        }

        public void Clear()
        {
            lock (lines)
            {
                lines.Clear();
            }
        }

        public List<string> Take()
        {
            lock (lines)
            {
                var copy = lines.ToList();
                lines.Clear();
                return copy;
            }
        }

        public void Dispose()
        {
        }
    }

    // ---------------------------------------------------------------- Rebus

    public sealed record StartCase(string CaseId);

    public sealed record CaseStep(string CaseId, int Step);

    public sealed class CaseData : SagaData
    {
        public string CaseId { get; set; } = "";

        public int Step { get; set; }

        public string Status { get; set; } = "";
    }

    private static readonly string[] StepNames = ["received", "assigned", "appraised", "approved", "returned"];

    /// <summary>One saga per case; each handler moves the case one step, writes its audit row, and sends the next step.</summary>
    public sealed class CaseSaga(Rebus.Bus.IBus bus, NpgsqlDataSource audit, Action done) : Saga<CaseData>, IAmInitiatedBy<StartCase>, IHandleMessages<CaseStep>
    {
        protected override void CorrelateMessages(ICorrelationConfig<CaseData> config)
        {
            config.Correlate<StartCase>(m => m.CaseId, d => d.CaseId);
            config.Correlate<CaseStep>(m => m.CaseId, d => d.CaseId);
        }

        public async Task Handle(StartCase message)
        {
            Data.CaseId = message.CaseId;
            await AdvanceAsync(0);
        }

        public Task Handle(CaseStep message) => AdvanceAsync(message.Step);

        private async Task AdvanceAsync(int step)
        {
            Data.Step = step;
            Data.Status = StepNames[step];
            await using (var cmd = audit.CreateCommand("INSERT INTO rebus_audit (case_id, step, at) VALUES ($1, $2, now())"))
            {
                cmd.Parameters.AddWithValue(Data.CaseId);
                cmd.Parameters.AddWithValue(StepNames[step]);
                await cmd.ExecuteNonQueryAsync();
            }
            if (step + 1 < StepNames.Length)
            {
                await bus.SendLocal(new CaseStep(Data.CaseId, step + 1));
            }
            else
            {
                MarkAsComplete();
                done();
            }
        }
    }

    private static async Task<double> RebusAsync(string given, int count, int workers)
    {
        // Rebus gets the same Npgsql settings as MotCua's workflow (statement preparation, no reset on checkout).
        var cs = DatabaseSetup.PostgresConnectionString(given);
        await using var audit = NpgsqlDataSource.Create(cs);
        await using (var cmd = audit.CreateCommand("CREATE TABLE IF NOT EXISTS rebus_audit (id bigserial primary key, case_id text not null, step text not null, at timestamptz not null)"))
        {
            await cmd.ExecuteNonQueryAsync();
        }
        var completed = 0;
        var all = new TaskCompletionSource();
        using var activator = new BuiltinHandlerActivator();
        activator.Register((bus, _) => new CaseSaga(bus, audit, () =>
        {
            if (Interlocked.Increment(ref completed) == count)
            {
                all.TrySetResult();
            }
        }));
        var bus = Configure.With(activator)
            .Logging(l => l.None())
            .Transport(t => t.UsePostgreSql(cs, "rebus_messages", "peers"))
            .Sagas(s => s.StoreInPostgres(cs, "rebus_saga_data", "rebus_saga_index"))
            .Options(o =>
            {
                o.SetNumberOfWorkers(2);
                o.SetMaxParallelism(workers);
            })
            .Start();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await bus.SendLocal(new StartCase("case-" + Guid.NewGuid().ToString("N")));
        }
        var finished = await Task.WhenAny(all.Task, Task.Delay(TimeSpan.FromMinutes(5))) == all.Task;
        var seconds = clock.Elapsed.TotalSeconds;
        if (!finished)
        {
            Console.Error.WriteLine($"  Rebus: only {completed} of {count} instances finished in 5 minutes");
        }
        return completed / seconds;
    }

    // ---------------------------------------------------------------- bpmn-engine (Node)

    private static async Task<(string, double, string)> BpmnAsync(string benchDir, string cs, int seconds)
    {
        var script = Path.Combine(benchDir, "peers", "bpmn-engine.mjs");
        var b = new NpgsqlConnectionStringBuilder(cs);
        var psi = new ProcessStartInfo("node", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.Combine(benchDir, "peers"),
        };
        psi.Environment["PGHOST"] = b.Host;
        psi.Environment["PGPORT"] = b.Port.ToString(CultureInfo.InvariantCulture);
        psi.Environment["PGUSER"] = b.Username;
        psi.Environment["PGDATABASE"] = b.Database;
        psi.Environment["BENCH_SECONDS"] = seconds.ToString(CultureInfo.InvariantCulture);
        try
        {
            using var p = Process.Start(psi)!;
            var stdout = await p.StandardOutput.ReadToEndAsync();
            var stderr = await p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            var line = stdout.Split('\n').LastOrDefault(l => l.StartsWith("instances/s:", StringComparison.Ordinal));
            return line is null
                ? ("bpmn-engine (Node)", double.NaN, "failed: " + (stderr + stdout).Trim().Split('\n').LastOrDefault())
                : ("bpmn-engine " + (stdout.Split('\n').FirstOrDefault(l => l.StartsWith("version:", StringComparison.Ordinal))?[8..].Trim() ?? "") + " (Node), state in PostgreSQL",
                    double.Parse(line[12..].Trim(), CultureInfo.InvariantCulture), "engine state (getState) and one audit row per step in one transaction per step");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return ("bpmn-engine (Node)", double.NaN, "failed: " + ex.Message);
        }
    }
}
