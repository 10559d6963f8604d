using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PaknRedactionReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PublicAnswer",
                table: "FeedbackItems",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicContent",
                table: "FeedbackItems",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicRegulation",
                table: "FeedbackItems",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicTitle",
                table: "FeedbackItems",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RedactionReviewedAt",
                table: "FeedbackItems",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RedactionReviewedBy",
                table: "FeedbackItems",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PublicAnswer",
                table: "FeedbackItems");

            migrationBuilder.DropColumn(
                name: "PublicContent",
                table: "FeedbackItems");

            migrationBuilder.DropColumn(
                name: "PublicRegulation",
                table: "FeedbackItems");

            migrationBuilder.DropColumn(
                name: "PublicTitle",
                table: "FeedbackItems");

            migrationBuilder.DropColumn(
                name: "RedactionReviewedAt",
                table: "FeedbackItems");

            migrationBuilder.DropColumn(
                name: "RedactionReviewedBy",
                table: "FeedbackItems");
        }
    }
}
