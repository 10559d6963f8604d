CREATE TABLE "ReportDossiers" (
    "DossierId" INTEGER NOT NULL CONSTRAINT "PK_ReportDossiers" PRIMARY KEY,
    "AgencyId" INTEGER NOT NULL,
    "Counted" INTEGER NOT NULL,
    "SubmittedAt" INTEGER NOT NULL,
    "ReceivedAt" INTEGER NULL,
    "DueAt" INTEGER NULL,
    "DeskRefusedAt" INTEGER NULL,
    "UnitId" INTEGER NULL,
    "UnitName" TEXT NULL,
    "FieldId" INTEGER NOT NULL,
    "FieldName" TEXT NOT NULL,
    "ProcedureId" INTEGER NOT NULL,
    "ProcedureName" TEXT NOT NULL,
    "OnlineLevel" TEXT NOT NULL,
    "ClosedAt" INTEGER NOT NULL,
    "ClosedKind" INTEGER NULL,
    "ClosedAtReturn" INTEGER NOT NULL,
    "ClosedKindReturn" INTEGER NULL,
    "SyncedAt" INTEGER NULL,
    "Channel" TEXT NOT NULL,
    "FeeAmount" INTEGER NOT NULL,
    "PaymentStatus" TEXT NOT NULL,
    "ReturnMethod" TEXT NULL,
    "ComponentsDigitised" INTEGER NOT NULL,
    "ResultDigitised" INTEGER NOT NULL,
    CONSTRAINT "FK_ReportDossiers_Dossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "Dossiers" ("Id") ON DELETE CASCADE
);

INSERT INTO "ReportDossiers" ("DossierId", "AgencyId", "Counted", "SubmittedAt", "ReceivedAt", "DueAt", "DeskRefusedAt", "UnitId", "UnitName", "FieldId", "FieldName", "ProcedureId", "ProcedureName", "OnlineLevel", "ClosedAt", "ClosedKind", "ClosedAtReturn", "ClosedKindReturn", "SyncedAt", "Channel", "FeeAmount", "PaymentStatus", "ReturnMethod", "ComponentsDigitised", "ResultDigitised")
SELECT "Id", "AgencyId", "ReportCounted", "SubmittedAt", "ReceivedAt", "DueAt", CASE WHEN "Status" = 'Refused' AND NOT "ReportCounted" THEN "ClosedAt" END, "ReportUnitId", "ReportUnitName", "ReportFieldId", "ReportFieldName", "ReportProcedureId", "ProcedureName", "ReportOnlineLevel", "ReportClosedAt", "ReportClosedKind", "ReportClosedAtReturn", "ReportClosedKindReturn", "ReportSyncedAt", "Channel", "FeeAmount", "PaymentStatus", "ReturnMethod", "ComponentsDigitised", "ResultDigitised"
FROM "Dossiers";

DROP INDEX "IX_Dossiers_Report_Closed";

DROP INDEX "IX_Dossiers_Report_ClosedReturn";

DROP INDEX "IX_Dossiers_Report_LongOpen";

DROP INDEX "IX_Dossiers_ReportBackfill";

CREATE INDEX "IX_ReportDossiers_Backfill" ON "ReportDossiers" ("DossierId") WHERE "ProcedureId" = 0;

CREATE INDEX "IX_ReportDossiers_Closed" ON "ReportDossiers" ("AgencyId", "ClosedAt");

CREATE INDEX "IX_ReportDossiers_ClosedReturn" ON "ReportDossiers" ("AgencyId", "ClosedAtReturn");

CREATE INDEX "IX_ReportDossiers_DeskRefused" ON "ReportDossiers" ("AgencyId", "DeskRefusedAt") WHERE "DeskRefusedAt" IS NOT NULL;

CREATE INDEX "IX_ReportDossiers_LongOpen" ON "ReportDossiers" ("AgencyId", "ReceivedAt") WHERE ("ClosedAt" - "ReceivedAt" > 26784000000000 OR "ClosedAtReturn" - "ReceivedAt" > 26784000000000);

CREATE INDEX "IX_ReportDossiers_Received" ON "ReportDossiers" ("AgencyId", "ReceivedAt");

