using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Results;

public static class ResultsModule
{
    /// <summary>Result documents, the configured signer (PKCS#12 file or signing service), and the approval's record of the result.</summary>
    public static IServiceCollection AddResults(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(SigningOptions.Section).Get<SigningOptions>() ?? new SigningOptions());
        services.AddHttpClient(SigningServiceSigner.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(60));
        services.AddScoped<IResultSigner>(sp =>
        {
            var options = sp.GetRequiredService<SigningOptions>();
            return string.Equals(options.Signer, "Service", StringComparison.OrdinalIgnoreCase)
                ? new SigningServiceSigner(sp.GetRequiredService<IHttpClientFactory>().CreateClient(SigningServiceSigner.HttpClientName), options)
                : new Pkcs12Signer(options);
        });
        services.AddScoped<PdfSignatures>().AddScoped<ResultDocuments>().AddScoped<FormSignatures>().AddScoped<IDeskResultReadiness, DeskResultReadiness>()
            .AddScoped<Notifications.INationalResultPapers, NationalResultPapers>();
        return services.AddDossierSubscriber<ResultApproval>();
    }
}

/// <summary>
/// At approval the dossier's drafted or signed result is stamped as approved; an approval without one is allowed (paper
/// results exist) and the dossier page flags it (docs/decisions/ADR-011).
/// </summary>
public sealed class ResultApproval : IDossierSubscriber
{
    public async Task OnSavingAsync(AppDbContext db, DossierSaving change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.IsNew || !change.Transitions.Any(t => t.Action == DossierAction.Approve && t.Succeeded))
        {
            return;
        }
        var results = await db.ResultDocuments
            .Where(r => r.AgencyId == change.Dossier.AgencyId && r.DossierId == change.Dossier.Id && (r.Status == ResultStatus.Draft || r.Status == ResultStatus.InForce) && r.ApprovedAt == null)
            .ToListAsync(ct);
        foreach (var r in results)
        {
            r.ApprovedAt = change.At;
        }
    }
}
