using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Procedures;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Citizens;

/// <summary>A saved draft's resume link is a whole address, shown once and sent to the e-mail and the phone the citizen gave.</summary>
public sealed partial class DraftLinkTests
{
    private const string Procedure = "1.000173";
    private const string BaseUrl = "https://dichvucong.example.gov.vn";

    [GeneratedRegex("data-testid=\"draft-token\">([A-Z0-9]+)<")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("data-testid=\"draft-link\" href=\"([^\"]+)\"")]
    private static partial Regex LinkPattern();

    [Fact]
    public async Task The_resume_link_is_absolute_on_the_page_and_goes_by_email_and_sms()
    {
        await using var app = new MotCuaApp();
        app.Settings["MotCua:PublicBaseUrl"] = BaseUrl;
        await using (var db = app.CreateDbContext())
        {
            foreach (var v in await db.ProcedureVersions.Include(v => v.Papers).Where(v => v.Procedure!.Code == Procedure).ToListAsync())
            {
                v.OnlineLevel = OnlineServiceLevel.Full;
            }
            await db.SaveChangesAsync();
        }
        using var citizen = app.CreateClient();
        var csrf = await MotCuaApp.AntiforgeryTokenAsync(citizen, "/nop-truc-tuyen?thu-tuc=" + Procedure);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(csrf), "__RequestVerificationToken" },
            { new StringContent(Procedure), "thu-tuc" },
            { new StringContent("Trần Thị Liên Kết"), "Name" },
            { new StringContent("0905 318 274"), "Phone" },
            { new StringContent("lienket@example.vn"), "Email" },
            { new StringContent("true"), "Consent" },
        };
        var response = await citizen.PostAsync("/nop-truc-tuyen?handler=SaveDraft", form);
        var html = await response.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html).Groups[1].Value;
        Assert.Equal(20, token.Length);
        var expected = BaseUrl + "/nop-truc-tuyen?ban-nhap=" + token;
        Assert.Equal(expected, LinkPattern().Match(html).Groups[1].Value);
        Assert.Contains(">" + expected + "</a>", html, StringComparison.Ordinal);

        await using var check = app.CreateDbContext();
        var sent = await check.OutboxMessages.Where(m => m.Kind == "citizen.draft_saved").ToListAsync();
        Assert.Contains(expected, sent.Single(m => m.Channel == OutboxChannel.Email && m.Recipient == "lienket@example.vn").Body, StringComparison.Ordinal);
        var sms = sent.Single(m => m.Channel == OutboxChannel.Sms);
        Assert.Equal("0905318274", sms.Recipient);
        Assert.Contains(expected, sms.Body, StringComparison.Ordinal);
    }
}
