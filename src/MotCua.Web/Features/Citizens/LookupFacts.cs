using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Boundary;
using MotCua.Web.Features.Dossiers.Supplement;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared.Caching;

namespace MotCua.Web.Features.Citizens;

/// <summary>
/// What the look-up's answer, forecast and readers need about one dossier beyond its own row (its steps and step assignments, whether it
/// was rated, the agencies' names and office hours, the procedure's online level, the supplement's due date, the
/// result's hand-back), read in ONE statement so that a page showing all three does not read the same rows once per
/// section (docs/performance.md, "A page built for everyone is built once").
/// </summary>
public sealed record LookupFacts(IReadOnlyList<LookupFacts.Step> Events, bool Evaluated, string? AgencyName, string? ReceivingAgencyName,
    OfficeHours Hours, OnlineServiceLevel Level, DateTimeOffset? SupplementDue, CollectPlace? CollectPlace, IReadOnlyList<LookupFacts.Assignment> Assignments)
{
    public sealed record Assignment(int StepIndex, int? UnitId, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, DateTimeOffset PlannedDueAt);

    public sealed record Step(long Id, DateTimeOffset At, DossierAction? Action, string? ActorUserName, DossierStatus? FromStatus, DossierStatus ToStatus);

    private sealed record Row(List<Step> Events, bool Evaluated, string? AgencyName, string? ReceivingAgencyName, TimeOnly? MorningStart,
        TimeOnly? MorningEnd, TimeOnly? AfternoonStart, TimeOnly? AfternoonEnd, OnlineServiceLevel? Level, DateTimeOffset? SupplementDue,
        string? CentreName, string? CentreAddress, bool HandBackArrived, List<Assignment> Assignments);

    public static async Task<LookupFacts> ReadAsync(AppDbContext db, Dossier d, CancellationToken ct)
    {
        Row? row = null;
        await foreach (var r in Query.For(db)(db, d.Id).WithCancellation(ct))
        {
            row = r;
        }
        if (row is null)
        {
            return new LookupFacts([], false, null, null, OfficeHours.Default, OnlineServiceLevel.None, null, null, []);
        }
        var hours = row is { MorningStart: { } ms, MorningEnd: { } me, AfternoonStart: { } a, AfternoonEnd: { } ae } ? new OfficeHours(ms, me, a, ae) : OfficeHours.Default;
        var place = ResultHandBack.ReturnsAtCentre(d.ReturnAtCentreId, d.ReturnChoice) && row.CentreName is { } centre
            ? new CollectPlace(centre, row.CentreAddress, row.HandBackArrived) : null;
        return new LookupFacts(row.Events, row.Evaluated, row.AgencyName, d.ReceivingAgencyId != d.AgencyId ? row.ReceivingAgencyName : null, hours,
            row.Level ?? OnlineServiceLevel.None, row.SupplementDue, place, row.Assignments);
    }

    /// <summary>
    /// Compiled once (a query built per call is walked again on every look-up). Each fact is a scalar subquery on a key,
    /// which both databases answer from an index; sets are named by db.Set&lt;T&gt;() as an expression tree needs.
    /// </summary>
    private static readonly CompiledPerModel<Func<AppDbContext, long, IAsyncEnumerable<Row>>> Query = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, long id) => db.Set<Dossier>().AsNoTracking()
            .Where(d => d.Id == id)
            .Select(d => new Row(
                d.Events.OrderBy(e => e.Id).Select(e => new Step(e.Id, e.At, e.Action, e.ActorUserName, e.FromStatus, e.ToStatus)).ToList(),
                db.Set<DossierEvaluation>().Any(e => e.DossierId == d.Id),
                db.Set<Agency>().Where(a => a.Id == d.AgencyId).Select(a => a.Name).FirstOrDefault(),
                db.Set<Agency>().Where(a => a.Id == d.ReceivingAgencyId).Select(a => a.Name).FirstOrDefault(),
                db.Set<Agency>().Where(a => a.Id == d.AgencyId).Select(a => (TimeOnly?)a.MorningStart).FirstOrDefault(),
                db.Set<Agency>().Where(a => a.Id == d.AgencyId).Select(a => (TimeOnly?)a.MorningEnd).FirstOrDefault(),
                db.Set<Agency>().Where(a => a.Id == d.AgencyId).Select(a => (TimeOnly?)a.AfternoonStart).FirstOrDefault(),
                db.Set<Agency>().Where(a => a.Id == d.AgencyId).Select(a => (TimeOnly?)a.AfternoonEnd).FirstOrDefault(),
                db.Set<ProcedureVersion>().Where(v => v.Id == d.ProcedureVersionId).Select(v => (OnlineServiceLevel?)v.OnlineLevel).FirstOrDefault(),
                db.Set<DossierSupplementRequest>().Where(r => r.DossierId == d.Id).OrderByDescending(r => r.Id).Select(r => r.ApplicantDueAt).FirstOrDefault(),
                db.Set<Agency>().Where(a => a.Id == d.ReturnAtCentreId).Select(a => a.Name).FirstOrDefault(),
                db.Set<Agency>().Where(a => a.Id == d.ReturnAtCentreId).Select(a => a.Address).FirstOrDefault(),
                db.Set<ResultHandBackRecord>().Any(h => h.DossierId == d.Id && h.ReceivedAt != null),
                db.Set<DossierStepAssignment>().Where(s => s.DossierId == d.Id).OrderBy(s => s.Id)
                    .Select(s => new Assignment(s.StepIndex, s.UnitId, s.StartedAt, s.FinishedAt, s.PlannedDueAt)).ToList()))));
}

/// <summary>The look-up page's three sections for a dossier opened with its second factor: the answer, the forecast and who read it.</summary>
public sealed record LookupAnswer(PublicLookup.LookupDto Result, LookupForecasts.ForecastDto Forecast, LookupReaders.ReadersDto Readers)
{
    /// <summary>All three from the facts read once: the common case, a dossier nobody has read yet, costs three statements.</summary>
    public static async Task<LookupAnswer> ReadAsync(AppDbContext db, CalendarProvider calendars, ReferenceCache cache, TimeProvider time, Dossier d,
        int readersPage, CancellationToken ct)
    {
        var facts = await LookupFacts.ReadAsync(db, d, ct);
        return new LookupAnswer(PublicLookup.ToDto(d, facts), await LookupForecasts.ForAsync(db, calendars, cache, time, d, facts, ct),
            await LookupReaders.PageAsync(db, d, readersPage, facts.Events, ct));
    }
}
