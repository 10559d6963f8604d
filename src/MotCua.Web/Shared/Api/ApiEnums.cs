using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MotCua.Web.Shared.Api;

/// <summary>
/// Enum names as the API writes and reads them: the name <see cref="ApiJson.EnumConverter"/> gives a value in a body
/// (camelCase, or its <see cref="JsonStringEnumMemberNameAttribute"/>), used alike for query strings, so one
/// spelling holds everywhere and no endpoint keeps its own switch over strings.
/// </summary>
public static class ApiEnums
{
    /// <summary>The API name of a value.</summary>
    public static string Name<T>(T value) where T : struct, Enum => Names<T>.ByValue.TryGetValue(value, out var name) ? name : Camel(value.ToString());

    /// <summary>Every API name of <typeparamref name="T"/>, comma-separated, for messages.</summary>
    public static string List<T>() where T : struct, Enum => string.Join(", ", Names<T>.ByValue.Values);

    /// <summary>
    /// The value named by <paramref name="text"/> (its API name or its C# name, any case); null for blank text. A number
    /// or an unknown name is refused, as the JSON converter refuses it in a body.
    /// </summary>
    public static bool TryParse<T>(string? text, out T? value) where T : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (Names<T>.ByName.TryGetValue(text.Trim(), out var found))
        {
            value = found;
            return true;
        }
        return false;
    }

    /// <summary>The Vietnamese message for a value of <typeparamref name="T"/> that is not one of its names.</summary>
    public static string Invalid<T>(string what) where T : struct, Enum => $"{what} không hợp lệ. Dùng một trong: {List<T>()}.";

    /// <summary>The Vietnamese message for a value of <paramref name="type"/> that is not one of its names.</summary>
    public static string Invalid(Type type, string what)
    {
        ArgumentNullException.ThrowIfNull(type);
        return $"{what} không hợp lệ. Dùng một trong: {string.Join(", ", NamesOf(type).Select(n => n.Name))}.";
    }

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static IEnumerable<(string Name, string Field, object Value)> NamesOf(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f =>
            (f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? Camel(f.Name), f.Name, f.GetValue(null)!));

    private static class Names<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ByValue =
            NamesOf(typeof(T)).ToFrozenDictionary(n => (T)n.Value, n => n.Name);

        public static readonly FrozenDictionary<string, T> ByName = NamesOf(typeof(T))
            .SelectMany(n => new[] { (Key: n.Name, Value: (T)n.Value), (Key: n.Field, Value: (T)n.Value) })
            .DistinctBy(n => n.Key, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(n => n.Key, n => n.Value, StringComparer.OrdinalIgnoreCase);
    }
}
