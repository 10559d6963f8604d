using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Core.Privacy;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Privacy;

public enum DataSubjectRequestStatus
{
    /// <summary>Received, not yet carried out.</summary>
    Open,

    /// <summary>Carried out (data provided, corrected, erased, processing stopped).</summary>
    Done,

    /// <summary>Refused with a legal reason.</summary>
    Refused,
}

/// <summary>A data subject's request (access, correction, deletion, restriction, objection, withdrawal) with its deadlines.</summary>
public sealed class DataSubjectRequest
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    /// <summary>What the citizen follows the request by, e.g. "DLCN-261218-ABC234".</summary>
    public required string Code { get; set; }

    public DataSubjectRequestKind Kind { get; set; }

    public SubjectRecordKind RecordKind { get; set; }

    /// <summary>The dossier or PAKN code the person identified with.</summary>
    public required string RecordCode { get; set; }

    /// <summary>SHA-256 of the code and the normalised phone or ID number given, so the request can be followed after the record is anonymised.</summary>
    public required string FactorHash { get; set; }

    /// <summary>What the person asks (what to correct, what to stop); may hold personal data.</summary>
    public required string Details { get; set; }

    /// <summary>The consent-text version shown on the form the request was sent from.</summary>
    public required string ConsentVersion { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>By when the agency answers at least what happens next.</summary>
    public DateTimeOffset AcknowledgeDueAt { get; set; }

    /// <summary>By when the request is carried out or refused.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>"Căn cứ …" of the limits used, as they were on the day of receipt.</summary>
    public required string LimitBasis { get; set; }

    public DataSubjectRequestStatus Status { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public string? AnsweredBy { get; set; }

    public string? Answer { get; set; }
}

/// <summary>A personal-data breach as the administrator records it, with the notification deadline.</summary>
public sealed class PersonalDataBreach
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public required string Code { get; set; }

    public DateTimeOffset DetectedAt { get; set; }

    public required string Description { get; set; }

    /// <summary>Which data and whose (kinds and counts, not the people's data itself).</summary>
    public required string DataAffected { get; set; }

    public required string SubjectsAffected { get; set; }

    public required string Measures { get; set; }

    /// <summary>By when the specialised agency is notified, from the limit in force on the day of detection.</summary>
    public DateTimeOffset NotifyDueAt { get; set; }

    public required string LimitBasis { get; set; }

    public DateTimeOffset? AuthorityNotifiedAt { get; set; }

    public DateTimeOffset? SubjectsNotifiedAt { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}

/// <summary>The privacy tables on the one context.</summary>
public static class PrivacyTables
{
    extension(AppDbContext db)
    {
        public DbSet<DataSubjectRequest> DataSubjectRequests => db.Set<DataSubjectRequest>();

        public DbSet<PersonalDataBreach> PersonalDataBreaches => db.Set<PersonalDataBreach>();
    }
}

internal sealed class PrivacyTableConfiguration : IEntityTypeConfiguration<DataSubjectRequest>, IEntityTypeConfiguration<PersonalDataBreach>
{
    public void Configure(EntityTypeBuilder<DataSubjectRequest> builder)
    {
        builder.ToTable("DataSubjectRequests");
        builder.HasIndex(r => r.Code).IsUnique();
        builder.HasIndex(r => new { r.AgencyId, r.Status, r.DueAt });
        builder.Property(r => r.Code).HasMaxLength(32);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.RecordKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.RecordCode).HasMaxLength(64);
        builder.Property(r => r.FactorHash).HasMaxLength(64);
        builder.Property(r => r.Details).HasMaxLength(2000);
        builder.Property(r => r.ConsentVersion).HasMaxLength(16);
        builder.Property(r => r.LimitBasis).HasMaxLength(1000);
        builder.Property(r => r.AnsweredBy).HasMaxLength(256);
        builder.Property(r => r.Answer).HasMaxLength(4000);
    }

    public void Configure(EntityTypeBuilder<PersonalDataBreach> builder)
    {
        builder.ToTable("PersonalDataBreaches");
        builder.HasIndex(b => b.Code).IsUnique();
        builder.HasIndex(b => new { b.AgencyId, b.DetectedAt });
        builder.Property(b => b.Code).HasMaxLength(32);
        builder.Property(b => b.Description).HasMaxLength(4000);
        builder.Property(b => b.DataAffected).HasMaxLength(2000);
        builder.Property(b => b.SubjectsAffected).HasMaxLength(1000);
        builder.Property(b => b.Measures).HasMaxLength(4000);
        builder.Property(b => b.LimitBasis).HasMaxLength(1000);
        builder.Property(b => b.RecordedBy).HasMaxLength(256);
    }
}
