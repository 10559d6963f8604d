using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Data;

namespace MotCua.Web.Tests.Infrastructure;

/// <summary>
/// The SQL statements one in-process call sends, read from EF Core's diagnostic events and counted for the calling flow
/// only, so parallel tests and background jobs do not add theirs.
/// </summary>
public sealed class StatementLog : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly AsyncLocal<List<string>?> current = new();
    private readonly List<IDisposable> subscriptions = [];

    public StatementLog() => subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    /// <summary>Runs <paramref name="call"/> and returns the statements it sent.</summary>
    public async Task<IReadOnlyList<string>> CaptureAsync(Func<Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var log = new List<string>();
        current.Value = log;
        try
        {
            await call();
        }
        finally
        {
            current.Value = null;
        }
        lock (log)
        {
            return log.ToList();
        }
    }

    /// <summary>The principal a signed-in demo account has (roles, agency and unit claims), for calling handlers in-process.</summary>
    public static async Task<ClaimsPrincipal> PrincipalAsync(IServiceProvider services, string userName)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var factory = services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        return await factory.CreateAsync((await users.FindByNameAsync(userName))!);
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data && current.Value is { } log)
        {
            lock (log)
            {
                log.Add(data.Command.CommandText);
            }
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }

    void IObserver<DiagnosticListener>.OnError(Exception error) { }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
            subscriptions.Clear();
        }
    }
}
