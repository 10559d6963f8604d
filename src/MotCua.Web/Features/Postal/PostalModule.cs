using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MotCua.Core.Postal;
using MotCua.Web.Features.Identity;

namespace MotCua.Web.Features.Postal;

public static class PostalModule
{
    /// <summary>Results returned through the public postal carrier set in MotCua:Postal (off while its address is unset).</summary>
    public static IServiceCollection AddPostal(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PostalOptions>(configuration.GetSection(PostalOptions.Section));
        services.AddHttpClient<IPostalCarrier, PostalCarrierClient>(c => c.Timeout = TimeSpan.FromSeconds(20));
        services.AddScoped<PostalDesk>();
        services.AddHostedService<PostalSweepService>();
        return services;
    }

    public sealed record PostalOrderDto(string DossierCode, string Direction, string Waybill, string Status, string StatusName, DateTimeOffset StatusAt, bool Created);

    public static IEndpointRouteBuilder MapPostalApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/dossiers/{code}/postal/pickup", async Task<Results<Ok<PostalOrderDto>, ProblemHttpResult>> (string code, HttpContext http, PostalDesk desk, CancellationToken ct) =>
        {
            var outcome = await desk.RequestPickupAsync(http.User, code, PostalDirection.ResultDelivery, ct);
            return Answer(outcome);
        }).WithTags("Bưu chính").WithSummary("Yêu cầu bưu điện đến lấy kết quả tại Bộ phận Một cửa để phát cho người nộp")
            .RequireAuthorization(p => p.RequireRole(Roles.OneStopOfficer));

        app.MapPost("/api/dossiers/{code}/postal/dossier-pickup", async Task<Results<Ok<PostalOrderDto>, ProblemHttpResult>> (string code, HttpContext http, PostalDesk desk, CancellationToken ct) =>
        {
            var outcome = await desk.RequestPickupAsync(http.User, code, PostalDirection.DossierPickup, ct);
            return Answer(outcome);
        }).WithTags("Bưu chính").WithSummary("Yêu cầu bưu điện đến lấy hồ sơ giấy tại địa chỉ người nộp và chuyển về Bộ phận Một cửa")
            .RequireAuthorization(p => p.RequireRole(Roles.OneStopOfficer));

        // The carrier's server-to-server callback: no session, the signature is the authentication.
        app.MapPost("/api/postal/callback", async Task<Results<Ok<CallbackAnswer>, ProblemHttpResult>> (HttpRequest request, IPostalCarrier carrier, PostalDesk desk,
            ILogger<PostalDesk> log, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(ct);
            if (carrier.ReadCallback(body, request.Headers["X-Signature"].ToString()) is not { } report)
            {
                log.LogWarning("Postal callback refused: invalid signature or unreadable body from {Ip}", request.HttpContext.Connection.RemoteIpAddress);
                return TypedResults.Problem(title: "Chữ ký không hợp lệ.", detail: "Thông báo hành trình bưu gửi không có chữ ký hợp lệ của bưu chính công ích.", statusCode: StatusCodes.Status401Unauthorized);
            }
            var outcome = await desk.ApplyAsync(report, "callback", ct);
            return outcome == TrackingOutcome.UnknownWaybill
                ? TypedResults.Problem(title: "Không tìm thấy bưu gửi.", detail: "Không có mã vận đơn " + report.Waybill + ".", statusCode: StatusCodes.Status404NotFound)
                : TypedResults.Ok(new CallbackAnswer(outcome.ToString()));
        }).WithTags("Bưu chính").AllowAnonymous().DisableRateLimiting().DisableAntiforgery();
        return app;
    }

    public sealed record CallbackAnswer(string Outcome);

    private static Results<Ok<PostalOrderDto>, ProblemHttpResult> Answer(PickupOutcome outcome) => outcome.Order is { } o
        ? TypedResults.Ok(new PostalOrderDto(o.DossierCode, o.Direction == PostalDirection.DossierPickup ? "dossierPickup" : "resultDelivery",
            o.Waybill, o.Status.ToString(), PostalTracking.Name(o.Status), o.StatusAt, outcome.Created))
        : TypedResults.Problem(title: "Chưa gửi được yêu cầu bưu điện đến lấy.", detail: outcome.Problem, statusCode: outcome.Status);
}

/// <summary>Settles the orders whose callback never came: every <see cref="PostalOptions.SweepMinutes"/>, one <see cref="PostalDesk.SweepOnceAsync"/> pass.</summary>
internal sealed class PostalSweepService(IServiceScopeFactory scopes, TimeProvider time, IOptions<PostalOptions> options, ILogger<PostalSweepService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.SweepMinutes;
        if (!options.Value.Enabled || minutes <= 0)
        {
            return;
        }
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMinutes(Math.Min(minutes, 49 * 24 * 60)), time, stoppingToken);
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<PostalDesk>().SweepOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogWarning(ex, "Postal sweep failed; will retry");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}
