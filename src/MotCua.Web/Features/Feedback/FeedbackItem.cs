using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Core.Feedback;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Feedback;

/// <summary>
/// Phản ánh, kiến nghị về quy định hành chính (ND20/2008), one line of the PAKN register (sổ tiếp nhận). The sender's
/// contact data never leaves the back office: the public list shows the code and the
/// texts an officer reviewed and redacted before publishing (<see cref="PublicContent"/>), never the originals.
/// Instants as UTC ticks like the dossiers (see Dossier.cs), so the register sorts by due date in SQL on both providers.
/// </summary>
public sealed class FeedbackItem
{
    public long Id { get; set; }

    /// <summary>The agency handling it now: the one that received it, or its successor after a merge.</summary>
    public int AgencyId { get; set; }

    /// <summary>
    /// The agency that received it, kept when a merge hands it to a successor, so reports count it where it was received
    /// (<see cref="FeedbackReports.ReceivedBy"/>); null means <see cref="AgencyId"/>.
    /// </summary>
    public int? ReceivedAgencyId { get; set; }

    /// <summary>Acknowledgement code (mã tiếp nhận) given to the sender.</summary>
    public required string Code { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>How it came in: "portal" for the public form and API (written data message, Art. 7).</summary>
    public required string Channel { get; set; }

    public required string SenderName { get; set; }

    public required string SenderAddress { get; set; }

    public string? SenderPhone { get; set; }

    public string? SenderEmail { get; set; }

    public required string Title { get; set; }

    /// <summary>The title folded for search (<see cref="FeedbackSearch.Fold"/>); null for an item received before the column existed, until filled.</summary>
    public string? SearchText { get; set; }

    public required string Content { get; set; }

    public FeedbackContentType ContentType { get; set; }

    public string? RelatedProcedureCode { get; set; }

    public string? RelatedRegulation { get; set; }

    public FeedbackStatus Status { get; set; }

    /// <summary>
    /// The deadline the item is judged against: handling (default 10 working days from receipt,
    /// <see cref="FeedbackRules.DefaultHandlingWorkingDays"/>) until it is classified outside competence, then the transfer
    /// deadline, which is the only duty left to the agency.
    /// </summary>
    public DateTimeOffset DueAt { get; set; }

    public int? AssignedUnitId { get; set; }

    public long? DuplicateOfId { get; set; }

    public FeedbackItem? DuplicateOf { get; set; }

    /// <summary>The competent body an out-of-scope PAKN went to.</summary>
    public string? TransferredTo { get; set; }

    /// <summary>The competent body's e-mail the PAKN was sent to, when the officer gave one.</summary>
    public string? TransferredToEmail { get; set; }

    /// <summary>Why the PAKN is outside the agency's competence.</summary>
    public string? TransferReason { get; set; }

    /// <summary>Last instant to transfer it if it is outside competence (<see cref="FeedbackTransfer.Due"/> at receipt); null for items received before it was kept.</summary>
    public DateTimeOffset? TransferDueAt { get; set; }

    public DateTimeOffset? TransferredAt { get; set; }

    public DateTimeOffset? ClassifiedAt { get; set; }

    public string? ClassifiedBy { get; set; }

    public string? AnswerText { get; set; }

    public string? DraftedBy { get; set; }

    public DateTimeOffset? DraftedAt { get; set; }

    public string? ApprovedBy { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>
    /// The texts the public sees, redacted by the officer who reviewed them before publishing (null until that review:
    /// an item published before the review existed stays off the public pages until someone reviews it).
    /// </summary>
    public string? PublicTitle { get; set; }

    public string? PublicContent { get; set; }

    public string? PublicAnswer { get; set; }

    public string? PublicRegulation { get; set; }

    /// <summary>Who reviewed the redaction and published, and when.</summary>
    public string? RedactionReviewedBy { get; set; }

    public DateTimeOffset? RedactionReviewedAt { get; set; }

    /// <summary>When handling ended (published, transferred or closed as duplicate); on-time is judged against <see cref="DueAt"/>.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The hand-over lines of the merges that passed it to another agency or unit, oldest first, one a line.</summary>
    public string? HandoverNotes { get; set; }

    /// <summary>
    /// The date from which the first merge that moved it took effect, with the unit that held it until then
    /// (<see cref="UnitBeforeHandover"/>, null for none): the reports of periods ending before that date count it there.
    /// </summary>
    public DateOnly? HandedOverOn { get; set; }

    public int? UnitBeforeHandover { get; set; }

    public long Version { get; set; }

    /// <summary>Files the sender attached (back office only).</summary>
    public List<FeedbackAttachment> Attachments { get; set; } = [];
}

internal sealed class FeedbackItemConfiguration : IEntityTypeConfiguration<FeedbackItem>
{
    public void Configure(EntityTypeBuilder<FeedbackItem> b)
    {
        b.HasIndex(f => f.Code).IsUnique();
        b.HasIndex(f => new { f.AgencyId, f.Status, f.DueAt });
        b.Property(f => f.Code).HasMaxLength(32);
        b.Property(f => f.Channel).HasMaxLength(16);
        b.Property(f => f.SenderName).HasMaxLength(200);
        b.Property(f => f.SenderAddress).HasMaxLength(500);
        b.Property(f => f.SenderPhone).HasMaxLength(32);
        b.Property(f => f.SenderEmail).HasMaxLength(200);
        b.Property(f => f.Title).HasMaxLength(300);
        b.Property(f => f.SearchText).HasMaxLength(300);
        b.HasIndex(f => f.SearchText).HasDatabaseName("IX_FeedbackItems_Search").HasMethod("gin").HasOperators("gin_trgm_ops");
        b.Property(f => f.Content).HasMaxLength(8000);
        b.Property(f => f.ContentType).HasConversion<string>().HasMaxLength(32);
        b.Property(f => f.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(f => f.RelatedProcedureCode).HasMaxLength(64);
        b.Property(f => f.RelatedRegulation).HasMaxLength(500);
        b.Property(f => f.TransferredTo).HasMaxLength(300);
        b.Property(f => f.TransferredToEmail).HasMaxLength(200);
        b.Property(f => f.TransferReason).HasMaxLength(1000);
        b.Property(f => f.ClassifiedBy).HasMaxLength(256);
        b.Property(f => f.AnswerText).HasMaxLength(8000);
        b.Property(f => f.DraftedBy).HasMaxLength(256);
        b.Property(f => f.ApprovedBy).HasMaxLength(256);
        b.Property(f => f.PublicTitle).HasMaxLength(300);
        b.Property(f => f.PublicContent).HasMaxLength(8000);
        b.Property(f => f.PublicAnswer).HasMaxLength(8000);
        b.Property(f => f.PublicRegulation).HasMaxLength(500);
        b.Property(f => f.RedactionReviewedBy).HasMaxLength(256);
        b.Property(f => f.HandoverNotes).HasMaxLength(FeedbackHandover.MaxNotesLength);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.HasOne<Agency>().WithMany().HasForeignKey(f => f.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agency>().WithMany().HasForeignKey(f => f.ReceivedAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(f => f.AssignedUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(f => f.UnitBeforeHandover).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(f => f.DuplicateOf).WithMany().HasForeignKey(f => f.DuplicateOfId).OnDelete(DeleteBehavior.Restrict);
        DossierModel.UtcTicks(b);
    }
}
