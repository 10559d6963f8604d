using System.Net;
using System.Net.Sockets;

namespace MotCua.Web.Features.Integrations;

/// <summary>What an address is, for deciding whether the server may send a request to it.</summary>
public enum AddressKind
{
    /// <summary>A globally reachable unicast address.</summary>
    Public,

    /// <summary>The server itself (127.0.0.0/8, ::1, or one of them embedded in an IPv6 form).</summary>
    Loopback,

    /// <summary>An organisation's own network (RFC 1918, 100.64.0.0/10, fc00::/7, fec0::/10).</summary>
    PrivateNetwork,

    /// <summary>Never a webhook receiver: link-local, cloud metadata, multicast, documentation, benchmarking, tunnels.</summary>
    Forbidden,
}

/// <summary>The kind of an address and, unless public, what it is in Vietnamese (shown to the administrator).</summary>
public readonly record struct AddressClass(AddressKind Kind, string? Description);

/// <summary>
/// Classifies an IP address against the IANA IPv4 and IPv6 special-purpose address registries. Every IPv6 form that
/// carries an IPv4 address (mapped, compatible, SIIT-translated, NAT64) is judged by the IPv4 address it carries, and
/// the tunnelling prefixes (6to4, Teredo, the local-use NAT64 prefix) are refused outright because the IPv4 address
/// they reach depends on a relay the application does not control. Pure: no DNS, no configuration.
/// </summary>
public static class SpecialAddresses
{
    private static readonly AddressClass Public = new(AddressKind.Public, null);

    /// <summary>Cloud instance-metadata endpoints outside 169.254.0.0/16, refused even when private networks are allowed.</summary>
    private static readonly IPAddress[] Metadata =
    [
        IPAddress.Parse("100.100.100.200"), // Alibaba Cloud
        IPAddress.Parse("168.63.129.16"),   // Azure host (WireServer)
        IPAddress.Parse("fd00:ec2::254"),   // AWS IMDS over IPv6
        IPAddress.Parse("fd00:ec2::23"),    // AWS DNS over IPv6
    ];

