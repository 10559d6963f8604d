using System.Runtime.CompilerServices;

namespace MotCua.Web.Tests.Infrastructure;

/// <summary>
/// Test apps poll for file changes instead of holding inotify instances, whichever way the tests are started: the
/// hundreds of apps one run starts, some still shutting down while the next start, would exhaust the 128 a user has by
/// default (test.sh sets the same).
/// </summary>
internal static class FileWatching
{
    [ModuleInitializer]
    internal static void PollInsteadOfWatching()
    {
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }
}
