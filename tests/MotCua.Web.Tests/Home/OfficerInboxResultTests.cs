using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Results;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Home;

/// <summary>
/// The result's side of the inbox: the leader's "to sign" group holds approved dossiers whose result document is
/// recorded but not signed, and the desk's "to return" group only dossiers whose result is ready to hand over.
/// </summary>
public sealed partial class OfficerInboxTests
{
    /// <summary>Records a result document for the dossier as the result page would (drafted, or signed).</summary>
    private static async Task RecordResultAsync(MotCuaApp app, string code, ResultStatus status)
    {
        await using var db = app.CreateDbContext();
        var dossier = await db.Dossiers.Where(d => d.Code == code).Select(d => new { d.Id, d.AgencyId }).SingleAsync();
        var existing = await db.ResultDocuments.Where(r => r.DossierId == dossier.Id).ToListAsync();
        if (existing.Count > 0)
        {
            existing.ForEach(r => r.Status = status);
        }
        else
        {
            db.ResultDocuments.Add(new ResultDocument
            {
                AgencyId = dossier.AgencyId, DossierId = dossier.Id, DossierCode = code, Number = "12", Symbol = "GP-SKHCN",
                Summary = "Giấy phép tiến hành công việc bức xạ", SignerName = "Lê Văn Lãnh Đạo", SignerPosition = "Giám đốc",
                VerificationCode = Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(), Status = status, DraftedAt = app.Clock.GetUtcNow(),
            });
        }
        await db.SaveChangesAsync();
    }

    private static async Task<string> ApprovedAsync(MotCuaApp app, HttpClient desk, HttpClient leader, HttpClient specialist)
    {
        var code = await AssignedAsync(app, desk, leader);
        await ActAsync(specialist, code, "appraise", new { note = "Đủ điều kiện cấp giấy phép.", leaderUserId = "lanhdao" });
        await ActAsync(leader, code, "approve");
        return code;
    }

    [Fact]
    public async Task The_leader_finds_the_approved_result_to_sign_until_it_is_signed()
    {
        await using var app = new MotCuaApp();
        using var desk = await app.ApiClientAsync("motcua");
        using var leader = await app.ApiClientAsync("lanhdao");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        using var page = await app.LoginAsync("lanhdao");
        var code = await ApprovedAsync(app, desk, leader, specialist);
        Assert.Null(Group(await page.GetStringAsync("/can-bo"), "to-sign")); // nothing recorded: nothing to sign

        await RecordResultAsync(app, code, ResultStatus.Draft);
        var toSign = Group(await page.GetStringAsync("/can-bo"), "to-sign");
        Assert.NotNull(toSign);
        Assert.Equal("1", Count(toSign));
        Assert.Contains("href=\"/ho-so/" + code + "\"", toSign, StringComparison.Ordinal);
        Assert.Contains("1 trong hạn", toSign, StringComparison.Ordinal);

        // Not the specialist's or the desk's work.
        using var specialistPage = await app.LoginAsync("chuyenvien");
        Assert.Null(Group(await specialistPage.GetStringAsync("/can-bo"), "to-sign"));

        await RecordResultAsync(app, code, ResultStatus.InForce);
        Assert.Null(Group(await page.GetStringAsync("/can-bo"), "to-sign"));
    }

    [Fact]
    public async Task An_electronic_result_waits_for_its_signature_before_the_desk_may_return_it()
    {
        await using var app = new MotCuaApp();
        using var desk = await app.ApiClientAsync("motcua");
        using var leader = await app.ApiClientAsync("lanhdao");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        using var page = await app.LoginAsync("motcua");
        var code = await ApprovedAsync(app, desk, leader, specialist);
        await using (var db = app.CreateDbContext())
        {
            var dossier = await db.Dossiers.SingleAsync(d => d.Code == code);
            dossier.ReturnChoice = ResultDelivery.Online;
            await db.SaveChangesAsync();
        }

        await RecordResultAsync(app, code, ResultStatus.Draft);
        Assert.Null(Group(await page.GetStringAsync("/can-bo"), "to-return")); // recorded, not signed: no electronic result yet

        await RecordResultAsync(app, code, ResultStatus.InForce);
        var toReturn = Group(await page.GetStringAsync("/can-bo"), "to-return");
        Assert.NotNull(toReturn);
        Assert.Equal("1", Count(toReturn));
    }
}
