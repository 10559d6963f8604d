CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "Agencies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Agencies" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Address" TEXT NULL,
    "Phone" TEXT NULL,
    "Email" TEXT NULL
);

CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "Units" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Units" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" INTEGER NOT NULL,
    "ParentId" INTEGER NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "IsActive" INTEGER NOT NULL,
    CONSTRAINT "FK_Units_Agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Units_Units_ParentId" FOREIGN KEY ("ParentId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "FullName" TEXT NOT NULL,
    "Position" TEXT NULL,
    "AgencyId" INTEGER NOT NULL,
    "UnitId" INTEGER NULL,
    "IsActive" INTEGER NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL,
    CONSTRAINT "FK_AspNetUsers_Agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AspNetUsers_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_Agencies_Code" ON "Agencies" ("Code");

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE INDEX "IX_AspNetUsers_AgencyId" ON "AspNetUsers" ("AgencyId");

CREATE INDEX "IX_AspNetUsers_UnitId" ON "AspNetUsers" ("UnitId");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE UNIQUE INDEX "IX_Units_AgencyId_Name" ON "Units" ("AgencyId", "Name");

CREATE INDEX "IX_Units_ParentId" ON "Units" ("ParentId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122154637_Initial', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" INTEGER NULL,
    "At" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "UserName" TEXT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Data" TEXT NULL,
    "PreviousHash" TEXT NULL,
    "Hash" TEXT NULL
);

CREATE INDEX "IX_AuditEntries_AgencyId_At" ON "AuditEntries" ("AgencyId", "At");

CREATE INDEX "IX_AuditEntries_EntityType_EntityId" ON "AuditEntries" ("EntityType", "EntityId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122155736_AuditLog', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Agencies" ADD "AfternoonEnd" TEXT NOT NULL DEFAULT '17:00:00';

ALTER TABLE "Agencies" ADD "AfternoonStart" TEXT NOT NULL DEFAULT '13:30:00';

ALTER TABLE "Agencies" ADD "Cutoff" TEXT NOT NULL DEFAULT '15:00:00';

ALTER TABLE "Agencies" ADD "MorningEnd" TEXT NOT NULL DEFAULT '11:30:00';

ALTER TABLE "Agencies" ADD "MorningStart" TEXT NOT NULL DEFAULT '07:00:00';

CREATE TABLE "CalendarYears" (
    "Year" INTEGER NOT NULL CONSTRAINT "PK_CalendarYears" PRIMARY KEY,
    "Source" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NULL
);

CREATE TABLE "CalendarDays" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CalendarDays" PRIMARY KEY AUTOINCREMENT,
    "Date" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    CONSTRAINT "FK_CalendarDays_CalendarYears_Year" FOREIGN KEY ("Year") REFERENCES "CalendarYears" ("Year") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_CalendarDays_Date" ON "CalendarDays" ("Date");

CREATE INDEX "IX_CalendarDays_Year" ON "CalendarDays" ("Year");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122160342_Calendar', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "CatalogueFields" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CatalogueFields" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_CatalogueFields_Agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Agencies" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CatalogueSettings" (
    "AgencyId" INTEGER NOT NULL CONSTRAINT "PK_CatalogueSettings" PRIMARY KEY,
    "DefaultProcessingDays" TEXT NOT NULL,
    CONSTRAINT "FK_CatalogueSettings_Agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Agencies" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Procedures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Procedures" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "IsLocalCode" INTEGER NOT NULL,
    "AbolishedFrom" TEXT NULL,
    "ReplacedByProcedureId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Procedures_Agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Procedures_Procedures_ReplacedByProcedureId" FOREIGN KEY ("ReplacedByProcedureId") REFERENCES "Procedures" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PublicationDecisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PublicationDecisions" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" INTEGER NOT NULL,
    "Number" TEXT NOT NULL,
    "SignedOn" TEXT NOT NULL,
    "EffectiveFrom" TEXT NOT NULL,
    "Issuer" TEXT NOT NULL,
    "IssuerName" TEXT NULL,
    "Summary" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    CONSTRAINT "FK_PublicationDecisions_Agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Agencies" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ProcedureVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProcedureVersions" PRIMARY KEY AUTOINCREMENT,
    "ProcedureId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "EffectiveFrom" TEXT NULL,
    "EffectiveTo" TEXT NULL,
    "PublicationDecisionId" INTEGER NULL,
    "SourceNote" TEXT NULL,
    "Name" TEXT NOT NULL,
    "FieldId" INTEGER NOT NULL,
    "Level" TEXT NOT NULL,
    "ImplementingAgency" TEXT NULL,
    "ProcessingTimeValue" TEXT NULL,
    "ProcessingTimeUnit" TEXT NULL,
    "ProcessingTimeNote" TEXT NULL,
    "FeesConfirmed" INTEGER NOT NULL,
    "ApplicantTypes" INTEGER NOT NULL,
    "HowToSubmit" TEXT NULL,
    "Result" TEXT NULL,
    "Conditions" TEXT NULL,
    "OnlineLevel" TEXT NOT NULL,
    "LegacyOnlineLevel" INTEGER NULL,
    "PostalReceipt" INTEGER NOT NULL,
    "PostalReturn" INTEGER NOT NULL,
    "AtOneStop" INTEGER NOT NULL,
    "SearchText" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ProcedureVersions_CatalogueFields_FieldId" FOREIGN KEY ("FieldId") REFERENCES "CatalogueFields" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ProcedureVersions_Procedures_ProcedureId" FOREIGN KEY ("ProcedureId") REFERENCES "Procedures" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ProcedureVersions_PublicationDecisions_PublicationDecisionId" FOREIGN KEY ("PublicationDecisionId") REFERENCES "PublicationDecisions" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "InternalProcesses" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_InternalProcesses" PRIMARY KEY AUTOINCREMENT,
    "ProcedureVersionId" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "ApprovalDecisionNumber" TEXT NULL,
    "ApprovedOn" TEXT NULL,
    "InForceFrom" TEXT NULL,
    CONSTRAINT "FK_InternalProcesses_ProcedureVersions_ProcedureVersionId" FOREIGN KEY ("ProcedureVersionId") REFERENCES "ProcedureVersions" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "LegalBases" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LegalBases" PRIMARY KEY AUTOINCREMENT,
    "ProcedureVersionId" INTEGER NOT NULL,
    "Seq" INTEGER NOT NULL,
    "Number" TEXT NOT NULL,
    "Title" TEXT NULL,
    "IssuedOn" TEXT NULL,
    "Issuer" TEXT NULL,
    CONSTRAINT "FK_LegalBases_ProcedureVersions_ProcedureVersionId" FOREIGN KEY ("ProcedureVersionId") REFERENCES "ProcedureVersions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProcedureFee" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProcedureFee" PRIMARY KEY AUTOINCREMENT,
    "ProcedureVersionId" INTEGER NOT NULL,
    "Seq" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Amount" TEXT NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_ProcedureFee_ProcedureVersions_ProcedureVersionId" FOREIGN KEY ("ProcedureVersionId") REFERENCES "ProcedureVersions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProcedurePaper" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProcedurePaper" PRIMARY KEY AUTOINCREMENT,
    "ProcedureVersionId" INTEGER NOT NULL,
    "Seq" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Form" TEXT NOT NULL,
    "Quantity" INTEGER NOT NULL,
    "Required" INTEGER NOT NULL,
    "Template" TEXT NULL,
    CONSTRAINT "FK_ProcedurePaper_ProcedureVersions_ProcedureVersionId" FOREIGN KEY ("ProcedureVersionId") REFERENCES "ProcedureVersions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PublicationDecisionItem" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PublicationDecisionItem" PRIMARY KEY AUTOINCREMENT,
    "PublicationDecisionId" INTEGER NOT NULL,
    "ProcedureId" INTEGER NOT NULL,
    "Action" TEXT NOT NULL,
    "ProcedureVersionId" INTEGER NULL,
    "ReplacesProcedureId" INTEGER NULL,
    CONSTRAINT "FK_PublicationDecisionItem_ProcedureVersions_ProcedureVersionId" FOREIGN KEY ("ProcedureVersionId") REFERENCES "ProcedureVersions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PublicationDecisionItem_Procedures_ProcedureId" FOREIGN KEY ("ProcedureId") REFERENCES "Procedures" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PublicationDecisionItem_Procedures_ReplacesProcedureId" FOREIGN KEY ("ReplacesProcedureId") REFERENCES "Procedures" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PublicationDecisionItem_PublicationDecisions_PublicationDecisionId" FOREIGN KEY ("PublicationDecisionId") REFERENCES "PublicationDecisions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProcessStep" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProcessStep" PRIMARY KEY AUTOINCREMENT,
    "InternalProcessId" INTEGER NOT NULL,
    "Seq" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "UnitId" INTEGER NULL,
    "Actor" TEXT NULL,
    "Description" TEXT NULL,
    "DurationValue" TEXT NOT NULL,
    "DurationUnit" TEXT NOT NULL,
    "OutputForm" TEXT NULL,
    CONSTRAINT "FK_ProcessStep_InternalProcesses_InternalProcessId" FOREIGN KEY ("InternalProcessId") REFERENCES "InternalProcesses" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ProcessStep_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_CatalogueFields_AgencyId_Name" ON "CatalogueFields" ("AgencyId", "Name");

CREATE INDEX "IX_InternalProcesses_ProcedureVersionId" ON "InternalProcesses" ("ProcedureVersionId");

CREATE INDEX "IX_LegalBases_ProcedureVersionId" ON "LegalBases" ("ProcedureVersionId");

CREATE INDEX "IX_ProcedureFee_ProcedureVersionId" ON "ProcedureFee" ("ProcedureVersionId");

CREATE INDEX "IX_ProcedurePaper_ProcedureVersionId" ON "ProcedurePaper" ("ProcedureVersionId");

CREATE UNIQUE INDEX "IX_Procedures_AgencyId_Code" ON "Procedures" ("AgencyId", "Code");

CREATE INDEX "IX_Procedures_ReplacedByProcedureId" ON "Procedures" ("ReplacedByProcedureId");

CREATE INDEX "IX_ProcedureVersions_FieldId" ON "ProcedureVersions" ("FieldId");

CREATE UNIQUE INDEX "IX_ProcedureVersions_ProcedureId_Number" ON "ProcedureVersions" ("ProcedureId", "Number");

CREATE INDEX "IX_ProcedureVersions_PublicationDecisionId" ON "ProcedureVersions" ("PublicationDecisionId");

CREATE INDEX "IX_ProcessStep_InternalProcessId" ON "ProcessStep" ("InternalProcessId");

CREATE INDEX "IX_ProcessStep_UnitId" ON "ProcessStep" ("UnitId");

CREATE INDEX "IX_PublicationDecisionItem_ProcedureId" ON "PublicationDecisionItem" ("ProcedureId");

CREATE INDEX "IX_PublicationDecisionItem_ProcedureVersionId" ON "PublicationDecisionItem" ("ProcedureVersionId");

CREATE INDEX "IX_PublicationDecisionItem_PublicationDecisionId" ON "PublicationDecisionItem" ("PublicationDecisionId");

CREATE INDEX "IX_PublicationDecisionItem_ReplacesProcedureId" ON "PublicationDecisionItem" ("ReplacesProcedureId");

CREATE UNIQUE INDEX "IX_PublicationDecisions_AgencyId_Number" ON "PublicationDecisions" ("AgencyId", "Number");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122163631_Catalogue', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "ControlPlans" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ControlPlans" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Number" TEXT NULL,
    "Title" TEXT NOT NULL,
    "IssuedOn" TEXT NULL,
    "Signer" TEXT NULL,
    "LegalBasis" TEXT NULL,
    "Purposes" TEXT NULL,
    "Requirements" TEXT NULL,
    "SourceFileName" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ControlPlans_Agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Agencies" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "DisciplineRecords" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DisciplineRecords" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "DecidedOn" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "IsCollective" INTEGER NOT NULL,
    "DecisionNumber" TEXT NULL,
    "Reason" TEXT NOT NULL,
    CONSTRAINT "FK_DisciplineRecords_Agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Agencies" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Inspections" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Inspections" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" INTEGER NOT NULL,
    "InspectedOn" TEXT NOT NULL,
    "InspectedUnit" TEXT NOT NULL,
    "Form" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "Findings" TEXT NULL,
    CONSTRAINT "FK_Inspections_Agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Agencies" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "LegalDrafts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LegalDrafts" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "DraftingUnit" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_LegalDrafts_Agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Agencies" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ReviewRounds" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReviewRounds" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "PlanDecision" TEXT NULL,
    "Basis" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ReviewRounds_Agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Agencies" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PlanTasks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanTasks" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "AgencyId" INTEGER NOT NULL,
    "GroupNumber" TEXT NOT NULL,
    "GroupTitle" TEXT NOT NULL,
    "GroupOrder" INTEGER NOT NULL,
    "Number" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Content" TEXT NOT NULL,
    "Product" TEXT NOT NULL,
    "LeadUnitsText" TEXT NOT NULL,
    "CoordinatingUnitsText" TEXT NOT NULL,
    "TimeFrameText" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ProgressPercent" INTEGER NOT NULL,
    CONSTRAINT "FK_PlanTasks_ControlPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "ControlPlans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ImpactAssessments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ImpactAssessments" PRIMARY KEY AUTOINCREMENT,
    "DraftId" INTEGER NOT NULL,
    "AgencyId" INTEGER NOT NULL,
    "ProcedureName" TEXT NOT NULL,
    "Necessity" TEXT NOT NULL,
    "Reasonableness" TEXT NOT NULL,
    "Legality" TEXT NOT NULL,
    "ComplianceCost" TEXT NULL,
    "ComplianceCostNote" TEXT NULL,
    "Conclusion" TEXT NULL,
    "AssessedBy" TEXT NOT NULL,
    "AssessedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ImpactAssessments_LegalDrafts_DraftId" FOREIGN KEY ("DraftId") REFERENCES "LegalDrafts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReviewItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReviewItems" PRIMARY KEY AUTOINCREMENT,
    "RoundId" INTEGER NOT NULL,
    "AgencyId" INTEGER NOT NULL,
    "ProcedureCode" TEXT NULL,
    "ProcedureName" TEXT NOT NULL,
    "IsInternal" INTEGER NOT NULL,
    "SelectionReason" TEXT NULL,
    "Necessity" TEXT NULL,
    "Reasonableness" TEXT NULL,
    "Legality" TEXT NULL,
    "SimplificationContent" TEXT NULL,
    "SimplificationReason" TEXT NULL,
    "ImplementationProposal" TEXT NULL,
    "Abolish" INTEGER NOT NULL,
    "HourlyValue" TEXT NOT NULL,
    "SubjectsBefore" TEXT NOT NULL,
    "FrequencyBefore" TEXT NOT NULL,
    "SubjectsAfter" TEXT NOT NULL,
    "FrequencyAfter" TEXT NOT NULL,
    "CostBefore" TEXT NULL,
    "CostAfter" TEXT NULL,
    CONSTRAINT "FK_ReviewItems_ReviewRounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "ReviewRounds" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlanProgressNotes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanProgressNotes" PRIMARY KEY AUTOINCREMENT,
    "TaskId" INTEGER NOT NULL,
    "AgencyId" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "UserName" TEXT NOT NULL,
    "PeriodKey" TEXT NULL,
    "Percent" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "Note" TEXT NOT NULL,
    CONSTRAINT "FK_PlanProgressNotes_PlanTasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "PlanTasks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlanTargets" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanTargets" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "TaskId" INTEGER NULL,
    "IndicatorCode" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Comparison" TEXT NOT NULL,
    "Value" TEXT NOT NULL,
    "Unit" TEXT NOT NULL,
    CONSTRAINT "FK_PlanTargets_ControlPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "ControlPlans" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PlanTargets_PlanTasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "PlanTasks" ("Id") ON DELETE SET NULL
);

CREATE TABLE "PlanTaskUnits" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanTaskUnits" PRIMARY KEY AUTOINCREMENT,
    "TaskId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "Role" TEXT NOT NULL,
    CONSTRAINT "FK_PlanTaskUnits_PlanTasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "PlanTasks" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PlanTaskUnits_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ComplianceCostItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ComplianceCostItems" PRIMARY KEY AUTOINCREMENT,
    "ReviewItemId" INTEGER NOT NULL,
    "Phase" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Hours" TEXT NOT NULL,
    "OutsourcingCost" TEXT NOT NULL,
    "Fees" TEXT NOT NULL,
    "OtherCosts" TEXT NOT NULL,
    CONSTRAINT "FK_ComplianceCostItems_ReviewItems_ReviewItemId" FOREIGN KEY ("ReviewItemId") REFERENCES "ReviewItems" ("Id") ON DELETE CASCADE
);

