namespace MotCua.Web.Tests.Notifications.Fakes;

/// <summary>The loopback receivers one test class owns: SMS gateway, Zalo, SMTP, national portal and a webhook endpoint.</summary>
public sealed class NotificationFakes : IAsyncLifetime
{
    public FakeHttpReceiver Sms { get; private set; } = null!;

    public FakeHttpReceiver Zalo { get; private set; } = null!;

    public FakeHttpReceiver Portal { get; private set; } = null!;

    public FakeHttpReceiver Webhook { get; private set; } = null!;

    public FakeSmtpServer Smtp { get; } = new();

    public async Task InitializeAsync()
    {
        Sms = await FakeHttpReceiver.StartAsync();
        Zalo = await FakeHttpReceiver.StartAsync();
        Portal = await FakeHttpReceiver.StartAsync();
        Webhook = await FakeHttpReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Sms.DisposeAsync();
        await Zalo.DisposeAsync();
        await Portal.DisposeAsync();
        await Webhook.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
