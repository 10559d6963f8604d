using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;
using MotCua.Core.Reports;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Dossiers;

internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

internal static class DossierModel
{
    /// <summary>All DateTimeOffset properties of an entity as UTC ticks (see the note at the top of Dossier.cs).</summary>
    public static void UtcTicks<T>(EntityTypeBuilder<T> b)
        where T : class
    {
        foreach (var p in b.Metadata.GetDeclaredProperties())
        {
            if (p.ClrType == typeof(DateTimeOffset))
            {
                p.SetValueConverter(new UtcTicksConverter());
            }
            else if (p.ClrType == typeof(DateTimeOffset?))
            {
                p.SetValueConverter(new UtcTicksConverter());
            }
        }
    }
}

internal sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<Dossier> b)
    {
        b.Property(d => d.Code).HasMaxLength(64);
        b.HasIndex(d => new { d.AgencyId, d.Code }).IsUnique();
        // The public look-up finds a dossier by code alone (the code carries the agency prefix).
        b.HasIndex(d => d.Code);
        // "Hồ sơ của tôi" finds a citizen's dossiers by the ID number VNeID verified.
        b.HasIndex(d => d.ApplicantIdNumber);
        b.HasIndex(d => new { d.AgencyId, d.Status, d.DueAt });
        // The register and the desk's queue of the day read one agency's receipts in a range of instants.
        b.HasIndex(d => new { d.AgencyId, d.ReceivedAt });
        b.HasIndex(d => new { d.AgencyId, d.CurrentUnitId, d.Status });
        // The specialist's queue (/ho-so/hang-doi): open dossiers only, in page order, so a page of 50 is an
        // index range however many closed dossiers are stored. Queries repeat the filter as constants (DossierQueues.OpenOf).
        b.HasIndex(d => new { d.AgencyId, d.CurrentUnitId, d.DueAt, d.Id }).HasDatabaseName("IX_Dossiers_Queue_Unit")
            .HasFilter(Pages.DossierQueues.OpenIndexFilter);
        b.HasIndex(d => new { d.AgencyId, d.Assignee, d.DueAt, d.Id }).HasDatabaseName("IX_Dossiers_Queue_Assignee")
            .HasFilter(Pages.DossierQueues.OpenIndexFilter);
        // The queue's search without diacritics: a trigram index answers LIKE '%…%' on PostgreSQL (SQLite keeps a plain
        // index and scans the queue's own rows), over open dossiers only, as the queue indexes.
        b.Property(d => d.SearchText).HasMaxLength(1000);
        b.HasIndex(d => d.SearchText).HasDatabaseName("IX_Dossiers_Search").HasMethod("gin").HasOperators("gin_trgm_ops")
            .HasFilter(Pages.DossierQueues.OpenIndexFilter);
        b.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.NationalCode).HasMaxLength(64);
        // One national dossier makes one dossier, however often the portal serves it.
        b.HasIndex(d => new { d.AgencyId, d.NationalCode }).IsUnique();
        b.Property(d => d.ApplicantKind).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.ApplicantName).HasMaxLength(300);
        b.Property(d => d.RepresentativeName).HasMaxLength(300);
        b.Property(d => d.ApplicantIdNumber).HasMaxLength(32);
        b.Property(d => d.ApplicantPhone).HasMaxLength(32);
        b.Property(d => d.ApplicantEmail).HasMaxLength(200);
        b.Property(d => d.ApplicantAddress).HasMaxLength(500);
        b.Property(d => d.ProcedureCode).HasMaxLength(64);
        b.Property(d => d.ProcedureName).HasMaxLength(1000);
        b.Property(d => d.ProcessingTimeValue).HasPrecision(9, 2);
        b.Property(d => d.ProcessingTimeUnit).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.SupplementPolicy).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.SupplementLimitValue).HasPrecision(9, 2);
        b.Property(d => d.OnlineCheckWorkingHours).HasPrecision(9, 2);
        b.Property(d => d.SupplementLimitUnit).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.Regime).HasConversion<string>().HasMaxLength(32);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(d => d.ResumeStatus).HasConversion<string>().HasMaxLength(32);
        b.Property(d => d.OpenPauseReason).HasConversion<string>().HasMaxLength(32);
        b.Property(d => d.ReturnMethod).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.ReturnChoice).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.ReturnAddress).HasMaxLength(500);
        b.Property(d => d.FeeNote).HasMaxLength(500);
        b.Property(d => d.PaymentStatus).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.Assignee).HasMaxLength(256);
        b.Property(d => d.InterAgencyPartner).HasMaxLength(300);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.Ignore(d => d.ProcessingTime);
        b.Ignore(d => d.StepPlan);
        b.Ignore(d => d.Terms);
        b.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ProcedureVersion>().WithMany().HasForeignKey(d => d.ProcedureVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Papers).WithOne().HasForeignKey(p => p.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.Events).WithOne().HasForeignKey(p => p.DossierId).OnDelete(DeleteBehavior.Cascade);
        DossierModel.UtcTicks(b);
    }
}

