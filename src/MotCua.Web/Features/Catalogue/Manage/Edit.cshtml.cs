using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Catalogue.Manage;

/// <summary>
/// Creates a procedure or edits its draft. Published versions are never changed: editing a published procedure
/// prepares a draft amendment, which a publication decision puts in force.
/// </summary>
[Authorize(Roles = CatalogueApi.ManagerRoles)]
public sealed class EditModel(AppDbContext db, TimeProvider time, FileStore files, TimeLimitRule limits, IOutputCacheStore pages) : PageModel
{
    /// <summary>The province's online check time today, shown beside the procedure's own.</summary>
    public OnlineCheckLimit ProvinceOnlineCheck => OnlineCheckLimit.For(limits, DateOnly.FromDateTime(time.GetUtcNow().ToOffset(DeadlineCalculator.VietnamOffset).DateTime), null, null);

    public sealed class ProcedureInput
    {
        [StringLength(64, ErrorMessage = "Mã thủ tục tối đa 64 ký tự.")]
        [RegularExpression(@"^\s*[0-9A-Za-z][0-9A-Za-z.\-_]{2,63}\s*$", ErrorMessage = "Mã thủ tục chỉ gồm chữ, số, dấu chấm, gạch ngang (ví dụ 1.004567).")]
        [Display(Name = "Mã thủ tục (để trống nếu chưa có mã quốc gia)")]
        public string? Code { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập tên thủ tục.")]
        [StringLength(1000, ErrorMessage = "Tên thủ tục tối đa 1.000 ký tự.")]
        [Display(Name = "Tên thủ tục")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập lĩnh vực.")]
        [StringLength(300, ErrorMessage = "Tên lĩnh vực tối đa 300 ký tự.")]
        [Display(Name = "Lĩnh vực")]
        public string FieldName { get; set; } = "";

        [Display(Name = "Cấp thực hiện")]
        public ImplementationLevel Level { get; set; } = ImplementationLevel.Province;

        [StringLength(500, ErrorMessage = "Tối đa 500 ký tự.")]
        [Display(Name = "Cơ quan thực hiện")]
        public string? ImplementingAgency { get; set; }

        [Display(Name = "Thời hạn giải quyết (để trống nếu chưa xác minh)")]
        public string? TimeValue { get; set; }

        [Display(Name = "Đơn vị thời hạn")]
        public TimeUnit TimeUnit { get; set; } = TimeUnit.WorkingDays;

        [StringLength(1000, ErrorMessage = "Tối đa 1.000 ký tự.")]
        [Display(Name = "Ghi chú thời hạn")]
        public string? TimeNote { get; set; }

        [Display(Name = "Đã xác minh phí, lệ phí (để trống danh sách nếu không thu phí)")]
        public bool FeesConfirmed { get; set; }

        [Display(Name = "Khi nhận đủ hồ sơ bổ sung (sau khi tiếp nhận)")]
        public SupplementClockPolicy? SupplementPolicy { get; set; }

        [Display(Name = "Thời hạn người nộp bổ sung hồ sơ (để trống nếu thủ tục không quy định)")]
        public string? SupplementLimitValue { get; set; }

        [Display(Name = "Đơn vị thời hạn bổ sung")]
        public TimeUnit SupplementLimitUnit { get; set; } = TimeUnit.WorkingDays;

        [Display(Name = "Thời hạn kiểm tra hồ sơ trực tuyến (giờ làm việc; để trống nếu áp dụng mức chung của tỉnh)")]
        public string? OnlineCheckHours { get; set; }

        [StringLength(500, ErrorMessage = "Tối đa 500 ký tự.")]
        [Display(Name = "Căn cứ của thời hạn kiểm tra riêng (văn bản, điều khoản)")]
        public string? OnlineCheckSource { get; set; }

        public List<PaperRow> Papers { get; set; } = [];

        public List<FeeRow> Fees { get; set; } = [];

        public List<LegalRow> LegalBases { get; set; } = [];

        public bool Citizen { get; set; }

        public bool Enterprise { get; set; }

        public bool Organisation { get; set; }

        [StringLength(4000, ErrorMessage = "Tối đa 4.000 ký tự.")]
        [Display(Name = "Trình tự, cách thức thực hiện")]
        public string? HowToSubmit { get; set; }

        [StringLength(2000, ErrorMessage = "Tối đa 2.000 ký tự.")]
        [Display(Name = "Kết quả thực hiện")]
        public string? Result { get; set; }

        [StringLength(4000, ErrorMessage = "Tối đa 4.000 ký tự.")]
        [Display(Name = "Yêu cầu, điều kiện")]
        public string? Conditions { get; set; }

        [Display(Name = "Mức độ dịch vụ công trực tuyến")]
        public OnlineServiceLevel OnlineLevel { get; set; }

        [Range(1, 4, ErrorMessage = "Mức độ cũ là 1, 2, 3 hoặc 4.")]
        [Display(Name = "Mức độ cũ (2/3/4, cho báo cáo trước 2022)")]
        public int? LegacyOnlineLevel { get; set; }

        public bool PostalReceipt { get; set; }

        public bool PostalReturn { get; set; }

        public bool AtOneStop { get; set; } = true;
    }

    /// <summary>One paper as the officer edits it; text fields stay text so a bad entry comes back as typed.</summary>
    public sealed class PaperRow
    {
        public string? Name { get; set; }

        public PaperForm Form { get; set; } = PaperForm.Original;

        public string? Quantity { get; set; } = "1";

        public PaperRequirement Requirement { get; set; } = PaperRequirement.Required;

        public string? Condition { get; set; }

        public string? Note { get; set; }

        /// <summary>The form's name as the decision cites it, e.g. "Mẫu 01 Phụ lục I Thông tư 03/2014/TT-BKHCN".</summary>
        public string? Template { get; set; }

        /// <summary>The form file already attached (carried from the version this draft comes from).</summary>
        public int? TemplateFileId { get; set; }

        /// <summary>A checked upload not yet saved with a version: its hash in the file store, its name and type.</summary>
        public string? PendingSha256 { get; set; }

        public string? PendingFileName { get; set; }

        public bool RemoveTemplate { get; set; }

        public IFormFile? Upload { get; set; }

        /// <summary>Shown beside the row: the attached or pending file's name, type and size (not bound).</summary>
        [BindNever]
        public string? FileLabel { get; set; }

        [BindNever]
        public int? PaperId { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Condition) && string.IsNullOrWhiteSpace(Note)
            && string.IsNullOrWhiteSpace(Template) && TemplateFileId is null && PendingSha256 is null && Upload is null;
    }

    public sealed class FeeRow
    {
        public FeeKind? Kind { get; set; }

        public string? Name { get; set; }

        public string? Amount { get; set; }

        public string? AppliesTo { get; set; }

        public string? LegalBasis { get; set; }

        public bool IsBlank => Kind is null && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Amount)
            && string.IsNullOrWhiteSpace(AppliesTo) && string.IsNullOrWhiteSpace(LegalBasis);
    }

