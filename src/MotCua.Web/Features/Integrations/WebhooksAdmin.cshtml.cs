using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Notifications;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Integrations;

[Authorize(Policy = Policies.Admin)]
public sealed class WebhooksAdminModel(AppDbContext db, TimeProvider time, WebhookUrlGuard guard) : PageModel
{
    public IReadOnlyList<WebhookSubscription> Subscriptions { get; private set; } = [];

    public static IReadOnlyList<string> EventNames { get; } = Enum.GetValues<DossierEventKind>()
        .Where(k => EventRouting.AudienceOf(k).HasFlag(EventAudience.Webhook)).Select(EventRouting.EventName).ToList();

    [BindProperty]
    public WebhookInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public sealed class WebhookInput
    {
        [Required(ErrorMessage = "Vui lòng nhập tên gợi nhớ.")]
        [StringLength(200, ErrorMessage = "Tên tối đa 200 ký tự.")]
        [Display(Name = "Tên hệ thống nhận")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập địa chỉ nhận (URL).")]
        [StringLength(1000, ErrorMessage = "Địa chỉ tối đa 1.000 ký tự.")]
        [Display(Name = "Địa chỉ nhận (URL)")]
        public string Url { get; set; } = "";

        [StringLength(200, MinimumLength = 16, ErrorMessage = "Khóa bí mật phải từ 16 đến 200 ký tự.")]
        [Display(Name = "Khóa bí mật (để trống để hệ thống tự tạo)")]
        public string? Secret { get; set; }

        public List<string> Events { get; set; } = [];
    }

    private int AgencyId => User.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var url = Input.Url?.Trim() ?? "";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            ModelState.AddModelError("Input.Url", "Địa chỉ nhận phải là URL đầy đủ bắt đầu bằng https:// (hoặc http:// trong mạng nội bộ).");
        }
        else if (await guard.CheckAsync(url, cancellationToken) is { } refused)
        {
            // No requests into the server's own network (SSRF): loopback, private, link-local and metadata addresses.
            ModelState.AddModelError("Input.Url", refused);
        }
        var unknown = Input.Events.Where(e => !EventNames.Contains(e, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            ModelState.AddModelError("Input.Events", "Sự kiện không hợp lệ: " + string.Join(", ", unknown) + ".");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        var secret = string.IsNullOrWhiteSpace(Input.Secret) ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) : Input.Secret.Trim();
        var subscription = new WebhookSubscription
        {
            AgencyId = AgencyId,
            Name = Input.Name.Trim().Normalize(System.Text.NormalizationForm.FormC),
            Url = url,
            Secret = secret,
            Events = string.Join(",", Input.Events),
            CreatedAt = time.GetUtcNow(),
        };
        db.WebhookSubscriptions.Add(subscription);
        AuditLog.Append(db, time, User, "webhook.create", nameof(WebhookSubscription), url, "Đăng ký webhook " + subscription.Name + " (" + url + ").");
        await db.SaveChangesAsync(cancellationToken);
        Message = "Đã đăng ký webhook " + subscription.Name + ". Khóa bí mật: " + secret;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostToggleAsync(int id, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(w => w.Id == id && w.AgencyId == AgencyId, cancellationToken)
            ?? throw new Shared.NotFoundException("Không tìm thấy webhook.");
        subscription.IsActive = !subscription.IsActive;
        AuditLog.Append(db, time, User, subscription.IsActive ? "webhook.enable" : "webhook.disable", nameof(WebhookSubscription),
            id.ToString(CultureInfo.InvariantCulture), (subscription.IsActive ? "Bật" : "Tắt") + " webhook " + subscription.Name + ".");
        await db.SaveChangesAsync(cancellationToken);
        Message = (subscription.IsActive ? "Đã bật" : "Đã tắt") + " webhook " + subscription.Name + ".";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(w => w.AgencyId == AgencyId).OrderBy(w => w.Name).ToListAsync(cancellationToken);
}
