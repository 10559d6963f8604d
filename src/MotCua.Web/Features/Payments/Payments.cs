using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Core.Payments;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Payments;

/// <summary>What MotCua answers the gateway's IPN, in the gateway's format (RspCode, Message).</summary>
public sealed record IpnAnswer([property: System.Text.Json.Serialization.JsonPropertyName("RspCode")] string RspCode, [property: System.Text.Json.Serialization.JsonPropertyName("Message")] string Message)
{
    public static readonly IpnAnswer Confirmed = new("00", "Confirm Success");
    public static readonly IpnAnswer NotFound = new("01", "Order not found");
    public static readonly IpnAnswer AlreadyConfirmed = new("02", "Order already confirmed");
    public static readonly IpnAnswer InvalidAmount = new("04", "Invalid amount");
    public static readonly IpnAnswer InvalidSignature = new("97", "Invalid signature");
    public static readonly IpnAnswer Unknown = new("99", "Unknown error");
}

/// <summary>The outcome of starting a payment: the gateway address, or the Vietnamese reason it cannot start.</summary>
public sealed record PaymentStart(Uri? GatewayUrl, string? Refusal);

/// <summary>
/// Online payment of a dossier's fees: starting an attempt, applying the gateway's reports (IPN, return, status query)
/// through <see cref="PaymentDecider"/>, settling (the dossier's payment status through <see cref="DossierStore"/> and the
/// receipt, in one save), refunds and the daily reconciliation.
/// </summary>
public sealed class PaymentDesk(AppDbContext db, TimeProvider time, DossierStore store, PaymentGatewayClient gateway,
    IOptions<PaymentGatewayOptions> options, ILogger<PaymentDesk> log)
{
    /// <summary>The name payments are recorded under in the dossier's history and the audit log.</summary>
    public const string GatewayActor = "cong-thanh-toan";

    public bool Enabled => options.Value.Enabled;

    /// <summary>Opens a new attempt for the dossier's fees (a pending one is replaced by the new one) and gives the gateway address.</summary>
    public async Task<PaymentStart> StartAsync(Dossier dossier, Uri returnUrl, string clientIp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        if (!Enabled)
        {
            return new(null, "Cơ quan chưa mở thanh toán trực tuyến; Ông/Bà vui lòng nộp phí, lệ phí tại Bộ phận Một cửa.");
        }
        if (dossier.FeeAmount <= 0)
        {
            return new(null, "Hồ sơ không phải nộp phí, lệ phí.");
        }
        if (dossier.PaymentStatus != PaymentStatus.Unpaid
            || await db.OnlinePayments.AnyAsync(p => p.DossierId == dossier.Id && p.Status == OnlinePaymentStatus.Paid, ct))
        {
            return new(null, "Phí, lệ phí của hồ sơ đã được nộp.");
        }
        var payment = new OnlinePayment
        {
            AgencyId = dossier.AgencyId, DossierId = dossier.Id, DossierCode = dossier.Code, Amount = dossier.FeeAmount,
            Reference = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLower(CultureInfo.InvariantCulture),
            Status = OnlinePaymentStatus.Pending, CreatedAt = time.GetUtcNow(),
        };
        db.OnlinePayments.Add(payment);
        await db.SaveChangesAsync(ct);
        var info = "Nop phi le phi ho so " + dossier.Code;
        return new(gateway.PaymentUrl(payment, info, returnUrl, clientIp), null);
    }

    /// <summary>
    /// Applies one message from the gateway: refused (and only logged) when its signature does not hold or it names no payment
    /// of ours; otherwise stored raw, refused when its amount does not hold, and
    /// otherwise decided by <see cref="PaymentDecider"/>, so a repeated or older message changes nothing.
    /// </summary>
    public async Task<(IpnAnswer Answer, OnlinePayment? Payment)> ApplyAsync(GatewayMessage message, string kind, bool fromQuery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplyOnceAsync(message, kind, fromQuery, ct);
            }
            catch (DbUpdateException) when (attempt < 4)
            {
                // Someone settled or numbered at the same moment (the IPN beside the return page or the sweep): decide again on what they saved.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<(IpnAnswer, OnlinePayment?)> ApplyOnceAsync(GatewayMessage message, string kind, bool fromQuery, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var payment = message.Reference is { } reference ? await db.OnlinePayments.SingleOrDefaultAsync(p => p.Reference == reference, ct) : null;
        var record = new PaymentMessage
        {
            PaymentId = payment?.Id, Reference = message.Reference?.Length > 64 ? message.Reference[..64] : message.Reference, Kind = kind,
            ReceivedAt = now, Raw = message.Raw.Length > 8000 ? message.Raw[..8000] : message.Raw, SignatureValid = message.SignatureValid, Outcome = "",
        };
        // Anyone can call the IPN address: what is not signed by the gateway for a payment of ours is logged, never stored.
        if (!message.SignatureValid)
        {
            log.LogWarning("Payment gateway {Kind} for {Reference} refused: invalid signature", kind, record.Reference);
            return (IpnAnswer.InvalidSignature, payment);
        }
        if (payment is null)
        {
            log.LogWarning("Payment gateway {Kind} for unknown reference {Reference}", kind, record.Reference);
            return (IpnAnswer.NotFound, null);
        }
        db.PaymentMessages.Add(record);
        if (message.Report(fromQuery) is not { } report)
        {
            record.Outcome = "ignored: no status";
            await db.SaveChangesAsync(ct);
            return (IpnAnswer.Unknown, payment);
        }
        var decision = PaymentDecider.Decide(new PaymentFacts(payment.Status, payment.Amount, payment.LastReportAt), report);
        record.Outcome = decision.Verdict.ToString();
        switch (decision.Verdict)
        {
            case PaymentVerdict.AmountMismatch:
                log.LogWarning("Payment gateway {Kind} for {Reference} refused: amount {Amount} instead of {Expected}", kind, payment.Reference, report.Amount, payment.Amount);
                await db.SaveChangesAsync(ct);
                return (IpnAnswer.InvalidAmount, payment);
            case PaymentVerdict.AlreadyDone or PaymentVerdict.Stale:
                await db.SaveChangesAsync(ct);
                return (IpnAnswer.AlreadyConfirmed, payment);
            case PaymentVerdict.StillPending:
                await db.SaveChangesAsync(ct);
                return (IpnAnswer.Confirmed, payment);
            case PaymentVerdict.Close:
                payment.Status = decision.Status;
                payment.LastReportAt = report.At ?? now;
                payment.Version++;
                await db.SaveChangesAsync(ct);
                return (IpnAnswer.Confirmed, payment);
            case PaymentVerdict.Settle:
                payment.Status = decision.Status;
                payment.LastReportAt = report.At ?? now;
                payment.SettledAt = now;
                payment.GatewayTransactionNo = report.TransactionNo;
                payment.Version++;
                await SettleAsync(payment, now, ct);
                return (IpnAnswer.Confirmed, payment);
        }
        throw new InvalidOperationException("Unhandled verdict " + decision.Verdict);
    }

    /// <summary>The dossier's fee becomes paid online and the receipt is issued, in the dossier's one save.</summary>
    private async Task SettleAsync(OnlinePayment payment, DateTimeOffset now, CancellationToken ct)
    {
        var system = GatewayPrincipal(payment.AgencyId);
        var dossier = await store.FindAsync(system, payment.DossierCode, ct)
            ?? throw new InvalidOperationException("The dossier of payment " + payment.Reference + " is gone.");
        dossier.PaymentStatus = PaymentStatus.PaidOnline;
        var receipt = await ReceiptAsync(payment, dossier, now, ct);
        db.PaymentReceipts.Add(receipt);
        await store.SaveChangeAsync(dossier, MotCua.Core.Dossiers.DossierChange.OnlinePayment, system, new DossierAuditEntry("payment.settle",
            "Ghi nhận thanh toán trực tuyến phí, lệ phí hồ sơ " + dossier.Code + ", biên lai số " + receipt.NumberText + ".",
            new { payment.Reference, payment.Amount, payment.GatewayTransactionNo, receipt.Series, receipt.Number }), ct);
    }

    private async Task<PaymentReceipt> ReceiptAsync(OnlinePayment payment, Dossier dossier, DateTimeOffset now, CancellationToken ct)
    {
        var year = now.ToVietnam().Year;
        var agency = await db.Set<Organisation.Agency>().AsNoTracking().Where(a => a.Id == payment.AgencyId)
            .Select(a => new { a.Code, a.Name, a.ParentBody }).SingleAsync(ct);
        var last = await db.PaymentReceipts.Where(r => r.AgencyId == payment.AgencyId && r.Year == year).MaxAsync(r => (int?)r.Number, ct) ?? 0;
        var fees = await db.Set<Catalogue.ProcedureFee>().AsNoTracking().Where(f => f.ProcedureVersionId == dossier.ProcedureVersionId)
            .OrderBy(f => f.Seq).Select(f => new { f.Name, f.Amount }).ToListAsync(ct);
        // The catalogue's lines when they make up the amount charged; one line otherwise (an exemption or reduction recorded at receipt).
        List<ReceiptLine> lines = fees.Count > 0 && (long)fees.Sum(f => f.Amount) == payment.Amount
            ? fees.Where(f => f.Amount > 0).Select(f => new ReceiptLine(f.Name, (long)f.Amount)).ToList()
            : [new ReceiptLine("Phí, lệ phí giải quyết thủ tục hành chính: " + dossier.ProcedureName, payment.Amount)];
        return new PaymentReceipt
        {
            PaymentId = payment.Id, AgencyId = payment.AgencyId, Year = year, Series = ReceiptSeries(agency.Code, year), Number = last + 1,
            IssuedAt = now, PayerName = dossier.ApplicantName, PayerAddress = dossier.ApplicantAddress, DossierCode = dossier.Code,
            ProcedureName = dossier.ProcedureName, LinesJson = JsonSerializer.Serialize(lines, JsonSerializerOptions.Web), Amount = payment.Amount,
            AmountInWords = AmountInWords.Dong(payment.Amount), AgencyName = agency.Name, ParentBody = agency.ParentBody,
        };
    }

    /// <summary>Ký hiệu: the agency's code, the year's last two digits and E for an electronic receipt.</summary>
    public static string ReceiptSeries(string agencyCode, int year) =>
        (agencyCode ?? "").ToUpperInvariant() + "-" + (year % 100).ToString("D2", CultureInfo.InvariantCulture) + "E";

    public static IReadOnlyList<ReceiptLine> Lines(PaymentReceipt receipt) =>
        JsonSerializer.Deserialize<List<ReceiptLine>>(receipt?.LinesJson ?? "[]", JsonSerializerOptions.Web) ?? [];

    private static ClaimsPrincipal GatewayPrincipal(int agencyId) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, GatewayActor),
            new Claim(MotCuaClaims.AgencyId, agencyId.ToString(CultureInfo.InvariantCulture)),
            new Claim(MotCuaClaims.FullName, "Cổng thanh toán trực tuyến"),
            new Claim(ClaimTypes.Role, MotCua.Core.Dossiers.DossierRoles.PaymentGateway),
        ], "gateway"));

    /// <summary>A payment still pending asks the gateway (the citizen came back before the IPN, or closed the page).</summary>
    public async Task<OnlinePayment> RefreshAsync(OnlinePayment payment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.Status != OnlinePaymentStatus.Pending || !Enabled)
        {
            return payment;
        }
        GatewayMessage answer;
        try
        {
            answer = await gateway.QueryAsync(payment, ct);
        }
        catch (HttpRequestException e)
        {
            log.LogWarning(e, "Payment status query for {Reference} failed", payment.Reference);
            return payment;
        }
        var (_, applied) = await ApplyAsync(answer, "querydr", fromQuery: true, ct);
        return applied ?? payment;
    }

    /// <summary>
    /// One pass of the sweep: every payment pending longer than <see cref="PaymentGatewayOptions.PendingMinutes"/> (and
    /// not asked about within that time) is queried and settled as the gateway says. Returns how many were asked.
    /// </summary>
    public async Task<int> SweepOnceAsync(CancellationToken ct)
    {
        if (!Enabled)
        {
            return 0;
        }
        var wait = TimeSpan.FromMinutes(Math.Max(1, options.Value.PendingMinutes));
        var before = time.GetUtcNow() - wait;
        var pending = await db.OnlinePayments.AsNoTracking()
            .Where(p => p.Status == OnlinePaymentStatus.Pending && p.CreatedAt < before && (p.LastQueriedAt == null || p.LastQueriedAt < before))
            .OrderBy(p => p.CreatedAt).Select(p => p.Id).Take(200).ToListAsync(ct);
        foreach (var id in pending)
        {
            db.ChangeTracker.Clear();
            var payment = await db.OnlinePayments.SingleAsync(p => p.Id == id, ct);
            payment.LastQueriedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await RefreshAsync(payment, ct);
        }
        db.ChangeTracker.Clear();
        return pending.Count;
    }

    /// <summary>An officer refunds a paid fee through the gateway with a reason; the dossier's fee is unpaid again.</summary>
    public async Task<string?> RefundAsync(ClaimsPrincipal officer, string reference, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(officer);
        if (!MayRefund(officer))
        {
            return "Chỉ cán bộ một cửa hoặc quản trị viên mới được hoàn tiền.";
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return "Vui lòng nhập lý do hoàn tiền.";
        }
        var agencyId = officer.AgencyId();
        var payment = await db.OnlinePayments.SingleOrDefaultAsync(p => p.Reference == reference && p.AgencyId == agencyId, ct);
        if (payment is null)
        {
            return "Không tìm thấy khoản thanh toán.";
        }
        if (payment.Status != OnlinePaymentStatus.Paid)
        {
            return "Chỉ hoàn tiền được khoản đã thanh toán (khoản này " + PaymentReconciliation.StatusName(payment.Status) + ").";
        }
        GatewayMessage answer;
        try
        {
            answer = await gateway.RefundAsync(payment, officer.Identity?.Name ?? "", ct);
        }
        catch (HttpRequestException)
        {
            return "Không kết nối được cổng thanh toán; vui lòng thử lại sau.";
        }
        var now = time.GetUtcNow();
        var ok = answer.SignatureValid && answer.Parameters.GetValueOrDefault("vnp_ResponseCode") == "00";
        db.PaymentMessages.Add(new PaymentMessage
        {
            PaymentId = payment.Id, Reference = payment.Reference, Kind = "refund", ReceivedAt = now, Raw = answer.Raw,
            SignatureValid = answer.SignatureValid, Outcome = ok ? "refunded" : "refused: " + answer.Parameters.GetValueOrDefault("vnp_ResponseCode"),
        });
        if (!ok)
        {
            await db.SaveChangesAsync(ct);
            return "Cổng thanh toán không chấp nhận hoàn tiền (mã " + (answer.Parameters.GetValueOrDefault("vnp_ResponseCode") ?? "?") + ").";
        }
        payment.Status = OnlinePaymentStatus.Refunded;
        payment.RefundedAt = now;
        payment.RefundReason = TextSearch.Nfc(reason.Trim());
        payment.RefundedBy = officer.Identity?.Name;
        payment.Version++;
        var dossier = await store.FindAsync(officer, payment.DossierCode, ct) ?? throw new InvalidOperationException("The dossier of payment " + reference + " is gone.");
        dossier.PaymentStatus = PaymentStatus.Unpaid;
        await store.SaveChangeAsync(dossier, MotCua.Core.Dossiers.DossierChange.OnlinePayment, officer, new DossierAuditEntry("payment.refund",
            "Hoàn tiền phí, lệ phí đã nộp trực tuyến của hồ sơ " + dossier.Code + ".", new { payment.Reference, payment.Amount, Reason = payment.RefundReason }), ct);
        return null;
    }

    public static bool MayRefund(ClaimsPrincipal user) => user?.IsInRole(Roles.OneStopOfficer) == true || user?.IsInRole(Roles.Admin) == true;

    /// <summary>One day's payments of the agency against the gateway's statement; null when the statement could not be had or verified.</summary>
    public async Task<IReadOnlyList<Mismatch>?> ReconcileAsync(int agencyId, DateOnly day, CancellationToken ct)
    {
        if (!Enabled)
        {
            return null;
        }
        IReadOnlyList<StatementLine>? statement;
        try
        {
            statement = await gateway.StatementAsync(day, ct);
        }
        catch (HttpRequestException e)
        {
            log.LogWarning(e, "Payment statement of {Day} could not be fetched", day);
            return null;
        }
        if (statement is null)
        {
            return null;
        }
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), VietnamTime.Offset).ToUniversalTime();
        var to = from.AddDays(1);
        var ours = await db.OnlinePayments.AsNoTracking().Where(p => p.AgencyId == agencyId && p.CreatedAt >= from && p.CreatedAt < to)
            .OrderBy(p => p.CreatedAt).Select(p => new RecordedPayment(p.Reference, p.DossierCode, p.Amount, p.Status)).ToListAsync(ct);
        // One merchant account may serve several agencies: another agency's payments are not this one's unknowns.
        var refs = statement.Select(l => l.Reference).ToList();
        var others = await db.OnlinePayments.AsNoTracking().Where(p => p.AgencyId != agencyId && refs.Contains(p.Reference)).Select(p => p.Reference).ToListAsync(ct);
        return PaymentReconciliation.Compare(ours, statement.Where(l => !others.Contains(l.Reference)).ToList());
    }
}
