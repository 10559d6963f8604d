using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace MotCua.Web.Features.Integrations;

/// <summary>
/// Where webhooks may go (<c>MotCua:Webhooks:*</c>). Loopback is for tests and single-machine demos only; private
/// networks for an agency whose receivers sit on its LAN. Link-local, cloud metadata addresses and the other
/// special-purpose ranges (<see cref="SpecialAddresses"/>) stay refused whatever the settings say.
/// </summary>
public sealed class WebhookSecurityOptions
{
    public const string Section = "MotCua:Webhooks";

    public bool AllowLoopback { get; set; }

    public bool AllowPrivateNetworks { get; set; }
}

/// <summary>
/// Server-side request forgery guard for webhook URLs: checked when an admin saves a URL and again when a message is
/// delivered (DNS may have changed since), and the delivery client's connect callback refuses a forbidden address
/// at the socket, so a name that re-resolves between check and connect (DNS rebinding) still cannot reach inside.
/// </summary>
public sealed class WebhookUrlGuard(IOptionsMonitor<WebhookSecurityOptions> options)
{
    public const string ClientName = "motcua-webhooks";

    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Null when the URL may be used; otherwise the reason, in Vietnamese.</summary>
    public async Task<string?> CheckAsync(string? url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "Địa chỉ nhận phải là URL đầy đủ bắt đầu bằng https:// (hoặc http://).";
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Địa chỉ nhận không được chứa tên đăng nhập hoặc mật khẩu.";
        }
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(uri.IdnHost, cancellationToken);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"Không phân giải được tên miền \"{uri.Host}\".";
        }
        if (addresses.Length == 0)
        {
            return $"Không phân giải được tên miền \"{uri.Host}\".";
        }
        var refused = addresses.FirstOrDefault(a => Classify(a, options.CurrentValue) is not null);
        return refused is null ? null : $"Địa chỉ nhận trỏ tới {Classify(refused, options.CurrentValue)} ({refused}); hệ thống không gửi dữ liệu vào đó.";
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return [literal];
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ResolveTimeout);
        return await Dns.GetHostAddressesAsync(host, timeout.Token);
    }

    /// <summary>Null when the address may be reached; otherwise what it is, in Vietnamese (<see cref="SpecialAddresses"/>).</summary>
    public static string? Classify(IPAddress address, WebhookSecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var c = SpecialAddresses.Classify(address);
        return c.Kind switch
        {
            AddressKind.Public => null,
            AddressKind.Loopback => options.AllowLoopback ? null : c.Description,
            AddressKind.PrivateNetwork => options.AllowPrivateNetworks ? null : c.Description,
            AddressKind.Forbidden => c.Description,
        };
    }

    /// <summary>The delivery client's connect step: resolve, refuse forbidden addresses, connect to the first allowed one.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(context.DnsEndPoint.Host, cancellationToken);
        var current = options.CurrentValue;
        var refused = addresses.FirstOrDefault(a => Classify(a, current) is not null);
        if (refused is not null || addresses.Length == 0)
        {
            throw new HttpRequestException($"Webhook đến {context.DnsEndPoint.Host} bị từ chối: địa chỉ {refused} không được phép.");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static IServiceCollection AddWebhookGuard(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebhookSecurityOptions>(configuration.GetSection(WebhookSecurityOptions.Section));
        services.AddSingleton<WebhookUrlGuard>();
        services.AddHttpClient(ClientName, c => c.Timeout = TimeSpan.FromSeconds(60))
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // A redirect could point anywhere: receivers must answer at the registered URL.
                AllowAutoRedirect = false,
                ConnectCallback = sp.GetRequiredService<WebhookUrlGuard>().ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            });
        return services;
    }
}
