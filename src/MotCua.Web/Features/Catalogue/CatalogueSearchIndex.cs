using Microsoft.EntityFrameworkCore;
using MotCua.Core.Procedures;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Catalogue;

/// <summary>One matching procedure version: how it matched (<see cref="Tier"/>) and the engine's score within that tier.</summary>
public sealed class CatalogueSearchHit
{
    /// <summary>4 the words as a phrase in the name, 3 every word in the name, 2 the phrase elsewhere, 1 the words scattered.</summary>
    public int Tier { get; set; }

    public int VersionId { get; set; }

    /// <summary>Higher is better: negated bm25 on SQLite, ts_rank_cd on PostgreSQL; compared only within one provider.</summary>
    public double Score { get; set; }
}

/// <summary>
/// The catalogue's full-text index, table "ProcedureSearch" made by the CatalogueSearch migrations: an FTS5 table on
/// SQLite (rowid = version id; columns Name, Code, Field, Agency) and a weighted tsvector on PostgreSQL (name A, field B,
/// code C, agency D). Both hold text folded and split in .NET (<see cref="CatalogueSearchTerms.IndexText"/>), so neither
/// needs unaccent and both see the same words. Every place that writes a version's name or field writes its row here, in the same transaction.
/// </summary>
public static class CatalogueSearchIndex
{
    /// <summary>Most results a ranked search returns: beyond them the user is better served by another word.</summary>
    public const int MaxResults = 100;

    /// <summary>(Re)writes the index rows of these versions from what the database now holds.</summary>
    public static async Task WriteAsync(AppDbContext db, IReadOnlyCollection<int> versionIds, CancellationToken ct)
    {
        foreach (var chunk in versionIds.Distinct().Chunk(200))
        {
            var rows = await db.ProcedureVersions.AsNoTracking().Where(v => chunk.Contains(v.Id))
                .Select(v => new { v.Id, v.Name, v.Procedure!.Code, Field = v.Field!.Name, Agency = v.Procedure.Agency!.Name })
                .ToListAsync(ct);
            foreach (var r in rows)
            {
                var name = CatalogueSearchTerms.IndexText(r.Name);
                var code = CatalogueSearchTerms.IndexText(r.Code);
                var field = CatalogueSearchTerms.IndexText(r.Field);
                var agency = CatalogueSearchTerms.IndexText(r.Agency);
                if (db.Database.IsNpgsql())
                {
                    var document = TsVector((name, 'A'), (field, 'B'), (code, 'C'), (agency, 'D'));
                    await db.Database.ExecuteSqlAsync($"""
                        INSERT INTO "ProcedureSearch" ("ProcedureVersionId", "Document") VALUES ({r.Id}, CAST({document} AS tsvector))
                        ON CONFLICT ("ProcedureVersionId") DO UPDATE SET "Document" = EXCLUDED."Document"
                        """, ct);
                }
                else
                {
                    await db.Database.ExecuteSqlAsync($"""DELETE FROM "ProcedureSearch" WHERE rowid = {r.Id}""", ct);
                    await db.Database.ExecuteSqlAsync($"""
                        INSERT INTO "ProcedureSearch" (rowid, "Name", "Code", "Field", "Agency") VALUES ({r.Id}, {name}, {code}, {field}, {agency})
                        """, ct);
                }
            }
        }
    }

