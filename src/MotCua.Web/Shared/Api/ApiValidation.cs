using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MotCua.Web.Shared.Api;

/// <summary>
/// Declarative validation at the edge: the request types of an endpoint carry DataAnnotations with Vietnamese messages,
/// and <see cref="WithValidation"/> answers 400 ValidationProblem keyed by the JSON field names before the handler runs.
/// </summary>
public static class ApiValidation
{
    /// <summary>Validates every argument whose type declares validation; <paramref name="title"/> is the problem's Vietnamese title.</summary>
    public static RouteHandlerBuilder WithValidation(this RouteHandlerBuilder builder, string title = "Dữ liệu không hợp lệ.")
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddEndpointFilterFactory((context, next) =>
        {
            var validated = context.MethodInfo.GetParameters()
                .Select((p, i) => (Index: i, Type: Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))
                .Where(p => Declares(p.Type)).ToList();
            if (validated.Count == 0)
            {
                return next;
            }
            return async invocation =>
            {
                var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
                foreach (var (index, type) in validated)
                {
                    foreach (var (field, messages) in Validate(invocation.Arguments[index], type))
                    {
                        errors[field] = errors.TryGetValue(field, out var before) ? [.. before, .. messages] : messages;
                    }
                }
                return errors.Count > 0 ? TypedResults.ValidationProblem(errors, title: title) : await next(invocation);
            };
        });
    }

    /// <summary>
    /// The errors of one request object by JSON field name, in declaration order. An absent body is checked as an empty
    /// one, so the caller learns every required field at once.
    /// </summary>
    public static IReadOnlyList<(string Field, string[] Messages)> Validate(object? value, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var instance = value ?? RuntimeHelpers.GetUninitializedObject(type);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(instance, new ValidationContext(instance), results, validateAllProperties: true);
        return results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Field: JsonName(type, m), Message: r.ErrorMessage ?? "Giá trị không hợp lệ.")))
            .GroupBy(e => e.Field, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(e => e.Message).Distinct(StringComparer.Ordinal).ToArray()))
            .ToList();
    }

    private static bool Declares(Type type) =>
        !type.IsPrimitive && type != typeof(string) && type.Namespace?.StartsWith("MotCua", StringComparison.Ordinal) == true
        && (typeof(IValidatableObject).IsAssignableFrom(type)
            || type.GetProperties().Any(p => p.GetCustomAttributes<ValidationAttribute>(inherit: true).Any()));

    private static string JsonName(Type type, string member)
    {
        if (member.Length == 0)
        {
            return "body";
        }
        var property = type.GetProperty(member);
        return property?.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(member);
    }
}

/// <summary>A boolean that must be sent as true (a consent, a confirmation); null and false fail with the given message.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class MustBeTrueAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is true;
}

/// <summary>
/// A required enum value: missing, its message lists the API names (<see cref="ApiEnums"/>). The same message answers an
/// unknown name in the body, since the JSON converter refuses it before validation (<see cref="ApiJson.Describe"/>).
/// </summary>
/// <param name="what">The field's Vietnamese name, e.g. "Thao tác".</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class OneOfAttribute(string what) : ValidationAttribute
{
    public string What { get; } = what;

    /// <summary>An optional value: absent is fine, and an unknown name is still answered with <see cref="What"/>.</summary>
    public bool Optional { get; set; }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is not null || Optional)
        {
            return ValidationResult.Success;
        }
        var type = validationContext.ObjectType.GetProperty(validationContext.MemberName ?? "")?.PropertyType;
        var plain = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        var message = plain is { IsEnum: true } ? ApiEnums.Invalid(plain, What) : $"{What} không hợp lệ.";
        return new ValidationResult(message, validationContext.MemberName is { } member ? [member] : null);
    }
}
