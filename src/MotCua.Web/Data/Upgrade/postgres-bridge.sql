CREATE TABLE "ReportDossiers" (
    "DossierId" bigint NOT NULL,
    "AgencyId" integer NOT NULL,
    "Counted" boolean NOT NULL,
    "SubmittedAt" bigint NOT NULL,
    "ReceivedAt" bigint,
    "DueAt" bigint,
    "DeskRefusedAt" bigint,
    "UnitId" integer,
    "UnitName" character varying(300),
    "FieldId" integer NOT NULL,
    "FieldName" character varying(300) NOT NULL,
    "ProcedureId" integer NOT NULL,
    "ProcedureName" character varying(1000) NOT NULL,
    "OnlineLevel" character varying(16) NOT NULL,
    "ClosedAt" bigint NOT NULL,
    "ClosedKind" integer,
    "ClosedAtReturn" bigint NOT NULL,
    "ClosedKindReturn" integer,
    "SyncedAt" bigint,
    "Channel" character varying(16) NOT NULL,
    "FeeAmount" bigint NOT NULL,
    "PaymentStatus" character varying(16) NOT NULL,
    "ReturnMethod" character varying(16),
    "ComponentsDigitised" boolean NOT NULL,
    "ResultDigitised" boolean NOT NULL,
    CONSTRAINT "PK_ReportDossiers" PRIMARY KEY ("DossierId"),
    CONSTRAINT "FK_ReportDossiers_Dossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "Dossiers" ("Id") ON DELETE CASCADE
);

INSERT INTO "ReportDossiers" ("DossierId", "AgencyId", "Counted", "SubmittedAt", "ReceivedAt", "DueAt", "DeskRefusedAt", "UnitId", "UnitName", "FieldId", "FieldName", "ProcedureId", "ProcedureName", "OnlineLevel", "ClosedAt", "ClosedKind", "ClosedAtReturn", "ClosedKindReturn", "SyncedAt", "Channel", "FeeAmount", "PaymentStatus", "ReturnMethod", "ComponentsDigitised", "ResultDigitised")
SELECT "Id", "AgencyId", "ReportCounted", "SubmittedAt", "ReceivedAt", "DueAt", CASE WHEN "Status" = 'Refused' AND NOT "ReportCounted" THEN "ClosedAt" END, "ReportUnitId", "ReportUnitName", "ReportFieldId", "ReportFieldName", "ReportProcedureId", "ProcedureName", "ReportOnlineLevel", "ReportClosedAt", "ReportClosedKind", "ReportClosedAtReturn", "ReportClosedKindReturn", "ReportSyncedAt", "Channel", "FeeAmount", "PaymentStatus", "ReturnMethod", "ComponentsDigitised", "ResultDigitised"
FROM "Dossiers";

DROP INDEX "IX_Dossiers_AgencyId_ReceivedAt";

DROP INDEX "IX_Dossiers_Report_Closed";

DROP INDEX "IX_Dossiers_Report_ClosedReturn";

DROP INDEX "IX_Dossiers_Report_LongOpen";

DROP INDEX "IX_Dossiers_ReportBackfill";

ALTER TABLE "Dossiers" DROP COLUMN "ReportClosedAt";

ALTER TABLE "Dossiers" DROP COLUMN "ReportClosedAtReturn";

ALTER TABLE "Dossiers" DROP COLUMN "ReportClosedKind";

ALTER TABLE "Dossiers" DROP COLUMN "ReportClosedKindReturn";

ALTER TABLE "Dossiers" DROP COLUMN "ReportCounted";

ALTER TABLE "Dossiers" DROP COLUMN "ReportFieldId";

ALTER TABLE "Dossiers" DROP COLUMN "ReportFieldName";

ALTER TABLE "Dossiers" DROP COLUMN "ReportOnlineLevel";

ALTER TABLE "Dossiers" DROP COLUMN "ReportProcedureId";

ALTER TABLE "Dossiers" DROP COLUMN "ReportSyncedAt";

ALTER TABLE "Dossiers" DROP COLUMN "ReportUnitId";

ALTER TABLE "Dossiers" DROP COLUMN "ReportUnitName";

CREATE INDEX "IX_Dossiers_AgencyId_ReceivedAt" ON "Dossiers" ("AgencyId", "ReceivedAt");

CREATE INDEX "IX_ReportDossiers_Backfill" ON "ReportDossiers" ("DossierId") WHERE "ProcedureId" = 0;

CREATE INDEX "IX_ReportDossiers_Closed" ON "ReportDossiers" ("AgencyId", "ClosedAt");

CREATE INDEX "IX_ReportDossiers_ClosedReturn" ON "ReportDossiers" ("AgencyId", "ClosedAtReturn");

CREATE INDEX "IX_ReportDossiers_DeskRefused" ON "ReportDossiers" ("AgencyId", "DeskRefusedAt") WHERE "DeskRefusedAt" IS NOT NULL;

CREATE INDEX "IX_ReportDossiers_LongOpen" ON "ReportDossiers" ("AgencyId", "ReceivedAt") INCLUDE ("DossierId", "Counted", "UnitId", "FieldId", "ProcedureId", "DueAt", "ClosedAt", "ClosedKind", "ClosedAtReturn", "ClosedKindReturn", "FeeAmount", "ComponentsDigitised", "ResultDigitised", "SyncedAt", "Channel", "PaymentStatus", "ReturnMethod") WHERE ("ClosedAt" - "ReceivedAt" > 26784000000000 OR "ClosedAtReturn" - "ReceivedAt" > 26784000000000);

CREATE INDEX "IX_ReportDossiers_Received" ON "ReportDossiers" ("AgencyId", "ReceivedAt") INCLUDE ("DossierId", "Counted", "UnitId", "FieldId", "ProcedureId", "DueAt", "ClosedAt", "ClosedKind", "ClosedAtReturn", "ClosedKindReturn", "FeeAmount", "ComponentsDigitised", "ResultDigitised", "SyncedAt", "Channel", "PaymentStatus", "ReturnMethod");

