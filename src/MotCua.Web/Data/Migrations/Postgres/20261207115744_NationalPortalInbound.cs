using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MotCua.Web.Data.Migrations.Postgres
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NationalInboundMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NationalCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PortalUnit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: true),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DossierId = table.Column<long>(type: "bigint", nullable: true),
                    DossierCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
