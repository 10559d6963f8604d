using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Feedback;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Privacy;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Privacy;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Privacy;

/// <summary>
/// A person's data request about a PAKN after a merge: a PAKN the demo department's predecessor answered before it was
/// merged away is found by its code at the successor's desk, which exports and erases it; a moved PAKN is found by the
/// agency that received it; one agency's desk never reaches an unrelated agency's PAKN.
/// </summary>
public sealed class PaknPrivacyAfterMergeTests
{
    /// <summary>Wednesday 16/12/2026 09:00 in Vietnam: the personal-data law applies.</summary>
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 16, 2, 0, 0, TimeSpan.Zero);

    private static FeedbackItem Item(int agencyId, string phone, FeedbackStatus status) => new()
    {
        AgencyId = agencyId, Code = "PAKN-DL-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), ReceivedAt = new DateTimeOffset(2025, 6, 20, 2, 0, 0, TimeSpan.Zero),
        Channel = "portal", SenderName = "Phạm Thị Riêng Tư", SenderAddress = "Tuy Hòa, Phú Yên", SenderPhone = phone, Title = "Phí thẩm định",
        Content = "Đề nghị giảm phí thẩm định.", Status = status, DueAt = new DateTimeOffset(2025, 7, 4, 10, 0, 0, TimeSpan.Zero),
        ClosedAt = status == FeedbackStatus.Published ? new DateTimeOffset(2025, 6, 27, 3, 0, 0, TimeSpan.Zero) : null,
    };

    private static ClaimsPrincipal FocalOf(int agencyId) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.Name, "daumoi"),
        new Claim(ClaimTypes.Role, Roles.ControlFocalOfficer),
        new Claim(MotCuaClaims.AgencyId, agencyId.ToString(CultureInfo.InvariantCulture)),
    ], "Test"));

    [Fact]
    public async Task A_request_about_a_merged_away_agencys_PAKN_goes_to_the_successors_desk_which_finds_exports_and_erases_it()
    {
        await using var app = new MotCuaApp();
        _ = app.Services;
        app.Clock.SetUtcNow(Wednesday);
        int agencyId, predecessorId, strangerId;
        var answered = default(FeedbackItem)!;
        var moved = default(FeedbackItem)!;
        var foreign = default(FeedbackItem)!;
        await using (var db = app.CreateDbContext())
        {
            agencyId = await db.Users.Where(u => u.UserName == "daumoi").Select(u => u.AgencyId).SingleAsync();
            predecessorId = await db.Agencies.Where(a => a.SucceededById == agencyId).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            var stranger = new Agency { Code = "KHAC-DL", Name = "Sở không liên quan", ProvinceCode = "66" };
            db.Agencies.Add(stranger);
            await db.SaveChangesAsync();
            strangerId = stranger.Id;
            answered = Item(predecessorId, "0905318274", FeedbackStatus.Published);
            moved = Item(agencyId, "0905318276", FeedbackStatus.Handling);
            moved.ReceivedAgencyId = predecessorId;
            foreign = Item(strangerId, "0905318278", FeedbackStatus.Published);
            db.FeedbackItems.AddRange(answered, moved, foreign);
            await db.SaveChangesAsync();
        }

        await using var scope = app.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<PrivacyDesk>();
        var submitted = await desk.SubmitAsync(new DataSubjectRequestInput("Deletion", answered.Code, "0905 318 274", null), default);
        Assert.True(submitted.Ok, string.Join(" ", submitted.Errors.SelectMany(e => e.Value)));
        var request = submitted.Value!;
        // The predecessor has no desk any more: its successor answers for the PAKN it answered.
        Assert.Equal(agencyId, request.AgencyId);
        Assert.Contains(await desk.ListAsync(agencyId, default), r => r.Code == request.Code);
        var data = await desk.SubjectDataAsync(request, default);
        Assert.Contains(data.Records, r => r.Code == answered.Code);
        Assert.True((await desk.ErasureAsync(request, default)).Allowed);
        var done = await desk.AnswerAsync(FocalOf(agencyId), request.Code, new DataSubjectAnswerInput("done", "Đã xóa dữ liệu cá nhân của người gửi."), default);
        Assert.True(done.Ok, string.Join(" ", done.Errors.SelectMany(e => e.Value)));
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(PersonalData.Anonymised, await db.FeedbackItems.Where(f => f.Id == answered.Id).Select(f => f.SenderName).SingleAsync());
        }

        // A request the predecessor's desk took before the merge still finds the PAKN that moved, by the agency that received it.
        var before = await desk.SubmitAsync(new DataSubjectRequestInput("Access", moved.Code, "0905318276", null), default);
        Assert.True(before.Ok);
        await using (var db = app.CreateDbContext())
        {
            await db.DataSubjectRequests.Where(r => r.Code == before.Value!.Code).ExecuteUpdateAsync(s => s.SetProperty(r => r.AgencyId, predecessorId));
        }
        var atPredecessor = (await desk.ListAsync(predecessorId, default)).Single(r => r.Code == before.Value!.Code);
        Assert.Contains((await desk.SubjectDataAsync(atPredecessor, default)).Records, r => r.Code == moved.Code);

        // An unrelated agency's desk, even given the code, reaches nothing of another agency's PAKN.
        var theirs = await desk.SubmitAsync(new DataSubjectRequestInput("Access", foreign.Code, "0905318278", null), default);
        Assert.Equal(strangerId, theirs.Value!.AgencyId);
        await using (var db = app.CreateDbContext())
        {
            await db.DataSubjectRequests.Where(r => r.Code == theirs.Value.Code).ExecuteUpdateAsync(s => s.SetProperty(r => r.RecordCode, moved.Code));
        }
        var misdirected = (await desk.ListAsync(strangerId, default)).Single(r => r.Code == theirs.Value.Code);
        Assert.Empty((await desk.SubjectDataAsync(misdirected, default)).Records);
    }
}