    public sealed class LegalRow
    {
        public string? Number { get; set; }

        public string? Title { get; set; }

        public string? IssuedOn { get; set; }

        public string? Issuer { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Number) && string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(IssuedOn) && string.IsNullOrWhiteSpace(Issuer);
    }

    [BindProperty]
    public ProcedureInput Input { get; set; } = new();

    /// <summary>A row command of the form without script: "paper-add", "fee-up-2", "legal-remove-0"…; empty or "save" saves.</summary>
    [BindProperty]
    public string? Command { get; set; }

    public Procedure? Procedure { get; private set; }

    public List<string> FieldNames { get; private set; } = [];

    /// <summary>True when saving will start a new draft amendment (the procedure has no draft yet).</summary>
    public bool StartsAmendment { get; private set; }

    private int AgencyId => User.AgencyId() ?? throw new InvalidOperationException("Officer without agency.");

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        await LoadFieldsAsync(ct);
        if (id is null)
        {
            Input.Papers.Add(new PaperRow());
            Input.Fees.Add(new FeeRow());
            Input.LegalBases.Add(new LegalRow());
            return Page();
        }
        Procedure = await CatalogueService.LoadAsync(db, AgencyId, id.Value, ct);
        if (Procedure is null)
        {
            return NotFound();
        }
        if (Procedure.AbolishedFrom is not null)
        {
            return RedirectToPage("Detail", new { id });
        }
        var source = Procedure.Versions.FirstOrDefault(v => v.State == VersionState.Draft) ?? Procedure.Versions.OrderByDescending(v => v.Number).First();
        StartsAmendment = source.State == VersionState.Published;
        Input = ToInput(source);
        Input.Code = Procedure.Code;
        await DescribeFilesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        await LoadFieldsAsync(ct);
        if (id is not null)
        {
            Procedure = await CatalogueService.LoadAsync(db, AgencyId, id.Value, ct);
            if (Procedure is null)
            {
                return NotFound();
            }
            if (Procedure.AbolishedFrom is not null)
            {
                ModelState.AddModelError("", "Thủ tục đã bị bãi bỏ, không thể sửa đổi.");
            }
            StartsAmendment = Procedure.Versions.All(v => v.State != VersionState.Draft);
        }
        await KeepUploadsAsync(ct);
        if (RowCommand(Input, Command))
        {
            // Adding, removing or moving a row without script: the page comes back with every entered value.
            ModelState.Clear();
            _uploadErrors.ForEach(e => ModelState.AddModelError("", e.Message));
            await DescribeFilesAsync(ct);
            return Page();
        }
        await CheckTemplateFilesAsync(ct);
        var content = ToContent(Input, ModelState);
        string? code = null;
        if (Procedure is null && !string.IsNullOrWhiteSpace(Input.Code))
        {
            code = CatalogueQueries.NormalizeCode(Input.Code);
            if (await db.Procedures.AnyAsync(p => p.AgencyId == AgencyId && p.Code == code, ct))
            {
                ModelState.AddModelError("Input.Code", $"Đã có thủ tục mã {code} trong danh mục.");
            }
        }
        if (!ModelState.IsValid || content is null)
        {
            await DescribeFilesAsync(ct);
            return Page();
        }
        string summary;
        ProcedureVersion saved;
        if (Procedure is null)
        {
            var local = code is null;
            if (local)
            {
                var agencyCode = await db.Agencies.Where(a => a.Id == AgencyId).Select(a => a.Code).SingleAsync(ct);
                var taken = (await db.Procedures.Where(p => p.AgencyId == AgencyId).Select(p => p.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
                var n = 0;
                do
                {
                    n++;
                    code = $"{agencyCode}-DP{n.ToString("000", CultureInfo.InvariantCulture)}";
                }
                while (taken.Contains(code));
            }
            Procedure = await CatalogueService.CreateAsync(db, time, AgencyId, code!, local, content, ct);
            saved = Procedure.Versions[0];
            summary = $"Tạo dự thảo thủ tục {code}: {content.Name}.";
        }
        else
        {
            var draft = CatalogueService.DraftOf(db, time, Procedure);
            await CatalogueService.ApplyAsync(db, AgencyId, Procedure, draft, content, ct);
            saved = draft;
            summary = $"Cập nhật dự thảo phiên bản {draft.Number} của thủ tục {Procedure.Code}.";
        }
        var attached = AttachPendingFiles(saved);
        summary += $" Thành phần hồ sơ: {content.Papers.Count}, phí và lệ phí: {content.Fees.Count}, căn cứ pháp lý: {content.LegalBases.Count}.";
        if (attached.Count > 0)
        {
            summary += " Đính kèm mẫu đơn, tờ khai: " + string.Join(", ", attached) + ".";
        }
        AuditLog.Append(db, time, User, "catalogue.draft", "Procedure", Procedure.Code, summary);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            await CatalogueSearchIndex.WriteAsync(db, [saved.Id], ct);
            await tx.CommitAsync(ct);
        }
        await pages.EvictCatalogueAsync(ct);
        TempData["Message"] = "Đã lưu dự thảo. Dự thảo có hiệu lực khi được công bố bằng quyết định.";
        return RedirectToPage("Detail", new { id = Procedure.Id });
    }

