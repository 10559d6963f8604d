using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MotCua.Core.Feedback;
using MotCua.Web.Features.Audit;
using MotCua.Web.Shared.Privacy;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Audit;

/// <summary>Every action code the source records in the audit log has a Vietnamese name, and the log page shows that name.</summary>
public sealed partial class AuditActionLabelTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    [GeneratedRegex(@"""([a-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)""")]
    private static partial Regex Code();

    [GeneratedRegex(@"""([a-z]+)""")]
    private static partial Regex Word();

    [GeneratedRegex(@"new\(""([a-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)""")]
    private static partial Regex TargetTypedAudit();

    /// <summary>
    /// The codes written anywhere: literals in the calls that append to the log (and the dossier's audit records), the
    /// news desk's verbs, every PAKN action and the personal-data constants.
    /// </summary>
    private static SortedSet<string> EmittedCodes()
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal) { PersonalDataReads.DossierRead, PersonalDataReads.ExportRead };
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppProcess.RepoRoot(), "src"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }
            // The decider builds its audit records with a target-typed new inside methods that return DossierAudit.
            var auditRecords = File.ReadAllText(file).Contains("DossierAudit", StringComparison.Ordinal);
            foreach (var line in File.ReadLines(file))
            {
                if (auditRecords)
                {
                    codes.UnionWith(TargetTypedAudit().Matches(line).Select(m => m.Groups[1].Value));
                }
                if (line.Contains("AuditLog.Append(", StringComparison.Ordinal) || line.Contains("DossierAuditEntry(\"", StringComparison.Ordinal)
                    || line.Contains("new DossierAudit(\"", StringComparison.Ordinal))
                {
                    codes.UnionWith(Code().Matches(line).Select(m => m.Groups[1].Value));
                }
                if (line.Contains("NewsDesk.Audit(", StringComparison.Ordinal))
                {
                    codes.UnionWith(Word().Matches(line).Select(m => "news." + m.Groups[1].Value));
                }
            }
        }
        codes.UnionWith(Enum.GetNames<FeedbackAction>().Select(a => "feedback." + a));
        return codes;
    }

    [Fact]
    public void Every_code_recorded_anywhere_has_a_vietnamese_label()
    {
        var codes = EmittedCodes();
        Assert.Contains("dossier.transition", codes);
        Assert.Contains("dossier.receive", codes);
        Assert.Contains("feedback.Publish", codes);
        Assert.Contains("news.withdraw", codes);
        Assert.Contains("webhook.disable", codes);
        var missing = codes.Where(c => !AuditActions.Labels.ContainsKey(c)).ToList();
        Assert.True(missing.Count == 0, "No Vietnamese label for: " + string.Join(", ", missing));
        Assert.All(AuditActions.Labels.Values, l => Assert.DoesNotMatch("^[a-z.\\-]+$", l));
    }

    [Fact]
    public void A_read_of_a_document_is_summarised_by_the_document_s_name_not_its_address_slug()
    {
        var slugs = MotCua.Web.Features.Dossiers.DossierDocuments.Slugs.Keys
            .Append(MotCua.Web.Features.Dossiers.DossierDocuments.HandOverSlug).Append(MotCua.Web.Features.Dossiers.DossierDocuments.OnlineSubmissionSlug);
        foreach (var slug in slugs)
        {
            foreach (var prefix in new[] { "form:", "form-pdf:", "form-sign:" })
            {
                var name = PersonalDataReads.ViewName(prefix + slug);
                Assert.DoesNotContain(slug, name, StringComparison.Ordinal);
                Assert.DoesNotMatch("[a-z]+-[a-z]+", name);
            }
        }
        Assert.Equal("phiếu kiểm soát quá trình giải quyết hồ sơ, bản in", PersonalDataReads.ViewName("form:kiem-soat"));
    }

    [Fact]
    public async Task The_log_page_names_the_action_in_vietnamese()
    {
        using var desk = await app.ApiClientAsync("motcua");
        using var admin = await app.LoginAsync("admin");
        var created = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173", channel = "direct",
            applicant = new { name = "Người Xem Nhật Ký", phone = "0905123456" },
            papers = new[] { new { name = "Đơn", present = true } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/quan-tri/nhat-ky"));
        Assert.Contains(">" + AuditActions.Label("dossier.receive") + "<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">dossier.receive<", html, StringComparison.Ordinal);
    }
}