CREATE TABLE "EvidenceFiles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_EvidenceFiles" PRIMARY KEY AUTOINCREMENT,
    "NoteId" INTEGER NOT NULL,
    "AgencyId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    CONSTRAINT "FK_EvidenceFiles_PlanProgressNotes_NoteId" FOREIGN KEY ("NoteId") REFERENCES "PlanProgressNotes" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ComplianceCostItems_ReviewItemId" ON "ComplianceCostItems" ("ReviewItemId");

CREATE INDEX "IX_ControlPlans_AgencyId_Year" ON "ControlPlans" ("AgencyId", "Year");

CREATE INDEX "IX_DisciplineRecords_AgencyId_DecidedOn" ON "DisciplineRecords" ("AgencyId", "DecidedOn");

CREATE INDEX "IX_EvidenceFiles_NoteId" ON "EvidenceFiles" ("NoteId");

CREATE INDEX "IX_ImpactAssessments_DraftId" ON "ImpactAssessments" ("DraftId");

CREATE INDEX "IX_Inspections_AgencyId_InspectedOn" ON "Inspections" ("AgencyId", "InspectedOn");

CREATE INDEX "IX_LegalDrafts_AgencyId" ON "LegalDrafts" ("AgencyId");

CREATE INDEX "IX_PlanProgressNotes_TaskId" ON "PlanProgressNotes" ("TaskId");

