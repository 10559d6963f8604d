using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.News;

/// <summary>Back office for news: any officer writes or edits a draft; a leader or admin publishes (and may withdraw) it.</summary>
public sealed class ManageModel(AppDbContext db, TimeProvider time) : PageModel
{
    public List<NewsArticle> Articles { get; private set; } = [];

    public NewsArticle? Editing { get; private set; }

    public List<string> Errors { get; } = [];

    public string? Message { get; private set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    public async Task OnGetAsync(long? id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostSaveAsync(long? id, CancellationToken ct)
    {
        var agencyId = User.AgencyId() ?? 0;
        Errors.AddRange(NewsDesk.Validate(Title, Summary, Body));
        NewsArticle? article = null;
        if (id is { } existing)
        {
            article = await db.Set<NewsArticle>().SingleOrDefaultAsync(n => n.Id == existing && n.AgencyId == agencyId, ct);
            if (article is null)
            {
                return NotFound();
            }
            if (article.IsPublished)
            {
                Errors.Add("Tin bài đã đăng; thu hồi trước khi sửa.");
            }
        }
        if (Errors.Count > 0)
        {
            await LoadAsync(id, ct);
            return Page();
        }
        if (article is null)
        {
            article = new NewsArticle
            {
                AgencyId = agencyId,
                Title = "",
                Summary = "",
                Body = "",
                AuthorUserName = User.Identity?.Name ?? "",
                AuthorName = User.DisplayName(),
                CreatedAt = time.GetUtcNow(),
            };
            db.Add(article);
        }
        article.Title = NewsDesk.Clean(Title!);
        article.Summary = NewsDesk.Clean(Summary!);
        article.Body = NewsDesk.Clean(Body!);
        await db.SaveChangesAsync(ct); // the id is needed for the audit entry's key
        NewsDesk.Audit(db, time, User, "save", article, $"Lưu dự thảo tin bài: {article.Title}");
        await db.SaveChangesAsync(ct);
        return Redirect("/tin-bai?id=" + article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<IActionResult> OnPostPublishAsync(long id, bool publish, CancellationToken ct)
    {
        var agencyId = User.AgencyId();
        var article = await db.Set<NewsArticle>().SingleOrDefaultAsync(n => n.Id == id && n.AgencyId == agencyId, ct);
        if (article is null)
        {
            return NotFound();
        }
        if (!NewsDesk.CanPublish(User))
        {
            Errors.Add("Chỉ lãnh đạo mới được đăng hoặc thu hồi tin bài.");
        }
        else
        {
            article.PublishedAt = publish ? time.GetUtcNow() : null;
            article.PublishedBy = publish ? User.Identity?.Name : null;
            NewsDesk.Audit(db, time, User, publish ? "publish" : "withdraw", article, (publish ? "Đăng tin bài: " : "Thu hồi tin bài: ") + article.Title);
            await db.SaveChangesAsync(ct);
            Message = publish ? "Đã đăng tin bài." : "Đã thu hồi tin bài.";
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(long? id, CancellationToken ct)
    {
        var agencyId = User.AgencyId();
        Articles = await db.Set<NewsArticle>().AsNoTracking().Where(n => n.AgencyId == agencyId).OrderByDescending(n => n.Id).Take(200).ToListAsync(ct);
        Editing = id is { } e ? Articles.FirstOrDefault(n => n.Id == e) : null;
        if (Editing is not null && Errors.Count == 0)
        {
            Title = Editing.Title;
            Summary = Editing.Summary;
            Body = Editing.Body;
        }
    }
}
