using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MotCua.Web.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    DossierId = table.Column<long>(type: "bigint", nullable: false),
                    DossierCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    GatewayTransactionNo = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    SettledAt = table.Column<long>(type: "bigint", nullable: true),
                    LastReportAt = table.Column<long>(type: "bigint", nullable: true),
                    LastQueriedAt = table.Column<long>(type: "bigint", nullable: true),
                    RefundedAt = table.Column<long>(type: "bigint", nullable: true),
                    RefundReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RefundedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PaymentId = table.Column<long>(type: "bigint", nullable: true),
                    Reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: false),
                    Raw = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    SignatureValid = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PaymentId = table.Column<long>(type: "bigint", nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Series = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    IssuedAt = table.Column<long>(type: "bigint", nullable: false),
                    PayerName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PayerAddress = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DossierCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProcedureName = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    LinesJson = table.Column<string>(type: "text", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    AmountInWords = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AgencyName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ParentBody = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
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
