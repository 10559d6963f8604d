using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MotCua.Web.Shared.Dates;

/// <summary>A date the binder could not read, with the model key and message it gave.</summary>
public sealed record RefusedDate(string Key, string Message);

/// <summary>
/// The dates of this request that could not be read. A refused optional date binds as "no date", so a handler that
/// clears ModelState or ignores it must ask here before it writes anything.
/// </summary>
public static class RefusedDates
{
    private static readonly object ItemKey = new();

    internal static void Add(Microsoft.AspNetCore.Http.HttpContext http, RefusedDate refused)
    {
        if (http.Items[ItemKey] is not List<RefusedDate> list)
        {
            http.Items[ItemKey] = list = [];
        }
        list.Add(refused);
    }

    public static IReadOnlyList<RefusedDate> Of(Microsoft.AspNetCore.Http.HttpContext http) =>
        http.Items[ItemKey] as List<RefusedDate> ?? [];

    public static IReadOnlyList<string> Messages(Microsoft.AspNetCore.Http.HttpContext http) => [.. Of(http).Select(r => r.Message)];

    /// <summary>Puts the refused dates back as model errors, for a handler that cleared ModelState to validate one part.</summary>
    public static void Restore(Microsoft.AspNetCore.Http.HttpContext http, ModelStateDictionary modelState)
    {
        foreach (var refused in Of(http))
        {
            modelState.AddModelError(refused.Key, refused.Message);
        }
    }
}
