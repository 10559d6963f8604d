using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PaknHandoverUnit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "HandedOverOn",
                table: "FeedbackItems",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitBeforeHandover",
                table: "FeedbackItems",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_UnitBeforeHandover",
                table: "FeedbackItems",
                column: "UnitBeforeHandover");

            migrationBuilder.AddForeignKey(
                name: "FK_FeedbackItems_Units_UnitBeforeHandover",
                table: "FeedbackItems",
                column: "UnitBeforeHandover",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FeedbackItems_Units_UnitBeforeHandover",
                table: "FeedbackItems");

            migrationBuilder.DropIndex(
                name: "IX_FeedbackItems_UnitBeforeHandover",
                table: "FeedbackItems");

            migrationBuilder.DropColumn(
                name: "HandedOverOn",
                table: "FeedbackItems");

            migrationBuilder.DropColumn(
                name: "UnitBeforeHandover",
                table: "FeedbackItems");
        }
    }
}