    private async Task LoadFieldsAsync(CancellationToken ct) =>
        FieldNames = await db.CatalogueFields.AsNoTracking().Where(f => f.AgencyId == AgencyId).OrderBy(f => f.SortOrder).Select(f => f.Name).ToListAsync(ct);

    internal static ProcedureInput ToInput(ProcedureVersion v) => new()
    {
        Name = v.Name,
        FieldName = v.Field?.Name ?? "",
        Level = v.Level,
        ImplementingAgency = v.ImplementingAgency,
        TimeValue = v.ProcessingTimeValue is { } t ? CatalogueText.Number(t) : null,
        TimeUnit = v.ProcessingTimeUnit ?? TimeUnit.WorkingDays,
        TimeNote = v.ProcessingTimeNote,
        FeesConfirmed = v.FeesConfirmed,
        SupplementPolicy = v.SupplementPolicy,
        SupplementLimitValue = v.SupplementLimitValue is { } s ? CatalogueText.Number(s) : null,
        SupplementLimitUnit = v.SupplementLimitUnit ?? TimeUnit.WorkingDays,
        OnlineCheckHours = v.OnlineCheckWorkingHours is { } check ? CatalogueText.Number(check) : null,
        OnlineCheckSource = v.OnlineCheckSource,
        Papers = v.Papers.OrderBy(p => p.Seq).Select(p => new PaperRow
        {
            Name = p.Name,
            Form = p.Form,
            Quantity = p.Quantity.ToString(CultureInfo.InvariantCulture),
            Requirement = p.Requirement,
            Condition = p.Condition,
            Note = p.Note,
            Template = p.Template,
            TemplateFileId = p.TemplateFileId,
            PaperId = p.Id,
        }).ToList(),
        Fees = v.Fees.OrderBy(f => f.Seq).Select(f => new FeeRow
        {
            Kind = f.Kind,
            Name = f.Name,
            Amount = f.Amount.ToString("N0", VietnamTime.Culture),
            AppliesTo = f.AppliesTo,
            LegalBasis = f.Note,
        }).ToList(),
        LegalBases = v.LegalBases.OrderBy(b => b.Seq).Select(b => new LegalRow
        {
            Number = b.Number,
            Title = b.Title,
            IssuedOn = b.IssuedOn?.ToVnDate(),
            Issuer = b.Issuer,
        }).ToList(),
        Citizen = v.ApplicantTypes.HasFlag(ApplicantTypes.Citizen),
        Enterprise = v.ApplicantTypes.HasFlag(ApplicantTypes.Enterprise),
        Organisation = v.ApplicantTypes.HasFlag(ApplicantTypes.Organisation),
        HowToSubmit = v.HowToSubmit,
        Result = v.Result,
        Conditions = v.Conditions,
        OnlineLevel = v.OnlineLevel,
        LegacyOnlineLevel = v.LegacyOnlineLevel,
        PostalReceipt = v.PostalReceipt,
        PostalReturn = v.PostalReturn,
        AtOneStop = v.AtOneStop,
    };

