using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportProjection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportDossiers",
                columns: table => new
                {
                    DossierId = table.Column<long>(type: "bigint", nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Counted = table.Column<bool>(type: "boolean", nullable: false),
                    SubmittedAt = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: true),
                    DueAt = table.Column<long>(type: "bigint", nullable: true),
                    DeskRefusedAt = table.Column<long>(type: "bigint", nullable: true),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    UnitName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    FieldId = table.Column<int>(type: "integer", nullable: false),
                    FieldName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ProcedureId = table.Column<int>(type: "integer", nullable: false),
                    ProcedureName = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OnlineLevel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ClosedAt = table.Column<long>(type: "bigint", nullable: false),
                    ClosedKind = table.Column<int>(type: "integer", nullable: true),
                    ClosedAtReturn = table.Column<long>(type: "bigint", nullable: false),
                    ClosedKindReturn = table.Column<int>(type: "integer", nullable: true),
                    SyncedAt = table.Column<long>(type: "bigint", nullable: true),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FeeAmount = table.Column<long>(type: "bigint", nullable: false),
                    PaymentStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReturnMethod = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ComponentsDigitised = table.Column<bool>(type: "boolean", nullable: false),
                    ResultDigitised = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDossiers", x => x.DossierId);
                    table.ForeignKey(
                        name: "FK_ReportDossiers_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every dossier keeps its report values: copied before the columns go.
            migrationBuilder.Sql("""
                INSERT INTO "ReportDossiers" ("DossierId", "AgencyId", "Counted", "SubmittedAt", "ReceivedAt", "DueAt", "DeskRefusedAt", "UnitId", "UnitName", "FieldId", "FieldName", "ProcedureId", "ProcedureName", "OnlineLevel", "ClosedAt", "ClosedKind", "ClosedAtReturn", "ClosedKindReturn", "SyncedAt", "Channel", "FeeAmount", "PaymentStatus", "ReturnMethod", "ComponentsDigitised", "ResultDigitised")
                SELECT "Id", "AgencyId", "ReportCounted", "SubmittedAt", "ReceivedAt", "DueAt", CASE WHEN "Status" = 'Refused' AND NOT "ReportCounted" THEN "ClosedAt" END, "ReportUnitId", "ReportUnitName", "ReportFieldId", "ReportFieldName", "ReportProcedureId", "ProcedureName", "ReportOnlineLevel", "ReportClosedAt", "ReportClosedKind", "ReportClosedAtReturn", "ReportClosedKindReturn", "ReportSyncedAt", "Channel", "FeeAmount", "PaymentStatus", "ReturnMethod", "ComponentsDigitised", "ResultDigitised"
                FROM "Dossiers";
                """);

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_AgencyId_ReceivedAt",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_Report_Closed",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_Report_ClosedReturn",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_Report_LongOpen",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_ReportBackfill",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ReportClosedAt",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ReportClosedAtReturn",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ReportClosedKind",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ReportClosedKindReturn",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ReportCounted",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ReportFieldId",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ReportFieldName",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ReportOnlineLevel",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ReportProcedureId",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ReportSyncedAt",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ReportUnitId",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ReportUnitName",
                table: "Dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_AgencyId_ReceivedAt",
                table: "Dossiers",
                columns: new[] { "AgencyId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportDossiers_Backfill",
                table: "ReportDossiers",
                column: "DossierId",
                filter: "\"ProcedureId\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_ReportDossiers_Closed",
                table: "ReportDossiers",
                columns: new[] { "AgencyId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportDossiers_ClosedReturn",
                table: "ReportDossiers",
                columns: new[] { "AgencyId", "ClosedAtReturn" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportDossiers_DeskRefused",
                table: "ReportDossiers",
                columns: new[] { "AgencyId", "DeskRefusedAt" },
                filter: "\"DeskRefusedAt\" IS NOT NULL");

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

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_AgencyId_ReceivedAt",
                table: "Dossiers");

            migrationBuilder.AddColumn<long>(
                name: "ReportClosedAt",
                table: "Dossiers",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ReportClosedAtReturn",
                table: "Dossiers",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "ReportClosedKind",
                table: "Dossiers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReportClosedKindReturn",
                table: "Dossiers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ReportCounted",
                table: "Dossiers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ReportFieldId",
                table: "Dossiers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ReportFieldName",
                table: "Dossiers",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReportOnlineLevel",
                table: "Dossiers",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "ReportProcedureId",
                table: "Dossiers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "ReportSyncedAt",
                table: "Dossiers",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReportUnitId",
                table: "Dossiers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportUnitName",
                table: "Dossiers",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_AgencyId_ReceivedAt",
                table: "Dossiers",
                columns: new[] { "AgencyId", "ReceivedAt" })
                .Annotation("Npgsql:IndexInclude", new[] { "Id", "ReportCounted", "ReportUnitId", "ReportFieldId", "ReportProcedureId", "DueAt", "ReportClosedAt", "ReportClosedKind", "ReportClosedAtReturn", "ReportClosedKindReturn", "FeeAmount", "ComponentsDigitised", "ResultDigitised", "ReportSyncedAt", "Channel", "PaymentStatus", "ReturnMethod" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Report_Closed",
                table: "Dossiers",
                columns: new[] { "AgencyId", "ReportClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Report_ClosedReturn",
                table: "Dossiers",
                columns: new[] { "AgencyId", "ReportClosedAtReturn" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Report_LongOpen",
                table: "Dossiers",
                columns: new[] { "AgencyId", "ReceivedAt" },
                filter: "(\"ReportClosedAt\" - \"ReceivedAt\" > 26784000000000 OR \"ReportClosedAtReturn\" - \"ReceivedAt\" > 26784000000000)")
                .Annotation("Npgsql:IndexInclude", new[] { "Id", "ReportCounted", "ReportUnitId", "ReportFieldId", "ReportProcedureId", "DueAt", "ReportClosedAt", "ReportClosedKind", "ReportClosedAtReturn", "ReportClosedKindReturn", "FeeAmount", "ComponentsDigitised", "ResultDigitised", "ReportSyncedAt", "Channel", "PaymentStatus", "ReturnMethod" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ReportBackfill",
                table: "Dossiers",
                column: "Id",
                filter: "\"ReportProcedureId\" = 0");

            migrationBuilder.Sql("""
                UPDATE "Dossiers" SET "ReportCounted" = r."Counted", "ReportUnitId" = r."UnitId", "ReportUnitName" = r."UnitName", "ReportFieldId" = r."FieldId", "ReportFieldName" = r."FieldName", "ReportProcedureId" = r."ProcedureId", "ReportOnlineLevel" = r."OnlineLevel", "ReportClosedAt" = r."ClosedAt", "ReportClosedKind" = r."ClosedKind", "ReportClosedAtReturn" = r."ClosedAtReturn", "ReportClosedKindReturn" = r."ClosedKindReturn", "ReportSyncedAt" = r."SyncedAt"
                FROM "ReportDossiers" r WHERE r."DossierId" = "Dossiers"."Id";
                """);

            migrationBuilder.DropTable(
                name: "ReportDossiers");
        }
    }
}
