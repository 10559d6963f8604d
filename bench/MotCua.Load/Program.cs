using System.Globalization;

namespace MotCua.Load;

/// <summary>
/// The benchmark harness, one tool with sub-commands (bench/run.sh drives them):
/// <list type="bullet">
/// <item><c>bare --port P</c>: a bare ASP.NET Core endpoint, the HTTP baseline;</item>
/// <item><c>seed --provider postgres|sqlite --connection CS --count N [--years Y | --month yyyy-MM] [--portal]</c>: provincial-scale dossiers, with their national-portal status pushes when asked (<see cref="DataGenerator"/>);</item>
/// <item><c>load --url U --provider P --connection CS [--paced-rate R] [--only receipt|paced|lookup|queue|transition] ...</c>: the load generator and its baselines (<see cref="LoadRun"/>); the receipt is also measured open-loop at R per second (default 100);</item>
/// <item><c>public --url U --provider P --connection CS [--clients N] [--seconds S] [--pid PID]</c>: the public pages and the catalogue search over a province-sized catalogue, and the bytes each page costs (<see cref="PublicRun"/>);</item>
/// <item><c>peers --connection CS [--seconds S] [--peers-warmup S] [--engines motcua,rebus,bpmn] [--trace]</c>: the five-step process in MotCua, Rebus and bpmn-engine (<see cref="Peers"/>);</item>
/// <item><c>reports --provider P --connection CS</c>: report and index timings over the stored dossiers (<see cref="ReportTimings"/>);</item>
/// <item><c>national</c> and <c>reconciliation</c>: the national portal's intake and a month's reconciliation ledger (<see cref="NationalRun"/>).</item>
/// </list>
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync("usage: MotCua.Load bare|seed|load|public|peers|reports|national|reconciliation [--option value ...]");
            return 2;
        }
        var options = Options.Parse(args.Skip(1).ToArray());
        Measure.DefaultWarmup = TimeSpan.FromSeconds(options.Number("warmup", 5));
        return args[0] switch
        {
            "bare" => await Bare.RunAsync(options),
            "seed" => await DataGenerator.RunAsync(options),
            "load" => await LoadRun.RunAsync(options),
            "public" => await PublicRun.RunAsync(options),
            "peers" => await Peers.RunAsync(options),
            "reports" => await ReportTimings.RunAsync(options),
            "national" => await NationalRun.IntakeAsync(options),
            "reconciliation" => await NationalRun.ReconciliationAsync(options),
            _ => Usage(args[0]),
        };
    }

    private static int Usage(string command)
    {
        Console.Error.WriteLine($"unknown command {command}");
        return 2;
    }
}

/// <summary><c>--name value</c> pairs.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var name = args[i][2..];
                var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
                o.values[name] = value;
            }
        }
        return o;
    }

    public string? Get(string name) => values.TryGetValue(name, out var v) ? v : null;

    public string Required(string name) => Get(name) ?? throw new ArgumentException($"--{name} is required");

    public int Number(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => Get(name) is "true" or "1" or "yes";
}
