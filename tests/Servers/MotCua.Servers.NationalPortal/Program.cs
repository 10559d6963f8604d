using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using MotCua.Servers.NationalPortal;

// The national portal as the provincial system sees it: a queue of dossiers per agency code that stay offered until
// acknowledged, a status sync endpoint, bearer-token auth, and /sim/ controls for the tests (state in memory only).
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
var token = app.Configuration["Portal:Token"] ?? "sim-token";
var portal = new PortalState();

app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

// Every /api call needs the portal's bearer token and may be failed on purpose (fault injection).
app.Use(async (context, next) =>
{
    if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
    {
        portal.CountCall();
        if (!string.Equals(context.Request.Headers.Authorization.ToString(), "Bearer " + token, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsJsonAsync(new { error_code = "401", message = "Token không hợp lệ." });
            return;
        }
        if (portal.TakeFailure())
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsJsonAsync(new { error_code = "503", message = "Hệ thống đang bảo trì." });
            return;
        }
    }
    await next(context);
});

app.MapGet("/api/hoso/cho-nhan", (string? maDonVi, long? sau, int? soLuong) =>
{
    var page = portal.Pending(maDonVi, sau ?? 0, Math.Clamp(soLuong ?? 20, 1, 100));
    return Results.Json(new JsonObject
    {
        ["error_code"] = "0",
        ["data"] = new JsonArray(page.Select(d => (JsonNode)new JsonObject { ["ThuTu"] = d.Seq, ["HoSo"] = JsonNode.Parse(d.Raw) ?? d.Raw }).ToArray()),
        ["TiepTheo"] = page.Count == 0 ? sau ?? 0 : page[^1].Seq,
    });
});

app.MapPost("/api/hoso/{maHoSoQG}/xac-nhan", async (string maHoSoQG, HttpRequest request) =>
{
    using var body = await JsonDocument.ParseAsync(request.Body);
    var ack = new Acknowledgement(maHoSoQG,
        Json.Prop(body.RootElement, "MaHoSo")?.GetString(),
        Json.Prop(body.RootElement, "TuChoi")?.ValueKind == JsonValueKind.True,
        Json.Prop(body.RootElement, "LyDo")?.GetString(),
        TimeProvider.System.GetUtcNow());
    return portal.Acknowledge(ack)
        ? Results.Json(new { error_code = "0" })
        : Results.Json(new { error_code = "404", message = "Không có hồ sơ " + maHoSoQG + "." }, statusCode: StatusCodes.Status404NotFound);
});

app.MapPost("/api/dongbo", async (HttpRequest request) =>
{
    using var reader = new StreamReader(request.Body);
    var raw = await reader.ReadToEndAsync();
    var json = JsonNode.Parse(raw);
    foreach (var item in json?["data"]?.AsArray() ?? [])
    {
        portal.RecordSync(item!.ToJsonString());
    }
    return Results.Json(new { error_code = "0" });
});

// A dossier as a citizen submitted it on the portal; a paper's file gets its SHA-256 (MaBam) unless the test gives one.
app.MapPost("/sim/hoso", async (HttpRequest request) =>
{
    var node = await JsonNode.ParseAsync(request.Body) as JsonObject;
    if (node?["MaHoSoQG"]?.GetValue<string>() is not { Length: > 0 } code || node["MaDonVi"]?.GetValue<string>() is not { Length: > 0 } unit)
    {
        return Results.BadRequest(new { message = "MaHoSoQG và MaDonVi là bắt buộc." });
    }
    foreach (var paper in node["ThanhPhanHoSo"]?.AsArray() ?? [])
    {
        foreach (var file in paper?["TepDinhKem"]?.AsArray() ?? [])
        {
            if (file is JsonObject f && f["MaBam"] is null && f["NoiDung"]?.GetValue<string>() is { } content)
            {
                f["MaBam"] = Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(content)));
            }
        }
    }
    portal.Put(code, unit, node.ToJsonString());
    return Results.Ok(new { MaHoSoQG = code });
});

app.MapGet("/sim/dongbo", (string? maHoSoQG, string? maHoSo) => Results.Json(portal.Syncs(maHoSoQG, maHoSo)));

app.MapGet("/sim/xac-nhan", (string? maHoSoQG) => Results.Json(portal.Acknowledgements(maHoSoQG)));

app.MapGet("/sim/trang-thai", () => Results.Json(new { SoLanGoi = portal.Calls }));

