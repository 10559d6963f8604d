using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Indices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndexManualScores",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScopeUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexManualScores", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndexManualScores_AgencyId_ScopeUnitId_PeriodKey_IndicatorCode",
                table: "IndexManualScores",
                columns: new[] { "AgencyId", "ScopeUnitId", "PeriodKey", "IndicatorCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndexManualScores");
        }
    }
}
