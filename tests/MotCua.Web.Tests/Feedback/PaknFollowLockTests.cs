using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Shared;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Feedback;

/// <summary>
/// Following a PAKN by its code and second factor has the dossier look-up's lock: after five wrong factors within the
/// window the code answers only "try again later", even to the right factor, until the lock ends; the sender's own
/// typo followed by the right factor does not add up.
/// </summary>
public sealed class PaknFollowLockTests
{
    private const string Phone = "0905318274";

    private static async Task<string> SubmitAsync(MotCuaApp app)
    {
        using var anonymous = app.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/public/feedback", new
        {
            senderName = "Lê Văn Theo Dõi",
            senderAddress = "12 Nguyễn Tất Thành, Buôn Ma Thuột",
            senderPhone = Phone,
            title = "Thời gian chờ cấp phép kéo dài",
            content = "Đề nghị cơ quan rút ngắn thời gian thẩm định hồ sơ cấp giấy phép, hiện kéo dài nhiều tuần.",
            consent = true,
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("code").GetString()!;
    }

    private static async Task<string> FollowAsync(HttpClient client, string code, string factor)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, "/phan-anh-kien-nghi/tra-cuu");
        var response = await client.PostAsync("/phan-anh-kien-nghi/tra-cuu", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Code"] = code, ["Factor"] = factor,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_wrong_factors_lock_the_code_even_for_the_right_one_until_the_lock_ends()
    {
        await using var app = new MotCuaApp();
        var code = await SubmitAsync(app);
        using var citizen = app.CreateClient();
        const string Locked = "quá nhiều lần nên tạm khóa tra cứu";

        // A typo then the right factor: shown, and the count starts again.
        Assert.Contains(TrackModel.NotFoundMessage, await FollowAsync(citizen, code, "0983651427"), StringComparison.Ordinal);
        Assert.Contains("Đã tiếp nhận, đang phân loại", await FollowAsync(citizen, code, Phone), StringComparison.Ordinal);

        // What is neither a phone number nor an e-mail address can match no sender, so it is no guess and is not counted.
        for (var i = 0; i < SecondFactorThrottle.MaxWrongFactors; i++)
        {
            Assert.Contains(TrackModel.NotFoundMessage, await FollowAsync(citizen, code, "<script>" + i), StringComparison.Ordinal);
        }
        for (var i = 1; i < SecondFactorThrottle.MaxWrongFactors; i++)
        {
            Assert.Contains(TrackModel.NotFoundMessage, await FollowAsync(citizen, code, "098365142" + i), StringComparison.Ordinal);
        }
        var fifth = await FollowAsync(citizen, code, "0983651420");
        Assert.Contains(Locked, fifth, StringComparison.Ordinal);
        Assert.Contains("phản ánh, kiến nghị", fifth, StringComparison.Ordinal);

        // Another client address changes nothing: the count is the code's.
        using var elsewhere = app.CreateClient();
        var right = await FollowAsync(elsewhere, code, Phone);
        Assert.Contains(Locked, right, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã tiếp nhận, đang phân loại", right, StringComparison.Ordinal);

        app.Clock.Advance(SecondFactorThrottle.Window + TimeSpan.FromMinutes(1));
        var after = await FollowAsync(elsewhere, code, Phone);
        Assert.DoesNotContain(Locked, after, StringComparison.Ordinal);
        Assert.Contains("Đã tiếp nhận, đang phân loại", after, StringComparison.Ordinal);
    }
}
