using System.Security.Cryptography;
using System.Text;
using MotCua.Core.Notifications;

namespace MotCua.Core.Tests.Notifications;

public sealed class WebhookSignatureTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_signature_is_the_hex_hmac_of_timestamp_dot_body()
    {
        var body = Encoding.UTF8.GetBytes("""{"event":"dossier.received","maHoSo":"Hồ sơ 1"}""");
        var ts = Now.ToUnixTimeSeconds();
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("bí-mật"), Encoding.UTF8.GetBytes(ts + "." + Encoding.UTF8.GetString(body))));
        Assert.Equal(expected, WebhookSignature.Sign("bí-mật", ts, body));
    }

    [Fact]
    public void Verification_fails_for_a_tampered_body_a_wrong_secret_or_a_stale_timestamp()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":1}""");
        var ts = Now.ToUnixTimeSeconds();
        var signature = WebhookSignature.Sign("secret", ts, body);
        var tolerance = TimeSpan.FromMinutes(5);
        Assert.True(WebhookSignature.Verify("secret", ts, body, signature, Now.AddMinutes(4), tolerance));
        Assert.True(WebhookSignature.Verify("secret", ts, body, signature.ToUpperInvariant().Replace("SHA256=", "sha256=", StringComparison.Ordinal), Now, tolerance));
        Assert.False(WebhookSignature.Verify("secret", ts, Encoding.UTF8.GetBytes("""{"id":2}"""), signature, Now, tolerance));
        Assert.False(WebhookSignature.Verify("other", ts, body, signature, Now, tolerance));
        Assert.False(WebhookSignature.Verify("secret", ts + 1, body, signature, Now, tolerance));
        Assert.False(WebhookSignature.Verify("secret", ts, body, signature, Now.AddMinutes(6), tolerance));
        Assert.False(WebhookSignature.Verify("secret", ts, body, null, Now, tolerance));
    }

    [Fact]
    public void Every_event_kind_has_an_audience_a_name_and_a_vietnamese_name()
    {
        foreach (var kind in Enum.GetValues<DossierEventKind>())
        {
            Assert.NotEqual(EventAudience.None, EventRouting.AudienceOf(kind));
            Assert.StartsWith("dossier.", EventRouting.EventName(kind), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(EventRouting.DisplayName(kind)));
        }
        Assert.True(EventRouting.AudienceOf(DossierEventKind.EnteredQueue).HasFlag(EventAudience.Officer));
        Assert.True(EventRouting.AudienceOf(DossierEventKind.Received).HasFlag(EventAudience.Citizen));
    }
}