    /// <summary>Parses the free-text parts; errors go to the model state under their input names.</summary>
    internal static ProcedureContent? ToContent(ProcedureInput input, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state)
    {
        ProcessingTime? time = null;
        if (!string.IsNullOrWhiteSpace(input.TimeValue))
        {
            var text = input.TimeValue.Trim().Replace(',', '.');
            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0 || value > 1000)
            {
                state.AddModelError("Input.TimeValue", "Thời hạn phải là số dương, ví dụ 10 hoặc 0,5.");
            }
            else if (input.TimeUnit == TimeUnit.CalendarDays && value != decimal.Truncate(value))
            {
                state.AddModelError("Input.TimeValue", "Thời hạn tính theo ngày (lịch) phải là số nguyên.");
            }
            else
            {
                time = new ProcessingTime(value, input.TimeUnit);
            }
        }
        ProcessingTime? supplementLimit = null;
        if (!string.IsNullOrWhiteSpace(input.SupplementLimitValue))
        {
            var text = input.SupplementLimitValue.Trim().Replace(',', '.');
            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0 || value > 1000
                || value != decimal.Truncate(value) || input.SupplementLimitUnit == TimeUnit.WorkingHours)
            {
                state.AddModelError("Input.SupplementLimitValue", "Thời hạn bổ sung phải là số ngày nguyên dương (ngày làm việc hoặc ngày), ví dụ 15 hoặc 30.");
            }
            else
            {
                supplementLimit = new ProcessingTime(value, input.SupplementLimitUnit);
            }
        }
        decimal? onlineCheckHours = null;
        if (!string.IsNullOrWhiteSpace(input.OnlineCheckHours))
        {
            if (!decimal.TryParse(input.OnlineCheckHours.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var hours))
            {
                state.AddModelError("Input.OnlineCheckHours", "Thời hạn kiểm tra hồ sơ trực tuyến phải là số giờ làm việc, ví dụ 8 hoặc 4,5.");
            }
            else if (OnlineCheckLimit.Problem(hours, input.OnlineCheckSource) is { } problem)
            {
                state.AddModelError(hours > 0 && hours <= OnlineCheckLimit.MaxWorkingHours && hours * 2 == decimal.Truncate(hours * 2) ? "Input.OnlineCheckSource" : "Input.OnlineCheckHours", problem);
            }
            else
            {
                onlineCheckHours = hours;
            }
        }
        var papers = new List<CatalogueLines.PaperLine>();
        foreach (var (row, i) in input.Papers.Select((r, i) => (r, i)))
        {
            if (row.IsBlank)
            {
                continue;
            }
            var key = $"Input.Papers[{i.ToString(CultureInfo.InvariantCulture)}].";
            var label = $"Thành phần hồ sơ, dòng {(i + 1).ToString(CultureInfo.InvariantCulture)}: ";
            var name = TextSearch.Nfc(row.Name);
            if (name.Length == 0)
            {
                state.AddModelError(key + "Name", label + "thiếu tên giấy tờ.");
            }
            Max(state, key + "Name", label + "tên giấy tờ", name, 1000);
            if (!int.TryParse(row.Quantity?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) || quantity is < 1 or > 100)
            {
                state.AddModelError(key + "Quantity", label + "số lượng phải là số nguyên từ 1 đến 100.");
            }
            var condition = TextSearch.NfcOrNull(row.Condition);
            if (row.Requirement == PaperRequirement.Conditional && condition is null)
            {
                state.AddModelError(key + "Condition", label + "nêu trường hợp phải nộp giấy tờ này.");
            }
            Max(state, key + "Condition", label + "trường hợp", condition, 500);
            Max(state, key + "Note", label + "ghi chú", row.Note, 1000);
            Max(state, key + "Template", label + "tên mẫu đơn, tờ khai", row.Template, 500);
            if (!Enum.IsDefined(row.Form) || !Enum.IsDefined(row.Requirement))
            {
                state.AddModelError(key + "Form", label + "hình thức hoặc yêu cầu không hợp lệ.");
            }
            papers.Add(new CatalogueLines.PaperLine(name, row.Form, quantity, row.Template, row.Requirement == PaperRequirement.Required,
                row.Requirement == PaperRequirement.Conditional ? condition : null, row.Note, row.RemoveTemplate ? null : row.TemplateFileId));
        }
        var fees = new List<CatalogueLines.FeeLine>();
        foreach (var (row, i) in input.Fees.Select((r, i) => (r, i)))
        {
            if (row.IsBlank)
            {
                continue;
            }
            var key = $"Input.Fees[{i.ToString(CultureInfo.InvariantCulture)}].";
            var label = $"Phí, lệ phí, dòng {(i + 1).ToString(CultureInfo.InvariantCulture)}: ";
            var name = TextSearch.NfcOrNull(row.Name) ?? (row.Kind is { } k ? CatalogueText.Name(k) : null);
            if (name is null)
            {
                state.AddModelError(key + "Name", label + "thiếu tên khoản thu (hoặc chọn Phí / Lệ phí).");
            }
            Max(state, key + "Name", label + "tên khoản thu", name, 500);
            if (row.Kind is { } kind && !Enum.IsDefined(kind))
            {
                state.AddModelError(key + "Kind", label + "loại phải là Phí hoặc Lệ phí.");
            }
            var amount = CatalogueLines.ParseAmount(row.Amount ?? "");
            if (string.IsNullOrWhiteSpace(row.Amount) || amount is null)
            {
                state.AddModelError(key + "Amount", label + "số tiền phải là số đồng không âm, ví dụ 1.000.000.");
            }
            Max(state, key + "AppliesTo", label + "đối tượng nộp, trường hợp", row.AppliesTo, 500);
            Max(state, key + "LegalBasis", label + "căn cứ thu", row.LegalBasis, 500);
            fees.Add(new CatalogueLines.FeeLine(name ?? "", amount ?? 0, row.LegalBasis, row.Kind, row.AppliesTo));
        }
        var legal = new List<CatalogueLines.LegalLine>();
        foreach (var (row, i) in input.LegalBases.Select((r, i) => (r, i)))
        {
            if (row.IsBlank)
            {
                continue;
            }
            var key = $"Input.LegalBases[{i.ToString(CultureInfo.InvariantCulture)}].";
            var label = $"Căn cứ pháp lý, dòng {(i + 1).ToString(CultureInfo.InvariantCulture)}: ";
            var number = TextSearch.Nfc(row.Number);
            if (number.Length == 0)
            {
                state.AddModelError(key + "Number", label + "thiếu số, ký hiệu văn bản.");
            }
            Max(state, key + "Number", label + "số, ký hiệu", number, 100);
            Max(state, key + "Title", label + "trích yếu", row.Title, 1000);
            Max(state, key + "Issuer", label + "cơ quan ban hành", row.Issuer, 300);
            DateOnly? issued = null;
            if (!string.IsNullOrWhiteSpace(row.IssuedOn))
            {
                if (DateOnly.TryParseExact(row.IssuedOn.Trim(), ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    issued = d;
                }
                else
                {
                    state.AddModelError(key + "IssuedOn", label + "ngày ban hành phải có dạng dd/MM/yyyy.");
                }
            }
            legal.Add(new CatalogueLines.LegalLine(number, TextSearch.NfcOrNull(row.Title), issued, TextSearch.NfcOrNull(row.Issuer)));
        }
        if (!state.IsValid)
        {
            return null;
        }
        return new ProcedureContent
        {
            Name = input.Name,
            FieldName = input.FieldName,
            Level = input.Level,
            ImplementingAgency = input.ImplementingAgency,
            ProcessingTime = time,
            ProcessingTimeNote = input.TimeNote,
            FeesConfirmed = input.FeesConfirmed,
            SupplementPolicy = input.SupplementPolicy,
            SupplementLimit = supplementLimit,
            OnlineCheckWorkingHours = onlineCheckHours,
            OnlineCheckSource = onlineCheckHours is null ? null : input.OnlineCheckSource?.Trim(),
            Fees = fees,
            Papers = papers,
            LegalBases = legal,
            ApplicantTypes = (input.Citizen ? ApplicantTypes.Citizen : 0) | (input.Enterprise ? ApplicantTypes.Enterprise : 0) | (input.Organisation ? ApplicantTypes.Organisation : 0),
            HowToSubmit = input.HowToSubmit,
            Result = input.Result,
            Conditions = input.Conditions,
            OnlineLevel = input.OnlineLevel,
            LegacyOnlineLevel = input.LegacyOnlineLevel,
            PostalReceipt = input.PostalReceipt,
            PostalReturn = input.PostalReturn,
            AtOneStop = input.AtOneStop,
        };
    }

