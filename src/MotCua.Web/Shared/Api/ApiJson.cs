using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace MotCua.Web.Shared.Api;

/// <summary>The request edge of every minimal API: enums by name, and a body that does not bind answered by field.</summary>
public static class ApiJson
{
    /// <summary>Enums travel as camelCase names both ways; a number is refused, so a client cannot name a value that does not exist.</summary>
    public static readonly JsonStringEnumConverter EnumConverter = new(JsonNamingPolicy.CamelCase, allowIntegerValues: false);

    public static IServiceCollection AddApiEdge(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(EnumConverter));
        // A body or parameter that does not bind reaches ProblemDetailsExceptionHandler, which names the field in Vietnamese.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>
    /// The field and Vietnamese message for a JSON body that parsed but did not fit the endpoint's request type (an
    /// unknown enum name, text where a number belongs). The field is the JSON path without its root, "body" for the whole.
    /// </summary>
    public static (string Field, string Message) Describe(JsonException exception, Type? requestType)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var names = (exception.Path ?? "$").Split('.', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('[')[0]).Where(p => p is { Length: > 0 } && p != "$").ToList();
        if (names.Count == 0)
        {
            return ("body", "Nội dung yêu cầu không đúng định dạng.");
        }
        var type = requestType;
        System.Reflection.PropertyInfo? property = null;
        foreach (var name in names)
        {
            property = type is null ? null : ElementOf(type).GetProperties().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            type = property?.PropertyType;
        }
        var target = type is null ? null : ElementOf(type);
        var what = property?.GetCustomAttributes(typeof(OneOfAttribute), inherit: true).OfType<OneOfAttribute>().FirstOrDefault()?.What ?? "Giá trị";
        // The whole path, so a field of a nested object or of a list's item is named where it is ("papers[0].form").
        var field = (exception.Path ?? "$").TrimStart('$').TrimStart('.');
        return (field, target is { IsEnum: true } ? ApiEnums.Invalid(target, what) : $"{what} không đúng kiểu dữ liệu.");
    }

    private static Type ElementOf(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain.IsArray)
        {
            return ElementOf(plain.GetElementType()!);
        }
        var list = plain.IsGenericType && plain != typeof(string)
            ? plain.GetInterfaces().Append(plain).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            : null;
        return list is null ? plain : ElementOf(list.GetGenericArguments()[0]);
    }
}
