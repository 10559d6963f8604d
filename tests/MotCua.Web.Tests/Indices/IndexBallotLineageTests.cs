using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Indices;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Indices;

/// <summary>
/// The 766 index reads citizens' ballots as it reads dossiers: those of an agency merged into the reporting agency, and
/// of a unit merged into the reporting unit, count under the successor for periods ending on or after the merge.
/// </summary>
public sealed class IndexBallotLineageTests
{
    [Fact]
    public async Task Ballots_of_a_merged_agency_and_a_merged_unit_count_under_their_successors()
    {
        await using var app = new MotCuaApp();
        var period = ReportPeriod.Month(2025, 8);
        var evaluatedAt = new DateTimeOffset(2025, 8, 12, 3, 0, 0, TimeSpan.Zero);
        int agencyId, predecessorId, mergedUnit, intoUnit;
        long agencyBallot, unitBallot;
        await using (var db = app.CreateDbContext())
        {
            predecessorId = await db.Agencies.Where(a => a.SucceededById != null && a.SucceededFrom <= period.End).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            agencyId = await db.Agencies.Where(a => a.Id == predecessorId).Select(a => a.SucceededById!.Value).SingleAsync();
            var units = await db.Units.Where(u => u.AgencyId == agencyId && u.SucceededById == null).OrderBy(u => u.Id).Select(u => u.Id).Take(2).ToListAsync();
            (mergedUnit, intoUnit) = (units[0], units[1]);
            var mergedOn = new DateOnly(2025, 8, 1);
            await db.Units.Where(u => u.Id == mergedUnit).ExecuteUpdateAsync(s => s.SetProperty(u => u.SucceededById, intoUnit).SetProperty(u => u.SucceededFrom, mergedOn));
            var dossiers = await db.Dossiers.OrderBy(d => d.Id).Select(d => new { d.Id, d.Code, d.ProcedureCode }).Take(2).ToListAsync();
            DossierEvaluation Ballot(int agency, int? unit, int index) => new()
            {
                AgencyId = agency, UnitId = unit, DossierId = dossiers[index].Id, DossierCode = dossiers[index].Code, ProcedureCode = dossiers[index].ProcedureCode,
                EvaluatedAt = evaluatedAt, Answers = "2,2,2,2,2,2,2,2,2", Total = 18, QuestionnaireVersion = 0,
            };
            var ofPredecessor = Ballot(predecessorId, null, 0);
            var ofMergedUnit = Ballot(agencyId, mergedUnit, 1);
            db.DossierEvaluations.AddRange(ofPredecessor, ofMergedUnit);
            await db.SaveChangesAsync();
            (agencyBallot, unitBallot) = (dossiers[0].Id, dossiers[1].Id);
        }

        await using var ctx = app.CreateDbContext();
        var reporting = ReportingDb.ForPrimary(ctx);
        var ballots = await IndexQueries.BallotsAsync(reporting, agencyId, period, null, default);
        Assert.Equal([agencyBallot.ToString(CultureInfo.InvariantCulture), unitBallot.ToString(CultureInfo.InvariantCulture)], ballots.Select(b => b.DossierId).Order(StringComparer.Ordinal));
        Assert.Equal(intoUnit.ToString(CultureInfo.InvariantCulture), ballots.Single(b => b.DossierId == unitBallot.ToString(CultureInfo.InvariantCulture)).UnitKey);

        var ofUnit = await IndexQueries.BallotsAsync(reporting, agencyId, period, intoUnit, default);
        Assert.Equal([unitBallot.ToString(CultureInfo.InvariantCulture)], ofUnit.Select(b => b.DossierId));

        // Before the merge, the merged unit's ballot is its own.
        var before = ReportPeriod.Month(2025, 7);
        await using (var db = app.CreateDbContext())
        {
            var july = evaluatedAt.AddMonths(-1);
            await db.DossierEvaluations.Where(b => b.DossierId == unitBallot).ExecuteUpdateAsync(s => s.SetProperty(b => b.EvaluatedAt, july));
        }
        Assert.Empty(await IndexQueries.BallotsAsync(reporting, agencyId, before, intoUnit, default));
        Assert.Equal(mergedUnit.ToString(CultureInfo.InvariantCulture), (await IndexQueries.BallotsAsync(reporting, agencyId, before, null, default)).Single(b => b.DossierId == unitBallot.ToString(CultureInfo.InvariantCulture)).UnitKey);
    }
}
