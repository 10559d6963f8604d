using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Shared;

/// <summary>Thrown for a missing record the caller named; becomes 404 ProblemDetails.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>Thrown when a change reaches its save without the caller's right to make it (a handler skipped its check); becomes 403.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>
/// The one place that maps the few exception types to ProblemDetails (house rule 6). Expected failures are values;
/// this handles what slipped through, so API callers always get a JSON body and pages get the error page.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException { InnerException: System.Text.Json.JsonException json })
        {
            // A JSON body that parsed but does not fit the request type: a validation problem on the field it names.
            // The middleware has cleared the endpoint before calling handlers; its feature keeps the one that failed.
            var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
            var requestType = endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType;
            var (field, message) = Api.ApiJson.Describe(json, requestType);
            httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Dữ liệu không hợp lệ.",
                },
            });
        }
        var (status, title) = exception switch
        {
            NotFoundException => (StatusCodes.Status404NotFound, "Không tìm thấy."),
            ForbiddenException => (StatusCodes.Status403Forbidden, "Không có quyền xử lý hồ sơ."),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "Hồ sơ đã được cập nhật bởi người khác, vui lòng tải lại."),
            BadHttpRequestException bad => (bad.StatusCode, "Yêu cầu không hợp lệ."),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Yêu cầu đã bị hủy."),
            _ => (StatusCodes.Status500InternalServerError, "Đã có lỗi xảy ra. Vui lòng thử lại sau."),
        };
        if (status >= 500)
        {
            log.LogError(exception, "Unhandled exception on {Path}", httpContext.Request.Path);
        }
        if (!httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && status >= 500)
        {
            return false; // pages fall through to the error page
        }
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = title,
                Detail = exception switch
                {
                    NotFoundException or ForbiddenException => exception.Message,
                    // The minimal APIs' own binding failures are English and name C# types; the caller needs the rule instead.
                    BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } => "Tham số thiếu hoặc không đúng kiểu dữ liệu.",
                    BadHttpRequestException => exception.Message,
                    _ => null,
                },
            },
        });
    }
}
