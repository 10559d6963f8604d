using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MotCua.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportDayCounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    FieldId = table.Column<int>(type: "integer", nullable: false),
                    ProcedureId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    SyncDay = table.Column<int>(type: "integer", nullable: false),
                    Folded = table.Column<bool>(type: "boolean", nullable: false),
                    ReceivedDirect = table.Column<int>(type: "integer", nullable: false),
                    ReceivedOnline = table.Column<int>(type: "integer", nullable: false),
                    ReceivedPostal = table.Column<int>(type: "integer", nullable: false),
                    ReceivedFee = table.Column<int>(type: "integer", nullable: false),
                    ReceivedFeePaidOnline = table.Column<int>(type: "integer", nullable: false),
                    ReceivedPaidOnline = table.Column<int>(type: "integer", nullable: false),
                    ReceivedDigitised = table.Column<int>(type: "integer", nullable: false),
                    LatestReceivedAt = table.Column<long>(type: "bigint", nullable: false),
                    Early = table.Column<int>(type: "integer", nullable: false),
                    OnTime = table.Column<int>(type: "integer", nullable: false),
                    Late = table.Column<int>(type: "integer", nullable: false),
                    Withdrawn = table.Column<int>(type: "integer", nullable: false),
                    Refused = table.Column<int>(type: "integer", nullable: false),
                    Stopped = table.Column<int>(type: "integer", nullable: false),
                    ResolvedOnline = table.Column<int>(type: "integer", nullable: false),
                    OverdueFrom = table.Column<int>(type: "integer", nullable: false),
                    OverdueTo = table.Column<int>(type: "integer", nullable: false),
                    ReturnEarly = table.Column<int>(type: "integer", nullable: false),
                    ReturnOnTime = table.Column<int>(type: "integer", nullable: false),
                    ReturnLate = table.Column<int>(type: "integer", nullable: false),
                    ReturnWithdrawn = table.Column<int>(type: "integer", nullable: false),
                    ReturnRefused = table.Column<int>(type: "integer", nullable: false),
                    ReturnStopped = table.Column<int>(type: "integer", nullable: false),
                    ReturnOverdueFrom = table.Column<int>(type: "integer", nullable: false),
                    ReturnOverdueTo = table.Column<int>(type: "integer", nullable: false),
                    DeskRefused = table.Column<int>(type: "integer", nullable: false),
                    LatestDeskSubmittedAt = table.Column<long>(type: "bigint", nullable: false),
                    Synced = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDayCounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportMonthCounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    FieldId = table.Column<int>(type: "integer", nullable: false),
                    ProcedureId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Folded = table.Column<bool>(type: "boolean", nullable: false),
                    Open = table.Column<int>(type: "integer", nullable: false),
                    ReturnOpen = table.Column<int>(type: "integer", nullable: false),
                    Overdue = table.Column<int>(type: "integer", nullable: false),
                    ReturnOverdue = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportMonthCounts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportDayCounts_AgencyId_Day",
                table: "ReportDayCounts",
                columns: new[] { "AgencyId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportDayCounts_AgencyId_UnitId_FieldId_ProcedureId_Day_Syn~",
                table: "ReportDayCounts",
                columns: new[] { "AgencyId", "UnitId", "FieldId", "ProcedureId", "Day", "SyncDay" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportDayCounts_Unfolded",
                table: "ReportDayCounts",
                column: "Id",
                filter: "\"Folded\" = FALSE");

            migrationBuilder.CreateIndex(
                name: "IX_ReportMonthCounts_AgencyId_Month",
                table: "ReportMonthCounts",
                columns: new[] { "AgencyId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportMonthCounts_AgencyId_UnitId_FieldId_ProcedureId_Month",
                table: "ReportMonthCounts",
                columns: new[] { "AgencyId", "UnitId", "FieldId", "ProcedureId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportMonthCounts_Unfolded",
                table: "ReportMonthCounts",
                column: "Id",
                filter: "\"Folded\" = FALSE");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportDayCounts");

            migrationBuilder.DropTable(
                name: "ReportMonthCounts");
        }
    }
}
