using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Citizens;

/// <summary>The fields of an online submission as typed, saved with a draft or submitted.</summary>
public sealed record DraftFields(string? Name, string? IdNumber, string? Phone, string? Email, string? Address,
    ApplicantKind Kind = ApplicantKind.Individual, string? OrganisationName = null, string? TaxCode = null);

/// <summary>
/// Saving and resuming online submissions (lưu nháp, tiếp tục nộp). The resume token is random (100 bits), shown once
/// and e-mailed when an address is given; only its SHA-256 is stored. Drafts expire after
/// <c>MotCua:OnlineDrafts:ExpiryDays</c> (30 by default); expired ones are removed, files included, whenever drafts
/// are saved or looked up, so no background job is needed.
/// </summary>
public sealed class OnlineDrafts(AppDbContext db, TimeProvider time, FileStore files, IConfiguration config, PublicUrls urls, IOptions<NotificationOptions> notices)
{
    // No 0/O, 1/I/L: the code may be read from a screen and typed.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public const string TaxCodeInvalid = "Mã số thuế không hợp lệ: mã số thuế của tổ chức gồm 10 chữ số; của chi nhánh, đơn vị phụ thuộc gồm 13 chữ số (10 chữ số, dấu gạch ngang và 3 chữ số).";

    public const string NotFound = "Mã tiếp tục nộp hồ sơ không đúng hoặc bản nháp đã hết hạn. Vui lòng kiểm tra lại mã hoặc nộp hồ sơ mới.";