    public static AddressClass Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ClassifyV6(address.GetAddressBytes()),
            _ => new(AddressKind.Forbidden, "loại địa chỉ không được hỗ trợ"),
        };
    }

    private static AddressClass ClassifyV4(byte[] b)
    {
        if (Metadata.Any(m => m.AddressFamily == AddressFamily.InterNetwork && m.GetAddressBytes().AsSpan().SequenceEqual(b)))
        {
            return new(AddressKind.Forbidden, "dịch vụ metadata của máy chủ đám mây");
        }
        return b switch
        {
            [127, ..] => new(AddressKind.Loopback, "địa chỉ nội bộ của máy chủ (loopback)"),
            [0, ..] => new(AddressKind.Forbidden, "địa chỉ không hợp lệ (0.0.0.0/8)"),
            [169, 254, ..] => new(AddressKind.Forbidden, "địa chỉ link-local (169.254.0.0/16, gồm dịch vụ metadata của máy chủ đám mây)"),
            [10, ..] or [172, >= 16 and <= 31, ..] or [192, 168, ..] => new(AddressKind.PrivateNetwork, "mạng riêng (RFC 1918)"),
            [100, >= 64 and <= 127, ..] => new(AddressKind.PrivateNetwork, "mạng riêng của nhà mạng (100.64.0.0/10)"),
            [192, 0, 0, _] => new(AddressKind.Forbidden, "địa chỉ dành riêng cho giao thức (192.0.0.0/24)"),
            [192, 0, 2, _] or [198, 51, 100, _] or [203, 0, 113, _] => new(AddressKind.Forbidden, "địa chỉ dành cho tài liệu (TEST-NET)"),
            [192, 88, 99, _] => new(AddressKind.Forbidden, "địa chỉ chuyển tiếp 6to4 đã bãi bỏ (192.88.99.0/24)"),
            [192, 31, 196, _] or [192, 175, 48, _] or [192, 52, 193, _] => new(AddressKind.Forbidden, "địa chỉ dành riêng cho hạ tầng (AS112/AMT)"),
            [198, 18 or 19, ..] => new(AddressKind.Forbidden, "địa chỉ dành cho đo kiểm (198.18.0.0/15)"),
            [>= 224 and <= 239, ..] => new(AddressKind.Forbidden, "địa chỉ multicast"),
            [>= 240, ..] => new(AddressKind.Forbidden, "địa chỉ dành riêng hoặc broadcast (240.0.0.0/4)"),
            _ => Public,
        };
    }

    private static AddressClass ClassifyV6(byte[] b)
    {
        if (Metadata.Any(m => m.AddressFamily == AddressFamily.InterNetworkV6 && m.GetAddressBytes().AsSpan().SequenceEqual(b)))
        {
            return new(AddressKind.Forbidden, "dịch vụ metadata của máy chủ đám mây");
        }
        var span = b.AsSpan();
        if (span[..15].IndexOfAnyExcept((byte)0) < 0)
        {
            return b[15] switch
            {
                0 => new(AddressKind.Forbidden, "địa chỉ không hợp lệ (::)"),
                1 => new(AddressKind.Loopback, "địa chỉ nội bộ của máy chủ (loopback, ::1)"),
                _ => ClassifyV4(b[12..]),
            };
        }
        // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible, deprecated) and ::ffff:0:a.b.c.d (SIIT-translated) all reach a.b.c.d.
        if (span[..8].IndexOfAnyExcept((byte)0) < 0
            && ((b[8], b[9], b[10], b[11]) is (0, 0, 0xff, 0xff) or (0, 0, 0, 0) or (0xff, 0xff, 0, 0)))
        {
            return ClassifyV4(b[12..]);
        }
        // NAT64 well-known prefix 64:ff9b::/96: the gateway connects to the IPv4 address in the last 32 bits.
        if (span[..12].SequenceEqual((ReadOnlySpan<byte>)[0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0]))
        {
            return ClassifyV4(b[12..]);
        }
        if ((b[0], b[1], b[2], b[3], b[4], b[5]) is (0, 0x64, 0xff, 0x9b, 0, 1))
        {
            return new(AddressKind.Forbidden, "tiền tố dịch địa chỉ NAT64 dùng nội bộ (64:ff9b:1::/48)");
        }
        if (b[0] == 0)
        {
            return new(AddressKind.Forbidden, "địa chỉ IPv6 dành riêng (::/8)");
        }
        if ((b[0], b[1]) is (0x01, 0x00) && span[2..8].IndexOfAnyExcept((byte)0) < 0)
        {
            return new(AddressKind.Forbidden, "địa chỉ loại bỏ (100::/64)");
        }
        if ((b[0], b[1]) is (0x20, 0x02))
        {
            return new(AddressKind.Forbidden, "địa chỉ đường hầm 6to4 (2002::/16) mang địa chỉ IPv4 " + new IPAddress(b[2..6]));
        }
        if ((b[0], b[1], b[2], b[3]) is (0x20, 0x01, 0, 0))
        {
            return new(AddressKind.Forbidden, "địa chỉ đường hầm Teredo (2001::/32)");
        }
        if ((b[0], b[1]) is (0x20, 0x01) && b[2] < 0x02)
        {
            return new(AddressKind.Forbidden, "địa chỉ dành riêng cho giao thức (2001::/23)");
        }
        if ((b[0], b[1], b[2], b[3]) is (0x20, 0x01, 0x0d, 0xb8) || ((b[0], b[1]) is (0x3f, 0xff) && b[2] < 0x10))
        {
            return new(AddressKind.Forbidden, "địa chỉ dành cho tài liệu (2001:db8::/32, 3fff::/20)");
        }
        if ((b[0], b[1], b[2], b[3], b[4], b[5]) is (0x26, 0x20, 0, 0x4f, 0x80, 0))
        {
            return new(AddressKind.Forbidden, "địa chỉ dành riêng cho hạ tầng (AS112)");
        }
        if ((b[0], b[1]) is (0x5f, 0x00))
        {
            return new(AddressKind.Forbidden, "địa chỉ định tuyến phân đoạn (5f00::/16)");
        }
        if (b[0] == 0xff)
        {
            return new(AddressKind.Forbidden, "địa chỉ multicast");
        }
        if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
        {
            return new(AddressKind.Forbidden, "địa chỉ link-local IPv6 (fe80::/10)");
        }
        if ((b[0] & 0xfe) == 0xfc || (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0))
        {
            return new(AddressKind.PrivateNetwork, "mạng riêng IPv6 (fc00::/7)");
        }
        // Only 2000::/3 is allocated for global unicast; anything else is unassigned or reserved.
        return (b[0] & 0xe0) == 0x20 ? Public : new(AddressKind.Forbidden, "địa chỉ IPv6 chưa được cấp phát");
    }
}
