using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Organisation.Merging;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Documents;
using MotCua.Web.Shared.Privacy;

namespace MotCua.Web.Features.Dossiers.Pages;

/// <summary>Sổ theo dõi hồ sơ: the register of dossiers received in a period, filterable, printable, as PDF and Excel.</summary>
[Authorize(Roles = Roles.OneStopOfficer + "," + Roles.Admin + "," + Roles.Leader + "," + Roles.ControlFocalOfficer)]
public sealed class RegisterModel(AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public DossierStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<TrackingBookRow> Rows { get; private set; } = [];

    public OfficialDocument? Document { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Page();
        }
        Document = TrackingBook.Document(await IssuerAsync(ct), Start, End.AddTicks(-1), time.GetUtcNow(), Rows);
        await RecordReadAsync("register", ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Page();
        }
        await RecordReadAsync("register-excel", ct);
        return File(TrackingBook.Excel(Rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"so-theo-doi-ho-so-{From:yyyyMMdd}-{To:yyyyMMdd}.xlsx");
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Page();
        }
        var doc = TrackingBook.Document(await IssuerAsync(ct), Start, End.AddTicks(-1), time.GetUtcNow(), Rows);
        await RecordReadAsync("register-pdf", ct);
        return File(PdfRenderer.Render(doc), "application/pdf", $"so-theo-doi-ho-so-{From:yyyyMMdd}-{To:yyyyMMdd}.pdf");
    }

    /// <summary>Personal-data law: every view or export of the register is logged with the dossiers it listed and those shown in full.</summary>
    private async Task RecordReadAsync(string view, CancellationToken ct)
    {
        if (Rows.Count == 0)
        {
            return;
        }
        PersonalDataReads.RecordList(db, time, User, "DossierRegister", view, Rows.Select(r => r.DossierCode).ToList(), fullCodes);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The dossiers whose applicant's phone and street address this officer sees in full (<see cref="PersonalData.SeesFull"/>, per row).</summary>
    private List<string> fullCodes = [];

    /// <summary>True when some row's phone and street address are masked.</summary>
    public bool Masked => fullCodes.Count < Rows.Count;

    private DateTimeOffset Start => new(From!.Value.ToDateTime(TimeOnly.MinValue), VietnamTime.Offset);

    private DateTimeOffset End => new(To!.Value.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamTime.Offset);

    private async Task<FormIssuer> IssuerAsync(CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == User.AgencyId(), ct);
        var desk = await db.Units.AsNoTracking().Where(u => u.AgencyId == agency.Id && u.Kind == UnitKind.OneStopDesk).Select(u => u.Name).FirstOrDefaultAsync(ct);
        return DossierDocuments.Issuer(agency, desk ?? "Bộ phận Một cửa");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (new[] { nameof(From), nameof(To) }.Select(k => ModelState[k]?.Errors.FirstOrDefault()).FirstOrDefault(e => e is not null) is { } typed)
        {
            Error = typed.ErrorMessage;
            return false;
        }
        var today = time.Today();
        From ??= new DateOnly(today.Year, today.Month, 1);
        To ??= today;
        if (To < From || To.Value.DayNumber - From.Value.DayNumber > 366)
        {
            Error = "Khoảng thời gian không hợp lệ: ngày kết thúc phải sau ngày bắt đầu và không quá 1 năm.";
            return false;
        }
        var agencyId = User.AgencyId();
        var start = Start;
        var end = End;
        // A merged-away predecessor's dossiers stay in the book under their old codes and that agency's name.
        var agencyIds = await AgencyLineage.AgencyIdsInViewAsync(db, agencyId, ct);
        var query = agencyIds.Count == 1
            ? db.Dossiers.AsNoTracking().Where(d => d.AgencyId == agencyId && d.ReceivedAt != null && d.ReceivedAt >= start && d.ReceivedAt < end)
            : db.Dossiers.AsNoTracking().Where(d => agencyIds.Contains(d.AgencyId) && d.ReceivedAt != null && d.ReceivedAt >= start && d.ReceivedAt < end);
        if (Status is { } status)
        {
            query = query.Where(d => d.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(d => d.Code.Contains(q) || d.ApplicantName.Contains(q) || d.ProcedureName.Contains(q));
        }
        var dossiers = await query.OrderBy(d => d.ReceivedAt).ThenBy(d => d.Id).Take(5000)
            .Select(d => new { d.Id, d.AgencyId, d.Code, d.ProcedureName, d.ApplicantName, d.ApplicantAddress, d.ApplicantPhone, d.ReceivedAt, d.AppointmentAt, d.CompletedAt, d.ReturnedAt, d.Status, d.CurrentUnitId, d.Assignee })
            .ToListAsync(ct);
        var ids = dossiers.Select(d => d.Id).ToList();
        // The first hand-over to a unit is the "transfer" date of the register.
        var transfers = await db.DossierEvents.AsNoTracking().Where(e => ids.Contains(e.DossierId) && e.ToUnitId != null && e.Action == DossierAction.Transfer)
            .GroupBy(e => e.DossierId).Select(g => new { DossierId = g.Key, At = g.Min(e => e.At) }).ToListAsync(ct);
        var transferAt = transfers.ToDictionary(t => t.DossierId, t => t.At);
        var agencyNames = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var full = dossiers.Where(d => PersonalData.SeesFull(User, new RecordHolder(d.Assignee, d.CurrentUnitId))).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        fullCodes = [.. full];
        Rows = dossiers.Select((d, i) => new TrackingBookRow(i + 1, d.Code, d.ProcedureName, 1, d.ApplicantName,
            full.Contains(d.Code) ? d.ApplicantAddress : PersonalData.Mask(d.ApplicantAddress, MaskKind.Address),
            full.Contains(d.Code) ? d.ApplicantPhone : PersonalData.Mask(d.ApplicantPhone, MaskKind.Digits),
            agencyNames[d.AgencyId], d.ReceivedAt!.Value, d.AppointmentAt, transferAt.TryGetValue(d.Id, out var t) ? t : null, d.CompletedAt, d.ReturnedAt,
            DossierText.Name(d.Status))).ToList();
        return true;
    }
}