CREATE INDEX "IX_PlanTargets_PlanId" ON "PlanTargets" ("PlanId");

CREATE INDEX "IX_PlanTargets_TaskId" ON "PlanTargets" ("TaskId");

CREATE INDEX "IX_PlanTasks_AgencyId_PlanId" ON "PlanTasks" ("AgencyId", "PlanId");

CREATE INDEX "IX_PlanTasks_PlanId" ON "PlanTasks" ("PlanId");

CREATE UNIQUE INDEX "IX_PlanTaskUnits_TaskId_UnitId_Role" ON "PlanTaskUnits" ("TaskId", "UnitId", "Role");

CREATE INDEX "IX_PlanTaskUnits_UnitId" ON "PlanTaskUnits" ("UnitId");

CREATE INDEX "IX_ReviewItems_AgencyId_RoundId" ON "ReviewItems" ("AgencyId", "RoundId");

CREATE INDEX "IX_ReviewItems_RoundId" ON "ReviewItems" ("RoundId");

CREATE INDEX "IX_ReviewRounds_AgencyId_Year" ON "ReviewRounds" ("AgencyId", "Year");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122164725_PlansReviewInspections', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "DossierCodeCounters" (
    "AgencyId" INTEGER NOT NULL,
    "Day" TEXT NOT NULL,
    "Next" INTEGER NOT NULL,
    CONSTRAINT "PK_DossierCodeCounters" PRIMARY KEY ("AgencyId", "Day")
);

