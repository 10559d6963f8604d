using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LedgerPortalCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "NationalCode",
                table: "ReportDossiers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PortalCode",
                table: "ReportDossiers",
                type: "INTEGER",
                nullable: true);

            // Messages written before their status code had a column carry it only in the body: the code is copied out
            // (0 where the body has none, as the ledger reads such a body), so every portal message has one.
            migrationBuilder.Sql("""
                UPDATE "OutboxMessages" SET "NationalStatusCode" = COALESCE(CASE WHEN json_valid("Body") THEN CAST(json_extract("Body", '$.data[0].TrangThaiHoSo') AS INTEGER) END, 0)
                WHERE "Channel" = 'NationalPortal' AND "NationalStatusCode" IS NULL
                """);

            // The code each dossier's status maps to (Core NationalStatus.From), and the code of the portal's latest
            // acknowledged message (ties: the later message), as the projection and the outbox keep them from now on.
            migrationBuilder.Sql("""
                UPDATE "ReportDossiers" SET "NationalCode" = (
                  SELECT CASE d."Status"
                    WHEN 'Submitted' THEN 1 WHEN 'Received' THEN 2 WHEN 'Refused' THEN 3
                    WHEN 'InProcessing' THEN 4 WHEN 'AwaitingApproval' THEN 4 WHEN 'AwaitingInterAgency' THEN 4 WHEN 'Suspended' THEN 4
                    WHEN 'AwaitingSupplement' THEN 5 WHEN 'AwaitingFinancialObligation' THEN 6
                    WHEN 'Withdrawn' THEN 7 WHEN 'RefusedAfterReceipt' THEN 7 WHEN 'Stopped' THEN 8
                    WHEN 'ResultIssued' THEN 9 WHEN 'Returned' THEN 10 END
                  FROM "Dossiers" d WHERE d."Id" = "ReportDossiers"."DossierId")
                """);
            migrationBuilder.Sql("""
                UPDATE "ReportDossiers" SET "PortalCode" = (
                  SELECT COALESCE(m."NationalStatusCode", 0) FROM "OutboxMessages" m
                  JOIN "Dossiers" d ON d."AgencyId" = m."AgencyId" AND d."Code" = m."DossierCode"
                  WHERE d."Id" = "ReportDossiers"."DossierId" AND m."Channel" = 'NationalPortal' AND m."AcknowledgedAt" IS NOT NULL
                  ORDER BY m."AcknowledgedAt" DESC, m."CreatedAt" DESC LIMIT 1)
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NationalCode",
                table: "ReportDossiers");

            migrationBuilder.DropColumn(
                name: "PortalCode",
                table: "ReportDossiers");
        }
    }
}
