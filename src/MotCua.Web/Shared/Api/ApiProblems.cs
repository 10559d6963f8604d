using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace MotCua.Web.Shared.Api;

/// <summary>
/// ProblemDetails results typed by their status, so an endpoint's <c>Results&lt;…&gt;</c> names each outcome (403, 404,
/// 409, 422, 429) and the OpenAPI document lists them, where one <c>ProblemHttpResult</c> would hide which can happen.
/// The body is written as <see cref="TypedResults.Problem(ProblemDetails)"/> writes it.
/// </summary>
public static class ApiProblems
{
    public static UnauthorizedProblem Unauthorized(string title, string? detail = null) => new(Details(StatusCodes.Status401Unauthorized, title, detail));

    public static ForbiddenProblem Forbidden(string title, string? detail = null) => new(Details(StatusCodes.Status403Forbidden, title, detail));

    public static NotFoundProblem NotFound(string title, string? detail = null) => new(Details(StatusCodes.Status404NotFound, title, detail));

    public static ConflictProblem Conflict(string title, string? detail = null) => new(Details(StatusCodes.Status409Conflict, title, detail));

    public static UnprocessableProblem Unprocessable(string title, string? detail = null) => new(Details(StatusCodes.Status422UnprocessableEntity, title, detail));

    public static TooManyRequestsProblem TooManyRequests(string title, string? detail = null) => new(Details(StatusCodes.Status429TooManyRequests, title, detail));

    private static ProblemDetails Details(int status, string title, string? detail) => new() { Status = status, Title = title, Detail = detail };
}

/// <summary>A ProblemDetails answer with a fixed status; the subclasses name that status in a handler's signature.</summary>
public abstract class StatusProblem : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>, IContentTypeHttpResult
{
    private protected StatusProblem(ProblemDetails details) => Value = details;

    public ProblemDetails Value { get; }

    object? IValueHttpResult.Value => Value;

    public int? StatusCode => Value.Status;

    public string ContentType => "application/problem+json";

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Problem(Value).ExecuteAsync(httpContext);

    private protected static void Produces(MethodInfo method, EndpointBuilder builder, int status)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
    }
}

public sealed class UnauthorizedProblem : StatusProblem, IEndpointMetadataProvider
{
    internal UnauthorizedProblem(ProblemDetails details) : base(details) { }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Produces(method, builder, StatusCodes.Status401Unauthorized);
}

public sealed class ForbiddenProblem : StatusProblem, IEndpointMetadataProvider
{
    internal ForbiddenProblem(ProblemDetails details) : base(details) { }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Produces(method, builder, StatusCodes.Status403Forbidden);
}

public sealed class NotFoundProblem : StatusProblem, IEndpointMetadataProvider
{
    internal NotFoundProblem(ProblemDetails details) : base(details) { }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Produces(method, builder, StatusCodes.Status404NotFound);
}

public sealed class ConflictProblem : StatusProblem, IEndpointMetadataProvider
{
    internal ConflictProblem(ProblemDetails details) : base(details) { }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Produces(method, builder, StatusCodes.Status409Conflict);
}

public sealed class UnprocessableProblem : StatusProblem, IEndpointMetadataProvider
{
    internal UnprocessableProblem(ProblemDetails details) : base(details) { }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Produces(method, builder, StatusCodes.Status422UnprocessableEntity);
}

public sealed class TooManyRequestsProblem : StatusProblem, IEndpointMetadataProvider
{
    internal TooManyRequestsProblem(ProblemDetails details) : base(details) { }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Produces(method, builder, StatusCodes.Status429TooManyRequests);
}
