using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MotCua.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ResultReturnAndSupplementRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PapersHeld",
                table: "DossierSupplementRequests",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RepeatReason",
                table: "DossierSupplementRequests",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RepeatedPapers",
                table: "DossierSupplementRequests",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Round",
                table: "DossierSupplementRequests",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Accepted",
                table: "DossierSupplementItems",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AnswerNone",
                table: "DossierSupplementItems",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "AnswerText",
                table: "DossierSupplementItems",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnsweredAt",
                table: "DossierSupplementItems",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewNote",
                table: "DossierSupplementItems",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReviewedAt",
                table: "DossierSupplementItems",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "DossierSupplementItems",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Round",
                table: "DossierSupplementItems",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReturnAtCentreId",
                table: "Dossiers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupplementItemCode",
                table: "DossierFiles",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ResultHandBacks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DossierId = table.Column<long>(type: "bigint", nullable: false),
                    DecidingAgencyId = table.Column<int>(type: "integer", nullable: false),
                    CentreAgencyId = table.Column<int>(type: "integer", nullable: false),
                    SentAt = table.Column<long>(type: "bigint", nullable: false),
                    SentBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SentByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SentNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: true),
                    ReceivedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReceivedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReceivedNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultHandBacks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultHandBacks_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ResultHandBacks_CentreAgencyId_ReceivedAt",
                table: "ResultHandBacks",
                columns: new[] { "CentreAgencyId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ResultHandBacks_DossierId",
                table: "ResultHandBacks",
                column: "DossierId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ResultHandBacks");

            migrationBuilder.DropColumn(
                name: "PapersHeld",
                table: "DossierSupplementRequests");

            migrationBuilder.DropColumn(
                name: "RepeatReason",
                table: "DossierSupplementRequests");

            migrationBuilder.DropColumn(
                name: "RepeatedPapers",
                table: "DossierSupplementRequests");

            migrationBuilder.DropColumn(
                name: "Round",
                table: "DossierSupplementRequests");

            migrationBuilder.DropColumn(
                name: "Accepted",
                table: "DossierSupplementItems");

            migrationBuilder.DropColumn(
                name: "AnswerNone",
                table: "DossierSupplementItems");

            migrationBuilder.DropColumn(
                name: "AnswerText",
                table: "DossierSupplementItems");

            migrationBuilder.DropColumn(
                name: "AnsweredAt",
                table: "DossierSupplementItems");

            migrationBuilder.DropColumn(
                name: "ReviewNote",
                table: "DossierSupplementItems");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "DossierSupplementItems");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "DossierSupplementItems");

            migrationBuilder.DropColumn(
                name: "Round",
                table: "DossierSupplementItems");

            migrationBuilder.DropColumn(
                name: "ReturnAtCentreId",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "SupplementItemCode",
                table: "DossierFiles");
        }
    }
}
