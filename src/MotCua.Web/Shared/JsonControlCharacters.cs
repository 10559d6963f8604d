using System.Text.Json;

namespace MotCua.Web.Shared;

/// <summary>
/// Finds NUL and other C0 control characters (tab, CR and LF excepted) inside the strings of a JSON body. They arrive
/// escaped ("\u0000"), so a byte scan would miss them or trip on an escaped backslash; the reader decodes each string.
/// </summary>
public static class JsonControlCharacters
{
    /// <summary>Bodies larger than this are not inspected here (Kestrel's own limit still applies).</summary>
    private const int MaxInspectedBytes = 32 * 1024 * 1024;

    /// <summary>What a request's JSON body holds; an empty body is <see cref="JsonBody.Clean"/> (endpoints without one).</summary>
    public static async Task<JsonBody> InspectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength is > MaxInspectedBytes or 0)
        {
            return JsonBody.Clean;
        }
        request.EnableBuffering();
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            await request.Body.CopyToAsync(buffer, cancellationToken);
            body = buffer.ToArray();
        }
        request.Body.Position = 0;
        return body.Length == 0 ? JsonBody.Clean : Inspect(body);
    }

    public static bool Contains(ReadOnlySpan<byte> json) => Inspect(json) == JsonBody.ControlCharacter;

    public static JsonBody Inspect(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped
                    && reader.GetString() is { } text && text.Any(IsRefused))
                {
                    return JsonBody.ControlCharacter;
                }
            }
        }
        catch (JsonException)
        {
            return JsonBody.Malformed;
        }
        catch (InvalidOperationException)
        {
            return JsonBody.Malformed; // an escape that does not decode (lone surrogate)
        }
        return reader.BytesConsumed > 0 ? JsonBody.Clean : JsonBody.Malformed;
    }

    private static bool IsRefused(char c) => c < ' ' && c is not ('\t' or '\n' or '\r');
}

/// <summary>The verdict on a JSON request body.</summary>
public enum JsonBody
{
    Clean,
    ControlCharacter,
    Malformed,
}
