using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Indices;

/// <summary>
/// The 766 index pages' unit picker offers a unit merged into another only for periods that began before the merge:
/// a later period has nothing of it to show, so choosing it would only mislead.
/// </summary>
public sealed class IndexUnitPickerTests
{
    private const string Closed = "Phòng Thử nghiệm đã sáp nhập";

    [Fact]
    public async Task A_unit_merged_on_1_February_is_offered_for_January_and_not_for_March()
    {
        await using var app = new MotCuaApp();
        await using (var db = app.CreateDbContext())
        {
            var agency = await db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync();
            var into = new Unit { AgencyId = agency, Name = "Phòng Thử nghiệm kế thừa", Kind = UnitKind.Division, SortOrder = 9 };
            db.Units.Add(into);
            await db.SaveChangesAsync();
            db.Units.Add(new Unit
            {
                AgencyId = agency, Name = Closed, Kind = UnitKind.Division, SortOrder = 10, IsActive = false,
                SucceededById = into.Id, SucceededFrom = new DateOnly(2025, 2, 1),
            });
            await db.SaveChangesAsync();
        }
        using var leader = await app.LoginAsync("lanhdao");

        var january = WebUtility.HtmlDecode(await leader.GetStringAsync("/chi-so-766?ky=thang&so=1&nam=2025"));
        Assert.Contains(Closed, january, StringComparison.Ordinal);
        var march = WebUtility.HtmlDecode(await leader.GetStringAsync("/chi-so-766?ky=thang&so=3&nam=2025"));
        Assert.DoesNotContain(Closed, march, StringComparison.Ordinal);
        Assert.Contains("Phòng Thử nghiệm kế thừa", march, StringComparison.Ordinal);
    }
}
