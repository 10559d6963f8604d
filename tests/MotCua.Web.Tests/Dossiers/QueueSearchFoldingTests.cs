using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>
/// The queue's search ignores diacritics through the folded column written in the one save, and the national portal
/// is a channel of its own in the filter.
/// </summary>
public sealed partial class QueueFilterTests
{
    [Fact]
    public async Task Search_without_diacritics_finds_the_applicant_and_the_procedure()
    {
        var tag = Tag();
        var codes = await DossiersAsync(
            new Spec($"Nguyễn Văn An {tag}", "0914000001", "079200000001", DossierChannel.Direct, 1, 5),
            new Spec($"Đặng Thị Ánh {tag}", "0914000002", "079200000002", DossierChannel.Direct, 1, 6));
        using var specialist = await app.LoginAsync("chuyenvien");

        await using (var db = app.CreateDbContext())
        {
            Assert.StartsWith($"nguyen van an {tag.ToLowerInvariant()} / ", await db.Dossiers.Where(d => d.Code == codes[0]).Select(d => d.SearchText).SingleAsync(), StringComparison.Ordinal);
        }
        Assert.Equal([codes[0]], Mine(codes, await UnitCodesAsync(specialist, "q=" + Uri.EscapeDataString($"nguyen van an {tag}"))));
        Assert.Equal([codes[0]], Mine(codes, await UnitCodesAsync(specialist, "q=" + Uri.EscapeDataString($"NGUYEN VAN AN {tag}"))));
        Assert.Equal([codes[1]], Mine(codes, await UnitCodesAsync(specialist, "q=" + Uri.EscapeDataString($"dang thi anh {tag}"))));
        Assert.Equal([codes[1]], Mine(codes, await UnitCodesAsync(specialist, "q=" + Uri.EscapeDataString($"Đặng Thị Ánh {tag}"))));
        // The procedure's name typed without marks finds both.
        Assert.Equal(codes, Mine(codes, await UnitCodesAsync(specialist, "q=" + Uri.EscapeDataString("nhan vien buc xa"))));
        // A LIKE wildcard typed is looked for as itself.
        Assert.Empty(Mine(codes, await UnitCodesAsync(specialist, "q=" + Uri.EscapeDataString($"nguyen%{tag}"))));
    }

    [Fact]
    public async Task The_national_portal_is_a_channel_of_its_own_and_the_counter_does_not_take_it()
    {
        var tag = Tag();
        var codes = await DossiersAsync(
            new Spec($"Cổng {tag} Một", "0915000001", "079300000001", DossierChannel.NationalPortal, 1, 5),
            new Spec($"Cổng {tag} Hai", "0915000002", "079300000002", DossierChannel.Online, 1, 6));
        using var specialist = await app.LoginAsync("chuyenvien");
        var q = "q=" + Uri.EscapeDataString(tag);

        Assert.Equal([codes[0]], await UnitCodesAsync(specialist, q + "&kenh=dvcqg"));
        Assert.Equal([codes[1]], await UnitCodesAsync(specialist, q + "&kenh=tructuyen"));
        Assert.Contains("Cổng DVCQG", WebUtility.HtmlDecode(await specialist.GetStringAsync("/ho-so/hang-doi?" + q)), StringComparison.Ordinal);

        using var desk = await app.ApiClientAsync("motcua");
        var refused = await desk.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "1.000173",
            channel = "nationalPortal",
            applicant = new { name = "Người Nộp " + tag, idNumber = "079300000003", phone = "0915000003" },
            papers = new[] { new { name = "Đơn đề nghị", present = true } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Contains("Cổng Dịch vụ công quốc gia", problem.GetProperty("errors").GetProperty("channel")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dossiers_stored_before_the_search_column_are_filled_in_batches()
    {
        var tag = Tag();
        var codes = await DossiersAsync(new Spec($"Lê Văn Cũ {tag}", "0916000001", "079400000001", DossierChannel.Direct, 1, 5));
        await using var db = app.CreateDbContext();
        await db.Dossiers.Where(d => d.Code == codes[0]).ExecuteUpdateAsync(s => s.SetProperty(d => d.SearchText, (string?)null));

        while (await DossierSearch.BackfillOnceAsync(db, 2, default) > 0)
        {
        }
        Assert.StartsWith($"le van cu {tag.ToLowerInvariant()} / ", await db.Dossiers.Where(d => d.Code == codes[0]).Select(d => d.SearchText).SingleAsync(), StringComparison.Ordinal);
    }
}
