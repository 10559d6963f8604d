using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reports;

namespace MotCua.Web.Features.Reconciliation;

/// <summary>The latest explanation recorded for one dossier and reason in a period.</summary>
public sealed record LedgerNoteView(string DossierCode, string Reason, string Text, string WrittenBy, DateTimeOffset WrittenAt);

/// <summary>
/// The reconciliation ledger of one agency (optionally one unit) and period: every dossier Biểu 06 counts, plus those
/// the national portal's calendar period or another agency counts, each reconciled by Core <see cref="DossierLedger"/>.
/// </summary>
public sealed record LedgerView(ReportPeriod Period, ReportPeriod? CalendarPeriod, IReadOnlyList<LedgerLine> Lines, LedgerTotals Totals, int RefusedAtDesk,
    IReadOnlyDictionary<string, LedgerNoteView> Notes)
{
    /// <summary>The differing lines, optionally of one reason only, in receipt order.</summary>
    public IEnumerable<LedgerLine> Differing(LedgerReason? reason) =>
        Lines.Where(l => !l.InAgreement && (reason is null || l.Differences.Any(d => d.Reason == reason)));

    /// <summary>How many lines differ for each reason (a line with two reasons counts under both).</summary>
    public IReadOnlyDictionary<LedgerReason, int> ByReason =>
        Lines.SelectMany(l => l.Differences.Select(d => d.Reason).Distinct()).GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The note explaining <paramref name="line"/>'s first difference that has one.</summary>
    public LedgerNoteView? NoteFor(LedgerLine line) => NoteOf(Notes, line);

    internal static LedgerNoteView? NoteOf(IReadOnlyDictionary<string, LedgerNoteView> notes, LedgerLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Differences.Select(d => notes.GetValueOrDefault(NoteKey(line.Input.Fact.Code, DossierLedger.ReasonCode(d.Reason))))
            .FirstOrDefault(n => n is not null);
    }

    internal static string NoteKey(string code, string reason) => code + "|" + reason;
}

