using MotCua.Web.Data;

namespace MotCua.Web.Features.Audit;

public static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // A production host without the key (or any host with a malformed one) stops here, before serving anything.
        AuditKeys.Validate(configuration, environment.IsProduction());
        var developmentKeyFile = Path.Combine(environment.ContentRootPath, "data", "audit.key");
        services.AddSingleton(sp => AuditKeys.Load(configuration, environment.IsProduction(), developmentKeyFile, sp.GetRequiredService<ILogger<AuditKeys>>()));
        services.AddSaveChangesInterceptor<AuditLogGuard>();
        services.AddScoped<Identity.IAccountChangeListener, AccountAudit>();
        if (configuration.GetValue("MotCua:Audit:RunSealer", true))
        {
            services.AddHostedService<AuditSealerService>();
        }
        return services;
    }
}
