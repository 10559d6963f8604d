using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Core.Payments;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Payments;

public static class PaymentsModule
{
    /// <summary>Online payment through the gateway set in MotCua:Payments:Gateway (off while its address is unset).</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PaymentGatewayOptions>(configuration.GetSection(PaymentGatewayOptions.Section));
        services.AddHttpClient<PaymentGatewayClient>(c => c.Timeout = TimeSpan.FromSeconds(20));
        services.AddScoped<PaymentDesk>();
        services.AddHostedService<PaymentSweepService>();
        return services;
    }

    public sealed record ReconciliationDto(string Date, int Mismatches, IReadOnlyList<MismatchDto> Items);

    public sealed record MismatchDto(string Kind, string KindName, string Reference, string? DossierCode, long? OurAmount, long? GatewayAmount, string Reason, string Action);

    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/payments").WithTags("Thanh toán");
        // The gateway's server-to-server callback: no session, the signature is the authentication.
        api.MapGet("/ipn", async (HttpRequest request, PaymentDesk desk, PaymentGatewayClient gateway, CancellationToken ct) =>
        {
            var message = gateway.Read(request.Query.Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString())), request.QueryString.Value ?? "");
            var (answer, _) = await desk.ApplyAsync(message, "ipn", fromQuery: false, ct);
            return TypedResults.Json(answer);
        }).AllowAnonymous().DisableRateLimiting();

        // The receipt opens with the payment's random reference, which only the payer's pages and the dossier's officers see.
        app.MapGet("/thanh-toan/bien-lai/{reference}", async Task<Results<FileContentHttpResult, NotFound>> (string reference, AppDbContext db, CancellationToken ct) =>
        {
            var payment = await db.OnlinePayments.AsNoTracking().SingleOrDefaultAsync(p => p.Reference == reference, ct);
            var receipt = payment is null ? null : await db.PaymentReceipts.AsNoTracking().SingleOrDefaultAsync(r => r.PaymentId == payment.Id, ct);
            if (receipt is null)
            {
                return TypedResults.NotFound();
            }
            var pdf = Shared.Documents.PdfRenderer.Render(ReceiptPdf.Document(receipt, payment!));
            return TypedResults.File(pdf, "application/pdf", "bien-lai-" + receipt.Series + "-" + receipt.NumberText + ".pdf");
        }).AllowAnonymous();

        api.MapGet("/reconciliation", ReconcileAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.OneStopOfficer));
        return app;
    }

    private static async Task<Results<Ok<ReconciliationDto>, ValidationProblem, ProblemHttpResult>> ReconcileAsync(string? date, HttpContext http, PaymentDesk desk, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["date"] = ["Ngày đối soát phải có dạng yyyy-MM-dd."] });
        }
        var found = await desk.ReconcileAsync(http.User.AgencyId() ?? 0, day, ct);
        if (found is null)
        {
            return TypedResults.Problem(title: "Không lấy được bảng kê của cổng thanh toán.", detail: "Cổng thanh toán chưa được cấu hình, không trả lời hoặc bảng kê sai chữ ký.", statusCode: StatusCodes.Status502BadGateway);
        }
        return TypedResults.Ok(new ReconciliationDto(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), found.Count,
            found.Select(m => new MismatchDto(m.Kind.ToString(), PaymentReconciliation.KindName(m.Kind), m.Reference, m.DossierCode, m.OurAmount, m.TheirAmount, m.Reason, m.Action)).ToList()));
    }
}

/// <summary>Settles the payments whose citizen closed the gateway's page: every minute, one <see cref="PaymentDesk.SweepOnceAsync"/> pass.</summary>
internal sealed class PaymentSweepService(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration, IOptions<PaymentGatewayOptions> options,
    ILogger<PaymentSweepService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = double.TryParse(configuration["MotCua:Payments:SweepMinutes"], NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m : 1;
        if (!options.Value.Enabled || minutes <= 0)
        {
            return;
        }
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMinutes(minutes), time, stoppingToken);
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<PaymentDesk>().SweepOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogWarning(ex, "Payment sweep failed; will retry");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}
