using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Core.Procedures;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Catalogue;

/// <summary>Quyết định công bố: adds, amends, replaces or abolishes procedures from its effective date (ND63 Art. 13–15).</summary>
public sealed class PublicationDecision
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    /// <summary>Số quyết định, e.g. "1234/QĐ-UBND".</summary>
    public required string Number { get; set; }

    public DateOnly SignedOn { get; set; }

    /// <summary>The day its changes apply to newly received dossiers.</summary>
    public DateOnly EffectiveFrom { get; set; }

    public DecisionIssuer Issuer { get; set; }

    /// <summary>Cơ quan ban hành as written on the decision, e.g. "Chủ tịch UBND tỉnh Phú Yên".</summary>
    public string? IssuerName { get; set; }

    public string? Summary { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public List<PublicationDecisionItem> Items { get; } = [];
}

/// <summary>One procedure a decision acts on.</summary>
public sealed class PublicationDecisionItem
{
    public int Id { get; set; }

    public int PublicationDecisionId { get; set; }

    public int ProcedureId { get; set; }

    public Procedure? Procedure { get; set; }

    public PublicationAction Action { get; set; }

    /// <summary>The version this item published (null for an abolition).</summary>
    public int? ProcedureVersionId { get; set; }

    /// <summary>For <see cref="PublicationAction.Replaced"/>: the procedure that stops being received.</summary>
    public int? ReplacesProcedureId { get; set; }
}

internal sealed class PublicationDecisionConfiguration : IEntityTypeConfiguration<PublicationDecision>
{
    public void Configure(EntityTypeBuilder<PublicationDecision> b)
    {
        b.Property(d => d.Number).HasMaxLength(100);
        b.HasIndex(d => new { d.AgencyId, d.Number }).IsUnique();
        b.Property(d => d.Issuer).HasConversion<string>().HasMaxLength(32);
        b.Property(d => d.IssuerName).HasMaxLength(300);
        b.Property(d => d.Summary).HasMaxLength(2000);
        b.Property(d => d.CreatedBy).HasMaxLength(256);
        b.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Items).WithOne().HasForeignKey(i => i.PublicationDecisionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PublicationDecisionItemConfiguration : IEntityTypeConfiguration<PublicationDecisionItem>
{
    public void Configure(EntityTypeBuilder<PublicationDecisionItem> b)
    {
        b.Property(i => i.Action).HasConversion<string>().HasMaxLength(16);
        b.HasOne(i => i.Procedure).WithMany().HasForeignKey(i => i.ProcedureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Procedure>().WithMany().HasForeignKey(i => i.ReplacesProcedureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ProcedureVersion>().WithMany().HasForeignKey(i => i.ProcedureVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