CREATE TABLE "Dossiers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Dossiers" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "ApplicantKind" TEXT NOT NULL,
    "ApplicantName" TEXT NOT NULL,
    "ApplicantIdNumber" TEXT NULL,
    "ApplicantPhone" TEXT NULL,
    "ApplicantEmail" TEXT NULL,
    "ApplicantAddress" TEXT NULL,
    "ProcedureVersionId" INTEGER NOT NULL,
    "ProcedureCode" TEXT NOT NULL,
    "ProcedureName" TEXT NOT NULL,
    "ProcessingTimeValue" TEXT NULL,
    "ProcessingTimeUnit" TEXT NULL,
    "ProcessingTimeVerified" INTEGER NOT NULL,
    "ApplyCutoff" INTEGER NOT NULL,
    "SupplementPolicy" TEXT NOT NULL,
    "StepPlanJson" TEXT NOT NULL,
    "Regime" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CurrentStep" INTEGER NOT NULL,
    "CurrentUnitId" INTEGER NULL,
    "Assignee" TEXT NULL,
    "StepStartedAt" INTEGER NULL,
    "SubmittedAt" INTEGER NOT NULL,
    "ReceivedAt" INTEGER NULL,
    "ClockStartedAt" INTEGER NULL,
    "AppointmentAt" INTEGER NULL,
    "DueAt" INTEGER NULL,
    "RescheduledDueAt" INTEGER NULL,
    "PausesJson" TEXT NOT NULL,
    "OpenPauseFrom" INTEGER NULL,
    "OpenPauseReason" TEXT NULL,
    "ResumeStatus" TEXT NULL,
    "SupplementRequested" INTEGER NOT NULL,
    "Rescheduled" INTEGER NOT NULL,
    "InterAgencyPartner" TEXT NULL,
    "CompletedAt" INTEGER NULL,
    "ReturnedAt" INTEGER NULL,
    "ReturnMethod" TEXT NULL,
    "ClosedAt" INTEGER NULL,
    "ResultDigitised" INTEGER NOT NULL,
    "ComponentsDigitised" INTEGER NOT NULL,
    "FeeAmount" INTEGER NOT NULL,
    "PaymentStatus" TEXT NOT NULL,
    "Imported" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Dossiers_Agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Dossiers_ProcedureVersions_ProcedureVersionId" FOREIGN KEY ("ProcedureVersionId") REFERENCES "ProcedureVersions" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "DossierApologies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DossierApologies" PRIMARY KEY AUTOINCREMENT,
    "DossierId" INTEGER NOT NULL,
    "ResponsibleUnitId" INTEGER NULL,
    "Reason" TEXT NOT NULL,
    "OriginalDueAt" INTEGER NOT NULL,
    "NewAppointmentAt" INTEGER NOT NULL,
    "IssuedAt" INTEGER NOT NULL,
    "IssuedBy" TEXT NULL,
    CONSTRAINT "FK_DossierApologies_Dossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "Dossiers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DossierEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DossierEvents" PRIMARY KEY AUTOINCREMENT,
    "DossierId" INTEGER NOT NULL,
    "At" INTEGER NOT NULL,
    "Action" TEXT NULL,
    "FromStatus" TEXT NULL,
    "ToStatus" TEXT NOT NULL,
    "FromStep" INTEGER NOT NULL,
    "ToStep" INTEGER NOT NULL,
    "FromUnitId" INTEGER NULL,
    "ToUnitId" INTEGER NULL,
    "ActorUserName" TEXT NULL,
    "ActorName" TEXT NULL,
    "Assignee" TEXT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_DossierEvents_Dossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "Dossiers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DossierExplanations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DossierExplanations" PRIMARY KEY AUTOINCREMENT,
    "DossierId" INTEGER NOT NULL,
    "Case" TEXT NOT NULL,
    "RequiredAt" INTEGER NOT NULL,
    "Text" TEXT NULL,
    "RecordedAt" INTEGER NULL,
    "RecordedBy" TEXT NULL,
    CONSTRAINT "FK_DossierExplanations_Dossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "Dossiers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DossierFiles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DossierFiles" PRIMARY KEY AUTOINCREMENT,
    "DossierId" INTEGER NOT NULL,
    "AgencyId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "StoragePath" TEXT NOT NULL,
    "UploadedAt" INTEGER NOT NULL,
    "UploadedBy" TEXT NULL,
    CONSTRAINT "FK_DossierFiles_Dossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "Dossiers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DossierForms" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DossierForms" PRIMARY KEY AUTOINCREMENT,
    "DossierId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Number" TEXT NOT NULL,
    "IssuedAt" INTEGER NOT NULL,
    "IssuedBy" TEXT NULL,
    "Content" TEXT NULL,
    CONSTRAINT "FK_DossierForms_Dossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "Dossiers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DossierIdempotencyKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DossierIdempotencyKeys" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" INTEGER NOT NULL,
    "Key" TEXT NOT NULL,
    "RequestHash" TEXT NOT NULL,
    "DossierId" INTEGER NOT NULL,
    "ResponseJson" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_DossierIdempotencyKeys_Dossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "Dossiers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DossierPapers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DossierPapers" PRIMARY KEY AUTOINCREMENT,
    "DossierId" INTEGER NOT NULL,
    "Seq" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Present" INTEGER NOT NULL,
    "Form" TEXT NOT NULL,
    "Quantity" INTEGER NOT NULL,
    "FileId" INTEGER NULL,
    CONSTRAINT "FK_DossierPapers_Dossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "Dossiers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DossierStepAssignments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DossierStepAssignments" PRIMARY KEY AUTOINCREMENT,
    "DossierId" INTEGER NOT NULL,
    "StepIndex" INTEGER NOT NULL,
    "StepName" TEXT NOT NULL,
    "UnitId" INTEGER NULL,
    "Assignee" TEXT NULL,
    "PlannedStartAt" INTEGER NOT NULL,
    "PlannedDueAt" INTEGER NOT NULL,
    "StartedAt" INTEGER NULL,
    "FinishedAt" INTEGER NULL,
    CONSTRAINT "FK_DossierStepAssignments_Dossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "Dossiers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_DossierApologies_DossierId" ON "DossierApologies" ("DossierId");

