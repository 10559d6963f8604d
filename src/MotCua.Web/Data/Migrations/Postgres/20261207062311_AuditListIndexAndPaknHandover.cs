using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditListIndexAndPaknHandover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HandoverNotes",
                table: "FeedbackItems",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReceivedAgencyId",
                table: "FeedbackItems",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OpenFeedback",
                table: "AgencyMerges",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_ReceivedAgencyId",
                table: "FeedbackItems",
                column: "ReceivedAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Action_AgencyId_At",
                table: "AuditEntries",
                columns: new[] { "Action", "AgencyId", "At" });

            migrationBuilder.AddForeignKey(
                name: "FK_FeedbackItems_Agencies_ReceivedAgencyId",
                table: "FeedbackItems",
                column: "ReceivedAgencyId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FeedbackItems_Agencies_ReceivedAgencyId",
                table: "FeedbackItems");

            migrationBuilder.DropIndex(
                name: "IX_FeedbackItems_ReceivedAgencyId",
                table: "FeedbackItems");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Action_AgencyId_At",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "HandoverNotes",
                table: "FeedbackItems");

            migrationBuilder.DropColumn(
                name: "ReceivedAgencyId",
                table: "FeedbackItems");

            migrationBuilder.DropColumn(
                name: "OpenFeedback",
                table: "AgencyMerges");
        }
    }
}
