using Microsoft.AspNetCore.Http;
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
using MotCua.Web.Shared;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Feedback;

/// <summary>One PAKN in the back office: classify and assign, draft, approve, publish (each action one SaveChanges).</summary>
public sealed class DetailModel(AppDbContext db, FeedbackDesk desk, CalendarProvider calendars, TimeProvider time, FileStore files, DossierReferences references) : PageModel
{
    public FeedbackItem? Item { get; private set; }

    public string? DuplicateOfCode { get; private set; }

    public List<Unit> Units { get; private set; } = [];

    /// <summary>The related procedure's name in force today, when the code is one of the agency's procedures.</summary>
    public string? ProcedureName { get; private set; }

    public PendingTimeliness? Standing { get; private set; }

    /// <summary>The agency that received it, when a merge handed it to this one.</summary>
    public string? ReceivedAgencyName { get; private set; }

    public string? Error { get; private set; }

    public string? Message { get; private set; }

    /// <summary>The sender's contact as this officer may see it (<see cref="FeedbackPrivacy"/>).</summary>
    public FeedbackContact? Contact { get; private set; }

    /// <summary>While the answer waits to be published, for an officer who may publish: the texts as they would be published.</summary>
    public IReadOnlyList<RedactedText>? Review { get; private set; }

    /// <summary>What the detector found, each to keep hidden or restore.</summary>
    public IReadOnlyList<(string Text, PersonalDataKind Kind)> Findings { get; private set; } = [];

    /// <summary>Findings the officer marked as not personal data.</summary>
    [BindProperty]
    public List<string> Restore { get; set; } = [];

    /// <summary>More texts to hide, one a line.</summary>
    [BindProperty]
    public string? RedactMore { get; set; }

    /// <summary>Sent only by the review form, so publishing is always the review's explicit "Công khai".</summary>
    [BindProperty]
    public bool Reviewed { get; set; }

    [BindProperty]
    public string? Action { get; set; }

    [BindProperty]
    public int? UnitId { get; set; }

    [BindProperty]
    public string? TransferredTo { get; set; }

    [BindProperty]
    public string? TransferredToEmail { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The transfer deadline while it runs, or how the transfer met it.</summary>
    public TransferView? Transfer { get; private set; }

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
        // Personal-data law: reads of the sender's contact are logged.
        Shared.Privacy.PersonalDataReads.RecordFeedback(db, time, User, Item!.Code, "feedback-page", Contact!.Masked);
        await db.SaveChangesAsync(ct);
        return Page();
    }

    /// <summary>Downloads an attachment: only officers who see the sender's contact in full (the public never gets a link); each download is logged.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(long id, long attachmentId, CancellationToken ct)
    {
        var agencyId = User.AgencyId();
        var a = await db.FeedbackAttachments.AsNoTracking().Include(x => x.FeedbackItem)
            .SingleOrDefaultAsync(x => x.Id == attachmentId && x.FeedbackItemId == id && x.AgencyId == agencyId, ct);
        if (a?.FeedbackItem is null)
        {
            return NotFound();
        }
        if (!FeedbackPrivacy.SeesInFull(User, a.FeedbackItem))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (files.Read(a.StoragePath) is not { } bytes)
        {
            return NotFound();
        }
        Shared.Privacy.PersonalDataReads.RecordFeedback(db, time, User, a.FeedbackItem.Code, "feedback-attachment", masked: false);
        await db.SaveChangesAsync(ct);
        return File(bytes, a.ContentType, a.FileName);
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var restore = RedactionReview.Clean(Restore);
        var redact = RedactionReview.Clean([RedactMore]);
        if (restore is null || redact is null)
        {
            Error = $"Tối đa {RedactionReview.MaxTerms} cụm từ cần ẩn hoặc giữ nguyên, mỗi cụm tối đa {RedactionReview.MaxTermLength} ký tự.";
        }
        else if (Action == PreviewAction)
        {
            // The review redrawn with the officer's choices; nothing is saved.
        }
        else if (!Enum.TryParse<FeedbackAction>(Action, ignoreCase: false, out var action) || !Enum.IsDefined(action))
        {
            Error = "Thao tác không hợp lệ.";
        }
        else
        {
            Error = (await desk.ApplyAsync(id, action, new FeedbackActionInput(UnitId, TransferredTo, DuplicateOf, Answer, RowVersion,
                new RedactionReview(Reviewed, restore, redact), TransferredToEmail, Reason), User, ct)).Error;
            Message = Error is null ? $"Đã thực hiện: {FeedbackRules.Name(action)}." : null;
        }
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        // The page shows the contact again, so this read is logged like the first.
        Shared.Privacy.PersonalDataReads.RecordFeedback(db, time, User, Item!.Code, "feedback-page", Contact!.Masked);
        await db.SaveChangesAsync(ct);
        return Page();
    }

    private Dictionary<string, string> people = [];

    /// <summary>An officer's full name for the user name a record keeps; the user name when the account is gone.</summary>
    public string? Person(string? userName) => userName is not null && people.TryGetValue(userName, out var name) ? name : userName;

    /// <summary>The review form's "Xem lại": redraw the preview with the choices made.</summary>
    public const string PreviewAction = "Preview";

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var agencyId = User.AgencyId();
        Item = await db.FeedbackItems.AsNoTracking().Include(f => f.DuplicateOf).Include(f => f.Attachments).SingleOrDefaultAsync(f => f.Id == id && f.AgencyId == agencyId, ct);
        if (Item is null)
        {
            return false;
        }
        DuplicateOfCode = Item.DuplicateOf?.Code;
        ReceivedAgencyName = Item.ReceivedAgencyId is { } received && received != Item.AgencyId
            ? await db.Agencies.AsNoTracking().Where(a => a.Id == received).Select(a => a.Name).SingleAsync(ct)
            : null;
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
            UnitId = await references.UnitInChargeAsync(Item.AgencyId, Item.RelatedProcedureCode, ct);
        }
        var calculator = await calendars.CalculatorAsync(db, agencyId, ct);
        Standing = FeedbackDesk.Standing(Item, time.GetUtcNow(), calculator);
        Transfer = FeedbackDesk.TransferView(Item, time.GetUtcNow(), calculator);
        TransferredTo ??= Item.TransferredTo;
        Reason ??= Item.TransferReason;
        Answer ??= Item.AnswerText;
        string?[] officers = [Item.DraftedBy, Item.ApprovedBy, Item.RedactionReviewedBy];
        var named = officers.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        people = named.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => u.AgencyId == agencyId && named.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, u => u.FullName, StringComparer.Ordinal, ct);
        Contact = FeedbackPrivacy.Contact(User, Item);
        if (FeedbackRedaction.AwaitsReview(Item) && FeedbackDesk.ApproverRoles.Any(User.IsInRole))
        {
            Review = FeedbackRedaction.Preview(Item, new RedactionReview(false, RedactionReview.Clean(Restore) ?? [], RedactionReview.Clean([RedactMore]) ?? []));
            Findings = FeedbackRedaction.Findings(Item);
        }
        return true;
    }
}
