using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.NationalPortal;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reconciliation;
using MotCua.Web.Features.Reports;

namespace MotCua.Load;

/// <summary>
/// The national fabric's two figures (bench/run.sh --national):
/// <list type="bullet">
/// <item><c>national --sim URL --token T --unit U --provider postgres --connection CS --count N</c>: N dossiers with a small
/// file each put on the national portal's simulator, timed until the app at the other end has taken every one (stored,
/// turned into a dossier, acknowledged); then the rows one such intake wrote inserted again N times with plain Npgsql,
/// one transaction per dossier, as the baseline;</item>
/// <item><c>reconciliation --provider P --connection CS --month yyyy-MM [--full 1]</c>: the month's reconciliation ledger as
/// its page shows it, through the web's own code (<see cref="LedgerSql.PageAsync"/>), median of 3 runs after a warm-up;
/// with <c>--full</c>, also once the whole month reconciled in memory (<see cref="Ledger.LoadAsync"/>, the export's path).</item>
/// </list>
/// </summary>
public static class NationalRun
{
    private static readonly byte[] SmallPdf = System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
        + new string('%', 2048) + "\n");

    public static async Task<int> IntakeAsync(Options o)
    {
        var sim = new Uri(o.Required("sim").TrimEnd('/') + "/");
        var unit = o.Required("unit");
        var provider = o.Required("provider");
        var cs = o.Required("connection");
        var count = o.Number("count", 10_000);
        var timeout = TimeSpan.FromSeconds(o.Number("timeout", 900));
        await using var db = DataGenerator.Context(provider, cs);
        var agencyId = await db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync();
        var procedure = o.Get("procedure") ?? "1.000173";
        var before = await db.NationalInboundMessages.CountAsync();

        using var http = new HttpClient { BaseAddress = sim, Timeout = TimeSpan.FromSeconds(30) };
        var run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var clock = Stopwatch.StartNew();
        // The portal's queue fills as citizens submit; eight at once is faster than the app takes them, so the figure is the app's.
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            using var response = await http.PostAsJsonAsync("sim/hoso", Message($"G{run}{i.ToString("D7", CultureInfo.InvariantCulture)}", unit, procedure, i), ct);
            response.EnsureSuccessStatusCode();
        });
        var submitted = clock.Elapsed;
        int created, quarantined;
        while (true)
        {
            created = await db.NationalInboundMessages.CountAsync(m => m.Status == NationalInboundStatus.Created);
            quarantined = await db.NationalInboundMessages.CountAsync(m => m.Status == NationalInboundStatus.Quarantined);
            if (created + quarantined - before >= count || clock.Elapsed > timeout)
            {
                break;
            }
            await Task.Delay(200);
        }
        var took = clock.Elapsed;
        if (quarantined > 0 || created - before < count)
        {
            Console.Error.WriteLine($"national intake: {created - before:N0} of {count:N0} created, {quarantined:N0} quarantined after {took.TotalSeconds:F0} s");
            return 1;
        }

        // The baseline: the rows one intake wrote (the inbound message and the dossier's own rows), inserted again with
        // plain Npgsql, one dossier per transaction as the intake commits them.
        var template = await db.Dossiers.Where(d => d.NationalCode != null).OrderByDescending(d => d.Id).Select(d => d.Code).FirstAsync();
        await using var raw = new RawBaseline(provider, cs) { NumberInTransaction = true };
        await raw.LoadTemplateAsync(template, CancellationToken.None);
        var rawClock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await raw.InsertOneAsync($"RAW-{run}-{i.ToString("D7", CultureInfo.InvariantCulture)}", CancellationToken.None);
        }
        var rawTook = rawClock.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Submitted to the simulator in {submitted.TotalSeconds:F1} s; the raw baseline inserts per dossier: {raw.Describe()} ({raw.RowsPerDossier} rows) in {rawTook.TotalSeconds:F1} s."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"national intake: {count} dossiers in {took.TotalSeconds:F1} s ({rawTook.TotalSeconds / took.TotalSeconds:F2}× raw insert)"));
        return 0;
    }

    public static async Task<int> ReconciliationAsync(Options o)
    {
        var provider = o.Required("provider");
        await using var db = DataGenerator.Context(provider, o.Required("connection"));
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var agency = await db.Agencies.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var period = DataGenerator.MonthPeriod(o.Required("month"));
        var reporting = ReportingDb.ForPrimary(db);
        LedgerPage? view = null;
        var times = new List<double>();
        for (var i = 0; i < 4; i++)
        {
            db.ChangeTracker.Clear();
            var sw = Stopwatch.StartNew();
            view = await LedgerSql.PageAsync(reporting, agency, period, null, null, 0, LedgerModel.PageSize, CancellationToken.None);
            if (i > 0)
            {
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            else
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Warm-up: {sw.Elapsed.TotalMilliseconds:F0} ms."));
            }
        }
        times.Sort();
        var t = view!.Totals;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ledger of {period.Label} ({period.Start:dd/MM/yyyy}–{period.End:dd/MM/yyyy}), as the page shows it (totals, counts per reason, the first {LedgerModel.PageSize} differing lines): {t.Dossiers:N0} dossiers, {t.Differences:N0} differing ({string.Join(", ", view.ByReason.OrderBy(r => r.Key).Select(r => $"{r.Key} {r.Value:N0}"))}); median of 3 runs {times[1]:F0} ms, max {times[^1]:F0} ms."));
        if (o.Get("full") is not null)
        {
            // The whole period reconciled in memory, as the Excel export does it.
            db.ChangeTracker.Clear();
            var sw = Stopwatch.StartNew();
            var full = await Ledger.LoadAsync(reporting, agency, period, null, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Every line reconciled in memory (the export's path): {full.Lines.Count:N0} lines in {sw.Elapsed.TotalMilliseconds:F0} ms; totals equal: {full.Totals == t}."));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reconciliation: {t.Dossiers} dossiers in {times[1]:F0} ms"));
        return 0;
    }

    private static Dictionary<string, object?> Message(string nationalCode, string unit, string procedure, int i) => new()
    {
        ["MaHoSoQG"] = nationalCode,
        ["MaTTHC"] = procedure,
        ["MaDonVi"] = unit,
        ["ChuHoSo"] = "Nguyễn Văn Cổng " + i.ToString(CultureInfo.InvariantCulture),
        ["LoaiDoiTuong"] = "1",
        ["SoGiayTo"] = "0541" + (90_000_000 + i).ToString(CultureInfo.InvariantCulture),
        ["SoDienThoai"] = "0905" + (100_000 + (i % 900_000)).ToString(CultureInfo.InvariantCulture),
        ["Email"] = "cong.dvcqg." + i.ToString(CultureInfo.InvariantCulture) + "@example.vn",
        ["DiaChi"] = "12 Trần Hưng Đạo, Tuy Hòa, Phú Yên",
        ["NgayNop"] = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
        ["ThanhPhanHoSo"] = new[]
        {
            new Dictionary<string, object?>
            {
                ["TenGiayTo"] = "Đơn đề nghị",
                ["TepDinhKem"] = new[] { new Dictionary<string, object?> { ["TenTep"] = "don-de-nghi.pdf", ["LoaiTep"] = "application/pdf", ["NoiDung"] = Convert.ToBase64String(SmallPdf) } },
            },
        },
    };
}
