using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LawOf2026Start : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Condition",
                table: "ProcedurePaper",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "ProcedurePaper",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TemplateFileId",
                table: "ProcedurePaper",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AppliesTo",
                table: "ProcedureFee",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "ProcedureFee",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "FeedbackItems",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Dossiers",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SourceDate",
                table: "CalendarYears",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceIssuer",
                table: "CalendarYears",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceNumber",
                table: "CalendarYears",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeputyName",
                table: "Agencies",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DeputySignsLetters",
                table: "Agencies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "DeputyTitle",
                table: "Agencies",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeadName",
                table: "Agencies",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeadTitle",
                table: "Agencies",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParentBody",
                table: "Agencies",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlaceName",
                table: "Agencies",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProcedureTemplateFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcedureTemplateFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcedureTemplateFiles_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SignedForm",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    DossierId = table.Column<long>(type: "INTEGER", nullable: false),
                    DossierCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Form = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SignedPath = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SignedSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SignedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CertificateSubject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CertificateSerial = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignedForm", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProcedurePaper_TemplateFileId",
                table: "ProcedurePaper",
                column: "TemplateFileId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_Search",
                table: "FeedbackItems",
                column: "SearchText");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Search",
                table: "Dossiers",
                column: "SearchText",
                filter: "\"Status\" IN ('Submitted', 'AwaitingSupplement', 'Received', 'InProcessing', 'AwaitingApproval', 'AwaitingInterAgency', 'AwaitingFinancialObligation', 'Suspended', 'ResultIssued')");

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureTemplateFiles_AgencyId",
                table: "ProcedureTemplateFiles",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_SignedForm_AgencyId_DossierId_Form",
                table: "SignedForm",
                columns: new[] { "AgencyId", "DossierId", "Form" });

            migrationBuilder.AddForeignKey(
                name: "FK_ProcedurePaper_ProcedureTemplateFiles_TemplateFileId",
                table: "ProcedurePaper",
                column: "TemplateFileId",
                principalTable: "ProcedureTemplateFiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ProcedurePaper_ProcedureTemplateFiles_TemplateFileId",
                table: "ProcedurePaper");

            migrationBuilder.DropTable(
                name: "ProcedureTemplateFiles");

            migrationBuilder.DropTable(
                name: "SignedForm");

            migrationBuilder.DropIndex(
                name: "IX_ProcedurePaper_TemplateFileId",
                table: "ProcedurePaper");

            migrationBuilder.DropIndex(
                name: "IX_FeedbackItems_Search",
                table: "FeedbackItems");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_Search",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "Condition",
                table: "ProcedurePaper");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "ProcedurePaper");

            migrationBuilder.DropColumn(
                name: "TemplateFileId",
                table: "ProcedurePaper");

            migrationBuilder.DropColumn(
                name: "AppliesTo",
                table: "ProcedureFee");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "ProcedureFee");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "FeedbackItems");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "SourceDate",
                table: "CalendarYears");

            migrationBuilder.DropColumn(
                name: "SourceIssuer",
                table: "CalendarYears");

            migrationBuilder.DropColumn(
                name: "SourceNumber",
                table: "CalendarYears");

            migrationBuilder.DropColumn(
                name: "DeputyName",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "DeputySignsLetters",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "DeputyTitle",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "HeadName",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "HeadTitle",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "ParentBody",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "PlaceName",
                table: "Agencies");
        }
    }
}