    private static void Max(ModelStateDictionary state, string key, string what, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            state.AddModelError(key, $"{what} tối đa {max.ToVnNumber()} ký tự.");
        }
    }

    /// <summary>Applies a row command ("paper-add", "fee-remove-2", "legal-up-1"…); false when the post is a save.</summary>
    internal static bool RowCommand(ProcedureInput input, string? command)
    {
        var parts = (command ?? "").Split('-');
        if (parts.Length < 2)
        {
            return false;
        }
        var index = parts.Length == 3 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        return parts[0] switch
        {
            "paper" => Apply(input.Papers, parts[1], index),
            "fee" => Apply(input.Fees, parts[1], index),
            "legal" => Apply(input.LegalBases, parts[1], index),
            _ => false,
        };

        static bool Apply<T>(List<T> rows, string op, int i)
            where T : new()
        {
            switch (op)
            {
                case "add":
                    rows.Add(new T());
                    return true;
                case "remove" when i >= 0 && i < rows.Count:
                    rows.RemoveAt(i);
                    return true;
                case "up" when i > 0 && i < rows.Count:
                    (rows[i - 1], rows[i]) = (rows[i], rows[i - 1]);
                    return true;
                case "down" when i >= 0 && i < rows.Count - 1:
                    (rows[i + 1], rows[i]) = (rows[i], rows[i + 1]);
                    return true;
                default:
                    // A stale index (the page was edited in another tab) changes nothing but still must not save.
                    return op is "add" or "remove" or "up" or "down";
            }
        }
    }

    private readonly List<(string Key, string Message)> _uploadErrors = [];

    /// <summary>
    /// Checks each chosen form file and keeps the good ones in the file store by their hash, so a row command or a
    /// refused save does not lose them; the version points at them only when it is saved.
    /// </summary>
    private async Task KeepUploadsAsync(CancellationToken ct)
    {
        foreach (var (row, i) in Input.Papers.Select((r, i) => (r, i)))
        {
            if (row.Upload is not { Length: > 0 } upload)
            {
                continue;
            }
            var name = FileStore.SafeName(upload.FileName);
            byte[] content;
            if (upload.Length > ProcedureTemplates.MaxBytes)
            {
                content = new byte[ProcedureTemplates.MaxBytes + 1];
            }
            else
            {
                using var ms = new MemoryStream();
                await upload.CopyToAsync(ms, ct);
                content = ms.ToArray();
            }
            var error = ProcedureTemplates.Check(name, content);
            if (error is not null)
            {
                var message = $"Thành phần hồ sơ, dòng {(i + 1).ToString(CultureInfo.InvariantCulture)}: {error}";
                _uploadErrors.Add(($"Input.Papers[{i.ToString(CultureInfo.InvariantCulture)}].Upload", message));
                ModelState.AddModelError(_uploadErrors[^1].Key, message);
                continue;
            }
            using var stream = new MemoryStream(content);
            var (sha, _) = await files.SaveByHashAsync(ProcedureTemplates.Area, stream, ct);
            row.PendingSha256 = sha;
            row.PendingFileName = name;
            row.RemoveTemplate = false;
        }
    }

    /// <summary>Attached files must be the agency's; pending ones must still be in the store with an accepted type.</summary>
    private async Task CheckTemplateFilesAsync(CancellationToken ct)
    {
        var ids = Input.Papers.Where(r => r.TemplateFileId is not null && !r.RemoveTemplate).Select(r => r.TemplateFileId!.Value).Distinct().ToList();
        var mine = (await db.ProcedureTemplateFiles.AsNoTracking().Where(f => f.AgencyId == AgencyId && ids.Contains(f.Id)).Select(f => f.Id).ToListAsync(ct)).ToHashSet();
        foreach (var (row, i) in Input.Papers.Select((r, i) => (r, i)))
        {
            var key = $"Input.Papers[{i.ToString(CultureInfo.InvariantCulture)}].Upload";
            var label = $"Thành phần hồ sơ, dòng {(i + 1).ToString(CultureInfo.InvariantCulture)}: ";
            if (row.TemplateFileId is { } id && !row.RemoveTemplate && !mine.Contains(id))
            {
                ModelState.AddModelError(key, label + "tệp mẫu đã chọn không còn trong danh mục; vui lòng tải lên lại.");
            }
            if (row.PendingSha256 is { } sha && !row.RemoveTemplate && PendingType(sha) is null)
            {
                ModelState.AddModelError(key, label + "tệp mẫu vừa tải lên không còn; vui lòng chọn lại tệp.");
            }
        }
    }

    private readonly Dictionary<string, (string Type, long Size)?> _pending = new(StringComparer.Ordinal);

    private (string Type, long Size)? PendingType(string sha)
    {
        if (_pending.TryGetValue(sha, out var known))
        {
            return known;
        }
        (string, long)? result = null;
        if (sha.Length == 64 && sha.All(Uri.IsHexDigit))
        {
            using var stream = files.OpenByHash(ProcedureTemplates.Area, sha.ToLowerInvariant());
            if (stream is not null && stream.Length <= ProcedureTemplates.MaxBytes)
            {
                using var ms = new MemoryStream();
                stream.CopyTo(ms);
                result = ProcedureTemplates.Sniff(ms.ToArray()) is { } type ? (type, ms.Length) : null;
            }
        }
        return _pending[sha] = result;
    }

    /// <summary>Points the saved version's papers at the files uploaded with this save; returns their names for the audit.</summary>
    private List<string> AttachPendingFiles(ProcedureVersion version)
    {
        var names = new List<string>();
        var rows = Input.Papers.Where(r => !r.IsBlank).ToList();
        var papers = version.Papers.OrderBy(p => p.Seq).ToList();
        for (var k = 0; k < rows.Count && k < papers.Count; k++)
        {
            if (rows[k].PendingSha256 is { } sha && !rows[k].RemoveTemplate && PendingType(sha) is { } found)
            {
                var name = FileStore.SafeName(rows[k].PendingFileName);
                papers[k].TemplateFileId = null;
                papers[k].TemplateFile = new ProcedureTemplateFile
                {
                    AgencyId = AgencyId,
                    FileName = name,
                    ContentType = found.Type,
                    Size = found.Size,
                    Sha256 = sha.ToLowerInvariant(),
                    UploadedAt = time.GetUtcNow(),
                    UploadedBy = User.Identity?.Name,
                };
                names.Add(name);
            }
        }
        return names;
    }

    /// <summary>The file label of each row (name, type, size), read again from the database: hidden fields only carry ids.</summary>
    private async Task DescribeFilesAsync(CancellationToken ct)
    {
        var ids = Input.Papers.Where(r => r.TemplateFileId is not null).Select(r => r.TemplateFileId!.Value).Distinct().ToList();
        var known = await db.ProcedureTemplateFiles.AsNoTracking().Where(f => f.AgencyId == AgencyId && ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
        foreach (var row in Input.Papers)
        {
            if (row.PendingSha256 is { } sha && PendingType(sha) is { } p)
            {
                row.FileLabel = $"{row.PendingFileName} ({ProcedureTemplates.TypeName(p.Type)}, {CatalogueText.FileSize(p.Size)}, chưa lưu)";
            }
            else if (row.TemplateFileId is { } id && known.TryGetValue(id, out var f))
            {
                row.FileLabel = $"{f.FileName} ({ProcedureTemplates.TypeName(f.ContentType)}, {CatalogueText.FileSize(f.Size)})";
            }
        }
    }
}
