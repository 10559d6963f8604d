using System.Diagnostics;
using System.Globalization;

namespace MotCua.Load;

/// <summary>One measured scenario: operations, errors, latency percentiles, rate.</summary>
public sealed record Measurement(string Name, int Clients, long Ops, long Errors, double Seconds, double P50Ms, double P95Ms, double P99Ms, string? FirstError)
{
    public double Rate => Ops / Seconds;

    public string Line(Measurement? baseline = null) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {Name,-26} | {Clients,3} | {Rate,10:F1} | {P50Ms,7:F2} | {P95Ms,7:F2} | {P99Ms,7:F2} | {Errors,6} | {(baseline is null ? "baseline" : (Rate / baseline.Rate).ToString("F2", CultureInfo.InvariantCulture) + "× " + baseline.Name),-28} |");

    public const string Header = "| scenario                   | clients | ops/s | p50 ms | p95 ms | p99 ms | errors | ratio to baseline |\n|---|--:|--:|--:|--:|--:|--:|---|";
}

public static class Measure
{
    /// <summary>
    /// Unmeasured load before each scenario (<c>--warmup S</c>, default 5 s), so the figures measure the steady state rather
    /// than the JIT's tiering in the first seconds under load.
    /// </summary>
    public static TimeSpan DefaultWarmup { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs <paramref name="op"/> from <paramref name="clients"/> concurrent loops for <paramref name="duration"/> after a short
    /// warm-up (<paramref name="started"/> runs when it ends); an op returns null on success or an error text. Latency is per op, wall clock (Stopwatch).
    /// </summary>
    public static async Task<Measurement> RunAsync(string name, int clients, TimeSpan duration, Func<int, CancellationToken, Task<string?>> op, TimeSpan? warmup = null, long? maxOps = null, Action? started = null)
    {
        var warm = warmup ?? DefaultWarmup;
        if (warm > TimeSpan.Zero)
        {
            using var warmCts = new CancellationTokenSource(warm);
            await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
            {
                while (!warmCts.IsCancellationRequested)
                {
                    await op(c, CancellationToken.None);
                }
            })));
        }
        var latencies = new List<double>[clients];
        var errors = new long[clients];
        string? firstError = null;
        long issued = 0;
        started?.Invoke();
        var clock = Stopwatch.StartNew();
        var end = duration;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = new List<double>(4096);
            while (clock.Elapsed < end && (maxOps is null || Interlocked.Increment(ref issued) <= maxOps))
            {
                var start = Stopwatch.GetTimestamp();
                string? error;
                try
                {
                    error = await op(c, CancellationToken.None);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException or System.Data.Common.DbException)
                {
                    error = ex.GetType().Name + ": " + ex.Message;
                }
                if (error is null)
                {
                    mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
                else
                {
                    errors[c]++;
                    Interlocked.CompareExchange(ref firstError, error, null);
                }
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).OrderBy(x => x).ToArray();
        double P(double q) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
        return new Measurement(name, clients, all.Length, errors.Sum(), seconds, P(0.50), P(0.95), P(0.99), firstError);
    }

    /// <summary>
    /// Open loop: operations arrive at <paramref name="rate"/> per second in all, whatever the server does, served by up to
    /// <paramref name="clients"/> concurrent clients. A closed loop at full speed measures throughput, and its latency
    /// is only clients ÷ rate (Little's law); this measures the latency of a load the server can carry. Each latency
    /// counts from the instant the operation was due, not from when a client got to it, so time spent waiting behind a
    /// slow operation counts (no coordinated omission).
    /// </summary>
    public static async Task<Measurement> PacedAsync(string name, int clients, double rate, TimeSpan duration, Func<int, CancellationToken, Task<string?>> op, TimeSpan? warmup = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        var warm = warmup ?? DefaultWarmup;
        var total = (long)Math.Floor((warm + duration).TotalSeconds * rate);
        var measuredFrom = (long)Math.Ceiling(warm.TotalSeconds * rate);
        var latencies = new List<double>[clients];
        var errors = new long[clients];
        string? firstError = null;
        long next = -1;
        var ticksPerOp = Stopwatch.Frequency / rate;
        var t0 = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = new List<double>(4096);
            long i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var due = t0 + (long)(i * ticksPerOp);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
                string? error;
                try
                {
                    error = await op(c, CancellationToken.None);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException or System.Data.Common.DbException)
                {
                    error = ex.GetType().Name + ": " + ex.Message;
                }
                if (i < measuredFrom)
                {
                    continue;
                }
                if (error is null)
                {
                    mine.Add(Stopwatch.GetElapsedTime(due).TotalMilliseconds);
                }
                else
                {
                    errors[c]++;
                    Interlocked.CompareExchange(ref firstError, error, null);
                }
            }
        })));
        var seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds - warm.TotalSeconds;
        var all = latencies.SelectMany(l => l).OrderBy(x => x).ToArray();
        double P(double q) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
        return new Measurement(name, clients, all.Length, errors.Sum(), seconds, P(0.50), P(0.95), P(0.99), firstError);
    }

    /// <summary>Peak resident memory (VmHWM) of a process, in MB; null when it cannot be read (not Linux, gone).</summary>
    public static double? PeakRssMb(int? pid)
    {
        if (pid is null)
        {
            return null;
        }
        try
        {
            var line = File.ReadLines($"/proc/{pid.Value.ToString(CultureInfo.InvariantCulture)}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
