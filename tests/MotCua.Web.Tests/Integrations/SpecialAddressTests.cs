using System.Net;
using MotCua.Web.Features.Integrations;

namespace MotCua.Web.Tests.Integrations;

/// <summary>
/// The address classification behind the webhook SSRF guard, over the IANA IPv4 and IPv6 special-purpose address
/// registries and every IPv6 form that carries an IPv4 address.
/// </summary>
public sealed class SpecialAddressTests
{
    public static TheoryData<string, AddressKind> Table => new()
    {
        // IPv4 special-purpose registry
        { "0.0.0.0", AddressKind.Forbidden },
        { "0.1.2.3", AddressKind.Forbidden },
        { "10.0.0.1", AddressKind.PrivateNetwork },
        { "100.64.0.1", AddressKind.PrivateNetwork },
        { "100.127.255.254", AddressKind.PrivateNetwork },
        { "100.100.100.200", AddressKind.Forbidden }, // Alibaba Cloud metadata, inside 100.64/10
        { "127.0.0.1", AddressKind.Loopback },
        { "127.255.255.254", AddressKind.Loopback },
        { "169.254.169.254", AddressKind.Forbidden },
        { "169.254.170.2", AddressKind.Forbidden },
        { "168.63.129.16", AddressKind.Forbidden }, // Azure WireServer
        { "172.16.0.1", AddressKind.PrivateNetwork },
        { "172.31.255.255", AddressKind.PrivateNetwork },
        { "192.0.0.1", AddressKind.Forbidden },
        { "192.0.0.8", AddressKind.Forbidden },
        { "192.0.0.170", AddressKind.Forbidden }, // NAT64 discovery
        { "192.0.0.171", AddressKind.Forbidden },
        { "192.0.2.1", AddressKind.Forbidden },
        { "192.31.196.1", AddressKind.Forbidden },
        { "192.52.193.1", AddressKind.Forbidden },
        { "192.88.99.1", AddressKind.Forbidden },
        { "192.168.1.1", AddressKind.PrivateNetwork },
        { "192.175.48.1", AddressKind.Forbidden },
        { "198.18.0.1", AddressKind.Forbidden },
        { "198.19.255.255", AddressKind.Forbidden },
        { "198.51.100.7", AddressKind.Forbidden },
        { "203.0.113.9", AddressKind.Forbidden },
        { "224.0.0.1", AddressKind.Forbidden },
        { "239.255.255.250", AddressKind.Forbidden },
        { "240.0.0.1", AddressKind.Forbidden },
        { "255.255.255.255", AddressKind.Forbidden },
        // IPv4 public neighbours of the ranges above
        { "8.8.8.8", AddressKind.Public },
        { "100.63.255.255", AddressKind.Public },
        { "100.128.0.1", AddressKind.Public },
        { "172.15.255.255", AddressKind.Public },
        { "172.32.0.1", AddressKind.Public },
        { "192.0.1.1", AddressKind.Public },
        { "198.17.255.255", AddressKind.Public },
        { "198.20.0.1", AddressKind.Public },
        { "203.113.131.1", AddressKind.Public },
        { "223.255.255.254", AddressKind.Public },

        // IPv6 special-purpose registry
        { "::", AddressKind.Forbidden },
        { "::1", AddressKind.Loopback },
        { "100::1", AddressKind.Forbidden },
        { "2001::1", AddressKind.Forbidden },
        { "2001:0:4136:e378:8000:63bf:3fff:fdd2", AddressKind.Forbidden }, // Teredo
        { "2001:1::1", AddressKind.Forbidden },
        { "2001:2::1", AddressKind.Forbidden },
        { "2001:3::1", AddressKind.Forbidden },
        { "2001:4:112::1", AddressKind.Forbidden },
        { "2001:20::1", AddressKind.Forbidden },
        { "2001:db8::1", AddressKind.Forbidden },
        { "2620:4f:8000::1", AddressKind.Forbidden },
        { "3fff::1", AddressKind.Forbidden },
        { "5f00::1", AddressKind.Forbidden },
        { "fc00::1", AddressKind.PrivateNetwork },
        { "fd12:3456::1", AddressKind.PrivateNetwork },
        { "fd00:ec2::254", AddressKind.Forbidden }, // AWS metadata over IPv6, inside fc00::/7
        { "fe80::1", AddressKind.Forbidden },
        { "febf::1", AddressKind.Forbidden },
        { "fec0::1", AddressKind.PrivateNetwork },
        { "ff02::1", AddressKind.Forbidden },
        { "4000::1", AddressKind.Forbidden }, // outside 2000::/3: unallocated
        { "2001:4860:4860::8888", AddressKind.Public },
        { "2402:800::1", AddressKind.Public },

        // IPv6 forms carrying an IPv4 address: judged by that address
        { "::ffff:127.0.0.1", AddressKind.Loopback },    // mapped
        { "::ffff:169.254.169.254", AddressKind.Forbidden },
        { "::ffff:10.1.2.3", AddressKind.PrivateNetwork },
        { "::ffff:8.8.8.8", AddressKind.Public },
        { "::127.0.0.1", AddressKind.Loopback },         // compatible (deprecated)
        { "::169.254.169.254", AddressKind.Forbidden },
        { "::0.0.0.2", AddressKind.Forbidden },
        { "::ffff:0:7f00:1", AddressKind.Loopback },     // SIIT-translated
        { "::ffff:0:a9fe:a9fe", AddressKind.Forbidden },
        { "64:ff9b::7f00:1", AddressKind.Loopback },     // NAT64 well-known prefix
        { "64:ff9b::a9fe:a9fe", AddressKind.Forbidden },
        { "64:ff9b::c0a8:101", AddressKind.PrivateNetwork },
        { "64:ff9b::808:808", AddressKind.Public },
        { "64:ff9b:1::7f00:1", AddressKind.Forbidden },  // NAT64 local-use prefix
        { "64:ff9b:1:ffff::808:808", AddressKind.Forbidden },
        { "2002:7f00:1::1", AddressKind.Forbidden },     // 6to4 of 127.0.0.1
        { "2002:808:808::1", AddressKind.Forbidden },    // 6to4 of a public address: still a tunnel
        { "::ffff:1:7f00:1", AddressKind.Forbidden },    // in ::/8, not a known embedding
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Classifies_every_registry_entry_and_embedded_form(string address, AddressKind expected)
    {
        var c = SpecialAddresses.Classify(IPAddress.Parse(address));
        Assert.Equal(expected, c.Kind);
        Assert.Equal(expected == AddressKind.Public, c.Description is null);
    }

    [Theory]
    [InlineData("::127.0.0.1")]
    [InlineData("::ffff:0:7f00:1")]
    [InlineData("2002:7f00:1::1")]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2")]
    [InlineData("192.0.0.170")]
    [InlineData("198.18.0.1")]
    public void The_reported_bypasses_are_refused_by_the_guard(string address) =>
        Assert.NotNull(WebhookUrlGuard.Classify(IPAddress.Parse(address), new WebhookSecurityOptions()));

    [Theory]
    [InlineData("fd00:ec2::254")]
    [InlineData("100.100.100.200")]
    [InlineData("169.254.169.254")]
    [InlineData("::ffff:169.254.169.254")]
    public void Metadata_addresses_stay_refused_with_private_networks_and_loopback_allowed(string address) =>
        Assert.NotNull(WebhookUrlGuard.Classify(IPAddress.Parse(address), new WebhookSecurityOptions { AllowPrivateNetworks = true, AllowLoopback = true }));

    [Theory]
    [InlineData("http://[::127.0.0.1]/hook")]
    [InlineData("http://[::ffff:0:7f00:1]/hook")]
    [InlineData("http://[2002:7f00:1::1]/hook")]
    [InlineData("http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook")]
    [InlineData("http://192.0.0.170/hook")]
    [InlineData("http://198.18.0.1/hook")]
    [InlineData("http://2130706433/hook")]
    [InlineData("http://0x7f.1/hook")]
    public async Task Urls_in_every_address_form_are_refused_when_saved(string url)
    {
        var guard = new WebhookUrlGuard(new StaticOptions(new WebhookSecurityOptions()));
        Assert.NotNull(await guard.CheckAsync(url, CancellationToken.None));
    }

    private sealed class StaticOptions(WebhookSecurityOptions value) : Microsoft.Extensions.Options.IOptionsMonitor<WebhookSecurityOptions>
    {
        public WebhookSecurityOptions CurrentValue => value;

        public WebhookSecurityOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<WebhookSecurityOptions, string?> listener) => null;
    }
}
