using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReusedDigitisedData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ReusedDigitisedData",
                table: "ReportDossiers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ReceivedReused",
                table: "ReportDayCounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "ReusedDigitisedData",
                table: "Dossiers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Dossiers that already reused a held document count for indicator 6.3; the roll-up's new column is then
            // rebuilt from the report rows at the next start (ReportRollupService rebuilds an empty roll-up).
            migrationBuilder.Sql("""
                UPDATE "Dossiers" SET "ReusedDigitisedData" = TRUE WHERE "Id" IN (SELECT "DossierId" FROM "ReusedPapers");
                UPDATE "ReportDossiers" SET "ReusedDigitisedData" = TRUE WHERE "DossierId" IN (SELECT "DossierId" FROM "ReusedPapers");
                DELETE FROM "ReportMonthCounts" WHERE EXISTS (SELECT 1 FROM "ReportDossiers" WHERE "ReusedDigitisedData" = TRUE AND "Counted" = TRUE);
                DELETE FROM "ReportDayCounts" WHERE EXISTS (SELECT 1 FROM "ReportDossiers" WHERE "ReusedDigitisedData" = TRUE AND "Counted" = TRUE);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReusedDigitisedData",
                table: "ReportDossiers");

            migrationBuilder.DropColumn(
                name: "ReceivedReused",
                table: "ReportDayCounts");

            migrationBuilder.DropColumn(
                name: "ReusedDigitisedData",
                table: "Dossiers");
        }
    }
}
