using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UnitSuccessionAndQuestionnaires : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SucceededById",
                table: "Units",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SucceededFrom",
                table: "Units",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "QuestionnaireVersion",
                table: "DossierEvaluations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Units_SucceededById",
                table: "Units",
                column: "SucceededById");

            migrationBuilder.AddForeignKey(
                name: "FK_Units_Units_SucceededById",
                table: "Units",
                column: "SucceededById",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Units_Units_SucceededById",
                table: "Units");

            migrationBuilder.DropIndex(
                name: "IX_Units_SucceededById",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "SucceededById",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "SucceededFrom",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "QuestionnaireVersion",
                table: "DossierEvaluations");
        }
    }
}
