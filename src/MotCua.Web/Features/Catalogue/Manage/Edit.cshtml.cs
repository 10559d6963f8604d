using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Procedures;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Catalogue.Manage;

/// <summary>
/// Creates a procedure or edits its draft. Published versions are never changed: editing a published procedure
/// prepares a draft amendment, which a publication decision puts in force.
/// </summary>
[Authorize(Roles = CatalogueApi.ManagerRoles)]
public sealed class EditModel(AppDbContext db, TimeProvider time) : PageModel
{
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

        [Display(Name = "Phí, lệ phí")]
        public string? FeesText { get; set; }

        [Display(Name = "Thành phần hồ sơ")]
        public string? PapersText { get; set; }

        [Display(Name = "Căn cứ pháp lý")]
        public string? LegalText { get; set; }

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

    [BindProperty]
    public ProcedureInput Input { get; set; } = new();

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
            return Page();
        }

        string summary;
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
            summary = $"Tạo dự thảo thủ tục {code}: {content.Name}.";
        }
        else
        {
            var draft = CatalogueService.DraftOf(db, time, Procedure);
            await CatalogueService.ApplyAsync(db, AgencyId, Procedure, draft, content, ct);
            summary = $"Cập nhật dự thảo phiên bản {draft.Number} của thủ tục {Procedure.Code}.";
        }
        AuditLog.Append(db, time, User, "catalogue.draft", "Procedure", Procedure.Code, summary);
        await db.SaveChangesAsync(ct);
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
        FeesText = CatalogueLines.FormatFees(v.Fees),
        PapersText = CatalogueLines.FormatPapers(v.Papers),
        LegalText = CatalogueLines.FormatLegal(v.LegalBases),
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
        var feeErrors = new List<string>();
        var fees = CatalogueLines.ParseFees(input.FeesText, feeErrors);
        feeErrors.ForEach(e => state.AddModelError("Input.FeesText", e));
        var paperErrors = new List<string>();
        var papers = CatalogueLines.ParsePapers(input.PapersText, paperErrors);
        paperErrors.ForEach(e => state.AddModelError("Input.PapersText", e));
        var legalErrors = new List<string>();
        var legal = CatalogueLines.ParseLegal(input.LegalText, legalErrors);
        legalErrors.ForEach(e => state.AddModelError("Input.LegalText", e));
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
}
