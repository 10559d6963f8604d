using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NationalFabric : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CitizenAccountId",
                table: "OnlineDrafts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NationalCode",
                table: "Dossiers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CitizenAccounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FirstLoginAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastLoginAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CitizenAccounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NationalInboundMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NationalCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PortalUnit = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    DossierId = table.Column<long>(type: "INTEGER", nullable: true),
                    DossierCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NationalInboundMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NationalInboundMessages_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "ReconciliationNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    DossierCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    WrittenBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    WrittenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconciliationNotes", x => x.Id);
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
                name: "IX_OnlineDrafts_CitizenAccountId",
                table: "OnlineDrafts",
                column: "CitizenAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_AgencyId_NationalCode",
                table: "Dossiers",
                columns: new[] { "AgencyId", "NationalCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ApplicantIdNumber",
                table: "Dossiers",
                column: "ApplicantIdNumber");

            migrationBuilder.CreateIndex(
                name: "IX_CitizenAccounts_IdNumber",
                table: "CitizenAccounts",
                column: "IdNumber");

            migrationBuilder.CreateIndex(
                name: "IX_CitizenAccounts_Subject",
                table: "CitizenAccounts",
                column: "Subject",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NationalInboundMessages_DossierId",
                table: "NationalInboundMessages",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_NationalInboundMessages_NationalCode",
                table: "NationalInboundMessages",
                column: "NationalCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NationalInboundMessages_Status_ReceivedAt",
                table: "NationalInboundMessages",
                columns: new[] { "Status", "ReceivedAt" });

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

            migrationBuilder.CreateIndex(
                name: "IX_ReconciliationNotes_AgencyId_PeriodKey_DossierCode",
                table: "ReconciliationNotes",
                columns: new[] { "AgencyId", "PeriodKey", "DossierCode" });

            migrationBuilder.AddForeignKey(
                name: "FK_OnlineDrafts_CitizenAccounts_CitizenAccountId",
                table: "OnlineDrafts",
                column: "CitizenAccountId",
                principalTable: "CitizenAccounts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OnlineDrafts_CitizenAccounts_CitizenAccountId",
                table: "OnlineDrafts");

            migrationBuilder.DropTable(
                name: "CitizenAccounts");

            migrationBuilder.DropTable(
                name: "NationalInboundMessages");

            migrationBuilder.DropTable(
                name: "PaymentMessages");

            migrationBuilder.DropTable(
                name: "PaymentReceipts");

            migrationBuilder.DropTable(
                name: "ReconciliationNotes");

            migrationBuilder.DropTable(
                name: "OnlinePayments");

            migrationBuilder.DropIndex(
                name: "IX_OnlineDrafts_CitizenAccountId",
                table: "OnlineDrafts");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_AgencyId_NationalCode",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_ApplicantIdNumber",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "CitizenAccountId",
                table: "OnlineDrafts");

            migrationBuilder.DropColumn(
                name: "NationalCode",
                table: "Dossiers");
        }
    }
}
