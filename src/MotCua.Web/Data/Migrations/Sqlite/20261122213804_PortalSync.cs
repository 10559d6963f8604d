using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PortalSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ReportSyncedAt",
                table: "Dossiers",
                type: "INTEGER",
                nullable: true);

            // Dossiers the portal acknowledged before this column existed: their first acknowledgement.
            migrationBuilder.Sql("""
                UPDATE "Dossiers" SET "ReportSyncedAt" = (
                    SELECT MIN(m."AcknowledgedAt") FROM "OutboxMessages" m
                    WHERE m."AgencyId" = "Dossiers"."AgencyId" AND m."DossierCode" = "Dossiers"."Code"
                      AND m."Channel" = 'NationalPortal' AND m."AcknowledgedAt" IS NOT NULL)
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReportSyncedAt",
                table: "Dossiers");
        }
    }
}
