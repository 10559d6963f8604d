using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// The catalogue search's tsvector index (Features/Catalogue/CatalogueSearchIndex): one row per procedure version, the
    /// document built in .NET from folded text, so no extension is needed. Existing versions are indexed at start-up
    /// (CatalogueSearchIndex.FillMissingAsync), with the same folding as every later write.
    /// </summary>
    public partial class CatalogueSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "ProcedureSearch" (
                    "ProcedureVersionId" integer NOT NULL PRIMARY KEY REFERENCES "ProcedureVersions" ("Id") ON DELETE CASCADE,
                    "Document" tsvector NOT NULL);
                CREATE INDEX "IX_ProcedureSearch_Document" ON "ProcedureSearch" USING gin ("Document");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ProcedureSearch";""");
        }
    }
}
