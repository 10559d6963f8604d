using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MotCua.Load;

/// <summary>
/// The load generator: N concurrent clients on 127.0.0.1 for a fixed time per scenario — receipt (POST /api/dossiers),
/// public look-up by code, a specialist's queue page, a transition — each next to its baseline measured in the same
/// run (bare Kestrel endpoint, plain INSERT of the same rows, plain SELECT by key, plain writes of the rows a transfer
/// wrote). Writes a markdown fragment and ends with the one line bench/run.sh --quick prints last.
/// </summary>
public static class LoadRun
{
    private const string Password = "MotCua@2025";
    private const string Procedure = "1.000173";

    public static async Task<int> RunAsync(Options o)
    {
        var urls = o.Required("url").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var provider = o.Get("provider") ?? "postgres";
        var connection = o.Required("connection");
        var seconds = o.Number("seconds", 10);
        var clients = o.Number("clients", 32);
        var pids = (o.Get("pid") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var only = o.Get("only");
        var duration = TimeSpan.FromSeconds(seconds);
        // Receipts per second of the open-loop pair (PacedPairAsync); default 100: a province of 5 million dossiers a
        // year receives under 1/s on average, so this is many times a busy hour.
        var pacedRate = o.Number("paced-rate", 100);
        if (pacedRate <= 0)
        {
            throw new ArgumentException("--paced-rate must be a positive number of receipts per second");
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10), AllowAutoRedirect = false, UseCookies = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        var desk = await TokenAsync(http, urls[0], "motcua");
        var specialist = await TokenAsync(http, urls[0], "chuyenvien");
        var faker = new Bogus.Faker("vi");
        var names = Enumerable.Range(0, 512).Select(_ => faker.Name.FullName()).ToArray();
        var received = new ConcurrentQueue<(string Code, string Phone)>();
        var results = new List<(Measurement M, Measurement? Baseline)>();
        long counter = 0;

        async Task<string?> Receipt(int client, CancellationToken ct)
        {
            var n = Interlocked.Increment(ref counter);
            var phone = "09" + (n % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
            var body = new
            {
                procedureCode = Procedure,
                channel = "direct",
                applicant = new { name = names[n % names.Length], idNumber = "0790" + n.ToString("D8", CultureInfo.InvariantCulture), phone, address = "Tuy Hòa, Phú Yên" },
                papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true }, new { name = "Phiếu khai báo", present = true } },
            };
            using var req = new HttpRequestMessage(HttpMethod.Post, urls[client % urls.Length] + "/api/dossiers") { Content = JsonContent.Create(body) };
            req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", desk);
            req.Headers.Add("Idempotency-Key", "bench-" + Guid.NewGuid().ToString("N"));
            using var res = await http.SendAsync(req, ct);
            var text = await res.Content.ReadAsStringAsync(ct);
            if (res.StatusCode != HttpStatusCode.Created)
            {
                return $"{(int)res.StatusCode}: {text[..Math.Min(300, text.Length)]}";
            }
            received.Enqueue((JsonDocument.Parse(text).RootElement.GetProperty("code").GetString()!, phone));
            return null;
        }

        // Latency at a load the machine carries: the closed loops run at full speed, where latency is only clients ÷ rate.
        // The raw insert and the receipt at the same offered rate, at most `clients` in flight (Measure.PacedAsync).
        async Task<(Measurement Raw, Measurement Receipt)> PacedPairAsync(RawBaseline baseline)
        {
            var label = string.Create(CultureInfo.InvariantCulture, $"{pacedRate}/s");
            long n = 0;
            var rawM = await Measure.PacedAsync($"raw insert at {label}", clients, pacedRate, duration, async (_, ct) =>
            {
                await baseline.InsertOneAsync("RAWP-" + Interlocked.Increment(ref n).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8], ct);
                return null;
            });
            return (rawM, await Measure.PacedAsync($"receipt at {label}", clients, pacedRate, duration, Receipt));
        }

