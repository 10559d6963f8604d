using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QueuePaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Queue_Assignee",
                table: "Dossiers",
                columns: new[] { "AgencyId", "Assignee", "DueAt", "Id" },
                filter: "\"Status\" IN ('Submitted', 'AwaitingSupplement', 'Received', 'InProcessing', 'AwaitingApproval', 'AwaitingInterAgency', 'AwaitingFinancialObligation', 'Suspended', 'ResultIssued')");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Queue_Unit",
                table: "Dossiers",
                columns: new[] { "AgencyId", "CurrentUnitId", "DueAt", "Id" },
                filter: "\"Status\" IN ('Submitted', 'AwaitingSupplement', 'Received', 'InProcessing', 'AwaitingApproval', 'AwaitingInterAgency', 'AwaitingFinancialObligation', 'Suspended', 'ResultIssued')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_Queue_Assignee",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_Queue_Unit",
                table: "Dossiers");
        }
    }
}
