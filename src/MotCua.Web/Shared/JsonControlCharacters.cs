using System.Text.Json;

namespace MotCua.Web.Shared;

/// <summary>
/// Finds NUL and other C0 control characters (tab, CR and LF excepted) inside the strings of a JSON body. They arrive
/// escaped ("\u0000"), so a byte scan would miss them or trip on an escaped backslash; the reader decodes each string.
/// A body that is not valid JSON is left to model binding, which answers 400 itself.
/// </summary>
public static class JsonControlCharacters
{
    /// <summary>Bodies larger than this are not inspected here (Kestrel's own limit still applies).</summary>
    private const int MaxInspectedBytes = 32 * 1024 * 1024;

    public static async Task<bool> ContainsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is > MaxInspectedBytes)
        {
            return false;
        }
        request.EnableBuffering();
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            await request.Body.CopyToAsync(buffer, cancellationToken);
            body = buffer.ToArray();
        }
        request.Body.Position = 0;
        return Contains(body);
    }

    public static bool Contains(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped
                    && reader.GetString() is { } text && text.Any(IsRefused))
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false; // an escape that does not decode (lone surrogate): model binding refuses the body
        }
        return false;
    }

    private static bool IsRefused(char c) => c < ' ' && c is not ('\t' or '\n' or '\r');
}
