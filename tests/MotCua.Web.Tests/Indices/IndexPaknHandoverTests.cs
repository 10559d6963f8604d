using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Feedback;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.AgencyMerges;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Indices;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Organisation.Merging;
using MotCua.Web.Shared;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Indices;

/// <summary>
/// The 766 unit breakdown of a PAKN a merge moved into another unit: a period ending before the merge counts it under the
/// unit that held it then, a period ending on or after under the unit holding it now, and the agency's total is the same.
/// </summary>
public sealed class IndexPaknHandoverTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private static ClaimsPrincipal AdminOf(int agencyId) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.Name, "admin"),
        new Claim(ClaimTypes.Role, Roles.Admin),
        new Claim(MotCuaClaims.AgencyId, agencyId.ToString(CultureInfo.InvariantCulture)),
    ], "Test"));

    [Fact]
    public async Task A_PAKN_moved_into_the_successors_unit_counts_under_its_old_unit_before_the_merge_and_its_new_one_after()
    {
        int a, b, unitA, unitB;
        var vn = TimeSpan.FromHours(7);
        var item = new FeedbackItem
        {
            Code = "PAKN-IDX-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), ReceivedAt = new DateTimeOffset(2025, 2, 20, 9, 0, 0, vn),
            Channel = "portal", SenderName = "Võ Văn Chỉ Số", SenderAddress = "Tuy Hòa", SenderPhone = "0905318274", Title = "Phản ánh về thời hạn",
            Content = "Đề nghị rút ngắn thời hạn giải quyết.", Status = FeedbackStatus.Handling, DueAt = new DateTimeOffset(2025, 3, 6, 17, 0, 0, vn),
        };
        await using (var db = app.CreateDbContext())
        {
            var suffix = item.Code[^6..];
            var agencyA = new Agency { Code = "IA-" + suffix, Name = "Sở tiền thân " + suffix, ProvinceCode = "66" };
            var agencyB = new Agency { Code = "IB-" + suffix, Name = "Sở hợp nhất " + suffix, ProvinceCode = "66" };
            var oldUnit = new Unit { Agency = agencyA, Name = "Phòng Pháp chế " + suffix, Kind = UnitKind.Office };
            var newUnit = new Unit { Agency = agencyB, Name = "Văn phòng Sở " + suffix, Kind = UnitKind.Office };
            db.AddRange(agencyA, agencyB, oldUnit, newUnit);
            await db.SaveChangesAsync();
            (a, b, unitA, unitB) = (agencyA.Id, agencyB.Id, oldUnit.Id, newUnit.Id);
            (item.AgencyId, item.AssignedUnitId) = (a, unitA);
            db.FeedbackItems.Add(item);
            await db.SaveChangesAsync();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var merges = scope.ServiceProvider.GetRequiredService<AgencyMergeService>();
            var request = new MergeRequest(a, b, new DateOnly(2025, 3, 10), MergeAccountHandling.MoveToUnit, unitB, null);
            var (preview, error) = await merges.PreviewAsync(request, AdminOf(b), recordingHistory: false, default);
            Assert.True(preview is not null, error);
            var (merge, confirmError) = await merges.ConfirmAsync(request, preview.Stamp, AdminOf(b), recordingHistory: false, default);
            Assert.True(merge is not null, confirmError);
        }
        await using (var db = app.CreateDbContext())
        {
            var moved = await db.FeedbackItems.AsNoTracking().SingleAsync(f => f.Id == item.Id);
            Assert.Equal((b, (int?)unitB, (int?)a), (moved.AgencyId, moved.AssignedUnitId, moved.ReceivedAgencyId));
        }

        // Both periods hold the receipt (20/02); the first ends before the merge (10/03), the second after it.
        var before = ReportPeriod.Custom(new DateOnly(2025, 2, 15), new DateOnly(2025, 3, 5));
        var after = ReportPeriod.Custom(new DateOnly(2025, 2, 15), new DateOnly(2025, 3, 31));
        await using var ctx = app.CreateDbContext();
        var reporting = ReportingDb.ForPrimary(ctx);
        static string Key(int unit) => unit.ToString(CultureInfo.InvariantCulture);

        // Before the merge it was the predecessor's, in its old unit, and the successor had nothing of it.
        var predecessorBefore = await IndexQueries.PaknByUnitAsync(reporting, a, before, default);
        Assert.Equal(1, predecessorBefore.GetValueOrDefault(Key(unitA))?.Received);
        Assert.False(predecessorBefore.ContainsKey(Key(unitB)));
        Assert.Equal(1, predecessorBefore.Values.Sum(c => c.Received));
        Assert.Empty(await IndexQueries.PaknByUnitAsync(reporting, b, before, default));

        // After it, the successor counts it once, under the unit it moved to.
        var successorAfter = await IndexQueries.PaknByUnitAsync(reporting, b, after, default);
        Assert.Equal(1, successorAfter.GetValueOrDefault(Key(unitB))?.Received);
        Assert.False(successorAfter.ContainsKey(Key(unitA)));
        Assert.Equal(1, successorAfter.Values.Sum(c => c.Received));
    }
}
