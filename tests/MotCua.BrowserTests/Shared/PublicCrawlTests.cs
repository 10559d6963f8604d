using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;

namespace MotCua.BrowserTests.Shared;

/// <summary>
/// A visitor's crawl from the home page, without logging in: every same-origin link found on the public pages, three
/// clicks deep, must answer (below 400), every in-page anchor must have its target, and no page may log a Content
/// Security Policy violation. Each address is requested once; one page of each kind (a record's number replaced) is
/// opened in the browser, which is where its links and console come from.
/// </summary>
public sealed partial class PublicCrawlTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const int MaxDepth = 3;

    [Fact]
    public async Task Every_same_origin_link_of_the_public_pages_answers_and_no_page_breaks_the_content_security_policy()
    {
        var page = await browser.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal) || m.Text.Contains("Refused to", StringComparison.Ordinal))
            {
                console.Add(new Uri(page.Url).PathAndQuery + ": " + m.Text);
            }
        };
        page.PageError += (_, e) => console.Add(new Uri(page.Url).PathAndQuery + ": script error " + e);
        // The browser reports every blocked script, handler or eval as an event, even when no console line is written.
        await page.AddInitScriptAsync("""
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || ''}:${e.lineNumber}`));
            """);

        var origin = new Uri(browser.BaseUrl);
        var status = new Dictionary<string, (int Status, bool Html)>(StringComparer.Ordinal);
        var linkedFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        var openedKinds = new HashSet<string>(StringComparer.Ordinal);
        var failures = new List<string>();
        var frontier = new List<string> { "/" };
        linkedFrom["/"] = "(start)";
        var opened = 0;
        for (var depth = 0; depth <= MaxDepth && frontier.Count > 0; depth++)
        {
            var next = new List<string>();
            foreach (var path in frontier)
            {
                if (!status.TryGetValue(path, out var known))
                {
                    var answer = await page.APIRequest.GetAsync(path, new() { MaxRedirects = 5 });
                    var html = answer.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal);
                    known = (answer.Status, html);
                    status[path] = known;
                    if (answer.Status >= 400)
                    {
                        failures.Add($"{path} answered {answer.Status} (linked from {linkedFrom[path]})");
                    }
                    await answer.DisposeAsync();
                }
                var (code, isHtml) = known;
                if (depth == MaxDepth || code >= 400 || !isHtml || !openedKinds.Add(Kind(path)))
                {
                    continue;
                }
                await page.GotoAsync(path);
                opened++;
                console.AddRange((await page.EvaluateAsync<string[]>("() => window.__cspViolations")).Select(v => path + ": CSP " + v));
                var links = await page.Locator("a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
                foreach (var href in links)
                {
                    if (href.StartsWith('#'))
                    {
                        if (href.Length > 1 && await page.Locator("[id='" + href[1..] + "']").CountAsync() == 0)
                        {
                            failures.Add($"{path}: the anchor {href} has no target");
                        }
                        continue;
                    }
                    if (!Uri.TryCreate(new Uri(page.Url), href, out var target) || target.Scheme is not ("http" or "https")
                        || !string.Equals(target.Authority, origin.Authority, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }
                    var found = target.PathAndQuery;
                    if (linkedFrom.TryAdd(found, path))
                    {
                        next.Add(found);
                    }
                }
            }
            frontier = next;
        }
        await page.Context.CloseAsync();
        failures.AddRange(console);
        Assert.True(failures.Count == 0, $"{failures.Count} problems ({status.Count} addresses requested, {opened} pages opened):\n" + string.Join('\n', failures));
        Assert.True(status.Count >= 40 && opened >= 12, $"The crawl reached only {status.Count} addresses and opened {opened} pages:\n" + string.Join('\n', status.Keys));
    }

    /// <summary>A page's kind: its path with any segment holding a digit replaced, and its query's keys without their values.</summary>
    private static string Kind(string pathAndQuery)
    {
        var parts = pathAndQuery.Split('?', 2);
        var path = DigitSegment().Replace(parts[0], "/*");
        var keys = parts.Length == 2 ? string.Join('&', parts[1].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal)) : "";
        return path + "?" + keys;
    }

    [GeneratedRegex(@"/[^/]*\d[^/]*")]
    private static partial Regex DigitSegment();
}
