using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OnlinePayments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OnlinePayments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    DossierId = table.Column<long>(type: "INTEGER", nullable: false),
                    DossierCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    GatewayTransactionNo = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SettledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastReportAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastQueriedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RefundedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RefundReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RefundedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OnlinePayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OnlinePayments_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaymentMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PaymentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Raw = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SignatureValid = table.Column<bool>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentMessages_OnlinePayments_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "OnlinePayments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaymentReceipts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PaymentId = table.Column<long>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Series = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PayerName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PayerAddress = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DossierCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProcedureName = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    LinesJson = table.Column<string>(type: "TEXT", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    AmountInWords = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AgencyName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ParentBody = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentReceipts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentReceipts_OnlinePayments_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "OnlinePayments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OnlinePayments_AgencyId_CreatedAt",
                table: "OnlinePayments",
                columns: new[] { "AgencyId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OnlinePayments_DossierId_Status",
                table: "OnlinePayments",
                columns: new[] { "DossierId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_OnlinePayments_Reference",
                table: "OnlinePayments",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OnlinePayments_Status_CreatedAt",
                table: "OnlinePayments",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentMessages_PaymentId",
                table: "PaymentMessages",
                column: "PaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentReceipts_AgencyId_Year_Number",
                table: "PaymentReceipts",
                columns: new[] { "AgencyId", "Year", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentReceipts_PaymentId",
                table: "PaymentReceipts",
                column: "PaymentId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PaymentMessages");

            migrationBuilder.DropTable(
                name: "PaymentReceipts");

            migrationBuilder.DropTable(
                name: "OnlinePayments");
        }
    }
}
