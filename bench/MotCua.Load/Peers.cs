using System.Diagnostics;
using System.Globalization;
using System.Runtime;
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
using MotCua.Web.Features.Integrations;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Scaling;
using MotCua.Web.Shared;
using Npgsql;
using Rebus.Activation;
using Rebus.Config;
using Rebus.Handlers;
using Rebus.Sagas;

namespace MotCua.Load;

/// <summary>
/// The same internal process — receive → assign → appraise → approve → return, each step persisted with its audit
/// row — run by MotCua's workflow (in-process, <see cref="ActOnDossier"/> on PostgreSQL), by Rebus sagas on
/// PostgreSQL (transport and saga storage) and by bpmn-engine (Node) with its state in PostgreSQL. Instances per second.
/// </summary>
public static class Peers
{
    public static async Task<int> RunAsync(Options o)
    {
        var cs = o.Required("connection");
        var seconds = o.Number("seconds", 10);
        var workers = o.Number("workers", 16);
        // Every engine gets the same unmeasured warm-up before its window. With 5 s, MotCua's figure was mostly the JIT
        // tiering its first minute (49.6 ms of CPU per instance, against 12.1 ms after 90 s); see docs/performance.md.
        var warmup = TimeSpan.FromSeconds(o.Number("peers-warmup", 60));
        var results = new List<(string Name, double Rate, string Note)>();
        var engines = (o.Get("engines") ?? "motcua,rebus,bpmn").Split(',');

        var motcua = engines.Contains("motcua") ? await MotCuaAsync(cs, seconds, workers, warmup, o.Flag("trace")) : (Rate: double.NaN, Note: "");
        if (engines.Contains("motcua"))
        {
            results.Add(("MotCua dossier handlers (in-process)", motcua.Rate, "5 persisted steps: receive (with the transfer to the unit in the same save, as the desk's \"Tiếp nhận và chuyển xử lý\"), assign, appraise, approve, return; each one SaveChanges with history (6 rows), audit, outbox and report roll-up rows" + motcua.Note));
        }
        if (engines.Contains("rebus"))
        {
            try
            {
                var rebus = await RebusAsync(cs, seconds, workers, warmup, o.Number("rebus-workers", workers));
                results.Add(("Rebus 8 sagas, PostgreSQL transport + saga storage", rebus.Rate, "5 messages per instance; saga data and one audit row per step" + rebus.Note));
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                results.Add(("Rebus 8 sagas", double.NaN, "failed: " + ex.Message));
            }
        }
        if (o.Get("bench-dir") is { } dir && engines.Contains("bpmn"))
        {
            results.Add(await BpmnAsync(dir, cs, seconds, warmup));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Each engine: {workers} concurrent instances in a closed loop, {warmup.TotalSeconds:F0} s unmeasured warm-up, then {seconds} s measured.\n"));
        Console.WriteLine("| engine | instances/s | MotCua ÷ engine | notes |\n|---|--:|--:|---|");
        foreach (var (name, rate, note) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {rate:F1} | {(double.IsNaN(rate) ? "–" : (motcua.Rate / rate).ToString("F2", CultureInfo.InvariantCulture) + "×")} | {note} |"));
        }
        return 0;
    }

    /// <summary>CPU of this process per instance over the measured window (the engines run in it one after another).</summary>
    private sealed class CpuWindow
    {
        private TimeSpan before;

        public void Start() => before = Process.GetCurrentProcess().TotalProcessorTime;

        public string PerInstance(long ops) => string.Create(CultureInfo.InvariantCulture,
            $"; {(Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds / Math.Max(1, ops):F1} ms of CPU per instance in the engine's process");
    }

    private static ClaimsPrincipal Officer(string userName, string role, int agencyId, int? unitId) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, userName), new Claim(ClaimTypes.NameIdentifier, userName), new Claim(ClaimTypes.Role, role),
            new Claim(MotCuaClaims.AgencyId, agencyId.ToString(CultureInfo.InvariantCulture)), new Claim(MotCuaClaims.FullName, userName),
            .. unitId is { } u ? new[] { new Claim(MotCuaClaims.UnitId, u.ToString(CultureInfo.InvariantCulture)) } : [],
        ], "bench"));

    private static async Task<(double Rate, string Note)> MotCuaAsync(string cs, int seconds, int workers, TimeSpan warmup, bool trace)
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
        // Production requires the audit key; a fresh one per run is enough for a benchmark.
        builder.Configuration["MotCua:Audit:Key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        builder.Services.AddMotCuaDatabase(builder.Configuration, builder.Environment);
        // The shared file store (dossier papers and results); the rest of the shell (Razor, ProblemDetails) is not needed.
        builder.Services.AddSingleton<MotCua.Web.Shared.Files.FileStore>();
        builder.Services.AddScaleOut(builder.Configuration, builder.Environment);
        builder.Services.AddMotCuaIdentity();
        builder.Services.AddAudit(builder.Configuration, builder.Environment);
        builder.Services.AddOrganisation();
        builder.Services.AddCalendar();
        builder.Services.AddCatalogue();
        builder.Services.AddDossiers();
        builder.Services.AddNotifications(builder.Configuration);
        builder.Services.AddIntegrations(builder.Configuration);
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
            [new PaperInput("Đơn đề nghị", true)], TransferToUnitId: unit);

        async Task Step(Func<IServiceProvider, Task<WorkflowOutcome>> act)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var outcome = await act(scope.ServiceProvider);
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
                var r = await w.GetRequiredService<ReceiveDossier>().ReceiveAsync(input, desk, null, null, ct);
                code = r.Dossier?.Code ?? "";
                return r;
            });
            after?.Invoke("receive and transfer");
            await Step(w => w.GetRequiredService<ActOnDossier>().ApplyAsync(code, DossierAction.Assign, new ActionInput(Assignee: "chuyenvien"), null, leader, ct));
            after?.Invoke("assign");
            await Step(w => w.GetRequiredService<ActOnDossier>().ApplyAsync(code, DossierAction.Appraise, new ActionInput("Hồ sơ đủ điều kiện.", LeaderUserId: "lanhdao"), null, specialist, ct));
            after?.Invoke("appraise");
            await Step(w => w.GetRequiredService<ActOnDossier>().ApplyAsync(code, DossierAction.Approve, new ActionInput(), null, leader, ct));
            after?.Invoke("approve");
            await Step(w => w.GetRequiredService<ActOnDossier>().ApplyAsync(code, DossierAction.Return, new ActionInput(Delivery: ResultDelivery.AtDesk), null, desk, ct));
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

        // CPU, allocations and collections are counted over the measured window only (not the warm-up).
        TimeSpan cpuBefore = default;
        long allocatedBefore = 0;
        var gcBefore = 0;
        var pausedBefore = TimeSpan.Zero;
        var m = await Measure.RunAsync("motcua", workers, TimeSpan.FromSeconds(seconds), async (_, ct) =>
        {
            await Instance(ct);
            return null;
        }, warmup, started: () =>
        {
            cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            allocatedBefore = GC.GetTotalAllocatedBytes();
            gcBefore = GC.CollectionCount(0);
            pausedBefore = GC.GetTotalPauseDuration();
        });
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var perInstance = Math.Max(1, m.Ops);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  MotCua peer: {m.Ops} instances; per instance: CPU of the workflow's process {cpu.TotalMilliseconds / perInstance:F1} ms, allocated {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1024.0 / perInstance:F0} KB; {GC.CollectionCount(0) - gcBefore} collections pausing {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:F0} ms in all ({GCSettings.IsServerGC switch { true => "server", false => "workstation" }} GC)"));
        if (m.Errors > 0)
        {
            Console.Error.WriteLine($"  MotCua peer: {m.Errors} errors, first: {m.FirstError}");
        }
        return (m.Rate, string.Create(CultureInfo.InvariantCulture, $"; {cpu.TotalMilliseconds / perInstance:F1} ms of CPU per instance in the engine's process"));
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
    public sealed class CaseSaga(Rebus.Bus.IBus bus, NpgsqlDataSource audit, Action<string> done) : Saga<CaseData>, IAmInitiatedBy<StartCase>, IHandleMessages<CaseStep>
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
                done(Data.CaseId);
            }
        }
    }

    private static async Task<(double Rate, string Note)> RebusAsync(string given, int seconds, int workers, TimeSpan warmup, int rebusWorkers)
    {
        // Rebus gets the same Npgsql settings as MotCua's workflow (statement preparation, no reset on checkout).
        var cs = DatabaseSetup.PostgresConnectionString(given);
        await using var audit = NpgsqlDataSource.Create(cs);
        await using (var cmd = audit.CreateCommand("CREATE TABLE IF NOT EXISTS rebus_audit (id bigserial primary key, case_id text not null, step text not null, at timestamptz not null)"))
        {
            await cmd.ExecuteNonQueryAsync();
        }
        // The same closed loop as MotCua's: each of the workers starts a case and waits until its last step is handled.
        var waiting = new System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource>(StringComparer.Ordinal);
        using var activator = new BuiltinHandlerActivator();
        activator.Register((bus, _) => new CaseSaga(bus, audit, id =>
        {
            if (waiting.TryRemove(id, out var tcs))
            {
                tcs.TrySetResult();
            }
        }));
        using var bus = Configure.With(activator)
            .Logging(l => l.None())
            .Transport(t => t.UsePostgreSql(cs, "rebus_messages", "peers"))
            .Sagas(s => s.StoreInPostgres(cs, "rebus_saga_data", "rebus_saga_index"))
            .Options(o =>
            {
                o.SetNumberOfWorkers(rebusWorkers);
                o.SetMaxParallelism(workers);
            })
            .Start();
        var cpu = new CpuWindow();
        var m = await Measure.RunAsync("rebus", workers, TimeSpan.FromSeconds(seconds), async (_, ct) =>
        {
            var id = "case-" + Guid.NewGuid().ToString("N");
            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting[id] = tcs;
            await bus.SendLocal(new StartCase(id));
            try
            {
                // WaitAsync drops its timer when the case finishes (a Task.Delay per case would keep a live timer each).
                await tcs.Task.WaitAsync(TimeSpan.FromMinutes(1), ct);
                return null;
            }
            catch (TimeoutException)
            {
                waiting.TryRemove(id, out var abandoned);
                return "instance not finished in 1 minute";
            }
        }, warmup, started: cpu.Start);
        if (m.Errors > 0)
        {
            Console.Error.WriteLine($"  Rebus: {m.Errors} errors, first: {m.FirstError}");
        }
        return (m.Rate, string.Create(CultureInfo.InvariantCulture, $"; {rebusWorkers} Rebus workers, parallelism {workers}") + cpu.PerInstance(m.Ops));
    }

    // ---------------------------------------------------------------- bpmn-engine (Node)

    private static async Task<(string, double, string)> BpmnAsync(string benchDir, string cs, int seconds, TimeSpan warmup)
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
        psi.Environment["BENCH_WARMUP_SECONDS"] = warmup.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        try
        {
            using var p = Process.Start(psi)!;
            var stdout = await p.StandardOutput.ReadToEndAsync();
            var stderr = await p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            var lines = stdout.Split('\n');
            string? Value(string key) => lines.LastOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?[key.Length..].Trim();
            var rate = Value("instances/s:");
            var cpu = Value("cpu-ms-per-instance:");
            return rate is null
                ? ("bpmn-engine (Node)", double.NaN, "failed: " + (stderr + stdout).Trim().Split('\n').LastOrDefault())
                : ("bpmn-engine " + Value("version:") + " (Node), state in PostgreSQL",
                    double.Parse(rate, CultureInfo.InvariantCulture),
                    "engine state (getState) and one audit row per step in one transaction per step" + (cpu is null ? "" : $"; {cpu} ms of CPU per instance in the engine's process"));
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return ("bpmn-engine (Node)", double.NaN, "failed: " + ex.Message);
        }
    }
}
