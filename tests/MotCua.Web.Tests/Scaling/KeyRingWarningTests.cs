using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MotCua.Web.Features.Scaling;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Scaling;

/// <summary>Production says so at start-up when the key ring is stored in clear.</summary>
public sealed class KeyRingWarningTests
{
    [Theory]
    [InlineData("Production", true)]
    [InlineData("Staging", false)]
    public async Task Production_without_a_certificate_warns_at_start_up(string environment, bool warns)
    {
        var capture = new LogCapture();
        var check = new KeyRingProtectionCheck(null!, new ConfigurationBuilder().Build(), new TestEnvironment(environment),
            capture.CreateLogger<KeyRingProtectionCheck>());
        await check.StartAsync(CancellationToken.None);
        Assert.Equal(warns, capture.Contains(LogLevel.Warning, "key ring is stored unencrypted"));
    }

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "MotCua.Web";

        public string ContentRootPath { get; set; } = "";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
