using MotCua.Web.Shared;

namespace MotCua.Web.Tests.Shared;

/// <summary>The menu names each entry for what it opens: within a section no title is only the first words of another.</summary>
public sealed class NavigationMenuTests
{
    [Fact]
    public void No_entry_of_a_section_is_named_by_the_first_words_of_another()
    {
        var clashes = Navigation.Items.GroupBy(i => i.Section, StringComparer.Ordinal)
            .SelectMany(g => g.SelectMany(a => g.Where(b => !ReferenceEquals(a, b)
                    && (string.Equals(a.Title, b.Title, StringComparison.OrdinalIgnoreCase)
                        || b.Title.StartsWith(a.Title + " ", StringComparison.OrdinalIgnoreCase)))
                .Select(b => $"{g.Key}: \"{a.Title}\" ({a.Href}) and \"{b.Title}\" ({b.Href})")))
            .ToList();
        Assert.True(clashes.Count == 0, "Entries that do not say what each is:\n" + string.Join("\n", clashes));
    }

    [Fact]
    public void Every_report_stays_reachable_from_the_menu()
    {
        var hrefs = Navigation.Items.Select(i => i.Href).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("/bao-cao", hrefs);
        Assert.Contains("/bao-cao/ho-so", hrefs);
    }
}