// Faults: fail the next N /api calls with 503, offer an acknowledged dossier again, queue a malformed one as given.
app.MapPost("/sim/loi", async (HttpRequest request) =>
{
    using var body = await JsonDocument.ParseAsync(request.Body);
    var root = body.RootElement;
    if (Json.Prop(root, "Loi503") is { } fail)
    {
        portal.FailNext(fail.GetInt32());
    }
    if (Json.Prop(root, "PhucVuLai") is { } again && !portal.OfferAgain(again.GetString() ?? ""))
    {
        return Results.NotFound();
    }
    if (Json.Prop(root, "HoSoHong") is { } broken)
    {
        portal.Put(Json.Prop(broken, "MaHoSoQG")!.Value.GetString()!, Json.Prop(broken, "MaDonVi")!.Value.GetString()!, Json.Prop(broken, "NoiDung")!.Value.GetString()!);
    }
    return Results.Ok();
});

app.Run();

namespace MotCua.Servers.NationalPortal
{
    /// <summary>Control and acknowledgement bodies are read whatever the case of their names (clients serialise camelCase or PascalCase).</summary>
    internal static class Json
    {
        public static JsonElement? Prop(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: not JsonValueKind.Undefined } found
                ? found.Value
                : null;
    }

    internal sealed record PortalDossier(long Seq, string Code, string Unit, string Raw)
    {
        public bool Acknowledged { get; set; }
    }

    internal sealed record Acknowledgement(string MaHoSoQG, string? MaHoSo, bool TuChoi, string? LyDo, DateTimeOffset At);

    /// <summary>The portal's memory; one lock, as the calls are few and small.</summary>
    internal sealed class PortalState
    {
        private readonly Lock gate = new();
        private readonly List<PortalDossier> dossiers = [];
        private readonly List<Acknowledgement> acks = [];
        private readonly List<string> syncs = [];
        private long seq;
        private int failures;

        public int Calls { get; private set; }

        public void CountCall()
        {
            lock (gate)
            {
                Calls++;
            }
        }

        public void FailNext(int n)
        {
            lock (gate)
            {
                failures = n;
            }
        }

        public bool TakeFailure()
        {
            lock (gate)
            {
                if (failures <= 0)
                {
                    return false;
                }
                failures--;
                return true;
            }
        }

        public void Put(string code, string unit, string raw)
        {
            lock (gate)
            {
                dossiers.Add(new PortalDossier(++seq, code, unit, raw));
            }
        }

        public List<PortalDossier> Pending(string? unit, long after, int count)
        {
            lock (gate)
            {
                return dossiers.Where(d => !d.Acknowledged && d.Seq > after && (unit is null || string.Equals(d.Unit, unit, StringComparison.Ordinal)))
                    .OrderBy(d => d.Seq).Take(count).ToList();
            }
        }

        public bool Acknowledge(Acknowledgement ack)
        {
            lock (gate)
            {
                var offered = dossiers.Where(d => string.Equals(d.Code, ack.MaHoSoQG, StringComparison.Ordinal)).ToList();
                if (offered.Count == 0)
                {
                    return false;
                }
                offered.ForEach(d => d.Acknowledged = true);
                acks.Add(ack);
                return true;
            }
        }

        public bool OfferAgain(string code)
        {
            lock (gate)
            {
                var last = dossiers.LastOrDefault(d => string.Equals(d.Code, code, StringComparison.Ordinal));
                if (last is null)
                {
                    return false;
                }
                dossiers.Add(last with { Seq = ++seq, Acknowledged = false });
                return true;
            }
        }

        public void RecordSync(string item)
        {
            lock (gate)
            {
                syncs.Add(item);
            }
        }

        public List<JsonNode> Syncs(string? national, string? code)
        {
            lock (gate)
            {
                return syncs.Select(s => JsonNode.Parse(s)!)
                    .Where(n => (national is null || string.Equals(n["MaHoSoQG"]?.GetValue<string>(), national, StringComparison.Ordinal))
                        && (code is null || string.Equals(n["MaHoSo"]?.GetValue<string>(), code, StringComparison.Ordinal)))
                    .ToList();
            }
        }

        public List<Acknowledgement> Acknowledgements(string? national)
        {
            lock (gate)
            {
                return acks.Where(a => national is null || string.Equals(a.MaHoSoQG, national, StringComparison.Ordinal)).ToList();
            }
        }
    }
}
