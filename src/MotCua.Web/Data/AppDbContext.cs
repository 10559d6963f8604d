using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Integrations;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using Features = MotCua.Web.Features;
using Plans = MotCua.Web.Features.Plans;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Data;

/// <summary>
/// The one model. Provider-specific subclasses exist only so that each provider keeps its own
/// migration set (bitwarden's layout); they add no entities.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser, AppRole, string>(options),
    Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();

    // Feature sets are added below, one block per feature.

    // Calendar
    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();

    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    // Plans
    public DbSet<Plans.ControlPlan> ControlPlans => Set<Plans.ControlPlan>();
    public DbSet<Plans.PlanTask> PlanTasks => Set<Plans.PlanTask>();
    public DbSet<Plans.PlanTaskUnit> PlanTaskUnits => Set<Plans.PlanTaskUnit>();
    public DbSet<Plans.PlanTarget> PlanTargets => Set<Plans.PlanTarget>();
    public DbSet<Plans.PlanProgressNote> PlanProgressNotes => Set<Plans.PlanProgressNote>();
    public DbSet<Plans.EvidenceFile> EvidenceFiles => Set<Plans.EvidenceFile>();

    // Review, simplification, impact assessment
    public DbSet<Features.Review.ReviewRound> ReviewRounds => Set<Features.Review.ReviewRound>();
    public DbSet<Features.Review.ReviewItem> ReviewItems => Set<Features.Review.ReviewItem>();
    public DbSet<Features.Review.ComplianceCostItem> ComplianceCostItems => Set<Features.Review.ComplianceCostItem>();
    public DbSet<Features.Review.LegalDraft> LegalDrafts => Set<Features.Review.LegalDraft>();
    public DbSet<Features.Review.ImpactAssessment> ImpactAssessments => Set<Features.Review.ImpactAssessment>();

    // Inspections and discipline records
    public DbSet<Features.Inspections.Inspection> Inspections => Set<Features.Inspections.Inspection>();
    public DbSet<Features.Inspections.DisciplineRecord> DisciplineRecords => Set<Features.Inspections.DisciplineRecord>();
    // Catalogue
    public DbSet<Field> CatalogueFields => Set<Field>();
    public DbSet<Procedure> Procedures => Set<Procedure>();
    public DbSet<ProcedureVersion> ProcedureVersions => Set<ProcedureVersion>();
    public DbSet<PublicationDecision> PublicationDecisions => Set<PublicationDecision>();
    public DbSet<InternalProcess> InternalProcesses => Set<InternalProcess>();
    public DbSet<CatalogueSettings> CatalogueSettings => Set<CatalogueSettings>();

    // Notifications and integrations
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InAppNotification> InAppNotifications => Set<InAppNotification>();

    public DbSet<NotificationTemplate> NotificationTemplates => Set<NotificationTemplate>();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    // Dossiers
    public DbSet<Dossier> Dossiers => Set<Dossier>();
    public DbSet<DossierPaper> DossierPapers => Set<DossierPaper>();
    public DbSet<DossierFile> DossierFiles => Set<DossierFile>();
    public DbSet<DossierEvent> DossierEvents => Set<DossierEvent>();
    public DbSet<DossierStepAssignment> DossierStepAssignments => Set<DossierStepAssignment>();
    public DbSet<DossierForm> DossierForms => Set<DossierForm>();
    public DbSet<DossierApology> DossierApologies => Set<DossierApology>();
    public DbSet<DossierExplanation> DossierExplanations => Set<DossierExplanation>();
    public DbSet<DossierIdempotencyKey> DossierIdempotencyKeys => Set<DossierIdempotencyKey>();
    public DbSet<DossierCodeCounter> DossierCodeCounters => Set<DossierCodeCounter>();

    // Scaling: the data-protection key ring shared by every app instance.
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    // Citizens and PAKN
    public DbSet<Features.Citizens.DossierEvaluation> DossierEvaluations => Set<Features.Citizens.DossierEvaluation>();
    public DbSet<Features.Feedback.FeedbackItem> FeedbackItems => Set<Features.Feedback.FeedbackItem>();
    public DbSet<Features.News.NewsArticle> NewsArticles => Set<Features.News.NewsArticle>();

    // Citizen portal: online-submission drafts and PAKN attachments
    public DbSet<Features.Citizens.OnlineDraft> OnlineDrafts => Set<Features.Citizens.OnlineDraft>();
    public DbSet<Features.Feedback.FeedbackAttachment> FeedbackAttachments => Set<Features.Feedback.FeedbackAttachment>();
    // Decision 766 index
    public DbSet<Features.Indices.IndexManualScore> IndexManualScores => Set<Features.Indices.IndexManualScore>();
    // Report roll-up
    public DbSet<Features.Reports.ReportDayCount> ReportDayCounts => Set<Features.Reports.ReportDayCount>();
    public DbSet<Features.Reports.ReportMonthCount> ReportMonthCounts => Set<Features.Reports.ReportMonthCount>();
    public DbSet<Features.Reports.ReportDossier> ReportDossiers => Set<Features.Reports.ReportDossier>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
