using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Payments;
using MotCua.Web.Data;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Payments;

/// <summary>A payment attempt and its receipt as the panels list them.</summary>
public sealed record PaymentRow(OnlinePayment Payment, PaymentReceipt? Receipt);

/// <summary>What the citizen's payment panel shows.</summary>
public sealed record LookupPaymentModel(string Code, string Factor, long FeeAmount, PaymentStatus Status, bool CanPay, IReadOnlyList<PaymentRow> Rows);

/// <summary>What the officer's payment panel shows.</summary>
public sealed record DossierPaymentsModel(string Code, IReadOnlyList<PaymentRow> Rows, bool MayRefund);

/// <summary>
/// A logged-in citizen's own dossier, opened without the second factor as the look-up opens it (the VNeID login verified
/// the ID number), or null when a factor was given or nobody is logged in.
/// </summary>
internal static class PaymentLookup
{
    public static async Task<Dossier?> OwnAsync(HttpContext http, AppDbContext db, string? code, string? factor, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(factor) && await Citizen.CurrentAsync(http) is { } citizen
            ? await PublicLookup.FindOwnAsync(db, code, citizen.IdNumber, ct, tracked: false)
            : null;
}

internal static class PaymentRows
{
    public static async Task<IReadOnlyList<PaymentRow>> ForDossierAsync(AppDbContext db, long dossierId, CancellationToken ct)
    {
        var payments = await db.OnlinePayments.AsNoTracking().Where(p => p.DossierId == dossierId).OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).ToListAsync(ct);
        var ids = payments.Select(p => p.Id).ToList();
        var receipts = await db.PaymentReceipts.AsNoTracking().Where(r => ids.Contains(r.PaymentId)).ToDictionaryAsync(r => r.PaymentId, ct);
        return payments.Select(p => new PaymentRow(p, receipts.GetValueOrDefault(p.Id))).ToList();
    }

    public static string StatusName(OnlinePaymentStatus s) => PaymentReconciliation.StatusName(s);
}

/// <summary>
/// The citizen's payment panel on the look-up page and after an online submission (after the second factor): the fee,
/// "Thanh toán trực tuyến" while unpaid, the attempts and the receipt. Invoked by name, so Citizens needs no Payments type.
/// </summary>
public sealed class LookupPaymentViewComponent(AppDbContext db, TimeProvider time, PaymentDesk desk) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string code, string? factor)
    {
        var ct = HttpContext.RequestAborted;
        var dossier = await PaymentLookup.OwnAsync(HttpContext, db, code, factor, ct)
            ?? (await PublicLookup.FindAsync(db, time, code, factor, ct, tracked: false)).Value;
        if (dossier is null || dossier.FeeAmount <= 0)
        {
            return Content("");
        }
        var rows = await PaymentRows.ForDossierAsync(db, dossier.Id, ct);
        var canPay = desk.Enabled && dossier.PaymentStatus == PaymentStatus.Unpaid && !rows.Any(r => r.Payment.Status == OnlinePaymentStatus.Paid);
        return View("/Features/Payments/_LookupPayment.cshtml", new LookupPaymentModel(dossier.Code, factor ?? "", dossier.FeeAmount, dossier.PaymentStatus, canPay, rows));
    }
}

/// <summary>The officer's payment panel on the dossier page: attempts, receipts and the refund form.</summary>
public sealed class DossierPaymentsViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long dossierId)
    {
        var ct = HttpContext.RequestAborted;
        var agencyId = HttpContext.User.AgencyId();
        var code = await db.Set<Dossier>().AsNoTracking().Where(d => d.Id == dossierId && d.AgencyId == agencyId).Select(d => d.Code).SingleOrDefaultAsync(ct);
        if (code is null)
        {
            return Content("");
        }
        var rows = await PaymentRows.ForDossierAsync(db, dossierId, ct);
        return rows.Count == 0 ? Content("") : View("/Features/Payments/_DossierPayments.cshtml", new DossierPaymentsModel(code, rows, PaymentDesk.MayRefund(HttpContext.User)));
    }
}