internal sealed class DossierPaperConfiguration : IEntityTypeConfiguration<DossierPaper>
{
    public void Configure(EntityTypeBuilder<DossierPaper> b)
    {
        b.Property(p => p.Name).HasMaxLength(1000);
        b.Property(p => p.Form).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class DossierFileConfiguration : IEntityTypeConfiguration<DossierFile>
{
    public void Configure(EntityTypeBuilder<DossierFile> b)
    {
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(f => f.FileName).HasMaxLength(255);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.StoragePath).HasMaxLength(500);
        b.Property(f => f.UploadedBy).HasMaxLength(256);
        b.Property(f => f.SupplementItemCode).HasMaxLength(16);
        b.HasOne(f => f.Dossier).WithMany().HasForeignKey(f => f.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => f.DossierId);
        DossierModel.UtcTicks(b);
    }
}

internal sealed class DossierEventConfiguration : IEntityTypeConfiguration<DossierEvent>
{
    public void Configure(EntityTypeBuilder<DossierEvent> b)
    {
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(40);
        b.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.ActorUserName).HasMaxLength(256);
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.Property(e => e.Assignee).HasMaxLength(256);
        b.Property(e => e.Note).HasMaxLength(2000);
        DossierModel.UtcTicks(b);
    }
}

internal sealed class DossierStepAssignmentConfiguration : IEntityTypeConfiguration<DossierStepAssignment>
{
    public void Configure(EntityTypeBuilder<DossierStepAssignment> b)
    {
        b.Property(s => s.StepName).HasMaxLength(300);
        b.Property(s => s.Assignee).HasMaxLength(256);
        b.HasOne(s => s.Dossier).WithMany().HasForeignKey(s => s.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.DossierId, s.StepIndex }).IsUnique();
        DossierModel.UtcTicks(b);
    }
}

internal sealed class DossierFormConfiguration : IEntityTypeConfiguration<DossierForm>
{
    public void Configure(EntityTypeBuilder<DossierForm> b)
    {
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(f => f.Number).HasMaxLength(100);
        b.Property(f => f.IssuedBy).HasMaxLength(256);
        b.Property(f => f.Content).HasMaxLength(4000);
        b.HasOne(f => f.Dossier).WithMany().HasForeignKey(f => f.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => f.DossierId);
        DossierModel.UtcTicks(b);
    }
}

internal sealed class DossierApologyConfiguration : IEntityTypeConfiguration<DossierApology>
{
    public void Configure(EntityTypeBuilder<DossierApology> b)
    {
        b.Property(a => a.Reason).HasMaxLength(2000);
        b.Property(a => a.IssuedBy).HasMaxLength(256);
        b.HasOne(a => a.Dossier).WithMany().HasForeignKey(a => a.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.DossierId);
        DossierModel.UtcTicks(b);
    }
}

internal sealed class DossierExplanationConfiguration : IEntityTypeConfiguration<DossierExplanation>
{
    public void Configure(EntityTypeBuilder<DossierExplanation> b)
    {
        b.Property(e => e.Case).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Text).HasMaxLength(4000);
        b.Property(e => e.RecordedBy).HasMaxLength(256);
        b.HasOne(e => e.Dossier).WithMany().HasForeignKey(e => e.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => e.DossierId);
        DossierModel.UtcTicks(b);
    }
}

internal sealed class DossierIdempotencyKeyConfiguration : IEntityTypeConfiguration<DossierIdempotencyKey>
{
    public void Configure(EntityTypeBuilder<DossierIdempotencyKey> b)
    {
        b.Property(k => k.Key).HasMaxLength(200);
        b.Property(k => k.RequestHash).HasMaxLength(64);
        b.HasIndex(k => new { k.AgencyId, k.Key }).IsUnique();
        b.HasOne(k => k.Dossier).WithMany().HasForeignKey(k => k.DossierId).OnDelete(DeleteBehavior.Cascade);
        DossierModel.UtcTicks(b);
    }
}

internal sealed class DossierCodeCounterConfiguration : IEntityTypeConfiguration<DossierCodeCounter>
{
    public void Configure(EntityTypeBuilder<DossierCodeCounter> b)
    {
        b.HasKey(c => new { c.AgencyId, c.Day });
        b.Property(c => c.Next).IsConcurrencyToken();
    }
}