CREATE INDEX "IX_DossierEvents_DossierId" ON "DossierEvents" ("DossierId");

CREATE INDEX "IX_DossierExplanations_DossierId" ON "DossierExplanations" ("DossierId");

CREATE INDEX "IX_DossierFiles_DossierId" ON "DossierFiles" ("DossierId");

CREATE INDEX "IX_DossierForms_DossierId" ON "DossierForms" ("DossierId");

CREATE UNIQUE INDEX "IX_DossierIdempotencyKeys_AgencyId_Key" ON "DossierIdempotencyKeys" ("AgencyId", "Key");

CREATE INDEX "IX_DossierIdempotencyKeys_DossierId" ON "DossierIdempotencyKeys" ("DossierId");

CREATE INDEX "IX_DossierPapers_DossierId" ON "DossierPapers" ("DossierId");

CREATE UNIQUE INDEX "IX_Dossiers_AgencyId_Code" ON "Dossiers" ("AgencyId", "Code");

CREATE INDEX "IX_Dossiers_AgencyId_CurrentUnitId_Status" ON "Dossiers" ("AgencyId", "CurrentUnitId", "Status");

CREATE INDEX "IX_Dossiers_AgencyId_ReceivedAt" ON "Dossiers" ("AgencyId", "ReceivedAt");

CREATE INDEX "IX_Dossiers_AgencyId_Status_DueAt" ON "Dossiers" ("AgencyId", "Status", "DueAt");

CREATE INDEX "IX_Dossiers_ProcedureVersionId" ON "Dossiers" ("ProcedureVersionId");

