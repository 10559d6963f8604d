using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MotCua.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Calendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<TimeOnly>(
                name: "AfternoonEnd",
                table: "Agencies",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(17, 0, 0));

            migrationBuilder.AddColumn<TimeOnly>(
                name: "AfternoonStart",
                table: "Agencies",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(13, 30, 0));

            migrationBuilder.AddColumn<TimeOnly>(
                name: "Cutoff",
                table: "Agencies",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(15, 0, 0));

            migrationBuilder.AddColumn<TimeOnly>(
                name: "MorningEnd",
                table: "Agencies",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(11, 30, 0));

            migrationBuilder.AddColumn<TimeOnly>(
                name: "MorningStart",
                table: "Agencies",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(7, 0, 0));

            migrationBuilder.CreateTable(
                name: "CalendarYears",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarYears", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalendarDays_CalendarYears_Year",
                        column: x => x.Year,
                        principalTable: "CalendarYears",
                        principalColumn: "Year",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarDays_Date",
                table: "CalendarDays",
                column: "Date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalendarDays_Year",
                table: "CalendarDays",
                column: "Year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "CalendarYears");

            migrationBuilder.DropColumn(
                name: "AfternoonEnd",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "AfternoonStart",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "Cutoff",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "MorningEnd",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "MorningStart",
                table: "Agencies");
        }
    }
}
