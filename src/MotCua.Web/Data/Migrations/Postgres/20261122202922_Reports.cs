using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "IX_Dossiers_Report_Closed",
                table: "Dossiers",
                columns: new[] { "AgencyId", "ReportClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Report_ClosedReturn",
                table: "Dossiers",
                columns: new[] { "AgencyId", "ReportClosedAtReturn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_Report_Closed",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_Report_ClosedReturn",
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
                name: "ReportUnitId",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ReportUnitName",
                table: "Dossiers");
        }
    }
}
