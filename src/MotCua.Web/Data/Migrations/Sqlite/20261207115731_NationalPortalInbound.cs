using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NationalPortalInbound : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NationalCode",
                table: "Dossiers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NationalInboundMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NationalCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PortalUnit = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    DossierId = table.Column<long>(type: "INTEGER", nullable: true),
                    DossierCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NationalInboundMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NationalInboundMessages_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_AgencyId_NationalCode",
                table: "Dossiers",
                columns: new[] { "AgencyId", "NationalCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NationalInboundMessages_DossierId",
                table: "NationalInboundMessages",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_NationalInboundMessages_NationalCode",
                table: "NationalInboundMessages",
                column: "NationalCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NationalInboundMessages_Status_ReceivedAt",
                table: "NationalInboundMessages",
                columns: new[] { "Status", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NationalInboundMessages");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_AgencyId_NationalCode",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "NationalCode",
                table: "Dossiers");
        }
    }
}
