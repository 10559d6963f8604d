using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Core.Dossiers;
using MotCua.Core.Evaluation;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Shared;

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

    /// <summary>The stored answer values in question order, comma-separated ("5,4,0,..."): under version 0 the points per indicator.</summary>
    public required string Answers { get; set; }

    /// <summary>Points of the ballot (each answer 2, 1 or 0), out of its questionnaire's maximum.</summary>
    public int Total { get; set; }

    public string? Comment { get; set; }

    public IReadOnlyList<int> Scores => Answers.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();

    /// <summary>The questionnaire answered (<see cref="CitizenQuestionnaires"/>); 0, the nine indicators, for ballots stored before versions.</summary>
    public int QuestionnaireVersion { get; set; }
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
    /// <summary>The questionnaire offered today (Vietnam date).</summary>
    public static CitizenQuestionnaire Current(TimeProvider time) => CitizenQuestionnaires.For(time.Today());

    /// <summary>
    /// Stores the ballot, answered under <paramref name="questionnaire"/> (values in its question order; the caller reads
    /// <see cref="Current"/> once), in one SaveChanges with its audit entry; a second ballot for the dossier is refused.
    /// </summary>
    public static async Task<(EvaluationOutcome Outcome, IReadOnlyList<string> Errors)> SaveAsync(
        AppDbContext db, TimeProvider time, CitizenQuestionnaire questionnaire, Dossier dossier, IReadOnlyList<int?>? answers, string? comment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        var errors = questionnaire.Validate(answers).ToList();
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
        var values = answers!.Select(a => a!.Value).ToList();
        var evaluation = new DossierEvaluation
        {
            AgencyId = dossier.AgencyId,
            DossierId = dossier.Id,
            DossierCode = dossier.Code,
            ProcedureCode = dossier.ProcedureCode,
            UnitId = unitId,
            EvaluatedAt = time.GetUtcNow(),
            Answers = string.Join(',', values.Select(a => a.ToString(CultureInfo.InvariantCulture))),
            Total = questionnaire.Points(values),
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim().Normalize(System.Text.NormalizationForm.FormC),
            QuestionnaireVersion = questionnaire.Version,
        };
        db.Add(evaluation);
        AuditLog.Append(db, time, null, "dossier.evaluate", "Dossier", dossier.Code,
            $"Người nộp đánh giá mức độ hài lòng hồ sơ {dossier.Code}: {evaluation.Total}/{questionnaire.MaxPoints} điểm.",
            new { evaluation.Answers, evaluation.Total, evaluation.QuestionnaireVersion });
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
