using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// The catalogue search's FTS5 index (Features/Catalogue/CatalogueSearchIndex): one row per procedure version, rowid =
    /// version id, text folded in .NET. Existing versions are indexed at start-up (CatalogueSearchIndex.FillMissingAsync),
    /// since the folding is .NET's and SQLite cannot do it.
    /// </summary>
    public partial class CatalogueSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ProcedureSearch" USING fts5(Name, Code, Field, Agency, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ProcedureSearch";""");
        }
    }
}
