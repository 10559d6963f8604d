using System.Text.RegularExpressions;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Security;

/// <summary>
/// The site's Content-Security-Policy allows inline script only with the request's nonce and no inline event handlers,
/// so a page that has either silently does nothing in the browser (the catalogue import's progress bar, "In danh sách").
/// </summary>
public sealed partial class ContentSecurityPolicyTests
{
    [Fact]
    public void Every_inline_script_carries_the_nonce_and_no_element_has_an_inline_handler()
    {
        var web = Path.Combine(AppProcess.RepoRoot(), "src", "MotCua.Web");
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(web, "*.cshtml", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            var name = Path.GetRelativePath(web, file);
            problems.AddRange(InlineScriptWithoutNonce().Matches(text).Select(m => $"{name}: {m.Value}"));
            problems.AddRange(InlineHandler().Matches(text).Select(m => $"{name}: {m.Value}"));
        }
        Assert.True(problems.Count == 0, "Blocked by the CSP:\n" + string.Join("\n", problems));
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc\s*=)(?![^>]*\bnonce\s*=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScriptWithoutNonce();

    [GeneratedRegex(@"<[a-z][^>]*\son[a-z]+\s*=\s*[""']", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();
}