        if (only == "receipt")
        {
            // The scaling run: receipt alone against one or several instances.
            var m = await Measure.RunAsync($"receipt ({urls.Length} instance{(urls.Length > 1 ? "s" : "")})", clients, duration, Receipt);
            Console.WriteLine(Measurement.Header);
            Console.WriteLine(m.Line(null));
            PrintErrors([(m, null)]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"receipt rate: {m.Rate:F1}"));
            return 0;
        }

        if (only == "paced")
        {
            // Latency alone: receipt and its raw insert at one offered rate (--paced-rate), no closed loops.
            if (await Receipt(0, CancellationToken.None) is { } failed)
            {
                throw new InvalidOperationException("The first receipt failed: " + failed);
            }
            await using var rawOnly = new RawBaseline(provider, connection);
            await rawOnly.LoadTemplateAsync(received.First().Code, CancellationToken.None);
            var (rawM, receiptM) = await PacedPairAsync(rawOnly);
            Console.WriteLine(Measurement.Header);
            Console.WriteLine(rawM.Line(null));
            Console.WriteLine(receiptM.Line(rawM));
            PrintErrors([(rawM, null), (receiptM, rawM)]);
            return 0;
        }

        if (only == "lookup")
        {
            // Profiling the look-up alone: receipts only to have codes, an optional settle (--settle S seconds, so the
            // outbox worker can drain the receipts' messages first), then look-up and its raw SELECT baseline.
            var made = await Measure.RunAsync("receipt POST /api/dossiers", clients, duration, Receipt);
            var settle = o.Number("settle", 0);
            if (settle > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(settle));
            }
            await using var rawOnly = new RawBaseline(provider, connection);
            var all = received.ToArray();
            var cpuBefore = pids.Length == 1 ? CpuSeconds(pids[0]) : null;
            var look = await Measure.RunAsync("look-up GET /api/public/…", clients, duration, async (client, ct) =>
            {
                var (code, phone) = all[Random.Shared.Next(all.Length)];
                using var req = new HttpRequestMessage(HttpMethod.Get, $"{urls[client % urls.Length]}/api/public/dossiers/{Uri.EscapeDataString(code)}");
                req.Headers.Add("X-Lookup-Factor", phone);
                using var res = await http.SendAsync(req, ct);
                await res.Content.ReadAsByteArrayAsync(ct);
                return res.StatusCode == HttpStatusCode.OK ? null : ((int)res.StatusCode).ToString(CultureInfo.InvariantCulture);
            });
            var cpuAfter = pids.Length == 1 ? CpuSeconds(pids[0]) : null;
            // The app's own floor: the same middleware, a pooled connection opened and no statement (the health check).
            var floor = await Measure.RunAsync("app floor GET /health", clients, duration, async (client, ct) =>
            {
                using var res = await http.GetAsync($"{urls[client % urls.Length]}/health", ct);
                await res.Content.ReadAsByteArrayAsync(ct);
                return res.StatusCode == HttpStatusCode.OK ? null : ((int)res.StatusCode).ToString(CultureInfo.InvariantCulture);
            });
            var sel = await Measure.RunAsync("raw SELECT by key", clients, duration, async (_, ct) =>
                await rawOnly.SelectByCodeAsync(all[Random.Shared.Next(all.Length)].Code, ct) ? null : "not found");
            await using var rawPrepared = new RawBaseline(provider, connection, prepared: true);
            var selPrepared = await Measure.RunAsync("raw SELECT by key, prepared", clients, duration, async (_, ct) =>
                await rawPrepared.SelectByCodeAsync(all[Random.Shared.Next(all.Length)].Code, ct) ? null : "not found");
            Console.WriteLine(Measurement.Header);
            Console.WriteLine(made.Line(null));
            Console.WriteLine(sel.Line(null));
            Console.WriteLine(look.Line(sel));
            Console.WriteLine(selPrepared.Line(null));
            Console.WriteLine((look with { Name = "look-up (vs prepared SELECT)" }).Line(selPrepared));
            Console.WriteLine(floor.Line(null));
            Console.WriteLine((look with { Name = "look-up (vs app floor)" }).Line(floor));
            PrintErrors([(made, null), (look, sel), (floor, null)]);
            if (cpuBefore is { } b && cpuAfter is { } a)
            {
                // Server CPU per look-up (warm-up included, at the measured rate): steadier than ops/s on a shared VM.
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server CPU per look-up: {(a - b) * 1000 / (look.Rate * (seconds + Measure.DefaultWarmup.TotalSeconds)):F2} ms"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lookup/raw-select ratio: {look.Rate / sel.Rate:F2} (settle {settle} s)"));
            return 0;
        }

        if (only == "queue")
        {
            // Profiling the specialist's queue page alone (server CPU per page, steadier than ops/s on a shared VM), then
            // one specialist's page without and with a search and filters on, the goal's figure (p95).
            var cpuBefore = pids.Length == 1 ? CpuSeconds(pids[0]) : null;
            var page = await Measure.RunAsync("queue page /ho-so/hang-doi", clients, duration, (client, ct) => QueuePageAsync(http, urls[client % urls.Length], specialist, ct));
            var cpuAfter = pids.Length == 1 ? CpuSeconds(pids[0]) : null;
            var one = await Measure.RunAsync("queue page, 1 specialist", 1, duration, (_, ct) => QueuePageAsync(http, urls[0], specialist, ct));
            var filtered = await Measure.RunAsync("queue page, 1 specialist, search + filters", 1, duration, (_, ct) => QueuePageAsync(http, urls[0], specialist, ct, FilteredQueue));
            Console.WriteLine(Measurement.Header);
            Console.WriteLine(page.Line(null));
            Console.WriteLine(one.Line(null));
            Console.WriteLine(filtered.Line(one));
            PrintErrors([(page, null), (one, null), (filtered, one)]);
            if (cpuBefore is { } b && cpuAfter is { } a)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server CPU per queue page: {(a - b) * 1000 / (page.Rate * (seconds + Measure.DefaultWarmup.TotalSeconds)):F2} ms"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"queue p95, one specialist: {filtered.P95Ms:F1} ms with search and filters, {one.P95Ms:F1} ms without"));
            return 0;
        }

        // Profiling the transition alone (--only transition): receipts and raw inserts only to have dossiers for both,
        // then the raw transition and the transfer, with the server's CPU per transfer.
        var transitionOnly = only == "transition";
        Measurement? bare = null;
        if (!transitionOnly && o.Get("bare-url") is { } bareUrl)
        {
            bare = await Measure.RunAsync("bare Kestrel GET", clients, duration, async (_, ct) =>
            {
                using var res = await http.GetAsync(bareUrl + "/ping", ct);
                await res.Content.ReadAsByteArrayAsync(ct);
                return res.IsSuccessStatusCode ? null : ((int)res.StatusCode).ToString(CultureInfo.InvariantCulture);
            });
            results.Add((bare, null));
        }

        var receipt = await Measure.RunAsync("receipt POST /api/dossiers", clients, duration, Receipt);
        if (received.IsEmpty)
        {
            PrintErrors([(receipt, null)]);
            throw new InvalidOperationException("No receipt succeeded; cannot go on.");
        }

        await using var raw = new RawBaseline(provider, connection);
        await raw.LoadTemplateAsync(received.First().Code, CancellationToken.None);
        long rawN = 0;
        var rawInsert = await Measure.RunAsync("raw insert (same rows)", clients, duration, async (_, ct) =>
        {
            await raw.InsertOneAsync("RAW-" + Interlocked.Increment(ref rawN).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8], ct);
            return null;
        });
        results.Add((rawInsert, null));
        results.Add((receipt, rawInsert));
        var codes = received.ToArray();
        double lookupRate = double.NaN, rawSelectRate = double.NaN;
        (double Plain, double Filtered)? queueP95 = null;
        if (!transitionOnly)
        {
            // The same rows with the number taken inside the transaction, as the app does: what the gapless rule costs any
            // writer, apart from what the app's own code costs.
            await using var rawNumbered = new RawBaseline(provider, connection) { NumberInTransaction = true };
            await rawNumbered.LoadTemplateAsync(received.First().Code, CancellationToken.None);
            var rawInsertNumbered = await Measure.RunAsync("raw insert, number in tx", clients, duration, async (_, ct) =>
            {
                await rawNumbered.InsertOneAsync("RAWN-" + Interlocked.Increment(ref rawN).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8], ct);
                return null;
            });
            results.Add((rawInsertNumbered, null));
            results.Add((receipt with { Name = "receipt (vs number in tx)" }, rawInsertNumbered));

            // The closed loops leave thousands of messages for the outbox worker; not drained first, they would be the paced
            // receipts' tail though no such backlog exists at that rate (docs/performance.md).
            var drained = await SettleOutboxAsync(raw, TimeSpan.FromSeconds(60));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  outbox settled in {drained.TotalSeconds:F1} s before the paced receipts"));
            var (rawPaced, receiptPaced) = await PacedPairAsync(raw);
            results.Add((rawPaced, null));
            results.Add((receiptPaced, rawPaced));

            // The receipts' notifications are delivered by the outbox worker in the background; measured while it drains
            // them, the look-up would pay for the receipts. Both the look-up and its raw SELECT baseline run once no message
            // is due any more (at most 60 s); the wait is printed, and the worker's cost belongs to the receipt.
            var settled = await SettleOutboxAsync(raw, TimeSpan.FromSeconds(60));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  outbox settled in {settled.TotalSeconds:F1} s before the look-up"));

            var lookup = await Measure.RunAsync("look-up GET /api/public/…", clients, duration, async (client, ct) =>
            {
                var (code, phone) = codes[Random.Shared.Next(codes.Length)];
                using var req = new HttpRequestMessage(HttpMethod.Get, $"{urls[client % urls.Length]}/api/public/dossiers/{Uri.EscapeDataString(code)}");
                req.Headers.Add("X-Lookup-Factor", phone);
                using var res = await http.SendAsync(req, ct);
                await res.Content.ReadAsByteArrayAsync(ct);
                return res.StatusCode == HttpStatusCode.OK ? null : ((int)res.StatusCode).ToString(CultureInfo.InvariantCulture);
            });
            var rawSelect = await Measure.RunAsync("raw SELECT by key", clients, duration, async (_, ct) =>
                await raw.SelectByCodeAsync(codes[Random.Shared.Next(codes.Length)].Code, ct) ? null : "not found");
            results.Add((rawSelect, null));
            results.Add((lookup, rawSelect));
            if (provider == "postgres")
            {
                // The same SELECT with the app's own driver settings (prepared, no reset on checkout): the app prepares its
                // statements, so this is the floor its look-up is honestly compared with too.
                await using var prepared = new RawBaseline(provider, connection, prepared: true);
                var preparedSelect = await Measure.RunAsync("raw SELECT by key, prepared", clients, duration, async (_, ct) =>
                    await prepared.SelectByCodeAsync(codes[Random.Shared.Next(codes.Length)].Code, ct) ? null : "not found");
                results.Add((preparedSelect, null));
                results.Add((lookup with { Name = "look-up (vs prepared SELECT)" }, preparedSelect));
            }
            if (bare is not null)
            {
                results.Add((lookup with { Name = "look-up (vs bare HTTP)" }, bare));
            }

            var queue = await Measure.RunAsync("queue page /ho-so/hang-doi", clients, duration, (client, ct) => QueuePageAsync(http, urls[client % urls.Length], specialist, ct));
            results.Add((queue, bare));
            // The goal speaks of "a specialist's queue page": what one specialist waits for, not 32 at once on 2 cores.
            var queueOne = await Measure.RunAsync("queue page, 1 specialist", 1, duration, (_, ct) => QueuePageAsync(http, urls[0], specialist, ct));
            results.Add((queueOne, bare));
            // The same with a search and filters on: a name search and two filters are residual conditions on the unit's index range.
            var queueFiltered = await Measure.RunAsync("queue page, 1 specialist, search + filters", 1, duration,
                (_, ct) => QueuePageAsync(http, urls[0], specialist, ct, FilteredQueue));
            results.Add((queueFiltered, queueOne));
            queueP95 = (queueOne.P95Ms, queueFiltered.P95Ms);
            lookupRate = lookup.Rate;
            rawSelectRate = rawSelect.Rate;
        }

        var unit = await TdcUnitAsync(raw);
        var pending = new ConcurrentQueue<(string Code, string Phone)>(codes);
        async Task<string?> Transfer(int client, string code, CancellationToken ct)
        {
            using var req = new HttpRequestMessage(HttpMethod.Post, $"{urls[client % urls.Length]}/api/dossiers/{Uri.EscapeDataString(code)}/actions")
            {
                Content = JsonContent.Create(new { action = "transfer", unitId = unit }),
            };
            req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", desk);
            using var res = await http.SendAsync(req, ct);
            var text = await res.Content.ReadAsStringAsync(ct);
            return res.StatusCode == HttpStatusCode.OK ? null : $"{(int)res.StatusCode}: {text[..Math.Min(300, text.Length)]}";
        }

        // The transition's baseline: the rows one transfer wrote, found by comparing the database around it, written
        // again with plain ADO.NET to the dossiers the raw insert made (copies of a received dossier, so in the same state).
        var rawTransition = new RawTransition(raw);
        pending.TryDequeue(out var sample);
        await rawTransition.CaptureAsync(sample.Code, async () =>
        {
            if (await Transfer(0, sample.Code, CancellationToken.None) is { } failed)
            {
                throw new InvalidOperationException("The sample transfer failed: " + failed);
            }
        }, CancellationToken.None);
        var targets = new ConcurrentQueue<(long Id, string Code)>(await raw.InsertedAsync(CancellationToken.None));
        var rawTransitionM = await Measure.RunAsync("raw transition (same rows)", clients, duration, async (_, ct) =>
        {
            if (!targets.TryDequeue(out var t))
            {
                return "no dossier left";
            }
            await rawTransition.WriteAsync(t.Id, t.Code, ct);
            return null;
        }, warmup: TimeSpan.Zero, maxOps: targets.Count);
        results.Add((rawTransitionM, null));

        var cpuBeforeTransition = pids.Length == 1 ? CpuSeconds(pids[0]) : null;
        var transitionStart = TimeProvider.System.GetTimestamp();
        var transition = await Measure.RunAsync("transition transfer", clients, duration, (client, ct) =>
            pending.TryDequeue(out var item) ? Transfer(client, item.Code, ct) : Task.FromResult<string?>("no dossier left"),
            warmup: TimeSpan.Zero, maxOps: pending.Count);
        var transitionSeconds = TimeProvider.System.GetElapsedTime(transitionStart).TotalSeconds;
        var cpuAfterTransition = pids.Length == 1 ? CpuSeconds(pids[0]) : null;
        results.Add((transition, rawTransitionM));
        results.Add((transition with { Name = "transition (vs raw insert)" }, rawInsert));

        var peak = pids.Select(p => Measure.PeakRssMb(p)).Where(x => x is not null).Select(x => x!.Value).DefaultIfEmpty(double.NaN).Max();
        var report = new StringBuilder();
        report.AppendLine(Measurement.Header);
        foreach (var (m, b) in results)
        {
            report.AppendLine(m.Line(b));
        }
        report.AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Rows per raw-insert transaction: {raw.RowsPerDossier} ({raw.Describe()})."));
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Statements per raw-transition transaction: {rawTransition.Statements} ({rawTransition.Describe()}; {rawTransition.LeftOut} rows other transactions wrote meanwhile left out)."));
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Server peak RSS (VmHWM): {peak:F0} MB."));
        if (queueP95 is { } q)
        {
            report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Queue page p95, one specialist: {q.Filtered:F1} ms with search and filters ({FilteredQueue}), {q.Plain:F1} ms without (goal < 50 ms)."));
        }
        if (cpuBeforeTransition is { } tb && cpuAfterTransition is { } ta && transition.Rate > 0)
        {
            // Server CPU per transfer over the measured window: steadier than ops/s on a shared VM.
            report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Server CPU per transfer: {(ta - tb) * 1000 / (transition.Rate * transitionSeconds):F2} ms."));
        }
        Console.Write(report);
        PrintErrors(results);
        if (o.Get("out") is { } path)
        {
            await File.WriteAllTextAsync(path, report.ToString());
        }
        Console.WriteLine(transitionOnly
            ? string.Create(CultureInfo.InvariantCulture, $"transition/raw-transition ratio: {transition.Rate / rawTransitionM.Rate:F2}")
            : string.Create(CultureInfo.InvariantCulture,
                $"receipt/raw-insert ratio: {receipt.Rate / rawInsert.Rate:F2}; lookup/raw-select ratio: {lookupRate / rawSelectRate:F2}; transition/raw-transition ratio: {transition.Rate / rawTransitionM.Rate:F2}"));
        return 0;
    }

    /// <summary>
    /// The specialist's queue with a search and filters on: part of a common family name (written as people type it, with
    /// its diacritics), within time, received at the desk, soonest due first; each is a residual condition on the unit's index range.
    /// </summary>
    private const string FilteredQueue = "?q=Nguy%E1%BB%85n&hantrang=tronghan&kenh=tructiep&sapxep=han";

    private static async Task<string?> QueuePageAsync(HttpClient http, string url, string token, CancellationToken ct, string query = "")
    {
        using var req = new HttpRequestMessage(HttpMethod.Get, url + "/ho-so/hang-doi" + query);
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var res = await http.SendAsync(req, ct);
        await res.Content.ReadAsByteArrayAsync(ct);
        return res.StatusCode == HttpStatusCode.OK ? null : ((int)res.StatusCode).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until no outbox message is due (pending with its next attempt now or earlier), at most <paramref name="max"/>.</summary>
    private static async Task<TimeSpan> SettleOutboxAsync(RawBaseline raw, TimeSpan max)
    {
        var start = TimeProvider.System.GetTimestamp();
        await using var c = await raw.OpenAsync(CancellationToken.None);
        while (TimeProvider.System.GetElapsedTime(start) < max)
        {
            await using var cmd = c.CreateCommand();
            var now = TimeProvider.System.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture);
            cmd.CommandText = $"SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"Status\" = 'Pending' AND \"NextAttemptAt\" <= {now}";
            if (Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 0)
            {
                break;
            }
            await Task.Delay(500);
        }
        return TimeProvider.System.GetElapsedTime(start);
    }

    /// <summary>User + system CPU seconds of a Linux process so far (/proc/PID/stat, clock ticks of 1/100 s).</summary>
    private static double? CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void PrintErrors(IEnumerable<(Measurement M, Measurement? B)> results)
    {
        foreach (var (m, _) in results.Where(r => r.M.FirstError is not null).DistinctBy(r => r.M.Name))
        {
            Console.Error.WriteLine($"  {m.Name}: {m.Errors} errors, first: {m.FirstError}");
        }
    }

    private static async Task<int> TdcUnitAsync(RawBaseline raw)
    {
        await using var c = await raw.OpenAsync(CancellationToken.None);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT \"Id\" FROM \"Units\" WHERE \"Name\" = 'Chi cục Tiêu chuẩn Đo lường Chất lượng'";
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public static async Task<string> TokenAsync(HttpClient http, string url, string user)
    {
        using var res = await http.PostAsJsonAsync(url + "/api/auth/token", new { userName = user, password = Password });
        res.EnsureSuccessStatusCode();
        return (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }
}
