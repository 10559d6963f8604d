using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicContent",
                table: "FeedbackItems",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicRegulation",
                table: "FeedbackItems",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicTitle",
                table: "FeedbackItems",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RedactionReviewedAt",
                table: "FeedbackItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RedactionReviewedBy",
                table: "FeedbackItems",
                type: "TEXT",
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
