using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Core.Dossiers;
using MotCua.Core.Evaluation;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Citizens;

/// <summary>
/// One applicant's ballot for one returned dossier (đánh giá mức độ hài lòng). At most one per dossier (unique index);
/// kept with the agency, the processing unit and the procedure so reports and the 766 index can aggregate it.
/// Instants as UTC ticks, like the dossiers (see Dossier.cs).
/// </summary>
public sealed class DossierEvaluation
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    public long DossierId { get; set; }

    public required string DossierCode { get; set; }

    public required string ProcedureCode { get; set; }

    /// <summary>The unit that handled the dossier last (the unit being rated); null when it never left the desk.</summary>
    public int? UnitId { get; set; }

    public DateTimeOffset EvaluatedAt { get; set; }

    /// <summary>Points per indicator in order, comma-separated ("2,2,1,..."), as <see cref="SatisfactionEvaluation.Indicators"/>.</summary>
    public required string Answers { get; set; }

    public int Total { get; set; }

    public string? Comment { get; set; }

    public IReadOnlyList<int> Scores => Answers.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
}

internal sealed class DossierEvaluationConfiguration : IEntityTypeConfiguration<DossierEvaluation>
{
    public void Configure(EntityTypeBuilder<DossierEvaluation> b)
    {
        b.HasIndex(e => e.DossierId).IsUnique();
        b.HasIndex(e => new { e.AgencyId, e.EvaluatedAt });
        b.Property(e => e.DossierCode).HasMaxLength(64);
        b.Property(e => e.ProcedureCode).HasMaxLength(64);
        b.Property(e => e.Answers).HasMaxLength(64);
        b.Property(e => e.Comment).HasMaxLength(2000);
        b.Ignore(e => e.Scores);
        b.HasOne<Dossier>().WithMany().HasForeignKey(e => e.DossierId).OnDelete(DeleteBehavior.Cascade);
        DossierModel.UtcTicks(b);
    }
}

public enum EvaluationOutcome
{
    Saved,
    Invalid,
    NotReturned,
    AlreadyEvaluated,
}

public static class CitizenEvaluations
{
    /// <summary>Stores the ballot in one SaveChanges with its audit entry; a second ballot for the dossier is refused.</summary>
    public static async Task<(EvaluationOutcome Outcome, IReadOnlyList<string> Errors)> SaveAsync(
        AppDbContext db, TimeProvider time, Dossier dossier, IReadOnlyList<int>? answers, string? comment, CancellationToken ct)
    {
        var errors = SatisfactionEvaluation.Validate(answers).ToList();
        if (comment is { Length: > 2000 })
        {
            errors.Add("Ý kiến khác dài tối đa 2.000 ký tự.");
        }
        if (errors.Count > 0)
        {
            return (EvaluationOutcome.Invalid, errors);
        }
        if (dossier.Status != DossierStatus.Returned)
        {
            return (EvaluationOutcome.NotReturned, ["Chỉ đánh giá được hồ sơ đã trả kết quả."]);
        }
        if (await db.Set<DossierEvaluation>().AnyAsync(e => e.DossierId == dossier.Id, ct))
        {
            return (EvaluationOutcome.AlreadyEvaluated, ["Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ được đánh giá một lần."]);
        }
        var unitId = await db.DossierEvents.Where(e => e.DossierId == dossier.Id && e.ToUnitId != null)
            .OrderByDescending(e => e.Id).Select(e => e.ToUnitId).FirstOrDefaultAsync(ct);
        var evaluation = new DossierEvaluation
        {
            AgencyId = dossier.AgencyId,
            DossierId = dossier.Id,
            DossierCode = dossier.Code,
            ProcedureCode = dossier.ProcedureCode,
            UnitId = unitId,
            EvaluatedAt = time.GetUtcNow(),
            Answers = string.Join(',', answers!.Select(a => a.ToString(CultureInfo.InvariantCulture))),
            Total = SatisfactionEvaluation.Total(answers!),
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim().Normalize(System.Text.NormalizationForm.FormC),
        };
        db.Add(evaluation);
        AuditLog.Append(db, time, null, "dossier.evaluate", "Dossier", dossier.Code,
            $"Người nộp đánh giá mức độ hài lòng hồ sơ {dossier.Code}: {evaluation.Total}/{SatisfactionEvaluation.MaxTotal} điểm.",
            new { evaluation.Answers, evaluation.Total });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two ballots raced past the check: the unique index keeps one.
            return (EvaluationOutcome.AlreadyEvaluated, ["Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ được đánh giá một lần."]);
        }
        return (EvaluationOutcome.Saved, []);
    }
}
