using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OnlineFormsAndChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OnlineCheckSource",
                table: "ProcedureVersions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "OnlineCheckWorkingHours",
                table: "ProcedureVersions",
                type: "numeric(9,2)",
                precision: 9,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AlternativeGroup",
                table: "ProcedurePaper",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            // Drafts saved before organisations could apply were all a person's; an empty kind would not read back as the enum.
            migrationBuilder.AddColumn<string>(
                name: "ApplicantKind",
                table: "OnlineDrafts",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Individual");

            migrationBuilder.AddColumn<string>(
                name: "OrganisationName",
                table: "OnlineDrafts",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TaxCode",
                table: "OnlineDrafts",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ApplicantNotifiedAt",
                table: "DossierSupplementRequests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "OnlineCheckWorkingHours",
                table: "Dossiers",
                type: "numeric(9,2)",
                precision: 9,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RepresentativeName",
                table: "Dossiers",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OnlineCheckSource",
                table: "ProcedureVersions");

            migrationBuilder.DropColumn(
                name: "OnlineCheckWorkingHours",
                table: "ProcedureVersions");

            migrationBuilder.DropColumn(
                name: "AlternativeGroup",
                table: "ProcedurePaper");

            migrationBuilder.DropColumn(
                name: "ApplicantKind",
                table: "OnlineDrafts");

            migrationBuilder.DropColumn(
                name: "OrganisationName",
                table: "OnlineDrafts");

            migrationBuilder.DropColumn(
                name: "TaxCode",
                table: "OnlineDrafts");

            migrationBuilder.DropColumn(
                name: "ApplicantNotifiedAt",
                table: "DossierSupplementRequests");

            migrationBuilder.DropColumn(
                name: "OnlineCheckWorkingHours",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "RepresentativeName",
                table: "Dossiers");
        }
    }
}
