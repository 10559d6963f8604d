using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportLongOpen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Report_LongOpen",
                table: "Dossiers",
                columns: new[] { "AgencyId", "ReceivedAt" },
                filter: "(\"ReportClosedAt\" - \"ReceivedAt\" > 26784000000000 OR \"ReportClosedAtReturn\" - \"ReceivedAt\" > 26784000000000)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_Report_LongOpen",
                table: "Dossiers");
        }
    }
}