CREATE UNIQUE INDEX "IX_DossierStepAssignments_DossierId_StepIndex" ON "DossierStepAssignments" ("DossierId", "StepIndex");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122165857_Dossiers', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "InAppNotifications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_InAppNotifications" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" INTEGER NOT NULL,
    "UserId" TEXT NOT NULL,
    "OutboxMessageId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "DossierCode" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ReadAt" INTEGER NULL
);

CREATE TABLE "NotificationTemplates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NotificationTemplates" PRIMARY KEY AUTOINCREMENT,
    "EventKind" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "Subject" TEXT NULL,
    "Body" TEXT NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "UpdatedBy" TEXT NULL
);

CREATE TABLE "OutboxMessages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OutboxMessages" PRIMARY KEY,
    "AgencyId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "Recipient" TEXT NOT NULL,
    "RecipientUserId" TEXT NULL,
    "WebhookSubscriptionId" INTEGER NULL,
    "DossierCode" TEXT NULL,
    "Subject" TEXT NULL,
    "Body" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "NextAttemptAt" INTEGER NOT NULL,
    "LockedBy" TEXT NULL,
    "LockedUntil" INTEGER NULL,
    "LastAttemptAt" INTEGER NULL,
    "LastError" TEXT NULL,
    "DeliveredAt" INTEGER NULL,
    "AcknowledgedAt" INTEGER NULL
);

CREATE TABLE "WebhookSubscriptions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WebhookSubscriptions" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Url" TEXT NOT NULL,
    "Secret" TEXT NOT NULL,
    "Events" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_InAppNotifications_OutboxMessageId" ON "InAppNotifications" ("OutboxMessageId");

CREATE INDEX "IX_InAppNotifications_UserId_ReadAt" ON "InAppNotifications" ("UserId", "ReadAt");

CREATE UNIQUE INDEX "IX_NotificationTemplates_EventKind_Channel" ON "NotificationTemplates" ("EventKind", "Channel");

CREATE INDEX "IX_OutboxMessages_AgencyId_CreatedAt" ON "OutboxMessages" ("AgencyId", "CreatedAt");

CREATE INDEX "IX_OutboxMessages_AgencyId_DossierCode" ON "OutboxMessages" ("AgencyId", "DossierCode");

CREATE INDEX "IX_OutboxMessages_Status_NextAttemptAt" ON "OutboxMessages" ("Status", "NextAttemptAt");

