using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Catalogue;

/// <summary>
/// A plain in-memory matcher that says, for each procedure, how it should match a query (the tiers of
/// <see cref="CatalogueSearchHit.Tier"/>), written without either engine. Both databases' results are held to it: the same
/// set and the same tier order. Within one tier each engine orders by its own score (bm25, ts_rank_cd), and at the result
/// cut which members of the last tier are kept may differ: that is the stated tolerance between the providers.
/// </summary>
internal static class CatalogueSearchOracle
{
    public sealed record Entry(string Code, string Name, string Field, string Agency);

    public static int? Tier(CatalogueSearchTerms terms, Entry e, bool anyWord)
    {
        var columns = new[] { e.Name, e.Code, e.Field, e.Agency }
            .Select(c => CatalogueSearchTerms.IndexText(c).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var n = terms.Words.Count;
        bool WordAt(string w, int i) => i == n - 1 ? w.StartsWith(terms.Words[i], StringComparison.Ordinal) : w == terms.Words[i];
        bool WordIn(string[] column, int i) => column.Any(w => WordAt(w, i));
        bool AllIn(string[] column) => Enumerable.Range(0, n).All(i => WordIn(column, i));
        bool PhraseIn(string[] column) => Enumerable.Range(0, Math.Max(0, column.Length - n + 1)).Any(s => Enumerable.Range(0, n).All(i => WordAt(column[s + i], i)));
        var all = Enumerable.Range(0, n).All(i => columns.Any(c => WordIn(c, i)));
        if (!all)
        {
            return anyWord && Enumerable.Range(0, n).Any(i => columns.Any(c => WordIn(c, i))) ? 1 : null;
        }
        return PhraseIn(columns[0]) ? 4 : AllIn(columns[0]) ? 3 : columns.Any(PhraseIn) ? 2 : 1;
    }

    /// <summary>The in-force catalogue of the demo agency, as the oracle reads it.</summary>
    public static async Task<List<Entry>> EntriesAsync(MotCuaApp app)
    {
        await using var db = app.CreateDbContext();
        var agencyId = await CataloguePages.AgencyIdAsync(app);
        return await CatalogueQueries.InForceOn(db, agencyId, CatalogueQueries.LocalDay(app.Clock.GetUtcNow()))
            .Select(v => new Entry(v.Procedure!.Code, v.Name, v.Field!.Name, v.Procedure.Agency!.Name)).ToListAsync();
    }

    /// <summary>Asserts the API's answer to <paramref name="query"/> is the oracle's set in the oracle's tier order; returns the codes.</summary>
    public static async Task<List<string>> AssertAgreesAsync(HttpClient client, List<Entry> entries, string query)
    {
        var terms = CatalogueSearchTerms.Parse(query);
        var answer = await client.GetFromJsonAsync<JsonElement[]>("/api/procedures?q=" + Uri.EscapeDataString(query));
        var codes = answer!.Select(p => p.GetProperty("code").GetString()!).ToList();
        var byCode = entries.ToDictionary(e => e.Code, StringComparer.Ordinal);
        var anyWord = !entries.Any(e => Tier(terms, e, anyWord: false) is not null);
        var expected = entries.Select(e => (e.Code, Tier: Tier(terms, e, anyWord))).Where(x => x.Tier is not null)
            .OrderByDescending(x => x.Tier).ToList();
        var tiers = codes.Select(c => Tier(terms, byCode[c], anyWord)).ToList();
        var message = new StringBuilder($"Query \"{query}\": got ").AppendJoin(", ", codes.Zip(tiers, (c, t) => $"{c}:{t}")).ToString();
        Assert.True(tiers.All(t => t is not null), message);
        Assert.Equal(Math.Min(expected.Count, CatalogueSearchIndex.MaxResults), codes.Count);
        Assert.Equal(expected.Take(codes.Count).Select(x => x.Tier), tiers);
        // Every tier above the last one shown is complete: nothing better was left out.
        var cutTier = tiers.Count > 0 ? tiers[^1] : null;
        Assert.True(expected.Where(x => x.Tier > cutTier).All(x => codes.Contains(x.Code)), message);
        return codes;
    }
}