    public int ExpiryDays => Math.Clamp(config.GetValue<int?>("MotCua:Privacy:Retention:DraftDays") ?? config.GetValue<int?>("MotCua:OnlineDrafts:ExpiryDays") ?? 30, 1, 365);

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalise(token))));

    /// <summary>Upper case without spaces or dashes, so "abcd-efgh" and "ABCDEFGH" are the same code.</summary>
    private static string Normalise(string token) =>
        string.Concat(token.Where(c => !char.IsWhiteSpace(c) && c != '-')).ToUpperInvariant();

    /// <summary>The draft of a resume token, or null (blank, malformed, unknown or expired: the same answer).</summary>
    public async Task<OnlineDraft?> FindAsync(string? token, CancellationToken ct)
    {
        await PurgeExpiredAsync(ct);
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
        {
            return null;
        }
        var hash = Hash(token);
        var now = time.GetUtcNow().UtcTicks;
        var draft = await db.OnlineDrafts.Include(d => d.Files).SingleOrDefaultAsync(d => d.TokenHash == hash, ct);
        return draft is null || draft.ExpiresAt.UtcTicks <= now ? null : draft;
    }

    /// <summary>A draft saved under the citizen account <paramref name="accountId"/>, or null (someone else's, unknown or expired alike).</summary>
    public async Task<OnlineDraft?> FindOwnAsync(long id, long accountId, CancellationToken ct)
    {
        await PurgeExpiredAsync(ct);
        var now = time.GetUtcNow();
        return await db.OnlineDrafts.Include(d => d.Files)
            .SingleOrDefaultAsync(d => d.Id == id && d.CitizenAccountId == accountId && d.ExpiresAt > now, ct);
    }

    /// <summary>Removes expired drafts and then their files (a file left by a crash is harmless: nothing points at it).</summary>
    public async Task PurgeExpiredAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // Oldest first, in the ExpiresAt index's order: a batch of 100 is a definite set, not whatever the plan reads first.
        var expired = await db.OnlineDrafts.Include(d => d.Files).Where(d => d.ExpiresAt <= now)
            .OrderBy(d => d.ExpiresAt).ThenBy(d => d.Id).Take(100).ToListAsync(ct);
        if (expired.Count == 0)
        {
            return;
        }
        var paths = expired.SelectMany(d => d.Files).Select(f => f.StoragePath).ToList();
        db.OnlineDrafts.RemoveRange(expired);
        await db.SaveChangesAsync(ct);
        files.Discard(paths);
    }

    /// <summary>Vietnamese problems with the typed fields of a draft (lighter than submission: anything may be blank).</summary>
    public static List<string> Validate(DraftFields f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var errors = new List<string>();
        void Max(string? v, int max, string label)
        {
            if (v is not null && v.Length > max)
            {
                errors.Add($"{label} dài tối đa {max.ToString(CultureInfo.InvariantCulture)} ký tự.");
            }
        }
        Max(f.Name, 300, "Họ tên");
        Max(f.IdNumber, 32, "Số giấy tờ tùy thân");
        Max(f.Phone, 32, "Số điện thoại");
        Max(f.Email, 200, "Thư điện tử");
        Max(f.Address, 500, "Địa chỉ");
        Max(f.OrganisationName, 300, "Tên tổ chức");
        if (f.Kind == ApplicantKind.Organisation && !string.IsNullOrWhiteSpace(f.TaxCode) && ApplicantNumbers.NormalizeTaxCode(f.TaxCode) is null)
        {
            errors.Add(TaxCodeInvalid);
        }
        if (!string.IsNullOrWhiteSpace(f.Phone) && ApplicantNumbers.NormalizePhone(f.Phone) is null)
        {
            errors.Add(ReceiptRules.PhoneInvalid);
        }
        if (!string.IsNullOrWhiteSpace(f.IdNumber) && ApplicantNumbers.NormalizeIdNumber(f.IdNumber, organisation: false) is null)
        {
            errors.Add(ReceiptRules.IdInvalid);
        }
        if (!string.IsNullOrWhiteSpace(f.Email) && !MailAddress.TryCreate(f.Email.Trim(), out _))
        {
            errors.Add("Địa chỉ thư điện tử không hợp lệ.");
        }
        return errors;
    }

    /// <summary>
    /// Saves a new draft (returns its token, the only time it exists in clear) or updates <paramref name="existing"/>
    /// (returns null): fields, the newly uploaded papers (replacing earlier uploads of the same paper) and a fresh
    /// expiry, in one SaveChanges. Uploads must have passed <see cref="FileStore.Check"/>.
    /// </summary>
    public async Task<(OnlineDraft Draft, string? Token)> SaveAsync(OnlineDraft? existing, int agencyId, string procedureCode, DraftFields fields,
        IReadOnlyList<(int PaperIndex, IncomingFile File)> uploads, string? procedureName, CancellationToken ct, HttpRequest? request = null,
        long? citizenAccountId = null, IReadOnlyList<(int Index, string Key, bool Consent)>? reuse = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(uploads);
        await PurgeExpiredAsync(ct);
        var now = time.GetUtcNow();
        string? token = null;
        var draft = existing;
        if (draft is null)
        {
            token = new string(RandomNumberGenerator.GetItems<char>(Alphabet, 20));
            draft = new OnlineDraft { AgencyId = agencyId, TokenHash = Hash(token), ProcedureCode = procedureCode, CreatedAt = now, CitizenAccountId = citizenAccountId };
            db.OnlineDrafts.Add(draft);
        }
        draft.Name = TextSearch.NfcOrNull(fields.Name?.Trim());
        draft.IdNumber = TextSearch.NfcOrNull(fields.IdNumber?.Trim());
        draft.Phone = TextSearch.NfcOrNull(fields.Phone?.Trim());
        draft.Email = TextSearch.NfcOrNull(fields.Email?.Trim());
        draft.Address = TextSearch.NfcOrNull(fields.Address?.Trim());
        draft.ApplicantKind = fields.Kind;
        draft.OrganisationName = fields.Kind == ApplicantKind.Organisation ? TextSearch.NfcOrNull(fields.OrganisationName?.Trim()) : null;
        draft.TaxCode = fields.Kind == ApplicantKind.Organisation ? TextSearch.NfcOrNull(fields.TaxCode?.Trim()) : null;
        // Only a draft kept with a VNeID account may name held documents: they are that person's, checked again at submission.
        draft.ReuseChoices = draft.CitizenAccountId is null ? null : OnlineDraft.FormatReuse(reuse ?? []);
        draft.UpdatedAt = now;
        draft.ExpiresAt = now.AddDays(ExpiryDays);

        var written = new List<string>();
        var replaced = new List<string>();
        try
        {
            foreach (var (index, file) in uploads)
            {
                var stored = files.Save(file, "drafts", draft.TokenHash[..16]);
                written.Add(stored.StoragePath);
                if (draft.Files.FirstOrDefault(f => f.PaperIndex == index) is { } old)
                {
                    if (!string.Equals(old.StoragePath, stored.StoragePath, StringComparison.Ordinal))
                    {
                        replaced.Add(old.StoragePath);
                    }
                    draft.Files.Remove(old);
                }
                draft.Files.Add(new OnlineDraftFile
                {
                    PaperIndex = index, FileName = stored.FileName, ContentType = stored.ContentType, Size = stored.Size,
                    Sha256 = stored.Sha256, StoragePath = stored.StoragePath,
                });
            }
            var link = token is null ? null : ResumeLink(token, request);
            if (token is not null && draft.Email is { } email)
            {
                Outbox.Enqueue(db, time, new OutboxMessage
                {
                    AgencyId = agencyId, Kind = "citizen.draft_saved", Channel = OutboxChannel.Email, Recipient = email,
                    Subject = "Mã tiếp tục nộp hồ sơ trực tuyến",
                    Body = "Kính gửi ông/bà,\n\nHồ sơ nộp trực tuyến của ông/bà" + (procedureName is null ? "" : " (" + procedureName + ")")
                        + " đã được lưu nháp. Mã tiếp tục nộp hồ sơ: " + token + "\nTiếp tục nộp tại: " + link
                        + "\nBản nháp được giữ đến ngày " + draft.ExpiresAt.ToVnDate() + "; sau ngày này bản nháp và các tệp đã tải lên bị xóa."
                        + "\nVui lòng không chia sẻ mã này: người có mã có thể xem và nộp bản nháp."
                        + "\n\nThư này được gửi tự động từ hệ thống một cửa, vui lòng không trả lời.",
                });
            }
            if (token is not null && ApplicantNumbers.NormalizePhone(draft.Phone) is { } phone && notices.Value.CitizenChannelsOrDefault.Contains(OutboxChannel.Sms))
            {
                // The code is the only way back to the draft, so it also goes to the phone the citizen gave.
                Outbox.Enqueue(db, time, new OutboxMessage
                {
                    AgencyId = agencyId, Kind = "citizen.draft_saved", Channel = OutboxChannel.Sms, Recipient = phone,
                    Body = "Mã tiếp tục nộp hồ sơ trực tuyến: " + token + ". Tiếp tục nộp tại: " + link + " (bản nháp giữ đến ngày "
                        + draft.ExpiresAt.ToVnDate() + "). Không chia sẻ mã này.",
                });
            }
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            files.Discard(written);
            throw;
        }
        files.Discard(replaced.Except(written, StringComparer.Ordinal));
        return (draft, token);
    }

    /// <summary>The absolute address that reopens a draft, as shown after saving and sent to the citizen.</summary>
    public string ResumeLink(string token, HttpRequest? request = null) =>
        urls.Absolute("/nop-truc-tuyen?ban-nhap=" + Uri.EscapeDataString(token), request);

    /// <summary>The content of a draft's stored papers, by paper index (missing files are skipped).</summary>
    public Dictionary<int, IncomingFile> Contents(OnlineDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var result = new Dictionary<int, IncomingFile>();
        foreach (var f in draft.Files)
        {
            if (files.Read(f.StoragePath) is { } bytes)
            {
                result[f.PaperIndex] = new IncomingFile(f.FileName, bytes);
            }
        }
        return result;
    }

    /// <summary>Marks the draft for removal in the caller's SaveChanges (the submitted dossier's).</summary>
    public static void RemoveWith(AppDbContext db, OnlineDraft draft)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(draft);
        var stub = new OnlineDraft { Id = draft.Id, TokenHash = draft.TokenHash, ProcedureCode = draft.ProcedureCode };
        db.Attach(stub);
        db.Remove(stub);
    }

    public void DiscardFiles(OnlineDraft draft) => files.Discard(draft.Files.Select(f => f.StoragePath));
}
