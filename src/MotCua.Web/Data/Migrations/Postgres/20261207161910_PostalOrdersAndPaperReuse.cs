using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MotCua.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PostalOrdersAndPaperReuse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PostalOrders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    DossierId = table.Column<long>(type: "bigint", nullable: false),
                    DossierCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Direction = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reference = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Waybill = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StatusAt = table.Column<long>(type: "bigint", nullable: false),
                    RecipientName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    LastQueriedAt = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostalOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostalOrders_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReusedPapers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DossierId = table.Column<long>(type: "bigint", nullable: false),
                    PaperSeq = table.Column<int>(type: "integer", nullable: false),
                    PaperName = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SourceKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    SourceDossierCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Reference = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    DocumentName = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ReusedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReusedPapers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReusedPapers_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PostalOrderEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    RecordedAt = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostalOrderEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostalOrderEvents_PostalOrders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "PostalOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PostalOrderEvents_OrderId_Status",
                table: "PostalOrderEvents",
                columns: new[] { "OrderId", "Status" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PostalOrders_DossierId_CreatedAt",
                table: "PostalOrders",
                columns: new[] { "DossierId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PostalOrders_Reference",
                table: "PostalOrders",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PostalOrders_Status_StatusAt",
                table: "PostalOrders",
                columns: new[] { "Status", "StatusAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PostalOrders_Waybill",
                table: "PostalOrders",
                column: "Waybill",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReusedPapers_DossierId_PaperSeq",
                table: "ReusedPapers",
                columns: new[] { "DossierId", "PaperSeq" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PostalOrderEvents");

            migrationBuilder.DropTable(
                name: "ReusedPapers");

            migrationBuilder.DropTable(
                name: "PostalOrders");
        }
    }
}
