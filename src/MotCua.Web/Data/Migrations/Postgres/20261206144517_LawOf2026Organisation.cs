using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MotCua.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LawOf2026Organisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SupplementLimitUnit",
                table: "ProcedureVersions",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "SupplementLimitValue",
                table: "ProcedureVersions",
                type: "numeric(9,2)",
                precision: 9,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupplementPolicy",
                table: "ProcedureVersions",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TransferDueAt",
                table: "FeedbackItems",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TransferReason",
                table: "FeedbackItems",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TransferredAt",
                table: "FeedbackItems",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TransferredToEmail",
                table: "FeedbackItems",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DeskGuidanceGiven",
                table: "Dossiers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ReceivingAgencyId",
                table: "Dossiers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReceivingUnitId",
                table: "Dossiers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupplementLimitUnit",
                table: "Dossiers",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "SupplementLimitValue",
                table: "Dossiers",
                type: "numeric(9,2)",
                precision: 9,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "UpdatedAtTicks",
                table: "CalendarYears",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "SucceededById",
                table: "Agencies",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SucceededFrom",
                table: "Agencies",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgencyMerges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FromAgencyId = table.Column<int>(type: "integer", nullable: false),
                    IntoAgencyId = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConfirmedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecisionReference = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AccountHandling = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TargetUnitId = table.Column<int>(type: "integer", nullable: true),
                    Procedures = table.Column<int>(type: "integer", nullable: false),
                    Processes = table.Column<int>(type: "integer", nullable: false),
                    OpenDossiers = table.Column<int>(type: "integer", nullable: false),
                    AccountsMoved = table.Column<int>(type: "integer", nullable: false),
                    AccountsClosed = table.Column<int>(type: "integer", nullable: false),
                    Plans = table.Column<int>(type: "integer", nullable: false),
                    Units = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyMerges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgencyMerges_Agencies_FromAgencyId",
                        column: x => x.FromAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgencyMerges_Agencies_IntoAgencyId",
                        column: x => x.IntoAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BoundaryHandOverLimits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    Unit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoundaryHandOverLimits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BoundaryProcedures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProcedureId = table.Column<int>(type: "integer", nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    ListedFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Decision = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoundaryProcedures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataSubjectRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RecordKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecordCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FactorHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ConsentVersion = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcknowledgeDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LimitBasis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataSubjectRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DossierSupplementRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DossierId = table.Column<long>(type: "bigint", nullable: false),
                    Act = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NotifyApplicantBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApplicantDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Policy = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    DueBefore = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DueAfter = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierSupplementRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierSupplementRequests_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaperHandOvers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DossierId = table.Column<long>(type: "bigint", nullable: false),
                    ReceivingAgencyId = table.Column<int>(type: "integer", nullable: false),
                    ReceivingUnitId = table.Column<int>(type: "integer", nullable: true),
                    DecidingAgencyId = table.Column<int>(type: "integer", nullable: false),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: false),
                    DueAt = table.Column<long>(type: "bigint", nullable: false),
                    Limit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SentAt = table.Column<long>(type: "bigint", nullable: true),
                    SentBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SentByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SentMethod = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    SentNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ConfirmedAt = table.Column<long>(type: "bigint", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConfirmedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ConfirmedNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperHandOvers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperHandOvers_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonalDataBreaches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DetectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DataAffected = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SubjectsAffected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Measures = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    NotifyDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LimitBasis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AuthorityNotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SubjectsNotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalDataBreaches", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ReceivingAgencyId",
                table: "Dossiers",
                column: "ReceivingAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_SucceededById",
                table: "Agencies",
                column: "SucceededById");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyMerges_FromAgencyId",
                table: "AgencyMerges",
                column: "FromAgencyId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgencyMerges_IntoAgencyId",
                table: "AgencyMerges",
                column: "IntoAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_BoundaryHandOverLimits_ProvinceCode_From",
                table: "BoundaryHandOverLimits",
                columns: new[] { "ProvinceCode", "From" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BoundaryProcedures_AgencyId",
                table: "BoundaryProcedures",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_BoundaryProcedures_ProcedureId",
                table: "BoundaryProcedures",
                column: "ProcedureId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DataSubjectRequests_AgencyId_Status_DueAt",
                table: "DataSubjectRequests",
                columns: new[] { "AgencyId", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DataSubjectRequests_Code",
                table: "DataSubjectRequests",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DossierSupplementRequests_DossierId_Act",
                table: "DossierSupplementRequests",
                columns: new[] { "DossierId", "Act" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperHandOvers_DecidingAgencyId_ConfirmedAt",
                table: "PaperHandOvers",
                columns: new[] { "DecidingAgencyId", "ConfirmedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperHandOvers_DossierId",
                table: "PaperHandOvers",
                column: "DossierId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperHandOvers_ReceivingAgencyId_ConfirmedAt",
                table: "PaperHandOvers",
                columns: new[] { "ReceivingAgencyId", "ConfirmedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataBreaches_AgencyId_DetectedAt",
                table: "PersonalDataBreaches",
                columns: new[] { "AgencyId", "DetectedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataBreaches_Code",
                table: "PersonalDataBreaches",
                column: "Code",
                unique: true);

            // A desk's guidance used to set the one supplement flag; it now has its own, so the processing body keeps its one request.
            migrationBuilder.Sql(@"UPDATE ""Dossiers"" SET ""DeskGuidanceGiven"" = TRUE, ""SupplementRequested"" = FALSE
WHERE ""SupplementRequested"" = TRUE
  AND EXISTS (SELECT 1 FROM ""DossierEvents"" e WHERE e.""DossierId"" = ""Dossiers"".""Id"" AND e.""Action"" = 'RequestSupplement')
  AND NOT EXISTS (SELECT 1 FROM ""DossierEvents"" e WHERE e.""DossierId"" = ""Dossiers"".""Id"" AND e.""Action"" = 'RequestSupplement' AND e.""FromStatus"" <> 'Submitted');");

            migrationBuilder.AddForeignKey(
                name: "FK_Agencies_Agencies_SucceededById",
                table: "Agencies",
                column: "SucceededById",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Agencies_Agencies_SucceededById",
                table: "Agencies");

            migrationBuilder.DropTable(
                name: "AgencyMerges");

            migrationBuilder.DropTable(
                name: "BoundaryHandOverLimits");

            migrationBuilder.DropTable(
                name: "BoundaryProcedures");

            migrationBuilder.DropTable(
                name: "DataSubjectRequests");

            migrationBuilder.DropTable(
                name: "DossierSupplementRequests");

            migrationBuilder.DropTable(
                name: "PaperHandOvers");

            migrationBuilder.DropTable(
                name: "PersonalDataBreaches");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_ReceivingAgencyId",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Agencies_SucceededById",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "SupplementLimitUnit",
                table: "ProcedureVersions");

            migrationBuilder.DropColumn(
                name: "SupplementLimitValue",
                table: "ProcedureVersions");

            migrationBuilder.DropColumn(
                name: "SupplementPolicy",
                table: "ProcedureVersions");

            migrationBuilder.DropColumn(
                name: "TransferDueAt",
                table: "FeedbackItems");

            migrationBuilder.DropColumn(
                name: "TransferReason",
                table: "FeedbackItems");

            migrationBuilder.DropColumn(
                name: "TransferredAt",
                table: "FeedbackItems");

            migrationBuilder.DropColumn(
                name: "TransferredToEmail",
                table: "FeedbackItems");

            migrationBuilder.DropColumn(
                name: "DeskGuidanceGiven",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ReceivingAgencyId",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ReceivingUnitId",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "SupplementLimitUnit",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "SupplementLimitValue",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "UpdatedAtTicks",
                table: "CalendarYears");

            migrationBuilder.DropColumn(
                name: "SucceededById",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "SucceededFrom",
                table: "Agencies");
        }
    }
}
