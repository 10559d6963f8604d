using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutboxNationalStatusCode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "NationalStatusCode",
                table: "OutboxMessages",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NationalStatusCode",
                table: "OutboxMessages");
        }
    }
}
