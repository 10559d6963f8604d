using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AgencyLevels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Agencies",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Department");

            migrationBuilder.AddColumn<string>(
                name: "Level",
                table: "Agencies",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Province");

            migrationBuilder.AddColumn<string>(
                name: "ProvinceCode",
                table: "Agencies",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "Level",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "ProvinceCode",
                table: "Agencies");
        }
    }
}
