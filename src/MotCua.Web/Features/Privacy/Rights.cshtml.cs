using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Core.Legal;
using MotCua.Core.Privacy;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Privacy;

/// <summary>/quyen-du-lieu-ca-nhan: the data subject's rights, the limits in force, and the request form (no login; identified like the look-up).</summary>
[AllowAnonymous]
[EnableRateLimiting(Security.PublicFormPolicy)]
public sealed class RightsModel(PrivacyDesk desk, PrivacyLimits limits, TimeProvider time) : PageModel
{
    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? RecordCode { get; set; }

    [BindProperty]
    public string? Factor { get; set; }

    [BindProperty]
    public string? Details { get; set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public DataSubjectRequest? Submitted { get; private set; }

    public DatedValue<PrivacyLimit> Acknowledge => limits.AcknowledgeOn(time.Today());

    public IEnumerable<(DataSubjectRequestKind Kind, DatedValue<PrivacyLimit> Limit)> Limits =>
        Enum.GetValues<DataSubjectRequestKind>().Select(k => (k, limits.CompleteOn(k, time.Today())));

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        var result = await desk.SubmitAsync(new DataSubjectRequestInput(Kind, RecordCode, Factor, Details), ct);
        if (result.Value is { } request)
        {
            Submitted = request;
        }
        else
        {
            Errors = result.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
