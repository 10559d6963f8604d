using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Notifications;
using MotCua.Web.Data;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;
using MotCua.Web.Tests.Notifications.Fakes;

namespace MotCua.Web.Tests.Notifications;

/// <summary>
/// The app with every channel pointed at the loopback fakes and the background worker off: tests call
/// <see cref="OutboxProcessor.ProcessOnceAsync"/> themselves and move the fake clock. Passing <c>sharedDatabase</c>
/// runs this instance on another app's database (restart and multi-instance tests).
/// </summary>
public sealed class NotificationsApp(NotificationFakes fakes, TestDatabase? sharedDatabase = null, IReadOnlyDictionary<string, string>? settings = null) : MotCuaApp
{
    /// <summary>Its settings only configure the outbox, the channels and webhooks, which the seed never reads.</summary>
    protected override bool StartsFromSeededTemplate => sharedDatabase is null
        && (settings ?? new Dictionary<string, string>()).Keys.All(k => k.StartsWith("MotCua:Outbox:", StringComparison.Ordinal)
            || k.StartsWith("MotCua:Notifications:", StringComparison.Ordinal) || k.StartsWith("MotCua:Webhooks:", StringComparison.Ordinal));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (sharedDatabase is not null)
        {
            builder.UseSetting("MotCua:Database:Provider", sharedDatabase.Provider);
            builder.UseSetting("MotCua:Database:ConnectionString", sharedDatabase.ConnectionString);
        }
        builder.UseSetting("MotCua:Outbox:RunWorker", "false");
        // The fake webhook receiver listens on loopback, which production refuses (SSRF guard).
        builder.UseSetting("MotCua:Webhooks:AllowLoopback", "true");
        builder.UseSetting("MotCua:Notifications:LogOnlyWhenUnconfigured", "false");
        builder.UseSetting("MotCua:Notifications:CitizenChannels:0", "Email");
        builder.UseSetting("MotCua:Notifications:CitizenChannels:1", "Sms");
        builder.UseSetting("MotCua:Notifications:CitizenChannels:2", "Zalo");
        builder.UseSetting("MotCua:Notifications:Sms:Url", fakes.Sms.Url + "/sms/send");
        builder.UseSetting("MotCua:Notifications:Sms:UserName", "motcua");
        builder.UseSetting("MotCua:Notifications:Sms:Password", "secret");
        builder.UseSetting("MotCua:Notifications:Sms:BrandName", "SOKHCN-PY");
        builder.UseSetting("MotCua:Notifications:Zalo:Url", fakes.Zalo.Url + "/message/template");
        builder.UseSetting("MotCua:Notifications:Zalo:AccessToken", "zalo-token");
        builder.UseSetting("MotCua:Notifications:Email:Host", "127.0.0.1");
        builder.UseSetting("MotCua:Notifications:Email:Port", fakes.Smtp.Port.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("MotCua:Notifications:Email:Security", "None");
        builder.UseSetting("MotCua:Notifications:Email:From", "motcua@skhcn.phuyen.gov.vn");
        builder.UseSetting("MotCua:Notifications:NationalPortal:Url", fakes.Portal.Url + "/dvcqg/DongBoHoSoMC");
        builder.UseSetting("MotCua:Notifications:NationalPortal:Token", "portal-token");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    public OutboxProcessor Processor => Services.GetRequiredService<OutboxProcessor>();

    /// <summary>Processes batches until nothing due is left (at the current fake time).</summary>
    public async Task<int> DrainAsync()
    {
        var total = 0;
        for (var i = 0; i < 100; i++)
        {
            var n = await Processor.ProcessOnceAsync();
            if (n == 0)
            {
                return total;
            }
            total += n;
        }
        throw new InvalidOperationException("The outbox did not drain.");
    }

    /// <summary>Raises an event in its own scope and commits it, as a producer's action would.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> RaiseAsync(DossierNotice e)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var messages = await scope.ServiceProvider.GetRequiredService<Notifier>().RaiseAsync(db, e);
        await db.SaveChangesAsync();
        return messages;
    }

    public async Task<int> AgencyIdAsync()
    {
        await using var db = CreateDbContext();
        return await db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync();
    }

    public async Task<OutboxMessage> MessageAsync(Guid id)
    {
        await using var db = CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public static string UniqueCode() => "000.00.36.H57-250310-" + Random.Shared.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>A Vietnamese mobile number unique enough to tell tests apart in a shared fake.</summary>
    public static string UniquePhone() => "09" + Random.Shared.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    public static DossierNotice Received(int agencyId, string code, string? phone = null, string? email = null) => new()
    {
        AgencyId = agencyId,
        DossierCode = code,
        Kind = DossierEventKind.Received,
        Applicant = new ApplicantContact("Nguyễn Văn An", phone, email),
        ProcedureName = "Cấp giấy chứng nhận đăng ký hoạt động khoa học và công nghệ",
        DueAt = new DateTimeOffset(2025, 3, 24, 10, 0, 0, TimeSpan.Zero),
    };
}