/// <summary>
/// Loads the whole ledger set-based and reconciles every line in Core: the period's report facts (<see cref="DossierFacts"/>,
/// a fixed number of statements over the report projection's index ranges), the dossiers' statuses and their portal
/// messages in one statement each, the dossiers received for other agencies and the period's notes. Nothing is queried
/// per dossier, but everything is read: the Excel export and the API's every-line listing use it, and it is the
/// reference <see cref="LedgerSql"/> (the page's path) is tested against.
/// </summary>
public static class Ledger
{
    public static async Task<LedgerView> LoadAsync(ReportingDb reporting, int agencyId, ReportPeriod period, int? unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reporting);
        ArgumentNullException.ThrowIfNull(period);
        var (lines, refusedAtDesk) = await LinesAsync(reporting, agencyId, period, unitId, null, ct);
        return new LedgerView(period, DossierLedger.CalendarCounterpart(period), lines, LedgerTotals.Of(lines), refusedAtDesk,
            await NotesAsync(reporting.Context, agencyId, period, ct));
    }

    /// <summary>
    /// The period's lines in receipt order (then by id), each reconciled by Core; with <paramref name="only"/>, just those
    /// dossiers' lines (a page the database picked). Also the desk refusals of the period among the dossiers read.
    /// </summary>
    internal static async Task<(List<LedgerLine> Lines, int RefusedAtDesk)> LinesAsync(ReportingDb reporting, int agencyId, ReportPeriod period, int? unitId,
        IReadOnlyCollection<long>? only, CancellationToken ct)
    {
        var db = reporting.Context;
        var range = DossierLedger.LoadingRange(period);
        var facts = only is { Count: 0 } ? [] : await DossierFacts.LoadAsync(reporting, agencyId, range, unitId, only, ct);
        var ids = facts.Select(f => long.Parse(f.Id, CultureInfo.InvariantCulture)).ToList();
        var statuses = await db.Dossiers.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Status })
            .ToDictionaryAsync(d => d.Id, d => d.Status, ct);

        // Received here for other agencies (only for the agency as a whole: the dossiers belong to no unit of it).
        var others = db.Dossiers.AsNoTracking()
            .Where(d => d.ReceivingAgencyId == agencyId && d.AgencyId != agencyId && d.ReceivedAt >= period.StartInstant && d.ReceivedAt < period.CutoffInstant);
        if (only is not null)
        {
            others = others.Where(d => only.Contains(d.Id));
        }
        var forOthers = unitId is not null || only is { Count: 0 } ? [] : await others
            .Select(d => new { d.Id, d.Code, d.AgencyId, d.Status, d.Channel, d.ReceivedAt, d.ProcedureName })
            .ToListAsync(ct);
        var otherIds = forOthers.Select(d => d.AgencyId).Distinct().ToList();
        var otherNames = await db.Agencies.AsNoTracking().Where(a => otherIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);

        var codes = facts.Select(f => f.Code).Concat(forOthers.Select(d => d.Code)).ToList();
        var agencies = facts.Select(f => int.Parse(f.AgencyKey, CultureInfo.InvariantCulture)).Concat(forOthers.Select(d => d.AgencyId)).Distinct().ToList();
        var portal = await PortalAsync(db, agencies, codes, ct);
        // The facts were loaded over the wider range; "synced" is judged at the period's own cut-off, as the index judges it.
        var inputs = facts.Where(f => f.DeskRefusedAt is null)
            .Select(f => (Fact: f, Portal: portal.GetValueOrDefault(f.Code, PortalRecord.None)))
            .Select(x => new LedgerInput(x.Fact with { SyncedToNationalPortal = x.Portal.FirstAcknowledgedAt is { } first && first < period.CutoffInstant },
                statuses.GetValueOrDefault(long.Parse(x.Fact.Id, CultureInfo.InvariantCulture), DossierStatus.Received), x.Portal))
            .Concat(forOthers.Select(d => new LedgerInput(
                new DossierFact(d.Id.ToString(CultureInfo.InvariantCulture), d.Code, DossierFacts.AgencyKey(d.AgencyId), otherNames.GetValueOrDefault(d.AgencyId, ""),
                    DossierProjection.NoUnitKey, DossierProjection.NoUnitName, "", "", "", d.ProcedureName, d.Channel, d.ReceivedAt!.Value, null),
                d.Status, portal.GetValueOrDefault(d.Code, PortalRecord.None), otherNames.GetValueOrDefault(d.AgencyId, "cơ quan khác"))));
        var lines = inputs.Where(i => DossierLedger.Belongs(i, period))
            .Select(i => DossierLedger.Reconcile(i, period))
            .OrderBy(l => l.Input.Fact.ReceivedAt)
            .ThenBy(l => long.Parse(l.Input.Fact.Id, CultureInfo.InvariantCulture))
            .ToList();
        return (lines, facts.Count(f => f.DeskRefusedAt is { } at && period.Contains(at)));
    }

    /// <summary>The latest explanation per dossier and reason recorded for the period.</summary>
    internal static async Task<IReadOnlyDictionary<string, LedgerNoteView>> NotesAsync(AppDbContext db, int agencyId, ReportPeriod period, CancellationToken ct)
    {
        var key = period.Key;
        return (await db.Set<ReconciliationNote>().AsNoTracking().Where(n => n.AgencyId == agencyId && n.PeriodKey == key)
                .OrderBy(n => n.Id).ToListAsync(ct))
            .GroupBy(n => LedgerView.NoteKey(n.DossierCode, n.Reason), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last() is var n ? new LedgerNoteView(n.DossierCode, n.Reason, n.Text, n.WrittenBy, n.WrittenAt) : null!, StringComparer.Ordinal);
    }

    /// <summary>
    /// What the outbox holds for each dossier code: one statement over the portal messages of those codes, which the
    /// outbox writes under their dossier's agency (the agency narrows the read to the messages' agency-and-code index).
    /// </summary>
    internal static async Task<Dictionary<string, PortalRecord>> PortalAsync(AppDbContext db, IReadOnlyList<int> agencyIds, IReadOnlyList<string> codes, CancellationToken ct)
    {
        if (codes.Count == 0)
        {
            return new Dictionary<string, PortalRecord>(StringComparer.Ordinal);
        }
        var messages = await db.OutboxMessages.AsNoTracking()
            .Where(m => agencyIds.Contains(m.AgencyId) && m.Channel == OutboxChannel.NationalPortal && m.DossierCode != null && codes.Contains(m.DossierCode))
            // The status code from its column; the body only of acknowledged messages written before the column.
            .Select(m => new
            {
                Code = m.DossierCode!, m.Status, m.Attempts, m.LastError, m.CreatedAt, m.AcknowledgedAt, m.NationalStatusCode,
                Body = m.AcknowledgedAt != null && m.NationalStatusCode == null ? m.Body : null,
            })
            .ToListAsync(ct);
        return messages.GroupBy(m => m.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g =>
        {
            var acked = g.Where(m => m.AcknowledgedAt is not null).OrderBy(m => m.AcknowledgedAt).ThenBy(m => m.CreatedAt).ToList();
            var open = g.Where(m => m.AcknowledgedAt is null).OrderBy(m => m.CreatedAt).LastOrDefault();
            return new PortalRecord(
                g.Count(),
                acked.Count == 0 ? null : acked[^1].NationalStatusCode ?? StatusCode(acked[^1].Body),
                acked.Count == 0 ? null : acked[^1].AcknowledgedAt,
                acked.Count == 0 ? null : acked[0].AcknowledgedAt,
                g.Count(m => m.Status is OutboxStatus.Pending or OutboxStatus.Paused),
                g.Count(m => m.Status == OutboxStatus.Dead),
                open?.Attempts ?? 0,
                open?.LastError);
        }, StringComparer.Ordinal);
    }

    /// <summary>The status code (TrangThaiHoSo) a sync message carried; 0 when the body does not say.</summary>
    internal static int StatusCode(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return 0;
        }
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array && data.GetArrayLength() > 0
                && data[0].TryGetProperty("TrangThaiHoSo", out var code)
                && int.TryParse(code.ValueKind == JsonValueKind.String ? code.GetString() : code.GetRawText(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                ? n
                : 0;
        }
        catch (JsonException)
        {
            return 0;
        }
    }
}
