using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared.Documents;
using MotCua.Web.Shared.Privacy;

namespace MotCua.Web.Features.Dossiers.Boundary;

/// <summary>
/// The control slip (phiếu kiểm soát quá trình) a receiving centre prints for a dossier it received for another agency:
/// issued by the centre, with the part the centre handled (receipt from the applicant, hand-over of the paper originals),
/// not the deciding agency's internal steps.
/// </summary>
public static class CentreControlSlip
{
    /// <summary>The slip as the centre <paramref name="centreId"/> prints it, or null when it did not receive <paramref name="d"/>.</summary>
    public static async Task<OfficialDocument?> BuildAsync(AppDbContext db, Dossier d, int? centreId, string lookupUrl, ContactDetails contact, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (centreId is null || d.ReceivingAgencyId != centreId || d.AgencyId == centreId)
        {
            return null;
        }
        var centre = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == centreId, ct);
        var deciding = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == d.AgencyId, ct);
        var centreDesk = await db.Units.AsNoTracking()
            .Where(u => u.Id == d.ReceivingUnitId || (d.ReceivingUnitId == null && u.AgencyId == centre.Id && u.Kind == UnitKind.OneStopDesk))
            .Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "Bộ phận Một cửa";
        var decidingDesk = await db.Units.AsNoTracking().Where(u => u.AgencyId == deciding.Id && u.Kind == UnitKind.OneStopDesk)
            .Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "Bộ phận Một cửa";
        var receiptBy = await db.DossierForms.AsNoTracking().Where(f => f.DossierId == d.Id && f.Kind == OfficialFormKind.ReceiptAndAppointment)
            .OrderBy(f => f.Id).Select(f => f.IssuedBy).FirstOrDefaultAsync(ct);
        var receiptName = receiptBy is null ? null
            : await db.Users.AsNoTracking().Where(u => u.UserName == receiptBy).Select(u => u.FullName).FirstOrDefaultAsync(ct) ?? receiptBy;
        var received = d.ReceivedAt ?? d.SubmittedAt;
        var rows = new List<HandOver>
        {
            new("Tổ chức, cá nhân", d.RepresentativeName ?? d.ApplicantName, $"{centreDesk} – {centre.Name}", receiptName, received, null,
                "Tiếp nhận không phụ thuộc địa giới hành chính"),
        };
        var h = await db.PaperHandOvers.AsNoTracking().SingleOrDefaultAsync(x => x.DossierId == d.Id, ct);
        if (h?.SentAt is { } sent)
        {
            var note = "Bàn giao hồ sơ giấy: " + BoundaryReceipt.MethodName(h.SentMethod ?? HandOverMethod.Other)
                + (h.ConfirmedAt is { } confirmed ? "; cơ quan giải quyết xác nhận nhận lúc " + DossierForms.Moment(confirmed) : "; chờ cơ quan giải quyết xác nhận");
            rows.Add(new($"{centreDesk} – {centre.Name}", h.SentByName ?? h.SentBy, $"{decidingDesk} – {deciding.Name}", h.ConfirmedByName ?? h.ConfirmedBy, sent,
                Judge(sent, h.DueAt), note));
        }
        var issuer = DossierDocuments.Issuer(centre, centreDesk);
        return DossierForms.ControlSlip(new ControlSlipInput(d.Code, issuer, new FormApplicant(d.ApplicantName, contact.Address, contact.Phone, contact.Email,
                contact.IdNumber, d.ApplicantKind == ApplicantKind.Organisation ? contact.IdNumber : null, d.RepresentativeName),
            d.ProcedureName, received, d.AppointmentAt ?? received, deciding.Name, d.InterAgencyPartner, rows, time.GetUtcNow(), lookupUrl));
    }

    private static string Judge(DateTimeOffset at, DateTimeOffset due) => DeadlineCalculator.ClassifyResolved(at, due) switch
    {
        ResolutionTimeliness.Early => "Trước hạn",
        ResolutionTimeliness.OnTime => "Đúng hạn",
        ResolutionTimeliness.Late => "Quá hạn",
    };
}
