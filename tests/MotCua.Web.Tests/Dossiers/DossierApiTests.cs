using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared.Files;
using MotCua.Web.Shared.Privacy;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>A dossier's journeys through the officer API, on whichever provider the run uses.</summary>
public sealed class DossierApiTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    /// <summary>Cấp giấy phép tiến hành công việc bức xạ: 10 working days, verified.</summary>
    private const string Procedure = "1.000173";

    private static string Unique(string name) => name + " " + Guid.NewGuid().ToString("N")[..8];

    private static object Receipt(string applicant, string channel = "direct", string? outcome = null, string? note = null) => new
    {
        procedureCode = Procedure,
        channel,
        applicant = new { name = applicant, idNumber = "079085001234", phone = "0905123456", email = "a@example.vn", address = "Tuy Hòa, Phú Yên" },
        papers = new[] { new { name = "Đơn đề nghị cấp giấy phép", present = true }, new { name = "Phiếu khai báo", present = true } },
        outcome,
        note,
    };

    private async Task<int> UnitIdAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string code) =>
        await ReadAsync(await client.GetAsync("/api/dossiers/" + code), HttpStatusCode.OK);

    private static async Task<HttpResponseMessage> ActAsync(HttpClient client, string code, string action, object? extra = null)
    {
        var current = await GetAsync(client, code);
        var body = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["action"] = action,
            ["rowVersion"] = current.GetProperty("rowVersion").GetInt64(),
        };
        if (extra is not null)
        {
            foreach (var p in extra.GetType().GetProperties())
            {
                body[p.Name] = p.GetValue(extra);
            }
        }
        return await client.PostAsJsonAsync("/api/dossiers/" + code + "/actions", body);
    }

    private static async Task<JsonElement> OkAsync(HttpClient client, string code, string action, object? extra = null) =>
        await ReadAsync(await ActAsync(client, code, action, extra), HttpStatusCode.OK);

    private static async Task<string> ReceiveAsync(HttpClient desk, string applicant)
    {
        var created = await ReadAsync(await desk.PostAsJsonAsync("/api/dossiers", Receipt(applicant)), HttpStatusCode.Created);
        Assert.Equal("received", created.GetProperty("status").GetString());
        return created.GetProperty("code").GetString()!;
    }

    [Fact]
    public async Task Receive_assign_approve_return_on_time()
    {
        using var desk = await app.ApiClientAsync("motcua");
        using var leader = await app.ApiClientAsync("lanhdao");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        var created = await ReadAsync(await desk.PostAsJsonAsync("/api/dossiers", Receipt(Unique("Công ty Bức Xạ"))), HttpStatusCode.Created);
        var code = created.GetProperty("code").GetString()!;
        Assert.Matches(@"^SKHCN-\d{6}-\d{4}$", code);
        Assert.Equal(JsonValueKind.String, created.GetProperty("dueAt").ValueKind);

        var tdc = await UnitIdAsync("Chi cục Tiêu chuẩn Đo lường Chất lượng");
        await OkAsync(desk, code, "transfer", new { unitId = tdc });
        await OkAsync(leader, code, "assign", new { assignee = "chuyenvien" });
        await OkAsync(specialist, code, "appraise", new { note = "Hồ sơ đủ điều kiện.", leaderUserId = "lanhdao" });
        await OkAsync(leader, code, "approve");
        var returned = await OkAsync(desk, code, "return", new { delivery = "atDesk" });

        Assert.Equal("returned", returned.GetProperty("status").GetString());
        Assert.Equal(10, returned.GetProperty("nationalStatus").GetProperty("code").GetInt32());
        Assert.Contains(returned.GetProperty("timeliness").GetString(), new[] { "early", "onTime" });
        var actions = returned.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["receive", "transfer", "assign", "appraise", "approve", "return"], actions);
        Assert.Contains(returned.GetProperty("forms").EnumerateArray(), f => f.GetProperty("kind").GetString() == "receiptAndAppointment");

        await using var db = app.CreateDbContext();
        // Reads of the applicant's data are audited too (the personal-data law); only the state changes are counted here.
        var audit = await db.AuditEntries.Where(a => a.EntityType == "Dossier" && a.EntityId == code && a.Action != PersonalDataReads.DossierRead).CountAsync();
        Assert.Equal(6, audit); // receipt + 5 transitions, each with its own entry
    }

    [Fact]
    public async Task Receipt_with_transfer_hands_the_dossier_to_the_unit_in_one_action_and_records_both_steps()
    {
        using var desk = await app.ApiClientAsync("motcua");
        using var leader = await app.ApiClientAsync("lanhdao");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        var tdc = await UnitIdAsync("Chi cục Tiêu chuẩn Đo lường Chất lượng");
        var receipt = Receipt(Unique("Công ty Chuyển Ngay"));
        var body = receipt.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(receipt), StringComparer.Ordinal);
        body["transferToUnitId"] = tdc;
        var created = await ReadAsync(await desk.PostAsJsonAsync("/api/dossiers", body), HttpStatusCode.Created);
        Assert.Equal("inProcessing", created.GetProperty("status").GetString());
        var code = created.GetProperty("code").GetString()!;

        var dossier = await GetAsync(desk, code);
        Assert.Equal(tdc, dossier.GetProperty("currentUnitId").GetInt32());
        var events = dossier.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["receive", "transfer"], events.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(["received", "inProcessing"], events.Select(e => e.GetProperty("to").GetString()));
        Assert.Equal(JsonValueKind.Null, events[0].GetProperty("unitId").ValueKind);
        Assert.Equal(tdc, events[1].GetProperty("unitId").GetInt32());
        Assert.Contains(dossier.GetProperty("forms").EnumerateArray(), f => f.GetProperty("kind").GetString() == "receiptAndAppointment");

        await using (var db = app.CreateDbContext())
        {
            // The citizen is told of the receipt; the unit's officers are alerted; one audit entry for the one action.
            var messages = await db.OutboxMessages.Where(m => m.DossierCode == code).ToListAsync();
            Assert.Contains(messages, m => m.Channel == Features.Notifications.OutboxChannel.Sms && m.Recipient == "0905123456");
            var chuyenvien = await db.Users.Where(u => u.UserName == "chuyenvien").Select(u => u.Id).SingleAsync();
            Assert.Contains(messages, m => m.Channel == Features.Notifications.OutboxChannel.InApp && m.RecipientUserId == chuyenvien);
            var steps = await db.DossierStepAssignments.Where(s => s.Dossier!.Code == code).OrderBy(s => s.StepIndex).ToListAsync();
            Assert.NotEmpty(steps);
            Assert.Equal(tdc, steps[0].UnitId);
            Assert.NotNull(steps[0].StartedAt);
            var audit = await db.AuditEntries.Where(a => a.EntityType == "Dossier" && a.EntityId == code && a.Action != PersonalDataReads.DossierRead).ToListAsync();
            Assert.Contains("chuyển ngay", Assert.Single(audit).Summary, StringComparison.Ordinal);
        }

        // The rest of the process runs as after a separate transfer.
        await OkAsync(leader, code, "assign", new { assignee = "chuyenvien" });
        await OkAsync(specialist, code, "appraise", new { note = "Hồ sơ đủ điều kiện.", leaderUserId = "lanhdao" });
        await OkAsync(leader, code, "approve");
        var returned = await OkAsync(desk, code, "return", new { delivery = "atDesk" });
        Assert.Equal(["receive", "transfer", "assign", "appraise", "approve", "return"],
            returned.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Theory]
    [InlineData(987_654, null)]
    [InlineData(0, "refuse")]
    public async Task A_receipt_with_a_transfer_to_no_unit_or_with_a_refusal_is_refused_and_nothing_is_stored(int unitId, string? outcome)
    {
        using var desk = await app.ApiClientAsync("motcua");
        var applicant = Unique("Người Sai Đơn Vị");
        var body = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["procedureCode"] = Procedure,
            ["channel"] = "direct",
            ["applicant"] = new { name = applicant, phone = "0905123456" },
            ["papers"] = new[] { new { name = "Đơn đề nghị", present = true } },
            ["outcome"] = outcome,
            ["note"] = outcome is null ? null : "Không thuộc thẩm quyền",
            ["transferToUnitId"] = unitId == 0 ? await UnitIdAsync("Chi cục Tiêu chuẩn Đo lường Chất lượng") : unitId,
        };
        var response = await desk.PostAsJsonAsync("/api/dossiers", body);
        var problem = await ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("transferToUnitId", out var errors), problem.GetRawText());
        Assert.Contains(outcome is null ? "Đơn vị xử lý không tồn tại" : "Chỉ chuyển ngay", errors[0].GetString(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Dossiers.AnyAsync(d => d.ApplicantName == applicant));
    }

    [Fact]
    public async Task Receipt_and_hand_over_queue_the_citizen_message_and_the_officer_alert_with_the_change()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var code = await ReceiveAsync(desk, Unique("Hộ kinh doanh Thông Báo"));
        await using (var db = app.CreateDbContext())
        {
            var atReceipt = await db.OutboxMessages.Where(m => m.DossierCode == code).ToListAsync();
            Assert.Contains(atReceipt, m => m.Channel == Features.Notifications.OutboxChannel.Email && m.Recipient == "a@example.vn");
            Assert.Contains(atReceipt, m => m.Channel == Features.Notifications.OutboxChannel.Sms && m.Recipient == "0905123456");
            Assert.DoesNotContain(atReceipt, m => m.Channel == Features.Notifications.OutboxChannel.InApp);
        }

        // The transfer to Chi cục TĐC puts the dossier in that unit's queue: its officers are alerted.
        await OkAsync(desk, code, "transfer", new { unitId = await UnitIdAsync("Chi cục Tiêu chuẩn Đo lường Chất lượng") });
        await using (var db = app.CreateDbContext())
        {
            var chuyenvien = await db.Users.Where(u => u.UserName == "chuyenvien").Select(u => u.Id).SingleAsync();
            var alerts = await db.OutboxMessages.Where(m => m.DossierCode == code && m.Channel == Features.Notifications.OutboxChannel.InApp).ToListAsync();
            Assert.Contains(alerts, m => m.RecipientUserId == chuyenvien);
        }

        // The dossier page shows each message with its delivery status.
        var page = await app.LoginAsync("motcua");
        var html = await page.GetStringAsync("/ho-so/" + code);
        Assert.Contains("Thông báo đã gửi", html, StringComparison.Ordinal);
        Assert.Contains("a@example.vn", html, StringComparison.Ordinal);
        Assert.Contains("Đang chờ gửi", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_transition_queues_no_message()
    {
        using var desk = await app.ApiClientAsync("motcua");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        var code = await ReceiveAsync(desk, Unique("Người Không Được Duyệt"));
        await using var db = app.CreateDbContext();
        var before = await db.OutboxMessages.CountAsync(m => m.DossierCode == code);
        var refused = await ActAsync(specialist, code, "approve");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(before, await db.OutboxMessages.CountAsync(m => m.DossierCode == code));
    }

    [Fact]
    public async Task Supplement_resubmit_and_late_return_with_an_apology_letter()
    {
        // Bearer tokens live 8 hours of the fake clock: fresh clients after each jump in time.
        var desk = await app.ApiClientAsync("motcua");
        var specialist = await app.ApiClientAsync("chuyenvien");
        var code = await ReceiveAsync(desk, Unique("Bệnh viện Đa khoa"));
        await OkAsync(desk, code, "transfer", new { unitId = await UnitIdAsync("Chi cục Tiêu chuẩn Đo lường Chất lượng"), assignee = "chuyenvien" });

        var missingNote = await ActAsync(specialist, code, "requestSupplement");
        Assert.Equal(HttpStatusCode.BadRequest, missingNote.StatusCode);
        var noItems = await ActAsync(specialist, code, "requestSupplement", new { note = "Bổ sung bản sao chứng chỉ nhân viên bức xạ." });
        Assert.Equal(HttpStatusCode.BadRequest, noItems.StatusCode); // Mẫu 02 lists each item
        await OkAsync(specialist, code, "requestSupplement", new
        {
            note = "Bổ sung bản sao chứng chỉ nhân viên bức xạ.",
            supplementItems = new[] { new { paper = "Phiếu khai báo", problem = "Thiếu bản sao chứng chỉ nhân viên bức xạ", legalBasis = "Nghị định 142/2020/NĐ-CP" } },
        });
        var second = await ActAsync(specialist, code, "requestSupplement", new { note = "lần hai" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode); // awaiting supplement: not allowed in this status

        app.Clock.Advance(TimeSpan.FromDays(2));
        desk = await app.ApiClientAsync("motcua");
        specialist = await app.ApiClientAsync("chuyenvien");
        var leader = await app.ApiClientAsync("lanhdao");
        var resubmitted = await OkAsync(desk, code, "resubmitSupplement", new { note = "Đã nộp bổ sung." });
        Assert.Equal("inProcessing", resubmitted.GetProperty("status").GetString());
        var due = resubmitted.GetProperty("dueAt").GetDateTimeOffset();

        // The apology needs a delay at least forecast (an hour before the due instant here) and a new appointment after
        // the original due instant; the original stays the legal one.
        app.Clock.Advance(due - app.Clock.GetUtcNow() - TimeSpan.FromHours(1));
        desk = await app.ApiClientAsync("motcua");
        specialist = await app.ApiClientAsync("chuyenvien");
        leader = await app.ApiClientAsync("lanhdao");
        var newAppointment = due.AddDays(3);
        var apology = await OkAsync(specialist, code, "apologyReschedule", new { note = "Cần thêm thời gian thẩm định thực tế.", newAppointment });
        Assert.Equal(due, apology.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(newAppointment, apology.GetProperty("rescheduledDueAt").GetDateTimeOffset());
        var again = await ActAsync(specialist, code, "apologyReschedule", new { note = "lần hai", newAppointment = newAppointment.AddDays(1) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);

        await OkAsync(specialist, code, "appraise", new { note = "Hồ sơ đủ điều kiện.", leaderUserId = "lanhdao" });
        await OkAsync(leader, code, "approve");
        app.Clock.Advance(due - app.Clock.GetUtcNow() + TimeSpan.FromDays(1)); // after the original, before the new appointment
        desk = await app.ApiClientAsync("motcua");
        var returned = await OkAsync(desk, code, "return", new { delivery = "byPost" });
        Assert.Equal("late", returned.GetProperty("timeliness").GetString());
        var forms = returned.GetProperty("forms").EnumerateArray().Select(f => f.GetProperty("kind").GetString()).ToList();
        Assert.Contains("supplementRequest", forms);
        Assert.Contains("apologyAndReschedule", forms);
        Assert.Equal(2, forms.Count(f => f == "receiptAndAppointment")); // a restarted clock gives a new receipt

        await using var db = app.CreateDbContext();
        var id = await db.Dossiers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
        var cases = await db.DossierExplanations.Where(e => e.DossierId == id).Select(e => e.Case).ToListAsync();
        Assert.Contains(MotCua.Core.Dossiers.AccountabilityCase.Supplement, cases);
        Assert.Contains(MotCua.Core.Dossiers.AccountabilityCase.Late, cases);
        var letter = await db.DossierApologies.SingleAsync(a => a.DossierId == id);
        Assert.Equal(due, letter.OriginalDueAt);
    }

    [Fact]
    public async Task Refusal_at_the_desk_issues_the_refusal_form_and_never_an_appointment()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var noReason = await desk.PostAsJsonAsync("/api/dossiers", Receipt(Unique("Ông Ngoài Thẩm Quyền"), outcome: "refuse"));
        var problem = await ReadAsync(noReason, HttpStatusCode.BadRequest);
        Assert.Contains("lý do từ chối", problem.GetProperty("errors").GetProperty("note")[0].GetString(), StringComparison.Ordinal);

        var created = await ReadAsync(await desk.PostAsJsonAsync("/api/dossiers",
            Receipt(Unique("Ông Ngoài Thẩm Quyền"), outcome: "refuse", note: "Hồ sơ thuộc thẩm quyền của UBND cấp xã.")), HttpStatusCode.Created);
        Assert.Equal("refused", created.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("dueAt").ValueKind);
        var dossier = await GetAsync(desk, created.GetProperty("code").GetString()!);
        Assert.Equal(3, dossier.GetProperty("nationalStatus").GetProperty("code").GetInt32());
        Assert.Equal("refusal", Assert.Single(dossier.GetProperty("forms").EnumerateArray()).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Withdrawal_by_the_applicant_ends_the_dossier()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var code = await ReceiveAsync(desk, Unique("Bà Rút Hồ Sơ"));
        var withdrawn = await OkAsync(desk, code, "withdraw", new { note = "Người nộp có đơn xin rút hồ sơ." });
        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, withdrawn.GetProperty("closedAt").ValueKind);
        var after = await ActAsync(desk, code, "transfer", new { unitId = await UnitIdAsync("Chi cục Tiêu chuẩn Đo lường Chất lượng") });
        Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
    }

    [Fact]
    public async Task Two_simultaneous_actions_on_one_dossier_exactly_one_wins()
    {
        using var desk = await app.ApiClientAsync("motcua");
        using var leader = await app.ApiClientAsync("lanhdao");
        var code = await ReceiveAsync(desk, Unique("Công ty Đồng Thời"));
        await OkAsync(desk, code, "transfer", new { unitId = await UnitIdAsync("Chi cục Tiêu chuẩn Đo lường Chất lượng") });
        var version = (await GetAsync(desk, code)).GetProperty("rowVersion").GetInt64();
        var withdraw = desk.PostAsJsonAsync("/api/dossiers/" + code + "/actions", new { action = "withdraw", note = "Rút hồ sơ.", rowVersion = version });
        var assign = leader.PostAsJsonAsync("/api/dossiers/" + code + "/actions", new { action = "assign", assignee = "chuyenvien", rowVersion = version });
        var results = await Task.WhenAll(withdraw, assign);
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(results, r => r.StatusCode != HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, loser.StatusCode);
        Assert.Contains("Hồ sơ đã được cập nhật bởi người khác, vui lòng tải lại", await loser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(version + 1, (await GetAsync(desk, code)).GetProperty("rowVersion").GetInt64());
    }

    [Fact]
    public async Task The_same_receipt_posted_twice_with_one_idempotency_key_creates_one_dossier()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var applicant = Unique("Ông Gửi Lại");
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> Post(object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            return await desk.SendAsync(request);
        }
        var first = await ReadAsync(await Post(Receipt(applicant)), HttpStatusCode.Created);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await ReadAsync(await Post(Receipt(applicant)), HttpStatusCode.Created);
        Assert.Equal(first.GetRawText(), second.GetRawText());
        var different = await Post(Receipt(applicant + " khác"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);

        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Dossiers.CountAsync(d => d.ApplicantName == applicant));
    }

    [Fact]
    public async Task Concurrent_receipts_get_distinct_codes()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var prefix = Unique("Song song");
        var posts = Enumerable.Range(0, 8).Select(i => desk.PostAsJsonAsync("/api/dossiers", Receipt(prefix + " " + i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var responses = await Task.WhenAll(posts);
        var codes = new List<string>();
        foreach (var r in responses)
        {
            codes.Add((await ReadAsync(r, HttpStatusCode.Created)).GetProperty("code").GetString()!);
        }
        Assert.Equal(8, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_specialist_of_another_unit_cannot_act()
    {
        using var desk = await app.ApiClientAsync("motcua");
        using var specialist = await app.ApiClientAsync("chuyenvien");
        var code = await ReceiveAsync(desk, Unique("Viện Nghiên cứu"));
        await OkAsync(desk, code, "transfer", new { unitId = await UnitIdAsync("Phòng Quản lý Khoa học và Công nghệ") });
        var response = await ActAsync(specialist, code, "appraise");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("không thuộc đơn vị", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roles_the_table_does_not_allow_are_refused_with_403()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var code = await ReceiveAsync(desk, Unique("Hộ kinh doanh"));
        await OkAsync(desk, code, "transfer", new { unitId = await UnitIdAsync("Chi cục Tiêu chuẩn Đo lường Chất lượng") });
        var response = await ActAsync(desk, code, "appraise");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task List_filters_by_status_and_unit_and_personal_data_needs_an_officer()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var code = await ReceiveAsync(desk, Unique("Người Liệt Kê"));
        var received = await ReadAsync(await desk.GetAsync("/api/dossiers?status=received"), HttpStatusCode.OK);
        Assert.Contains(received.EnumerateArray(), d => d.GetProperty("code").GetString() == code);
        var bad = await desk.GetAsync("/api/dossiers?status=banana");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/dossiers/" + code)).StatusCode);
    }

    [Fact]
    public async Task Online_dossier_waits_for_the_desk_check_then_is_received()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var created = await ReadAsync(await desk.PostAsJsonAsync("/api/dossiers", Receipt(Unique("Công dân Trực tuyến"), channel: "online")), HttpStatusCode.Created);
        Assert.Equal("submitted", created.GetProperty("status").GetString());
        var received = await OkAsync(desk, created.GetProperty("code").GetString()!, "receive");
        Assert.Equal("received", received.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, received.GetProperty("dueAt").ValueKind);
    }

    [Fact]
    public async Task The_desk_is_refused_as_the_processing_unit_in_vietnamese_and_not_offered_on_the_dossier_page()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var code = await ReceiveAsync(desk, Unique("Công dân Chuyển Nhầm"));
        int deskUnit;
        await using (var db = app.CreateDbContext())
        {
            deskUnit = await db.Units.Where(u => u.Kind == Features.Organisation.UnitKind.OneStopDesk && u.Agency!.Code == "SKHCN").OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
        }
        var before = await GetAsync(desk, code);

        // The desk hands the dossier over; it is not where a process without desk steps is handled.
        var problem = await ReadAsync(await ActAsync(desk, code, "transfer", new { unitId = deskUnit }), HttpStatusCode.BadRequest);
        Assert.Contains("Bộ phận Một cửa chỉ tiếp nhận và chuyển hồ sơ này", problem.GetProperty("errors").GetProperty("unitId")[0].GetString(), StringComparison.Ordinal);
        var unchanged = await GetAsync(desk, code);
        Assert.Equal("received", unchanged.GetProperty("status").GetString());
        Assert.Equal(before.GetProperty("rowVersion").GetInt64(), unchanged.GetProperty("rowVersion").GetInt64());

        // Nor does the dossier page offer it.
        using var page = await app.LoginAsync("motcua");
        var html = await page.GetStringAsync("/ho-so/" + code);
        var select = html[html.IndexOf("<select name=\"UnitId\"", StringComparison.Ordinal)..];
        select = select[..select.IndexOf("</select>", StringComparison.Ordinal)];
        Assert.DoesNotContain($"<option value=\"{deskUnit}\"", select, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{await UnitIdAsync("Chi cục Tiêu chuẩn Đo lường Chất lượng")}\"", select, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_desk_check_of_an_online_dossier_can_receive_and_transfer_at_once_and_a_bad_unit_changes_nothing()
    {
        using var desk = await app.ApiClientAsync("motcua");
        var created = await ReadAsync(await desk.PostAsJsonAsync("/api/dossiers", Receipt(Unique("Công dân Chuyển Ngay"), channel: "online")), HttpStatusCode.Created);
        var code = created.GetProperty("code").GetString()!;
        var before = await GetAsync(desk, code);

        var refused = await ActAsync(desk, code, "receive", new { unitId = 987_654 });
        var problem = await ReadAsync(refused, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("unitId", out _), problem.GetRawText());
        var unchanged = await GetAsync(desk, code);
        Assert.Equal("submitted", unchanged.GetProperty("status").GetString());
        Assert.Equal(before.GetProperty("rowVersion").GetInt64(), unchanged.GetProperty("rowVersion").GetInt64());
        Assert.Equal(before.GetProperty("events").GetArrayLength(), unchanged.GetProperty("events").GetArrayLength());

        var tdc = await UnitIdAsync("Chi cục Tiêu chuẩn Đo lường Chất lượng");
        var received = await OkAsync(desk, code, "receive", new { unitId = tdc });
        Assert.Equal("inProcessing", received.GetProperty("status").GetString());
        Assert.Equal(tdc, received.GetProperty("currentUnitId").GetInt32());
        var actions = received.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["receive", "transfer"], actions.TakeLast(2));
        Assert.Contains(received.GetProperty("forms").EnumerateArray(), f => f.GetProperty("kind").GetString() == "receiptAndAppointment");
    }

    [Fact]
    public async Task Import_is_all_or_nothing_and_derives_the_state_from_the_timestamps()
    {
        using var admin = await app.ApiClientAsync("admin");
        var who = Unique("Nhập Lịch Sử");
        static object Record(string name, string? returnedAt = "2024-05-20T10:00:00+07:00", string received = "2024-05-06T08:30:00+07:00") => new
        {
            procedureCode = Procedure,
            channel = "direct",
            applicant = new { name, phone = "0905000111" },
            receivedAt = received,
            dueAt = "2024-05-20T08:30:00+07:00",
            resolvedAt = returnedAt is null ? null : "2024-05-17T16:00:00+07:00",
            returnedAt,
        };
        var bad = await admin.PostAsJsonAsync("/api/dossiers/import", new[]
        {
            Record(who + " 1"),
            Record(who + " 2", returnedAt: null),
            Record(who + " 3", received: "2024-05-06 08:30"),
        });
        var problem = await ReadAsync(bad, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("[2].receivedAt", out _), problem.GetRawText());
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(0, await db.Dossiers.CountAsync(d => d.ApplicantName.StartsWith(who)));
        }

        var ok = await ReadAsync(await admin.PostAsJsonAsync("/api/dossiers/import", new[] { Record(who + " 1"), Record(who + " 2", returnedAt: null) }), HttpStatusCode.OK);
        Assert.Equal(2, ok.GetProperty("imported").GetInt32());
        var codes = ok.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.All(codes, c => Assert.StartsWith("SKHCN-240506-", c, StringComparison.Ordinal));
        var first = await GetAsync(admin, codes[0]);
        Assert.Equal("returned", first.GetProperty("status").GetString());
        Assert.True(first.GetProperty("imported").GetBoolean());
        Assert.Equal("inProcessing", (await GetAsync(admin, codes[1])).GetProperty("status").GetString());
    }

    [Fact]
    public void Files_are_checked_by_content_not_by_name()
    {
        var store = app.Services.GetRequiredService<DossierFileStore>();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];
        Assert.Equal("image/png", DossierFileStore.Sniff(png));
        Assert.Null(store.Check(new IncomingFile("anh.pdf", png))); // the name lies, the content decides
        Assert.Equal("application/pdf", DossierFileStore.Sniff("%PDF-1.7\n"u8.ToArray()));
        var text = store.Check(new IncomingFile("giay-to.pdf", "Xin chào, tôi là tệp văn bản"u8.ToArray()));
        Assert.NotNull(text);
        Assert.Contains("không đúng định dạng", text, StringComparison.Ordinal);
        Assert.NotNull(store.Check(new IncomingFile("zip.docx", "PK\u0003\u0004not a real zip"u8.ToArray())));
    }
}
