using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Feedback;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.AgencyMerges;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Indices;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Organisation.Merging;
using MotCua.Web.Features.Reports;
using MotCua.Web.Shared;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.AgencyMerges;

/// <summary>
/// Open PAKN across an agency merge: the preview counts them, the confirmation hands them to the successor with their
/// deadlines, a hand-over line and an audit entry each, the successor's PAKN officer finds and answers them while the
/// predecessor's closed accounts cannot sign in, the sender's tracking page names both agencies, and the reports and the
/// 766 counts take each PAKN once: for the predecessor before the merge, for the successor (through the lineage) after.
/// </summary>
public sealed partial class PaknMergeTests(MotCuaApp app) : IClassFixture<MotCuaApp>
{
    private const string Page = "/quan-tri/co-quan/hop-nhat";

    [GeneratedRegex("data-testid=\"preview-feedback\">(\\d+)<")]
    private static partial Regex FeedbackCell();

    [GeneratedRegex("name=\"stamp\" value=\"([0-9A-F]+)\"")]
    private static partial Regex Stamp();

    private static async Task<string> SubmitAsync(HttpClient anonymous, string title, string phone)
    {
        var created = await anonymous.PostAsJsonAsync("/api/public/feedback", new
        {
            senderName = "Lê Thị Hợp Nhất", senderAddress = "Buôn Ma Thuột", senderPhone = phone, title, consent = true,
            content = "Đề nghị công bố rõ thời hạn giải quyết thủ tục sau khi hợp nhất cơ quan.",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
    }

    private static async Task<HttpResponseMessage> MergePostAsync(HttpClient client, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await MotCuaApp.AntiforgeryTokenAsync(client, Page);
        return await client.PostAsync(Page + "?handler=" + handler, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Open_PAKN_pass_to_the_successor_with_their_deadlines_where_its_officer_answers_them_and_the_sender_sees_the_handover()
    {
        await using var host = new MotCuaApp();
        using var anonymous = host.CreateClient();
        var waiting = await SubmitAsync(anonymous, "Chờ phân loại sau hợp nhất", "0905318274");
        var handling = await SubmitAsync(anonymous, "Đang xử lý khi hợp nhất", "0905318275");
        var duplicate = await SubmitAsync(anonymous, "Trùng nội dung trước hợp nhất", "0905318276");
        using (var focal = await host.ApiClientAsync("daumoi"))
        {
            int unit;
            await using (var db = host.CreateDbContext())
            {
                unit = await db.Units.Where(u => u.Name == "Phòng Quản lý Khoa học và Công nghệ").Select(u => u.Id).SingleAsync();
            }
            Assert.Equal(HttpStatusCode.OK, (await focal.PostAsJsonAsync($"/api/feedback/{handling}/actions", new { action = "classifyInScope", unitId = unit })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await focal.PostAsJsonAsync($"/api/feedback/{duplicate}/actions", new { action = "classifyDuplicate", duplicateOfCode = waiting })).StatusCode);
        }

        int from, into, open, intoOffice;
        string fromName, intoName;
        Dictionary<string, (DateTimeOffset Due, DateTimeOffset? TransferDue)> deadlines;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var old = await db.Agencies.SingleAsync(a => a.Code == "SKHCN");
            (from, fromName) = (old.Id, old.Name);
            var agency = new Agency { Code = "SKHCN-PAKN", Name = "Sở Khoa học và Công nghệ hợp nhất PAKN", ProvinceCode = old.ProvinceCode };
            var office = new Unit { Agency = agency, Name = "Văn phòng Sở", Kind = UnitKind.Office };
            db.AddRange(agency, office);
            await db.SaveChangesAsync();
            (into, intoName, intoOffice) = (agency.Id, agency.Name, office.Id);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            foreach (var (name, role) in new[] { ("quantri-pakn", Roles.Admin), ("daumoi-pakn", Roles.ControlFocalOfficer), ("lanhdao-pakn", Roles.Leader) })
            {
                var user = new AppUser { UserName = name, FullName = "Cán bộ " + name, AgencyId = agency.Id, UnitId = office.Id, EmailConfirmed = true };
                Assert.True((await users.CreateAsync(user, MotCuaApp.DemoPassword)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            }
            open = await db.FeedbackItems.CountAsync(f => f.AgencyId == from && f.ClosedAt == null);
            deadlines = await db.FeedbackItems.Where(f => f.Code == waiting || f.Code == handling).ToDictionaryAsync(f => f.Code, f => (f.DueAt, f.TransferDueAt));
        }
        Assert.True(open >= 2);

        using var admin = await host.LoginAsync("quantri-pakn");
        Dictionary<string, string> Fields() => new(StringComparer.Ordinal)
        {
            ["Input.FromAgencyId"] = from.ToString(CultureInfo.InvariantCulture), ["Input.IntoAgencyId"] = into.ToString(CultureInfo.InvariantCulture),
            ["Input.EffectiveFrom"] = "2025-03-10", ["Input.Accounts"] = nameof(MergeAccountHandling.Close),
        };
        var html = await (await MergePostAsync(admin, "Preview", Fields())).Content.ReadAsStringAsync();
        Assert.Equal(open, int.Parse(FeedbackCell().Match(html).Groups[1].Value, CultureInfo.InvariantCulture));
        var fields = Fields();
        fields["stamp"] = Stamp().Match(html).Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await MergePostAsync(admin, "Confirm", fields)).StatusCode);

        var note = AgencyMergeService.HandoverNote(fromName, intoName, new DateOnly(2025, 3, 10));
        long handlingId;
        await using (var db = host.CreateDbContext())
        {
            foreach (var code in new[] { waiting, handling })
            {
                var item = await db.FeedbackItems.SingleAsync(f => f.Code == code);
                Assert.Equal(into, item.AgencyId);
                Assert.Equal(from, item.ReceivedAgencyId);
                Assert.Equal(deadlines[code], (item.DueAt, item.TransferDueAt));
                Assert.Equal([note], FeedbackHandover.Notes(item));
                Assert.Single(await db.AuditEntries.Where(e => e.Action == "feedback.merge.handover" && e.EntityId == code).ToListAsync());
            }
            Assert.Equal(0, await db.FeedbackItems.CountAsync(f => f.AgencyId == from && f.ClosedAt == null));
            Assert.Equal(open, await db.AuditEntries.CountAsync(e => e.Action == "feedback.merge.handover"));
            Assert.Equal(open, await db.AgencyMerges.Where(m => m.FromAgencyId == from).Select(m => m.OpenFeedback).SingleAsync());
            // A closed PAKN stays with the agency that handled it.
            var closed = await db.FeedbackItems.SingleAsync(f => f.Code == duplicate);
            Assert.Equal((from, (int?)null, (string?)null), (closed.AgencyId, closed.ReceivedAgencyId, closed.HandoverNotes));
            handlingId = await db.FeedbackItems.Where(f => f.Code == handling).Select(f => f.Id).SingleAsync();
        }

        // The predecessor's closed accounts cannot sign in; the successor's PAKN officer finds the items and they are answered there.
        using (var closedClient = host.CreateNoRedirectClient())
        {
            Assert.NotEqual(HttpStatusCode.Redirect, (await MotCuaApp.PostLoginAsync(closedClient, "daumoi", MotCuaApp.DemoPassword)).StatusCode);
        }
        using var successorOfficer = await host.LoginAsync("daumoi-pakn");
        var register = await successorOfficer.GetStringAsync("/pakn");
        Assert.Contains(waiting, register, StringComparison.Ordinal);
        Assert.Contains(handling, register, StringComparison.Ordinal);
        var detail = await successorOfficer.GetStringAsync($"/pakn/{handlingId}");
        Assert.Contains(note, detail, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"pakn-received-agency\">" + fromName, detail, StringComparison.Ordinal);
        using var focalApi = await host.ApiClientAsync("daumoi-pakn");
        using var leaderApi = await host.ApiClientAsync("lanhdao-pakn");
        Assert.Equal(HttpStatusCode.OK, (await focalApi.PostAsJsonAsync($"/api/feedback/{handling}/actions",
            new { action = "draftAnswer", answer = "Cơ quan hợp nhất tiếp tục giải quyết theo thời hạn đã hẹn." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leaderApi.PostAsJsonAsync($"/api/feedback/{handling}/actions", new { action = "approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leaderApi.PostAsJsonAsync($"/api/feedback/{handling}/actions", new { action = "publish", reviewed = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await focalApi.PostAsJsonAsync($"/api/feedback/{waiting}/actions",
            new { action = "classifyInScope", unitId = intoOffice })).StatusCode);

        // The sender's tracking page names the agency handling it, the one that received it, and the hand-over.
        var token = await MotCuaApp.AntiforgeryTokenAsync(anonymous, "/phan-anh-kien-nghi/tra-cuu");
        var track = await (await anonymous.PostAsync("/phan-anh-kien-nghi/tra-cuu", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = waiting, ["Factor"] = "0905318274", ["__RequestVerificationToken"] = token,
        }))).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"track-agency\">" + intoName + "<", track, StringComparison.Ordinal);
        Assert.Contains(" tại " + fromName, track, StringComparison.Ordinal);
        Assert.Contains(note, track, StringComparison.Ordinal);
    }

    private static ClaimsPrincipal AdminOf(int agencyId) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.Name, "admin"),
        new Claim(ClaimTypes.Role, Roles.Admin),
        new Claim(MotCuaClaims.AgencyId, agencyId.ToString(CultureInfo.InvariantCulture)),
    ], "Test"));

    private static FeedbackItem Item(int agencyId, int? unitId, DateTimeOffset received, FeedbackStatus status, DateTimeOffset? closed = null) => new()
    {
        AgencyId = agencyId, AssignedUnitId = unitId, Code = "PAKN-T-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), ReceivedAt = received,
        Channel = "portal", SenderName = "Người gửi thử", SenderAddress = "Tuy Hòa", SenderPhone = "0905318274", Title = "Phản ánh thử", Content = "Nội dung phản ánh thử về quy định.",
        Status = status, DueAt = received.AddDays(14), ClosedAt = closed, PublishedAt = closed,
        TransferReason = status == FeedbackStatus.AwaitingTransfer ? "Không thuộc thẩm quyền của Sở." : null,
        TransferDueAt = status == FeedbackStatus.AwaitingTransfer ? received.AddDays(7) : null,
    };

    private static async Task<(PaknCounts Bundle, PaknTransferCounts Transfers, int IndexReceived)> CountAsync(AppDbContext db, int agencyId, ReportPeriod period)
    {
        var reporting = ReportingDb.ForPrimary(db);
        var bundle = await ReportBundle.LoadAsync(reporting, agencyId, new ReportRequest(period, GroupBy.Agency, ReportOptions.Default), default);
        var index = await IndexQueries.PaknByUnitAsync(reporting, agencyId, period, default);
        return (bundle.Pakn, bundle.PaknTransfers, index.Values.Sum(c => c.Received));
    }

    [Fact]
    public async Task Reports_and_the_766_counts_take_a_moved_PAKN_once_where_it_was_received_before_the_merge_and_through_the_lineage_after()
    {
        int a, b, unitA;
        var vn = TimeSpan.FromHours(7);
        await using (var db = app.CreateDbContext())
        {
            var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
            var agencyA = new Agency { Code = "PA-" + suffix, Name = "Sở tiền thân " + suffix, ProvinceCode = "66" };
            var agencyB = new Agency { Code = "PB-" + suffix, Name = "Sở hợp nhất " + suffix, ProvinceCode = "66" };
            var unit = new Unit { Agency = agencyA, Name = "Phòng Pháp chế " + suffix, Kind = UnitKind.Office };
            db.AddRange(agencyA, agencyB, unit);
            await db.SaveChangesAsync();
            (a, b, unitA) = (agencyA.Id, agencyB.Id, unit.Id);
            db.FeedbackItems.AddRange(
                Item(a, null, new DateTimeOffset(2024, 11, 20, 9, 0, 0, vn), FeedbackStatus.Received),
                Item(a, unitA, new DateTimeOffset(2024, 11, 21, 9, 0, 0, vn), FeedbackStatus.Published, new DateTimeOffset(2025, 1, 10, 9, 0, 0, vn)),
                Item(a, unitA, new DateTimeOffset(2025, 1, 20, 9, 0, 0, vn), FeedbackStatus.Handling),
                Item(a, null, new DateTimeOffset(2025, 2, 20, 9, 0, 0, vn), FeedbackStatus.AwaitingTransfer),
                Item(b, null, new DateTimeOffset(2025, 2, 10, 9, 0, 0, vn), FeedbackStatus.Received));
            await db.SaveChangesAsync();
        }
        ReportPeriod before = ReportPeriod.Quarter(2024, 4), spanning = ReportPeriod.Quarter(2025, 1);
        Dictionary<string, (PaknCounts Bundle, PaknTransferCounts Transfers, int IndexReceived)> was = [];
        await using (var db = app.CreateDbContext())
        {
            foreach (var (name, agency, period) in new[] { ("A before", a, before), ("B before", b, before), ("A spanning", a, spanning), ("B spanning", b, spanning) })
            {
                was[name] = await CountAsync(db, agency, period);
            }
        }
        Assert.Equal((2, 0, 2, 1), (was["A before"].Bundle.Received, was["B before"].Bundle.Received, was["A spanning"].Bundle.Received, was["B spanning"].Bundle.Received));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var merges = scope.ServiceProvider.GetRequiredService<AgencyMergeService>();
            var request = new MergeRequest(a, b, new DateOnly(2025, 3, 10), MergeAccountHandling.KeepUnits, null, null);
            var (preview, error) = await merges.PreviewAsync(request, AdminOf(b), recordingHistory: false, default);
            Assert.True(preview is not null, error);
            Assert.Equal(3, preview.OpenFeedback);
            var (merge, confirmError) = await merges.ConfirmAsync(request, preview.Stamp, AdminOf(b), recordingHistory: false, default);
            Assert.True(merge is not null, confirmError);
        }

        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(3, await db.FeedbackItems.CountAsync(f => f.AgencyId == b && f.ReceivedAgencyId == a));
            // Before the merge: each agency's figures stay as they were (the moved PAKN still count for A, never for B).
            Assert.Equal(was["A before"], await CountAsync(db, a, before));
            Assert.Equal(was["B before"], await CountAsync(db, b, before));
            Assert.Equal(was["A spanning"], await CountAsync(db, a, spanning));
            // The period of the merge: B's figures are A's plus B's own, each PAKN once.
            var (bundle, transfers, index) = await CountAsync(db, b, spanning);
            var (ab, bb) = (was["A spanning"].Bundle, was["B spanning"].Bundle);
            Assert.Equal(new PaknCounts(ab.Received + bb.Received, ab.Handled + bb.Handled, ab.HandledOnTime + bb.HandledOnTime, ab.Prolonged + bb.Prolonged), bundle);
            Assert.Equal(was["A spanning"].Transfers.Received + was["B spanning"].Transfers.Received, transfers.Received);
            Assert.Equal(1, transfers.Received);
            Assert.Equal(was["A spanning"].IndexReceived + was["B spanning"].IndexReceived, index);
            Assert.Equal(3, index);
        }
    }
}
