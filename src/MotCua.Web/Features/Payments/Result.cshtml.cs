using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Payments;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Payments;

/// <summary>
/// Where the gateway sends the citizen back: the return's signature is checked and the message recorded, but the page
/// shows MotCua's own record, and asks the gateway when the payment is still pending, never the address alone.
/// </summary>
[AllowAnonymous]
public sealed class ResultModel(AppDbContext db, PaymentDesk desk, PaymentGatewayClient gateway) : PageModel
{
    public OnlinePayment? Payment { get; private set; }

    public PaymentReceipt? Receipt { get; private set; }

    /// <summary>The return's signature did not hold: the page says so, and shows only what MotCua recorded.</summary>
    public bool Forged { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var message = gateway.Read(Request.Query.Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString())), Request.QueryString.Value ?? "");
        if (message.Reference is null)
        {
            return;
        }
        var (_, payment) = await desk.ApplyAsync(message, "return", fromQuery: false, ct);
        Forged = !message.SignatureValid;
        if (payment is null)
        {
            return;
        }
        db.ChangeTracker.Clear();
        payment = await db.OnlinePayments.AsNoTracking().SingleAsync(p => p.Id == payment.Id, ct);
        if (payment.Status == OnlinePaymentStatus.Pending)
        {
            await desk.RefreshAsync(await db.OnlinePayments.SingleAsync(p => p.Id == payment.Id, ct), ct);
            db.ChangeTracker.Clear();
            payment = await db.OnlinePayments.AsNoTracking().SingleAsync(p => p.Id == payment.Id, ct);
        }
        Payment = payment;
        Receipt = await db.PaymentReceipts.AsNoTracking().SingleOrDefaultAsync(r => r.PaymentId == payment.Id, ct);
    }
}
