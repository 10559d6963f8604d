using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace MotCua.Web.Shared.Dates;

/// <summary>
/// Turns every date and date-time input (written as type="date"/"datetime-local", or inferred by asp-for from a
/// DateOnly/DateTime property) into a day-first text field, because browsers format native date inputs by their own
/// UI language and an English browser shows and takes month first. wwwroot/js/date-input.js adds the calendar button.
/// Time inputs become 24-hour text fields for the same reason (an English browser shows AM/PM).
/// </summary>
[HtmlTargetElement("input", Attributes = "[type=date]", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("input", Attributes = "[type=datetime-local]", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("input", Attributes = "[type=time]", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("input", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DateInputTagHelper : TagHelper
{
    // After the framework's InputTagHelper (order -1000), which decides the type and formats the value for asp-for.
    public override int Order => 100;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var type = output.Attributes.TryGetAttribute("type", out var typeAttribute) ? Text(typeAttribute.Value) : null;
        bool withTime;
        if (string.Equals(type, "date", StringComparison.OrdinalIgnoreCase))
        {
            withTime = false;
        }
        else if (string.Equals(type, "datetime-local", StringComparison.OrdinalIgnoreCase))
        {
            withTime = true;
        }
        else if (string.Equals(type, "time", StringComparison.OrdinalIgnoreCase))
        {
            TimeField(output);
            return;
        }
        else
        {
            return;
        }
        output.Attributes.SetAttribute("type", "text");
        if (output.Attributes.TryGetAttribute("value", out var value) && Text(value.Value) is { Length: > 0 } shown)
        {
            output.Attributes.SetAttribute("value", DateText.ForField(shown, withTime));
        }
        // min/max in ISO mean nothing to a text field; the calendar keeps them.
        foreach (var bound in new[] { "min", "max" })
        {
            if (output.Attributes.TryGetAttribute(bound, out var limit))
            {
                output.Attributes.Remove(limit);
                output.Attributes.SetAttribute("data-date-" + bound, Text(limit.Value));
            }
        }
        output.Attributes.SetAttribute("data-date-input", withTime ? "datetime" : "date");
        output.Attributes.SetAttribute("inputmode", "numeric");
        output.Attributes.SetAttribute("autocomplete", "off");
        if (!output.Attributes.ContainsName("placeholder"))
        {
            output.Attributes.SetAttribute("placeholder", withTime ? DateText.DateTimePlaceholder : DateText.DatePlaceholder);
        }
        if (!output.Attributes.ContainsName("title"))
        {
            output.Attributes.SetAttribute("title", withTime ? "Ngày/tháng/năm giờ:phút, ví dụ 06/12/2026 14:30" : "Ngày/tháng/năm, ví dụ 06/12/2026");
        }
        output.PreElement.AppendHtml("<span class=\"date-input\">");
        output.PostElement.AppendHtml("</span>");
    }

    // A time input shows AM/PM in an English browser; a text field keeps the 24-hour clock officers use.
    private static void TimeField(TagHelperOutput output)
    {
        output.Attributes.SetAttribute("type", "text");
        if (output.Attributes.TryGetAttribute("value", out var value) && Text(value.Value) is { Length: > 0 } shown && DateText.TryParseTime(shown, out var time))
        {
            output.Attributes.SetAttribute("value", DateText.Format(time));
        }
        output.Attributes.SetAttribute("inputmode", "numeric");
        output.Attributes.SetAttribute("autocomplete", "off");
        output.Attributes.SetAttribute("data-time-input", "");
        if (!output.Attributes.ContainsName("placeholder"))
        {
            output.Attributes.SetAttribute("placeholder", "hh:mm");
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        IHtmlContent html => Render(html),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Render(IHtmlContent html)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        html.WriteTo(writer, HtmlEncoder.Default);
        return System.Net.WebUtility.HtmlDecode(writer.ToString());
    }
}
