using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "OnlineCheckWorkingHours",
                table: "ProcedureVersions",
                type: "TEXT",
                precision: 9,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AlternativeGroup",
                table: "ProcedurePaper",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            // Drafts saved before organisations could apply were all a person's; an empty kind would not read back as the enum.
            migrationBuilder.AddColumn<string>(
                name: "ApplicantKind",
                table: "OnlineDrafts",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Individual");

            migrationBuilder.AddColumn<string>(
                name: "OrganisationName",
                table: "OnlineDrafts",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TaxCode",
                table: "OnlineDrafts",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ApplicantNotifiedAt",
                table: "DossierSupplementRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "OnlineCheckWorkingHours",
                table: "Dossiers",
                type: "TEXT",
                precision: 9,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RepresentativeName",
                table: "Dossiers",
                type: "TEXT",
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
