using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Privacy;

/// <summary>/quan-tri/yeu-cau-chu-the-du-lieu: the agency's data subjects' requests, open ones first by deadline, due soon and overdue marked.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.ControlFocalOfficer)]
public sealed class RequestsModel(PrivacyDesk desk, TimeProvider time) : PageModel
{
    public IReadOnlyList<DataSubjectRequest> Rows { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow();
        Rows = await desk.ListAsync(User.AgencyId(), ct);
    }
}
