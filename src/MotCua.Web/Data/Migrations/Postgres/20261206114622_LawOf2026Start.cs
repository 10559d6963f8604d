using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MotCua.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LawOf2026Start : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<string>(
                name: "Condition",
                table: "ProcedurePaper",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "ProcedurePaper",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TemplateFileId",
                table: "ProcedurePaper",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AppliesTo",
                table: "ProcedureFee",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "ProcedureFee",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "FeedbackItems",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Dossiers",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SourceDate",
                table: "CalendarYears",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceIssuer",
                table: "CalendarYears",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceNumber",
                table: "CalendarYears",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeputyName",
                table: "Agencies",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DeputySignsLetters",
                table: "Agencies",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "DeputyTitle",
                table: "Agencies",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeadName",
                table: "Agencies",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeadTitle",
                table: "Agencies",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParentBody",
                table: "Agencies",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlaceName",
                table: "Agencies",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProcedureTemplateFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    DossierId = table.Column<long>(type: "bigint", nullable: false),
                    DossierCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Form = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SignedPath = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SignedSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SignedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CertificateSubject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CertificateSerial = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Search",
                table: "Dossiers",
                column: "SearchText",
                filter: "\"Status\" IN ('Submitted', 'AwaitingSupplement', 'Received', 'InProcessing', 'AwaitingApproval', 'AwaitingInterAgency', 'AwaitingFinancialObligation', 'Suspended', 'ResultIssued')")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

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

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
