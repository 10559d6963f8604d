using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OfficersDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FeeNote",
                table: "Dossiers",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnAddress",
                table: "Dossiers",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnChoice",
                table: "Dossiers",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PaperSeq",
                table: "DossierFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DossierSupplementItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DossierId = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    Paper = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierSupplementItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierSupplementItems_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResultDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    DossierId = table.Column<long>(type: "INTEGER", nullable: false),
                    DossierCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Symbol = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignerPosition = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DraftPath = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DraftFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignedPath = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SignedSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SignedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    SignedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CertificateSubject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CertificateSerial = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    VerificationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DraftedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DraftedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    WithdrawnReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReplacedById = table.Column<int>(type: "INTEGER", nullable: true),
                    ReplacesId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultDocuments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DossierSupplementItems_DossierId_Seq",
                table: "DossierSupplementItems",
                columns: new[] { "DossierId", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_ResultDocuments_AgencyId_DossierId",
                table: "ResultDocuments",
                columns: new[] { "AgencyId", "DossierId" });

            migrationBuilder.CreateIndex(
                name: "IX_ResultDocuments_VerificationCode",
                table: "ResultDocuments",
                column: "VerificationCode",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DossierSupplementItems");

            migrationBuilder.DropTable(
                name: "ResultDocuments");

            migrationBuilder.DropColumn(
                name: "FeeNote",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ReturnAddress",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ReturnChoice",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "PaperSeq",
                table: "DossierFiles");
        }
    }
}