CREATE INDEX "IX_WebhookSubscriptions_AgencyId" ON "WebhookSubscriptions" ("AgencyId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122170856_Notifications', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "DossierEvaluations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DossierEvaluations" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" INTEGER NOT NULL,
    "DossierId" INTEGER NOT NULL,
    "DossierCode" TEXT NOT NULL,
    "ProcedureCode" TEXT NOT NULL,
    "UnitId" INTEGER NULL,
    "EvaluatedAt" INTEGER NOT NULL,
    "Answers" TEXT NOT NULL,
    "Total" INTEGER NOT NULL,
    "Comment" TEXT NULL,
    CONSTRAINT "FK_DossierEvaluations_Dossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "Dossiers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "FeedbackItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FeedbackItems" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "ReceivedAt" INTEGER NOT NULL,
    "Channel" TEXT NOT NULL,
    "SenderName" TEXT NOT NULL,
    "SenderAddress" TEXT NOT NULL,
    "SenderPhone" TEXT NULL,
    "SenderEmail" TEXT NULL,
    "Title" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "RelatedProcedureCode" TEXT NULL,
    "RelatedRegulation" TEXT NULL,
    "Status" TEXT NOT NULL,
    "DueAt" INTEGER NOT NULL,
    "AssignedUnitId" INTEGER NULL,
    "DuplicateOfId" INTEGER NULL,
    "TransferredTo" TEXT NULL,
    "ClassifiedAt" INTEGER NULL,
    "ClassifiedBy" TEXT NULL,
    "AnswerText" TEXT NULL,
    "DraftedBy" TEXT NULL,
    "DraftedAt" INTEGER NULL,
    "ApprovedBy" TEXT NULL,
    "ApprovedAt" INTEGER NULL,
    "PublishedAt" INTEGER NULL,
    "ClosedAt" INTEGER NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_FeedbackItems_Agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_FeedbackItems_FeedbackItems_DuplicateOfId" FOREIGN KEY ("DuplicateOfId") REFERENCES "FeedbackItems" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_FeedbackItems_Units_AssignedUnitId" FOREIGN KEY ("AssignedUnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "NewsArticles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NewsArticles" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "AuthorUserName" TEXT NOT NULL,
    "AuthorName" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "PublishedAt" INTEGER NULL,
    "PublishedBy" TEXT NULL,
    CONSTRAINT "FK_NewsArticles_Agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Agencies" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_DossierEvaluations_AgencyId_EvaluatedAt" ON "DossierEvaluations" ("AgencyId", "EvaluatedAt");

CREATE UNIQUE INDEX "IX_DossierEvaluations_DossierId" ON "DossierEvaluations" ("DossierId");

CREATE INDEX "IX_FeedbackItems_AgencyId_Status_DueAt" ON "FeedbackItems" ("AgencyId", "Status", "DueAt");

CREATE INDEX "IX_FeedbackItems_AssignedUnitId" ON "FeedbackItems" ("AssignedUnitId");

CREATE UNIQUE INDEX "IX_FeedbackItems_Code" ON "FeedbackItems" ("Code");

CREATE INDEX "IX_FeedbackItems_DuplicateOfId" ON "FeedbackItems" ("DuplicateOfId");

CREATE INDEX "IX_NewsArticles_AgencyId_PublishedAt" ON "NewsArticles" ("AgencyId", "PublishedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122180919_Citizens', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "FeedbackAttachments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FeedbackAttachments" PRIMARY KEY AUTOINCREMENT,
    "FeedbackItemId" INTEGER NOT NULL,
    "AgencyId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "StoragePath" TEXT NOT NULL,
    "UploadedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_FeedbackAttachments_FeedbackItems_FeedbackItemId" FOREIGN KEY ("FeedbackItemId") REFERENCES "FeedbackItems" ("Id") ON DELETE CASCADE
);

CREATE TABLE "OnlineDrafts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OnlineDrafts" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" INTEGER NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "ProcedureCode" TEXT NOT NULL,
    "Name" TEXT NULL,
    "IdNumber" TEXT NULL,
    "Phone" TEXT NULL,
    "Email" TEXT NULL,
    "Address" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NOT NULL,
    CONSTRAINT "FK_OnlineDrafts_Agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Agencies" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "OnlineDraftFile" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OnlineDraftFile" PRIMARY KEY AUTOINCREMENT,
    "DraftId" INTEGER NOT NULL,
    "PaperIndex" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "StoragePath" TEXT NOT NULL,
    CONSTRAINT "FK_OnlineDraftFile_OnlineDrafts_DraftId" FOREIGN KEY ("DraftId") REFERENCES "OnlineDrafts" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_FeedbackAttachments_AgencyId_FeedbackItemId" ON "FeedbackAttachments" ("AgencyId", "FeedbackItemId");

CREATE INDEX "IX_FeedbackAttachments_FeedbackItemId" ON "FeedbackAttachments" ("FeedbackItemId");

CREATE UNIQUE INDEX "IX_OnlineDraftFile_DraftId_PaperIndex" ON "OnlineDraftFile" ("DraftId", "PaperIndex");

CREATE INDEX "IX_OnlineDrafts_AgencyId" ON "OnlineDrafts" ("AgencyId");

CREATE INDEX "IX_OnlineDrafts_ExpiresAt" ON "OnlineDrafts" ("ExpiresAt");

CREATE UNIQUE INDEX "IX_OnlineDrafts_TokenHash" ON "OnlineDrafts" ("TokenHash");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122185033_CitizenPortal2', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

CREATE INDEX "IX_Dossiers_Code" ON "Dossiers" ("Code");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122201400_Scaling', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Dossiers" ADD "ReportClosedAt" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Dossiers" ADD "ReportClosedAtReturn" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Dossiers" ADD "ReportClosedKind" INTEGER NULL;

ALTER TABLE "Dossiers" ADD "ReportClosedKindReturn" INTEGER NULL;

ALTER TABLE "Dossiers" ADD "ReportCounted" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Dossiers" ADD "ReportFieldId" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Dossiers" ADD "ReportFieldName" TEXT NOT NULL DEFAULT '';

ALTER TABLE "Dossiers" ADD "ReportOnlineLevel" TEXT NOT NULL DEFAULT '';

ALTER TABLE "Dossiers" ADD "ReportProcedureId" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Dossiers" ADD "ReportUnitId" INTEGER NULL;

ALTER TABLE "Dossiers" ADD "ReportUnitName" TEXT NULL;

CREATE INDEX "IX_Dossiers_Report_Closed" ON "Dossiers" ("AgencyId", "ReportClosedAt");

CREATE INDEX "IX_Dossiers_Report_ClosedReturn" ON "Dossiers" ("AgencyId", "ReportClosedAtReturn");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122202914_Reports', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "IndexManualScores" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IndexManualScores" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" INTEGER NOT NULL,
    "ScopeUnitId" INTEGER NOT NULL,
    "PeriodKey" TEXT NOT NULL,
    "IndicatorCode" TEXT NOT NULL,
    "Points" TEXT NOT NULL,
    "Note" TEXT NULL,
    "EnteredBy" TEXT NOT NULL,
    "EnteredAt" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_IndexManualScores_AgencyId_ScopeUnitId_PeriodKey_IndicatorCode" ON "IndexManualScores" ("AgencyId", "ScopeUnitId", "PeriodKey", "IndicatorCode");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122203755_Indices', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Dossiers" ADD "ReportSyncedAt" INTEGER NULL;

UPDATE "Dossiers" SET "ReportSyncedAt" = (
    SELECT MIN(m."AcknowledgedAt") FROM "OutboxMessages" m
    WHERE m."AgencyId" = "Dossiers"."AgencyId" AND m."DossierCode" = "Dossiers"."Code"
      AND m."Channel" = 'NationalPortal' AND m."AcknowledgedAt" IS NOT NULL);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122213804_PortalSync', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122222301_ReportCoveringIndexes', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "ProcedureVersions" ADD "NotEligibleForFullOnline" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "ProcedureVersions" ADD "PostedOn" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122223526_ProcedureFlags', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "IX_Dossiers_Queue_Assignee" ON "Dossiers" ("AgencyId", "Assignee", "DueAt", "Id") WHERE "Status" IN ('Submitted', 'AwaitingSupplement', 'Received', 'InProcessing', 'AwaitingApproval', 'AwaitingInterAgency', 'AwaitingFinancialObligation', 'Suspended', 'ResultIssued');

CREATE INDEX "IX_Dossiers_Queue_Unit" ON "Dossiers" ("AgencyId", "CurrentUnitId", "DueAt", "Id") WHERE "Status" IN ('Submitted', 'AwaitingSupplement', 'Received', 'InProcessing', 'AwaitingApproval', 'AwaitingInterAgency', 'AwaitingFinancialObligation', 'Suspended', 'ResultIssued');

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122224704_QueuePaging', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "IX_Dossiers_Report_LongOpen" ON "Dossiers" ("AgencyId", "ReceivedAt") WHERE ("ReportClosedAt" - "ReceivedAt" > 26784000000000 OR "ReportClosedAtReturn" - "ReceivedAt" > 26784000000000);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122230730_ReportLongOpen', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "IX_Dossiers_ReportBackfill" ON "Dossiers" ("Id") WHERE "ReportProcedureId" = 0;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123013657_ReportBackfillIndex', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "ReportDayCounts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReportDayCounts" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "FieldId" INTEGER NOT NULL,
    "ProcedureId" INTEGER NOT NULL,
    "Day" INTEGER NOT NULL,
    "SyncDay" INTEGER NOT NULL,
    "Folded" INTEGER NOT NULL,
    "ReceivedDirect" INTEGER NOT NULL,
    "ReceivedOnline" INTEGER NOT NULL,
    "ReceivedPostal" INTEGER NOT NULL,
    "ReceivedFee" INTEGER NOT NULL,
    "ReceivedFeePaidOnline" INTEGER NOT NULL,
    "ReceivedPaidOnline" INTEGER NOT NULL,
    "ReceivedDigitised" INTEGER NOT NULL,
    "LatestReceivedAt" INTEGER NOT NULL,
    "Early" INTEGER NOT NULL,
    "OnTime" INTEGER NOT NULL,
    "Late" INTEGER NOT NULL,
    "Withdrawn" INTEGER NOT NULL,
    "Refused" INTEGER NOT NULL,
    "Stopped" INTEGER NOT NULL,
    "ResolvedOnline" INTEGER NOT NULL,
    "OverdueFrom" INTEGER NOT NULL,
    "OverdueTo" INTEGER NOT NULL,
    "ReturnEarly" INTEGER NOT NULL,
    "ReturnOnTime" INTEGER NOT NULL,
    "ReturnLate" INTEGER NOT NULL,
    "ReturnWithdrawn" INTEGER NOT NULL,
    "ReturnRefused" INTEGER NOT NULL,
    "ReturnStopped" INTEGER NOT NULL,
    "ReturnOverdueFrom" INTEGER NOT NULL,
    "ReturnOverdueTo" INTEGER NOT NULL,
    "DeskRefused" INTEGER NOT NULL,
    "LatestDeskSubmittedAt" INTEGER NOT NULL,
    "Synced" INTEGER NOT NULL
);

CREATE TABLE "ReportMonthCounts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReportMonthCounts" PRIMARY KEY AUTOINCREMENT,
    "AgencyId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "FieldId" INTEGER NOT NULL,
    "ProcedureId" INTEGER NOT NULL,
    "Month" INTEGER NOT NULL,
    "Folded" INTEGER NOT NULL,
    "Open" INTEGER NOT NULL,
    "ReturnOpen" INTEGER NOT NULL,
    "Overdue" INTEGER NOT NULL,
    "ReturnOverdue" INTEGER NOT NULL
);