CREATE TABLE "ef_temp_Dossiers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Dossiers" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" INTEGER NOT NULL,
    "ApplicantAddress" TEXT NULL,
    "ApplicantEmail" TEXT NULL,
    "ApplicantIdNumber" TEXT NULL,
    "ApplicantKind" TEXT NOT NULL,
    "ApplicantName" TEXT NOT NULL,
    "ApplicantPhone" TEXT NULL,
    "ApplyCutoff" INTEGER NOT NULL,
    "AppointmentAt" INTEGER NULL,
    "Assignee" TEXT NULL,
    "Channel" TEXT NOT NULL,
    "ClockStartedAt" INTEGER NULL,
    "ClosedAt" INTEGER NULL,
    "Code" TEXT NOT NULL,
    "CompletedAt" INTEGER NULL,
    "ComponentsDigitised" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CurrentStep" INTEGER NOT NULL,
    "CurrentUnitId" INTEGER NULL,
    "DueAt" INTEGER NULL,
    "FeeAmount" INTEGER NOT NULL,
    "Imported" INTEGER NOT NULL,
    "InterAgencyPartner" TEXT NULL,
    "OpenPauseFrom" INTEGER NULL,
    "OpenPauseReason" TEXT NULL,
    "PausesJson" TEXT NOT NULL,
    "PaymentStatus" TEXT NOT NULL,
    "ProcedureCode" TEXT NOT NULL,
    "ProcedureName" TEXT NOT NULL,
    "ProcedureVersionId" INTEGER NOT NULL,
    "ProcessingTimeUnit" TEXT NULL,
    "ProcessingTimeValue" TEXT NULL,
    "ProcessingTimeVerified" INTEGER NOT NULL,
    "ReceivedAt" INTEGER NULL,
    "Regime" TEXT NOT NULL,
    "Rescheduled" INTEGER NOT NULL,
    "RescheduledDueAt" INTEGER NULL,
    "ResultDigitised" INTEGER NOT NULL,
    "ResumeStatus" TEXT NULL,
    "ReturnMethod" TEXT NULL,
    "ReturnedAt" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "StepPlanJson" TEXT NOT NULL,
    "StepStartedAt" INTEGER NULL,
    "SubmittedAt" INTEGER NOT NULL,
    "SupplementPolicy" TEXT NOT NULL,
    "SupplementRequested" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Dossiers_Agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Dossiers_ProcedureVersions_ProcedureVersionId" FOREIGN KEY ("ProcedureVersionId") REFERENCES "ProcedureVersions" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_Dossiers" ("Id", "AgencyId", "ApplicantAddress", "ApplicantEmail", "ApplicantIdNumber", "ApplicantKind", "ApplicantName", "ApplicantPhone", "ApplyCutoff", "AppointmentAt", "Assignee", "Channel", "ClockStartedAt", "ClosedAt", "Code", "CompletedAt", "ComponentsDigitised", "CreatedAt", "CurrentStep", "CurrentUnitId", "DueAt", "FeeAmount", "Imported", "InterAgencyPartner", "OpenPauseFrom", "OpenPauseReason", "PausesJson", "PaymentStatus", "ProcedureCode", "ProcedureName", "ProcedureVersionId", "ProcessingTimeUnit", "ProcessingTimeValue", "ProcessingTimeVerified", "ReceivedAt", "Regime", "Rescheduled", "RescheduledDueAt", "ResultDigitised", "ResumeStatus", "ReturnMethod", "ReturnedAt", "Status", "StepPlanJson", "StepStartedAt", "SubmittedAt", "SupplementPolicy", "SupplementRequested", "Version")
SELECT "Id", "AgencyId", "ApplicantAddress", "ApplicantEmail", "ApplicantIdNumber", "ApplicantKind", "ApplicantName", "ApplicantPhone", "ApplyCutoff", "AppointmentAt", "Assignee", "Channel", "ClockStartedAt", "ClosedAt", "Code", "CompletedAt", "ComponentsDigitised", "CreatedAt", "CurrentStep", "CurrentUnitId", "DueAt", "FeeAmount", "Imported", "InterAgencyPartner", "OpenPauseFrom", "OpenPauseReason", "PausesJson", "PaymentStatus", "ProcedureCode", "ProcedureName", "ProcedureVersionId", "ProcessingTimeUnit", "ProcessingTimeValue", "ProcessingTimeVerified", "ReceivedAt", "Regime", "Rescheduled", "RescheduledDueAt", "ResultDigitised", "ResumeStatus", "ReturnMethod", "ReturnedAt", "Status", "StepPlanJson", "StepStartedAt", "SubmittedAt", "SupplementPolicy", "SupplementRequested", "Version"
FROM "Dossiers";

DROP TABLE "Dossiers";

ALTER TABLE "ef_temp_Dossiers" RENAME TO "Dossiers";

CREATE UNIQUE INDEX "IX_Dossiers_AgencyId_Code" ON "Dossiers" ("AgencyId", "Code");

CREATE INDEX "IX_Dossiers_AgencyId_CurrentUnitId_Status" ON "Dossiers" ("AgencyId", "CurrentUnitId", "Status");

CREATE INDEX "IX_Dossiers_AgencyId_ReceivedAt" ON "Dossiers" ("AgencyId", "ReceivedAt");

CREATE INDEX "IX_Dossiers_AgencyId_Status_DueAt" ON "Dossiers" ("AgencyId", "Status", "DueAt");

CREATE INDEX "IX_Dossiers_Code" ON "Dossiers" ("Code");

CREATE INDEX "IX_Dossiers_ProcedureVersionId" ON "Dossiers" ("ProcedureVersionId");

CREATE INDEX "IX_Dossiers_Queue_Assignee" ON "Dossiers" ("AgencyId", "Assignee", "DueAt", "Id") WHERE "Status" IN ('Submitted', 'AwaitingSupplement', 'Received', 'InProcessing', 'AwaitingApproval', 'AwaitingInterAgency', 'AwaitingFinancialObligation', 'Suspended', 'ResultIssued');

CREATE INDEX "IX_Dossiers_Queue_Unit" ON "Dossiers" ("AgencyId", "CurrentUnitId", "DueAt", "Id") WHERE "Status" IN ('Submitted', 'AwaitingSupplement', 'Received', 'InProcessing', 'AwaitingApproval', 'AwaitingInterAgency', 'AwaitingFinancialObligation', 'Suspended', 'ResultIssued');

