using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MotCua.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CitizenAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CitizenAccountId",
                table: "OnlineDrafts",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CitizenAccounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    FirstLoginAt = table.Column<long>(type: "bigint", nullable: false),
                    LastLoginAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CitizenAccounts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OnlineDrafts_CitizenAccountId",
                table: "OnlineDrafts",
                column: "CitizenAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ApplicantIdNumber",
                table: "Dossiers",
                column: "ApplicantIdNumber");

            migrationBuilder.CreateIndex(
                name: "IX_CitizenAccounts_IdNumber",
                table: "CitizenAccounts",
                column: "IdNumber");

            migrationBuilder.CreateIndex(
                name: "IX_CitizenAccounts_Subject",
                table: "CitizenAccounts",
                column: "Subject",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_OnlineDrafts_CitizenAccounts_CitizenAccountId",
                table: "OnlineDrafts",
                column: "CitizenAccountId",
                principalTable: "CitizenAccounts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OnlineDrafts_CitizenAccounts_CitizenAccountId",
                table: "OnlineDrafts");

            migrationBuilder.DropTable(
                name: "CitizenAccounts");

            migrationBuilder.DropIndex(
                name: "IX_OnlineDrafts_CitizenAccountId",
                table: "OnlineDrafts");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_ApplicantIdNumber",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "CitizenAccountId",
                table: "OnlineDrafts");
        }
    }
}
