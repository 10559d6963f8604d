namespace MotCua.Web.Features.Audit;

public static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue("MotCua:Audit:RunSealer", true))
        {
            services.AddHostedService<AuditSealerService>();
        }
        return services;
    }
}
