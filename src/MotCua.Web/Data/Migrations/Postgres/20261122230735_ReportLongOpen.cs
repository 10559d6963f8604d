using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportLongOpen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_Report_Closed",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_Report_ClosedReturn",
                table: "Dossiers");

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

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_Report_LongOpen",
                table: "Dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Report_Closed",
                table: "Dossiers",
                columns: new[] { "AgencyId", "ReportClosedAt" })
                .Annotation("Npgsql:IndexInclude", new[] { "ReceivedAt", "Id", "ReportCounted", "ReportUnitId", "ReportFieldId", "ReportProcedureId", "DueAt", "ReportClosedKind", "FeeAmount", "ComponentsDigitised", "ResultDigitised", "ReportSyncedAt", "Channel", "PaymentStatus", "ReturnMethod" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Report_ClosedReturn",
                table: "Dossiers",
                columns: new[] { "AgencyId", "ReportClosedAtReturn" })
                .Annotation("Npgsql:IndexInclude", new[] { "ReceivedAt", "Id", "ReportCounted", "ReportUnitId", "ReportFieldId", "ReportProcedureId", "DueAt", "ReportClosedKindReturn", "Channel" });
        }
    }
}
