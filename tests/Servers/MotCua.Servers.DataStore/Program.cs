using System.Collections.Concurrent;
using System.Text;
using MotCua.Servers.DataStore;

// A stand-in for the national data store of citizens' documents: "documents held for ID number X" and their content;
// /sim/... lets a test seed documents, read what was asked and take the store down.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<Store>();
var app = builder.Build();

app.MapGet("/health", () => Results.Ok("ok"));

app.MapGet("/api/documents", (string? idNumber, HttpRequest request, Store store) =>
{
    store.Asked.Enqueue(new Asked("list", idNumber ?? "", null, request.Headers["X-API-Key"].ToString()));
    if (store.Down)
    {
        return Results.StatusCode(503);
    }
    var held = store.Documents.Values.Where(d => d.IdNumber == idNumber).OrderBy(d => d.Id, StringComparer.Ordinal)
        .Select(d => new { d.Id, d.Name, d.Issuer, d.IssuedOn, d.ValidFrom, d.ValidTo, d.FileName, d.Reference });
    return Results.Ok(held);
});

app.MapGet("/api/documents/{id}/content", (string id, string? idNumber, HttpRequest request, Store store) =>
{
    store.Asked.Enqueue(new Asked("content", idNumber ?? "", id, request.Headers["X-API-Key"].ToString()));
    if (store.Down)
    {
        return Results.StatusCode(503);
    }
    // A document is answered only under its own person's ID number.
    return store.Documents.TryGetValue(id, out var d) && d.IdNumber == idNumber
        ? Results.File(d.Content, "application/pdf", d.FileName)
        : Results.NotFound();
});

// ---- control endpoints for tests
app.MapPost("/sim/documents", (SimDocument seed, Store store) =>
{
    var id = seed.Id ?? store.NextId();
    var content = seed.ContentBase64 is { } b64 ? Convert.FromBase64String(b64) : Store.Pdf(seed.Name);
    store.Documents[id] = new Held(id, seed.IdNumber, seed.Name, seed.Issuer, seed.IssuedOn ?? "2024-06-01", seed.ValidFrom, seed.ValidTo,
        seed.FileName ?? id + ".pdf", seed.Reference ?? id, content);
    return Results.Ok(new { id });
});
app.MapPost("/sim/down", (SimDown down, Store store) =>
{
    store.Down = down.Down;
    return Results.Ok();
});
app.MapGet("/sim/asked", (Store store) => Results.Ok(store.Asked.ToArray()));
app.MapPost("/sim/reset", (Store store) =>
{
    store.Documents.Clear();
    store.Asked.Clear();
    store.Down = false;
    return Results.Ok();
});

app.Run();

namespace MotCua.Servers.DataStore
{
    /// <summary>A document to hold for <see cref="IdNumber"/>; dates as yyyy-MM-dd; a one-page PDF naming it when no content is given.</summary>
    public sealed record SimDocument(string IdNumber, string Name, string? Issuer = null, string? IssuedOn = null, string? ValidFrom = null,
        string? ValidTo = null, string? FileName = null, string? Reference = null, string? Id = null, string? ContentBase64 = null);

    public sealed record SimDown(bool Down);

    /// <summary>One request the store received: a list or a content read, for which ID number, with which key.</summary>
    public sealed record Asked(string Kind, string IdNumber, string? DocumentId, string ApiKey);

    public sealed record Held(string Id, string IdNumber, string Name, string? Issuer, string IssuedOn, string? ValidFrom, string? ValidTo,
        string FileName, string Reference, byte[] Content);

    public sealed class Store
    {
        public ConcurrentDictionary<string, Held> Documents { get; } = new(StringComparer.Ordinal);

        public ConcurrentQueue<Asked> Asked { get; } = new();

        private int next;
        private volatile bool down;

        public bool Down
        {
            get => down;
            set => down = value;
        }

        public string NextId() => "KDL-" + Interlocked.Increment(ref next).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>A minimal well-formed PDF, enough for MotCua's content check.</summary>
        public static byte[] Pdf(string title) => Encoding.ASCII.GetBytes(
            "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
            + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% " + Convert.ToBase64String(Encoding.UTF8.GetBytes(title))
            + "\ntrailer<</Root 1 0 R>>\n%%EOF\n");
    }
}
