using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MotCua.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Catalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CatalogueFields",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogueFields", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CatalogueFields_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CatalogueSettings",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    DefaultProcessingDays = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogueSettings", x => x.AgencyId);
                    table.ForeignKey(
                        name: "FK_CatalogueSettings_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Procedures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IsLocalCode = table.Column<bool>(type: "boolean", nullable: false),
                    AbolishedFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ReplacedByProcedureId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procedures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procedures_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Procedures_Procedures_ReplacedByProcedureId",
                        column: x => x.ReplacedByProcedureId,
                        principalTable: "Procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublicationDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Issuer = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IssuerName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicationDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicationDecisions_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProcedureVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProcedureId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    EffectiveTo = table.Column<DateOnly>(type: "date", nullable: true),
                    PublicationDecisionId = table.Column<int>(type: "integer", nullable: true),
                    SourceNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    FieldId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ImplementingAgency = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ProcessingTimeValue = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    ProcessingTimeUnit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ProcessingTimeNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FeesConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    ApplicantTypes = table.Column<int>(type: "integer", nullable: false),
                    HowToSubmit = table.Column<string>(type: "text", nullable: true),
                    Result = table.Column<string>(type: "text", nullable: true),
                    Conditions = table.Column<string>(type: "text", nullable: true),
                    OnlineLevel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LegacyOnlineLevel = table.Column<int>(type: "integer", nullable: true),
                    PostalReceipt = table.Column<bool>(type: "boolean", nullable: false),
                    PostalReturn = table.Column<bool>(type: "boolean", nullable: false),
                    AtOneStop = table.Column<bool>(type: "boolean", nullable: false),
                    SearchText = table.Column<string>(type: "character varying(1400)", maxLength: 1400, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcedureVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcedureVersions_CatalogueFields_FieldId",
                        column: x => x.FieldId,
                        principalTable: "CatalogueFields",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProcedureVersions_Procedures_ProcedureId",
                        column: x => x.ProcedureId,
                        principalTable: "Procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProcedureVersions_PublicationDecisions_PublicationDecisionId",
                        column: x => x.PublicationDecisionId,
                        principalTable: "PublicationDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InternalProcesses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProcedureVersionId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ApprovalDecisionNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InForceFrom = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InternalProcesses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InternalProcesses_ProcedureVersions_ProcedureVersionId",
                        column: x => x.ProcedureVersionId,
                        principalTable: "ProcedureVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LegalBases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProcedureVersionId = table.Column<int>(type: "integer", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Issuer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalBases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalBases_ProcedureVersions_ProcedureVersionId",
                        column: x => x.ProcedureVersionId,
                        principalTable: "ProcedureVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProcedureFee",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProcedureVersionId = table.Column<int>(type: "integer", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcedureFee", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcedureFee_ProcedureVersions_ProcedureVersionId",
                        column: x => x.ProcedureVersionId,
                        principalTable: "ProcedureVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProcedurePaper",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProcedureVersionId = table.Column<int>(type: "integer", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Form = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    Required = table.Column<bool>(type: "boolean", nullable: false),
                    Template = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcedurePaper", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcedurePaper_ProcedureVersions_ProcedureVersionId",
                        column: x => x.ProcedureVersionId,
                        principalTable: "ProcedureVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PublicationDecisionItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PublicationDecisionId = table.Column<int>(type: "integer", nullable: false),
                    ProcedureId = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ProcedureVersionId = table.Column<int>(type: "integer", nullable: true),
                    ReplacesProcedureId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicationDecisionItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicationDecisionItem_ProcedureVersions_ProcedureVersionId",
                        column: x => x.ProcedureVersionId,
                        principalTable: "ProcedureVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublicationDecisionItem_Procedures_ProcedureId",
                        column: x => x.ProcedureId,
                        principalTable: "Procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublicationDecisionItem_Procedures_ReplacesProcedureId",
                        column: x => x.ReplacesProcedureId,
                        principalTable: "Procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublicationDecisionItem_PublicationDecisions_PublicationDec~",
                        column: x => x.PublicationDecisionId,
                        principalTable: "PublicationDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProcessStep",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InternalProcessId = table.Column<int>(type: "integer", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    Actor = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DurationValue = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    DurationUnit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OutputForm = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessStep", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcessStep_InternalProcesses_InternalProcessId",
                        column: x => x.InternalProcessId,
                        principalTable: "InternalProcesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProcessStep_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueFields_AgencyId_Name",
                table: "CatalogueFields",
                columns: new[] { "AgencyId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InternalProcesses_ProcedureVersionId",
                table: "InternalProcesses",
                column: "ProcedureVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalBases_ProcedureVersionId",
                table: "LegalBases",
                column: "ProcedureVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureFee_ProcedureVersionId",
                table: "ProcedureFee",
                column: "ProcedureVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcedurePaper_ProcedureVersionId",
                table: "ProcedurePaper",
                column: "ProcedureVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Procedures_AgencyId_Code",
                table: "Procedures",
                columns: new[] { "AgencyId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procedures_ReplacedByProcedureId",
                table: "Procedures",
                column: "ReplacedByProcedureId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureVersions_FieldId",
                table: "ProcedureVersions",
                column: "FieldId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureVersions_ProcedureId_Number",
                table: "ProcedureVersions",
                columns: new[] { "ProcedureId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureVersions_PublicationDecisionId",
                table: "ProcedureVersions",
                column: "PublicationDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessStep_InternalProcessId",
                table: "ProcessStep",
                column: "InternalProcessId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessStep_UnitId",
                table: "ProcessStep",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicationDecisionItem_ProcedureId",
                table: "PublicationDecisionItem",
                column: "ProcedureId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicationDecisionItem_ProcedureVersionId",
                table: "PublicationDecisionItem",
                column: "ProcedureVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicationDecisionItem_PublicationDecisionId",
                table: "PublicationDecisionItem",
                column: "PublicationDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicationDecisionItem_ReplacesProcedureId",
                table: "PublicationDecisionItem",
                column: "ReplacesProcedureId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicationDecisions_AgencyId_Number",
                table: "PublicationDecisions",
                columns: new[] { "AgencyId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CatalogueSettings");

            migrationBuilder.DropTable(
                name: "LegalBases");

            migrationBuilder.DropTable(
                name: "ProcedureFee");

            migrationBuilder.DropTable(
                name: "ProcedurePaper");

            migrationBuilder.DropTable(
                name: "ProcessStep");

            migrationBuilder.DropTable(
                name: "PublicationDecisionItem");

            migrationBuilder.DropTable(
                name: "InternalProcesses");

            migrationBuilder.DropTable(
                name: "ProcedureVersions");

            migrationBuilder.DropTable(
                name: "CatalogueFields");

            migrationBuilder.DropTable(
                name: "Procedures");

            migrationBuilder.DropTable(
                name: "PublicationDecisions");
        }
    }
}
