using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReusedDigitisedData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportDossiers_LongOpen",
                table: "ReportDossiers");

            migrationBuilder.DropIndex(
                name: "IX_ReportDossiers_Received",
                table: "ReportDossiers");

            migrationBuilder.AddColumn<bool>(
                name: "ReusedDigitisedData",
                table: "ReportDossiers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ReceivedReused",
                table: "ReportDayCounts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "ReusedDigitisedData",
                table: "Dossiers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_ReportDossiers_LongOpen",
                table: "ReportDossiers",
                columns: new[] { "AgencyId", "ReceivedAt" },
                filter: "(\"ClosedAt\" - \"ReceivedAt\" > 26784000000000 OR \"ClosedAtReturn\" - \"ReceivedAt\" > 26784000000000)")
                .Annotation("Npgsql:IndexInclude", new[] { "DossierId", "Counted", "UnitId", "FieldId", "ProcedureId", "DueAt", "ClosedAt", "ClosedKind", "ClosedAtReturn", "ClosedKindReturn", "FeeAmount", "ComponentsDigitised", "ResultDigitised", "ReusedDigitisedData", "SyncedAt", "Channel", "PaymentStatus", "ReturnMethod" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportDossiers_Received",
                table: "ReportDossiers",
                columns: new[] { "AgencyId", "ReceivedAt" })
                .Annotation("Npgsql:IndexInclude", new[] { "DossierId", "Counted", "UnitId", "FieldId", "ProcedureId", "DueAt", "ClosedAt", "ClosedKind", "ClosedAtReturn", "ClosedKindReturn", "FeeAmount", "ComponentsDigitised", "ResultDigitised", "ReusedDigitisedData", "SyncedAt", "Channel", "PaymentStatus", "ReturnMethod" });

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
            migrationBuilder.DropIndex(
                name: "IX_ReportDossiers_LongOpen",
                table: "ReportDossiers");

            migrationBuilder.DropIndex(
                name: "IX_ReportDossiers_Received",
                table: "ReportDossiers");

            migrationBuilder.DropColumn(
                name: "ReusedDigitisedData",
                table: "ReportDossiers");

            migrationBuilder.DropColumn(
                name: "ReceivedReused",
                table: "ReportDayCounts");

            migrationBuilder.DropColumn(
                name: "ReusedDigitisedData",
                table: "Dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_ReportDossiers_LongOpen",
                table: "ReportDossiers",
                columns: new[] { "AgencyId", "ReceivedAt" },
                filter: "(\"ClosedAt\" - \"ReceivedAt\" > 26784000000000 OR \"ClosedAtReturn\" - \"ReceivedAt\" > 26784000000000)")
                .Annotation("Npgsql:IndexInclude", new[] { "DossierId", "Counted", "UnitId", "FieldId", "ProcedureId", "DueAt", "ClosedAt", "ClosedKind", "ClosedAtReturn", "ClosedKindReturn", "FeeAmount", "ComponentsDigitised", "ResultDigitised", "SyncedAt", "Channel", "PaymentStatus", "ReturnMethod" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportDossiers_Received",
                table: "ReportDossiers",
                columns: new[] { "AgencyId", "ReceivedAt" })
                .Annotation("Npgsql:IndexInclude", new[] { "DossierId", "Counted", "UnitId", "FieldId", "ProcedureId", "DueAt", "ClosedAt", "ClosedKind", "ClosedAtReturn", "ClosedKindReturn", "FeeAmount", "ComponentsDigitised", "ResultDigitised", "SyncedAt", "Channel", "PaymentStatus", "ReturnMethod" });
        }
    }
}
