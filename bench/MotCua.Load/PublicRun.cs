using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Tests.Catalogue;

namespace MotCua.Load;

/// <summary>
/// The public pages a citizen opens on a phone, over a province-sized catalogue (<see cref="ProvinceCatalogue"/>, the
/// at-scale search tests' 2,003 procedures, imported through the product's catalogue import): the catalogue page, a
/// procedure's page, the look-up page (the form, then the answer to the posted factor) and the catalogue search (page and
/// API) with a mix of queries people type, each under N concurrent clients beside the app's floor (GET /health) measured in
/// the same run; search also with one client (what one visitor waits); then the bytes each page costs a phone once.
/// </summary>
public static partial class PublicRun
{
    /// <summary>Queries as people type them: with and without diacritics, one word, two words, a code, a phrase.</summary>
    public static readonly string[] Queries =
    [
        "do luong", "đo lường", "chuyển giao công nghệ", "buc xa", "1.004", "giấy phép tiến hành công việc bức xạ",
        "x quang", "cap lai giay chung nhan", "hành nghề", "8.100017", "tieu chuan", "khai thac khoang san",
    ];

    private const string Phone = "0905318274";
    private const int ByteGoal = 100 * 1024;

    public static async Task<int> RunAsync(Options o)
    {
        var url = o.Required("url");
        var provider = o.Get("provider") ?? "postgres";
        var connection = o.Required("connection");
        var clients = o.Number("clients", 32);
        var duration = TimeSpan.FromSeconds(o.Number("seconds", 10));
        var pids = (o.Get("pid") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();

        var codes = await ImportCatalogueAsync(provider, connection);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1024, AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        var dossier = await ReceiveOneAsync(http, url);
        var (cookie, token) = await AntiforgeryAsync(http, url + "/tra-cuu/" + Uri.EscapeDataString(dossier));

        Task<string?> Get(string path, CancellationToken ct) => FetchAsync(http, url + path, null, ct);
        Task<string?> LookupPost(CancellationToken ct) => FetchAsync(http, url + "/tra-cuu/" + Uri.EscapeDataString(dossier),
            () => new FormUrlEncodedContent([new("Factor", Phone), new("__RequestVerificationToken", token)]), ct, cookie, "data-testid=\"lookup-result\"");
        string Query(int i) => Uri.EscapeDataString(Queries[i % Queries.Length]);
        string Code() => codes[Random.Shared.Next(codes.Count)];
        long n = 0;

        var cpu = new Dictionary<string, double>(StringComparer.Ordinal);
        var server = new Dictionary<string, double>(StringComparer.Ordinal);
        async Task<Measurement> Run(string name, int c, Func<CancellationToken, Task<string?>> op)
        {
            var before = pids.Length == 1 ? CpuSeconds(pids[0]) : null;
            ServerTimes.Clear();
            var m = await Measure.RunAsync(name, c, duration, (_, ct) => op(ct));
            if (ServerTimes.ToArray() is { Length: > 0 } times)
            {
                Array.Sort(times);
                server[name] = times[Math.Min(times.Length - 1, (int)Math.Ceiling(times.Length * 0.95) - 1)];
            }
            if (before is { } b && CpuSeconds(pids[0]) is { } a && m.Rate > 0)
            {
                cpu[name] = (a - b) * 1000 / (m.Rate * (duration + Measure.DefaultWarmup).TotalSeconds);
            }
            return m;
        }

        var floor = await Run("app floor GET /health", clients, ct => Get("/health", ct));
        var results = new List<Measurement>
        {
            await Run("catalogue GET /thu-tuc", clients, ct => Get("/thu-tuc", ct)),
            await Run("procedure GET /thu-tuc/{code}", clients, ct => Get("/thu-tuc/" + Uri.EscapeDataString(Code()), ct)),
            await Run("look-up form GET /tra-cuu/{code}", clients, ct => Get("/tra-cuu/" + Uri.EscapeDataString(dossier), ct)),
            await Run("look-up answer POST /tra-cuu/{code}", clients, LookupPost),
            await Run("search page GET /thu-tuc?q=", clients, ct => Get("/thu-tuc?q=" + Query((int)Interlocked.Increment(ref n)), ct)),
            await Run("search API GET /api/procedures?q=", clients, ct => Get("/api/procedures?q=" + Query((int)Interlocked.Increment(ref n)), ct)),
        };
        var searchOne = await Run("search page, 1 client", 1, ct => Get("/thu-tuc?q=" + Query((int)Interlocked.Increment(ref n)), ct));
        var apiOne = await Run("search API, 1 client", 1, ct => Get("/api/procedures?q=" + Query((int)Interlocked.Increment(ref n)), ct));

        var report = new StringBuilder();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Catalogue: {codes.Count:N0} procedures in force; look-up of dossier {dossier}; search queries: {string.Join(", ", Queries.Select(q => "\"" + q + "\""))}."));
        report.AppendLine();
        report.AppendLine(Measurement.Header);
        report.AppendLine(floor.Line(null));
        foreach (var m in results)
        {
            report.AppendLine(m.Line(floor));
        }
        report.AppendLine(searchOne.Line(null));
        report.AppendLine(apiOne.Line(null));
        report.AppendLine();
        if (cpu.Count > 0)
        {
            report.AppendLine("Server CPU per request (warm-up included): " + string.Join("; ", cpu.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value:F2} ms"))) + ".");
            report.AppendLine();
        }
        if (server.Count > 0)
        {
            report.AppendLine("Server time p95 (the app's Server-Timing header: arrival to response headers, warm-up included): "
                + string.Join("; ", server.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value:F2} ms"))) + ".");
            report.AppendLine();
        }

        report.AppendLine("| page (fetched once, Accept-Encoding: br, gzip) | HTML bytes | encoding | linked CSS/JS/icons | assets bytes | total KB | goal 100 KB |");
        report.AppendLine("|---|--:|---|---|--:|--:|---|");
        var sizes = new List<(string Page, long Total)>();
        foreach (var (page, path, post) in new (string, string, bool)[]
        {
            ("catalogue", "/thu-tuc", false), ("procedure", "/thu-tuc/" + Uri.EscapeDataString(codes[0]), false),
            ("look-up form", "/tra-cuu/" + Uri.EscapeDataString(dossier), false), ("look-up answer", "/tra-cuu/" + Uri.EscapeDataString(dossier), true),
            ("search \"do luong\"", "/thu-tuc?q=do+luong", false),
        })
        {
            var (html, htmlBytes, encoding) = await TransferAsync(http, url + path,
                post ? () => new FormUrlEncodedContent([new("Factor", Phone), new("__RequestVerificationToken", token)]) : null, cookie);
            var assets = LinkedAssets(html).ToList();
            long assetBytes = 0;
            foreach (var a in assets)
            {
                assetBytes += (await TransferAsync(http, url + a, null, null)).Bytes;
            }
            var total = htmlBytes + assetBytes;
            sizes.Add((page, total));
            report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {page} | {htmlBytes:N0} | {encoding} | {string.Join(", ", assets)} | {assetBytes:N0} | {total / 1024.0:F1} | {(total <= ByteGoal ? "met" : "**over**")} |"));
        }
        report.AppendLine();
        var all = results.Append(searchOne).Append(apiOne).ToList();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Public p95 under {clients} clients: {string.Join("; ", results.Select(m => $"{m.Name} {m.P95Ms:F1} ms" + (server.TryGetValue(m.Name, out var s) ? $" (server {s:F1} ms)" : "")))} (goal < 50 ms); search p95 with one client {searchOne.P95Ms:F1} ms (page), {apiOne.P95Ms:F1} ms (API)."));
        report.AppendLine("Bytes per page: " + string.Join("; ", sizes.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Page} {s.Total / 1024.0:F1} KB"))) + " (goal < 100 KB).");
        Console.Write(report);
        foreach (var m in all.Append(floor).Where(m => m.FirstError is not null))
        {
            Console.Error.WriteLine($"  {m.Name}: {m.Errors} errors, first: {m.FirstError}");
        }
        if (o.Get("out") is { } outPath)
        {
            await File.WriteAllTextAsync(outPath, report.ToString());
        }
        return all.Append(floor).Any(m => m.Ops == 0) ? 1 : 0;
    }

    /// <summary>
    /// Imports the province catalogue into the first standing agency unless it is there already (a re-run), through the
    /// product's catalogue import as an officer's upload would; returns every code in force there.
    /// </summary>
    private static async Task<List<string>> ImportCatalogueAsync(string provider, string connection)
    {
        await using var db = DataGenerator.Context(provider, connection);
        var agency = await CatalogueQueries.PublicAgencyAsync(db, null, CancellationToken.None)
            ?? throw new InvalidOperationException("No agency: start the app once with MotCua:SeedDemoData=true.");
        if (!await db.Procedures.AnyAsync(p => p.AgencyId == agency.Id && p.Code == ProvinceCatalogue.Placed[0].Code))
        {
            var clock = Stopwatch.StartNew();
            var json = JsonSerializer.SerializeToUtf8Bytes(new { procedures = ProvinceCatalogue.Rows().ToList() });
            var (rows, readErrors) = CatalogueImport.ReadJson(new MemoryStream(json));
            var (imported, errors) = readErrors.Count > 0 ? (0, readErrors) : await CatalogueImport.ImportAsync(db, TimeProvider.System, null, agency.Id, rows,
                new DateOnly(2025, 1, 1), "Danh mục cấp tỉnh sinh tự động (bench)", null, CancellationToken.None);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("The catalogue import refused the rows: " + string.Join("; ", errors.Take(5)));
            }
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  imported {imported:N0} procedures in {clock.Elapsed.TotalSeconds:F1} s"));
        }
        var today = CatalogueQueries.LocalDay(TimeProvider.System.GetUtcNow());
        return await CatalogueQueries.InForceOn(db, agency.Id, today).Select(v => v.Procedure!.Code).OrderBy(c => c).ToListAsync();
    }

    /// <summary>One dossier received at the desk through the API, so the look-up has a real code and factor.</summary>
    private static async Task<string> ReceiveOneAsync(HttpClient http, string url)
    {
        var desk = await LoadRun.TokenAsync(http, url, "motcua");
        var body = new
        {
            procedureCode = "1.000173",
            channel = "direct",
            applicant = new { name = "Trần Thị Bích Ngọc", idNumber = "079185031742", phone = Phone, address = "Tuy Hòa, Phú Yên" },
            papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true }, new { name = "Phiếu khai báo", present = true } },
        };
        using var req = new HttpRequestMessage(HttpMethod.Post, url + "/api/dossiers") { Content = JsonContent.Create(body) };
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", desk);
        req.Headers.Add("Idempotency-Key", "bench-public-" + Guid.NewGuid().ToString("N"));
        using var res = await http.SendAsync(req);
        var text = await res.Content.ReadAsStringAsync();
        return res.StatusCode == HttpStatusCode.Created
            ? JsonDocument.Parse(text).RootElement.GetProperty("code").GetString()!
            : throw new InvalidOperationException($"The receipt failed: {(int)res.StatusCode} {text[..Math.Min(300, text.Length)]}");
    }

    /// <summary>The antiforgery cookie and form token of a page, which every client then posts with (as one browser would).</summary>
    private static async Task<(string Cookie, string Token)> AntiforgeryAsync(HttpClient http, string pageUrl)
    {
        using var res = await http.GetAsync(pageUrl);
        var html = await res.Content.ReadAsStringAsync();
        var cookie = res.Headers.TryGetValues("Set-Cookie", out var set)
            ? string.Join("; ", set.Select(c => c.Split(';')[0]).Where(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)))
            : "";
        var token = TokenInput().Match(html);
        return token.Success && cookie.Length > 0 ? (cookie, token.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on " + pageUrl);
    }

    private static async Task<string?> FetchAsync(HttpClient http, string url, Func<HttpContent>? form, CancellationToken ct, string? cookie = null, string? mustContain = null)
    {
        using var req = new HttpRequestMessage(form is null ? HttpMethod.Get : HttpMethod.Post, url) { Content = form?.Invoke() };
        if (cookie is not null)
        {
            req.Headers.Add("Cookie", cookie);
        }
        using var res = await http.SendAsync(req, ct);
        var body = await res.Content.ReadAsStringAsync(ct);
        if (ServerTiming(res) is { } ms)
        {
            ServerTimes.Enqueue(ms);
        }
        if (res.StatusCode != HttpStatusCode.OK)
        {
            return ((int)res.StatusCode).ToString(CultureInfo.InvariantCulture);
        }
        return mustContain is null || body.Contains(mustContain, StringComparison.Ordinal) ? null : "200 without " + mustContain;
    }

    /// <summary>A response as a phone receives it: the body's bytes on the wire (compressed when the server compresses) and its text.</summary>
    private static async Task<(string Html, long Bytes, string Encoding)> TransferAsync(HttpClient http, string url, Func<HttpContent>? form, string? cookie)
    {
        using var req = new HttpRequestMessage(form is null ? HttpMethod.Get : HttpMethod.Post, url) { Content = form?.Invoke() };
        req.Headers.AcceptEncoding.ParseAdd("br, gzip");
        if (cookie is not null)
        {
            req.Headers.Add("Cookie", cookie);
        }
        using var res = await http.SendAsync(req);
        res.EnsureSuccessStatusCode();
        var wire = await res.Content.ReadAsByteArrayAsync();
        var encoding = res.Content.Headers.ContentEncoding.FirstOrDefault() ?? "none";
        byte[] plain = encoding switch
        {
            "br" => Decode(wire, s => new System.IO.Compression.BrotliStream(s, System.IO.Compression.CompressionMode.Decompress)),
            "gzip" => Decode(wire, s => new System.IO.Compression.GZipStream(s, System.IO.Compression.CompressionMode.Decompress)),
            _ => wire,
        };
        return (System.Text.Encoding.UTF8.GetString(plain), wire.LongLength, encoding);
    }

    private static byte[] Decode(byte[] wire, Func<Stream, Stream> decoder)
    {
        using var input = decoder(new MemoryStream(wire));
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Same-origin stylesheets, scripts and icons the page links, each once.</summary>
    private static IEnumerable<string> LinkedAssets(string html) =>
        AssetLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[2].Value))
            .Where(u => u.StartsWith('/') && !u.StartsWith("//", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal);

    /// <summary>The server's own durations of the scenario being measured, from <c>Server-Timing: app;dur=…</c>.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentQueue<double> ServerTimes = new();

    private static double? ServerTiming(HttpResponseMessage res)
    {
        if (!res.Headers.TryGetValues("Server-Timing", out var values))
        {
            return null;
        }
        foreach (var part in values.SelectMany(v => v.Split(';', StringSplitOptions.TrimEntries)))
        {
            if (part.StartsWith("dur=", StringComparison.Ordinal) && double.TryParse(part.AsSpan(4), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
            {
                return ms;
            }
        }
        return null;
    }

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

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    [GeneratedRegex("<(?:link|script)\\b[^>]*?\\b(href|src)=\"([^\"]+)\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex AssetLink();
}