CREATE INDEX "IX_ReportDayCounts_AgencyId_Day" ON "ReportDayCounts" ("AgencyId", "Day");

CREATE INDEX "IX_ReportDayCounts_AgencyId_UnitId_FieldId_ProcedureId_Day_SyncDay" ON "ReportDayCounts" ("AgencyId", "UnitId", "FieldId", "ProcedureId", "Day", "SyncDay");

CREATE INDEX "IX_ReportDayCounts_Unfolded" ON "ReportDayCounts" ("Id") WHERE "Folded" = FALSE;

CREATE INDEX "IX_ReportMonthCounts_AgencyId_Month" ON "ReportMonthCounts" ("AgencyId", "Month");

CREATE INDEX "IX_ReportMonthCounts_AgencyId_UnitId_FieldId_ProcedureId_Month" ON "ReportMonthCounts" ("AgencyId", "UnitId", "FieldId", "ProcedureId", "Month");

CREATE INDEX "IX_ReportMonthCounts_Unfolded" ON "ReportMonthCounts" ("Id") WHERE "Folded" = FALSE;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123064055_ReportRollup', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "AuditEntries" ADD "Mac" TEXT NULL;

CREATE TABLE "AuditCheckpoints" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditCheckpoints" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "LastEntryId" INTEGER NOT NULL,
    "LastHash" TEXT NOT NULL,
    "Count" INTEGER NOT NULL,
    "LegacyUpToId" INTEGER NOT NULL,
    "Mac" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_AuditEntries_Mac" ON "AuditEntries" ("Mac");

CREATE INDEX "IX_AuditCheckpoints_LastEntryId_Id" ON "AuditCheckpoints" ("LastEntryId", "Id");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206013823_AuditAuthentication', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "LookupThrottles" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_LookupThrottles" PRIMARY KEY,
    "Failures" INTEGER NOT NULL,
    "WindowEndsAt" INTEGER NOT NULL,
    "LockedUntil" INTEGER NOT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206014232_LookupThrottles', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "FeedbackItems" ADD "PublicAnswer" TEXT NULL;

ALTER TABLE "FeedbackItems" ADD "PublicContent" TEXT NULL;

ALTER TABLE "FeedbackItems" ADD "PublicRegulation" TEXT NULL;

ALTER TABLE "FeedbackItems" ADD "PublicTitle" TEXT NULL;

ALTER TABLE "FeedbackItems" ADD "RedactionReviewedAt" INTEGER NULL;

ALTER TABLE "FeedbackItems" ADD "RedactionReviewedBy" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206014429_PaknRedactionReview', '10.0.14');

COMMIT;

