using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Features.Dossiers.Supplement;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Demo;

/// <summary>
/// The demo's supplement requests, made through the officers' and the applicant's own commands: each dossier awaiting a
/// supplement has a coded request of one to three papers of its procedure, and one online dossier is in its second
/// round, its earlier answer to a paper refused by the desk and that paper asked again with the earlier file offered.
/// </summary>
internal static class DemoSupplements
{
    private static readonly string[] Problems =
    [
        "Bản sao chưa được chứng thực; đề nghị nộp bản sao có chứng thực hoặc bản sao kèm bản chính để đối chiếu.",
        "Thiếu chữ ký của người đại diện theo pháp luật và dấu của tổ chức.",
        "Thông tin về địa chỉ trụ sở không khớp với Giấy chứng nhận đăng ký doanh nghiệp; đề nghị kê khai lại cho đúng.",
    ];

    /// <summary>The request the officer sends for the <paramref name="index"/>-th dossier awaiting supplement: one to three of its papers.</summary>
    public static async Task<ActionInput> RequestAsync(IServiceScopeFactory scopes, string code, int index, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (papers, basis) = await PapersAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), code, ct);
        var items = papers.Take(1 + (index % 3)).Select((p, i) => new SupplementItem(p, Problems[(index + i) % Problems.Length], basis)).ToList();
        return new ActionInput(Note: "Đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ theo các nội dung dưới đây.", SupplementItems: items,
            SupplementAct: SupplementAct.ProcessingRequest);
    }

    /// <summary>
    /// The desk's guidance at its check asks for two papers; the applicant answers online (a PDF for the first, a note for
    /// the second); the desk refuses the first answer, receives and transfers the dossier; the processing body then asks
    /// for the first paper again. Each step is dated a little after the one before, in office hours.
    /// </summary>
    public static async Task SecondRoundAsync(IServiceScopeFactory scopes, int agencyId, string code, Func<DateTimeOffset, DateTimeOffset> work, ILogger log,
        CancellationToken ct)
    {
        List<string> papers;
        string basis;
        DateTimeOffset at;
        bool quality;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (papers, basis) = await PapersAsync(db, code, ct);
            var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Code == code && d.AgencyId == agencyId).SingleAsync(ct);
            at = dossier.SubmittedAt;
            quality = (dossier.StepPlan.Count > 0 ? dossier.StepPlan[0] : null)?.UnitName?.StartsWith("Chi cục", StringComparison.Ordinal) == true;
        }
        if (papers.Count == 0)
        {
            return;
        }
        var clock = new DemoClock(at);
        DateTimeOffset Next(TimeSpan after) => clock.At = work(clock.At + after) is var next && next > clock.At ? next : clock.At.AddMinutes(1);

        List<SupplementItem> guidance = [new(papers[0], Problems[0], basis)];
        if (papers.Count > 1)
        {
            guidance.Add(new(papers[1], "Đề nghị ghi rõ số điện thoại và thư điện tử của người liên hệ.", basis));
        }
        Next(TimeSpan.FromHours(2));
        if (!await ActAsync(scopes, agencyId, code, "motcua", DossierAction.RequestSupplement,
            new ActionInput(Note: "Hướng dẫn bổ sung, hoàn thiện hồ sơ trước khi tiếp nhận.", SupplementItems: guidance, SupplementAct: SupplementAct.DeskGuidance), clock, log, ct))
        {
            return;
        }

        Next(TimeSpan.FromDays(1));
        await using (var scope = scopes.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<AppDbContext>();
            var dossier = await db.Dossiers.Where(d => d.Code == code && d.AgencyId == agencyId).SingleAsync(ct);
            var items = await SupplementAnswerQueries.OpenItemsAsync(db, dossier.Id, ct);
            var answers = items.Select((i, n) => new ItemAnswerInput
            {
                Code = i.Code, Text = n == 0 ? null : "Người liên hệ: " + dossier.ApplicantName + ", điện thoại " + dossier.ApplicantPhone + ".",
            }).ToList();
            List<(string Code, IncomingFile File)> files = [(items[0].Code, new IncomingFile("ban-sao-bo-sung.pdf", Pdf("Ban sao bo sung (du lieu mau)")))];
            var applicant = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, Citizens.SubmitModel.PortalActor), new Claim(MotCuaClaims.AgencyId, agencyId.ToString(CultureInfo.InvariantCulture)),
                 new Claim(MotCuaClaims.FullName, "Công dân (nộp bổ sung trực tuyến)")], "portal"));
            var store = ActivatorUtilities.CreateInstance<DossierStore>(sp, (TimeProvider)clock);
            var online = ActivatorUtilities.CreateInstance<SupplementOnline>(sp, (TimeProvider)clock, store);
            var outcome = await online.SupplementAsync(dossier, [], null, applicant, ct, answers, files);
            if (!outcome.Succeeded)
            {
                Warn(log, "answer", code, outcome.Message);
                return;
            }
        }

        Next(TimeSpan.FromHours(2));
        await using (var scope = scopes.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<AppDbContext>();
            var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Code == code && d.AgencyId == agencyId).SingleAsync(ct);
            var items = await db.DossierSupplementItems.AsNoTracking().Where(i => i.DossierId == dossier.Id).OrderBy(i => i.Seq).ToListAsync(ct);
            var reviews = items.Select((i, n) => new ItemReviewInput
            {
                Id = i.Id, Accepted = n == 0 ? "false" : "true",
                Note = n == 0 ? "Tệp nộp bổ sung là bản chụp bản sao, không có chứng thực." : null,
            }).ToList();
            if (await PrincipalAsync(sp, "motcua", agencyId) is not { } desk)
            {
                return;
            }
            var (problems, _) = await SupplementReviews.ApplyAsync(db, clock, desk, dossier, reviews, ct);
            if (problems.Count > 0)
            {
                Warn(log, "review", code, string.Join(" ", problems));
                return;
            }
        }

        Next(TimeSpan.FromHours(2));
        if (!await ActAsync(scopes, agencyId, code, "motcua", DossierAction.Receive, new ActionInput(), clock, log, ct))
        {
            return;
        }
        Next(TimeSpan.FromHours(2));
        if (!await ActAsync(scopes, agencyId, code, "motcua", DossierAction.Transfer, new ActionInput(), clock, log, ct))
        {
            return;
        }
        if (quality)
        {
            Next(TimeSpan.FromHours(2));
            if (!await ActAsync(scopes, agencyId, code, "lanhdao", DossierAction.Assign, new ActionInput(Assignee: "chuyenvien"), clock, log, ct))
            {
                return;
            }
        }
        Next(TimeSpan.FromDays(1));
        await ActAsync(scopes, agencyId, code, quality ? "chuyenvien" : "lanhdao", DossierAction.RequestSupplement,
            new ActionInput(Note: "Đề nghị Ông/Bà bổ sung giấy tờ mà lần bổ sung trước chưa đạt yêu cầu.",
                SupplementItems: [new(papers[0], "Tệp đã nộp bổ sung là bản chụp bản sao, không có chứng thực; đề nghị nộp bản sao có chứng thực.", basis)],
                SupplementAct: SupplementAct.ProcessingRequest), clock, log, ct);
    }

    /// <summary>The papers of the dossier in the procedure's order, and the legal basis an item cites: the procedure's first legal text.</summary>
    private static async Task<(List<string> Papers, string Basis)> PapersAsync(AppDbContext db, string code, CancellationToken ct)
    {
        var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Code == code).Select(d => new { d.Id, d.ProcedureVersionId }).SingleAsync(ct);
        var papers = await db.Set<DossierPaper>().AsNoTracking().Where(p => p.DossierId == dossier.Id).OrderBy(p => p.Seq).Select(p => p.Name).ToListAsync(ct);
        var law = await db.ProcedureVersions.AsNoTracking().Where(v => v.Id == dossier.ProcedureVersionId).SelectMany(v => v.LegalBases)
            .OrderBy(b => b.Seq).Select(b => b.Number).FirstOrDefaultAsync(ct);
        return (papers, law is null ? "Thành phần hồ sơ theo quyết định công bố thủ tục hành chính" : "Thành phần hồ sơ quy định tại văn bản số " + law);
    }

    private static async Task<ClaimsPrincipal?> PrincipalAsync(IServiceProvider sp, string user, int agencyId)
    {
        var account = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(user);
        return account is null || account.AgencyId != agencyId ? null : await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(account);
    }

    private static async Task<bool> ActAsync(IServiceScopeFactory scopes, int agencyId, string code, string user, DossierAction action, ActionInput input, DemoClock clock,
        ILogger log, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        if (await PrincipalAsync(sp, user, agencyId) is not { } principal)
        {
            return false;
        }
        var store = ActivatorUtilities.CreateInstance<DossierStore>(sp, (TimeProvider)clock);
        var act = ActivatorUtilities.CreateInstance<ActOnDossier>(sp, (TimeProvider)clock, store);
        var result = await act.ApplyAsync(code, action, input, null, principal, ct);
        if (result.Kind != OutcomeKind.Ok)
        {
            Warn(log, action.ToString(), code, result.Title + " " + result.Detail);
            return false;
        }
        return true;
    }

    private static void Warn(ILogger log, string step, string code, string? problem)
    {
        // The dossier stays where the refused step found it: a demo still starts.
        if (log.IsEnabled(LogLevel.Warning))
        {
            log.LogWarning("Demo supplement: {Step} of {Code} refused: {Problem}", step, code, problem);
        }
    }

    /// <summary>A one-page PDF with one line of text, enough for a viewer to open.</summary>
    private static byte[] Pdf(string text)
    {
        var content = "BT /F1 14 Tf 72 760 Td (" + text + ") Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + content.Length.ToString(CultureInfo.InvariantCulture) + " >>\nstream\n" + content + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n");
        }
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
