using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Feedback;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Feedback;

/// <summary>One PAKN in the back office: classify and assign, draft, approve, publish (each action one SaveChanges).</summary>
public sealed class DetailModel(AppDbContext db, FeedbackDesk desk, CalendarProvider calendars, TimeProvider time, FileStore files, DossierWorkflow workflow) : PageModel
{
    public FeedbackItem? Item { get; private set; }

    public string? DuplicateOfCode { get; private set; }

    public List<Unit> Units { get; private set; } = [];

    /// <summary>The related procedure's name in force today, when the code is one of the agency's procedures.</summary>
    public string? ProcedureName { get; private set; }

    public PendingTimeliness? Standing { get; private set; }

    public string? Error { get; private set; }

    public string? Message { get; private set; }

    [BindProperty]
    public string? Action { get; set; }

    [BindProperty]
    public int? UnitId { get; set; }

    [BindProperty]
    public string? TransferredTo { get; set; }

    [BindProperty]
    public string? DuplicateOf { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public long? RowVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        // Decree 13/2023: reads of the sender's contact are logged.
        Shared.Privacy.PersonalDataReads.RecordFeedback(db, time, User, Item!.Code, "feedback-page");
        await db.SaveChangesAsync(ct);
        return Page();
    }

    /// <summary>Downloads an attachment (officers of the agency only; the public never gets a link).</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(long id, long attachmentId, CancellationToken ct)
    {
        var agencyId = User.AgencyId();
        var a = await db.FeedbackAttachments.AsNoTracking()
            .SingleOrDefaultAsync(x => x.Id == attachmentId && x.FeedbackItemId == id && x.AgencyId == agencyId, ct);
        return a is not null && files.Read(a.StoragePath) is { } bytes ? File(bytes, a.ContentType, a.FileName) : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!Enum.TryParse<FeedbackAction>(Action, ignoreCase: false, out var action) || !Enum.IsDefined(action))
        {
            Error = "Thao tác không hợp lệ.";
        }
        else
        {
            Error = (await desk.ApplyAsync(id, action, new FeedbackActionInput(UnitId, TransferredTo, DuplicateOf, Answer, RowVersion), User, ct)).Error;
            Message = Error is null ? $"Đã thực hiện: {FeedbackRules.Name(action)}." : null;
        }
        db.ChangeTracker.Clear();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var agencyId = User.AgencyId();
        Item = await db.FeedbackItems.AsNoTracking().Include(f => f.DuplicateOf).Include(f => f.Attachments).SingleOrDefaultAsync(f => f.Id == id && f.AgencyId == agencyId, ct);
        if (Item is null)
        {
            return false;
        }
        DuplicateOfCode = Item.DuplicateOf?.Code;
        // Only units that can take work, in the organisation's order; the desk-side assignment rule rejects the others too.
        Units = await db.Units.AsNoTracking().Where(u => u.AgencyId == agencyId && u.IsActive).OrderBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(ct);
        // A PAKN about a procedure suggests the unit that handles that procedure's dossiers; otherwise nothing is chosen for
        // the officer (the first unit in the list was the leadership, an easy wrong click).
        if (!string.IsNullOrWhiteSpace(Item.RelatedProcedureCode))
        {
            ProcedureName = (await Catalogue.CatalogueQueries.VersionInForceAsync(db, Item.AgencyId, Item.RelatedProcedureCode, time.GetUtcNow(), ct))?.Name;
        }
        if (UnitId is null && Item.AssignedUnitId is null && !string.IsNullOrWhiteSpace(Item.RelatedProcedureCode))
        {
            UnitId = await workflow.UnitInChargeAsync(Item.AgencyId, Item.RelatedProcedureCode, ct);
        }
        Standing = FeedbackDesk.Standing(Item, time.GetUtcNow(), await calendars.CalculatorAsync(db, agencyId, ct));
        Answer ??= Item.AnswerText;
        return true;
    }
}