    /// <summary>
    /// The tsvector literal of the already split words, each column's positions one apart from the previous column's so a
    /// phrase never spans two columns (as in FTS5); PostgreSQL's own parser is not involved, so both engines see the same words.
    /// </summary>
    internal static string TsVector(params (string Text, char Weight)[] columns)
    {
        var positions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var position = 0;
        foreach (var (text, weight) in columns)
        {
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                position = Math.Min(position + 1, 16383);
                if (!positions.TryGetValue(word, out var list))
                {
                    positions[word] = list = [];
                }
                list.Add(position.ToString(System.Globalization.CultureInfo.InvariantCulture) + weight);
            }
            position++;
        }
        return string.Join(' ', positions.Select(p => "'" + p.Key + "':" + string.Join(',', p.Value)));
    }

    /// <summary>Indexes every version that has no row yet (a database restored from elsewhere, or data seeded around the catalogue's own writes).</summary>
    public static async Task<int> FillMissingAsync(AppDbContext db, CancellationToken ct)
    {
        var missing = db.Database.IsNpgsql()
            ? await db.Database.SqlQuery<int>($"""
                SELECT v."Id" AS "Value" FROM "ProcedureVersions" v
                WHERE NOT EXISTS (SELECT 1 FROM "ProcedureSearch" s WHERE s."ProcedureVersionId" = v."Id")
                """).ToListAsync(ct)
            : await db.Database.SqlQuery<int>($"""
                SELECT v."Id" AS "Value" FROM "ProcedureVersions" v
                WHERE NOT EXISTS (SELECT 1 FROM "ProcedureSearch" s WHERE s.rowid = v."Id")
                """).ToListAsync(ct);
        await WriteAsync(db, missing, ct);
        return missing.Count;
    }

    /// <summary>The versions matching every word (or, when none does, any word), with how they matched; composable with other filters.</summary>
    public static IQueryable<CatalogueSearchHit> Hits(AppDbContext db, CatalogueSearchTerms terms, bool anyWord)
    {
        if (db.Database.IsNpgsql())
        {
            var match = anyWord ? terms.TsAny : terms.TsAll;
            // Normalisation 1 (divide by 1 + log of the length) keeps short names first, as bm25 does on SQLite.
            return db.Database.SqlQuery<CatalogueSearchHit>($$"""
                SELECT s."ProcedureVersionId" AS "VersionId",
                    CASE WHEN s."Document" @@ CAST({{terms.TsNamePhrase}} AS tsquery) THEN 4
                         WHEN s."Document" @@ CAST({{terms.TsNameAll}} AS tsquery) THEN 3
                         WHEN s."Document" @@ CAST({{terms.TsPhrase}} AS tsquery) THEN 2
                         ELSE 1 END AS "Tier",
                    ts_rank_cd('{0.05, 0.2, 0.4, 1.0}', s."Document", CAST({{match}} AS tsquery), 1)::double precision AS "Score"
                FROM "ProcedureSearch" s
                WHERE s."Document" @@ CAST({{match}} AS tsquery)
                """);
        }
        var fts = anyWord ? terms.Fts5Any : terms.Fts5All;
        // bm25's column weights: name 10, code 1, field 3, agency 0.5; it is lower for a better match, hence negated.
        return db.Database.SqlQuery<CatalogueSearchHit>($"""
            SELECT "ProcedureSearch".rowid AS "VersionId",
                CASE WHEN "ProcedureSearch".rowid IN (SELECT rowid FROM "ProcedureSearch" WHERE "ProcedureSearch" MATCH {terms.Fts5NamePhrase}) THEN 4
                     WHEN "ProcedureSearch".rowid IN (SELECT rowid FROM "ProcedureSearch" WHERE "ProcedureSearch" MATCH {terms.Fts5NameAll}) THEN 3
                     WHEN "ProcedureSearch".rowid IN (SELECT rowid FROM "ProcedureSearch" WHERE "ProcedureSearch" MATCH {terms.Fts5Phrase}) THEN 2
                     ELSE 1 END AS "Tier",
                -bm25("ProcedureSearch", 10.0, 1.0, 3.0, 0.5) AS "Score"
            FROM "ProcedureSearch"
            WHERE "ProcedureSearch" MATCH {fts}
            """);
    }

    /// <summary>
    /// The best <paramref name="limit"/> of <paramref name="versions"/> for the query, best first: by tier, then the
    /// engine's score, then the shorter name, then the code. Falls back to any word when no version has them all.
    /// </summary>
    public static async Task<List<ProcedureVersion>> RankAsync(AppDbContext db, IQueryable<ProcedureVersion> versions, CatalogueSearchTerms terms, int limit, CancellationToken ct)
    {
        var ids = await RankedIdsAsync(db, versions, terms, anyWord: false, limit, ct);
        if (ids.Count == 0 && terms.Words.Count > 1)
        {
            ids = await RankedIdsAsync(db, versions, terms, anyWord: true, limit, ct);
        }
        if (ids.Count == 0)
        {
            return [];
        }
        var loaded = await versions.AsNoTracking().Where(v => ids.Contains(v.Id)).Include(v => v.Procedure).Include(v => v.Field).ToListAsync(ct);
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return [.. loaded.OrderBy(v => order[v.Id])];
    }

    private static Task<List<int>> RankedIdsAsync(AppDbContext db, IQueryable<ProcedureVersion> versions, CatalogueSearchTerms terms, bool anyWord, int limit, CancellationToken ct) =>
        versions.Join(Hits(db, terms, anyWord), v => v.Id, h => h.VersionId, (v, h) => new { v.Id, h.Tier, h.Score, NameLength = v.Name.Length, v.Procedure!.Code })
            .OrderByDescending(x => x.Tier).ThenByDescending(x => x.Score).ThenBy(x => x.NameLength).ThenBy(x => x.Code)
            .Take(limit).Select(x => x.Id).ToListAsync(ct);
}

/// <summary>Start-up step: the search index gets a row for every version the catalogue's own writes did not index.</summary>
public static class CatalogueSearchStartup
{
    public static async Task IndexCatalogueAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var filled = await CatalogueSearchIndex.FillMissingAsync(db, cancellationToken);
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CatalogueSearchIndex));
        if (filled > 0 && log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("Indexed {Count} procedure versions for the catalogue search.", filled);
        }
    }
}
