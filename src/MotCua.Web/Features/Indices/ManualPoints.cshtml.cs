using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Indices;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Identity;

namespace MotCua.Web.Features.Indices;

/// <summary>
/// /chi-so-766/nhap-diem: the control focal officer (or an admin) enters the points of the Manual rows (1.3, 6.4) for a
/// scope and period, copied from the national portal's assessment. One SaveChanges with its audit entry. Points carried
/// from a merged agency or unit (<see cref="ManualPointsCarry"/>) are shown in the boxes, named, so saving confirms them.
/// </summary>
[Authorize(Roles = Roles.Admin + "," + Roles.ControlFocalOfficer)]
public sealed class ManualPointsModel(ReportingDb reporting, TimeProvider time, AppDbContext db) : PeriodPageModel(reporting, time)
{
    public static IReadOnlyList<Index766Indicator> ManualRows { get; } =
        Index766Definitions.Default.Where(d => d.Scoring.Kind == ScoringKind.Manual).ToList();

    /// <summary>Points as typed, by indicator code (text so "7,5" and "7.5" both read, and a bad value is reported, not dropped).</summary>
    [BindProperty]
    public Dictionary<string, string?> Points { get; set; } = new(StringComparer.Ordinal);

    [BindProperty]
    public string? Note { get; set; }

    public IReadOnlyDictionary<string, string> FieldErrors { get; private set; } = new Dictionary<string, string>();

    public bool Saved { get; private set; }

    public IReadOnlyList<IndexManualScore> Current { get; private set; } = [];

    /// <summary>Points the scope counts from an agency or unit merged into it, where it has no entry of its own, by indicator code.</summary>
    public IReadOnlyDictionary<string, CarriedManualPoint> Carried { get; private set; } = new Dictionary<string, CarriedManualPoint>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await ResolveAsync(ct))
        {
            await LoadCurrentAsync(ct);
            // A carried point is shown in the box, so saving the form confirms it as the scope's own entry.
            foreach (var row in ManualRows)
            {
                var points = Current.FirstOrDefault(c => c.IndicatorCode == row.Code)?.Points ?? Carried.GetValueOrDefault(row.Code)?.Points;
                Points[row.Code] = points?.ToString("0.##", MotCua.Web.Shared.VietnamTime.Culture);
            }
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The period comes from the query string; the posted numbers are validated here, so clear their binder errors first.
        ModelState.Clear();
        if (!await ResolveAsync(ct))
        {
            return Page();
        }
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var row in ManualRows)
        {
            var text = Points.GetValueOrDefault(row.Code)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                values[row.Code] = null;
                continue;
            }
            if (!decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
            {
                errors[row.Code] = $"Điểm chỉ tiêu {row.Code} phải là số (ví dụ 7,5).";
                continue;
            }
            if (value < 0 || value > row.MaxPoints || decimal.Round(value, 2) != value)
            {
                errors[row.Code] = $"Điểm chỉ tiêu {row.Code} phải từ 0 đến {row.MaxPoints.ToString("0.##", MotCua.Web.Shared.VietnamTime.Culture)}, tối đa 2 chữ số thập phân.";
                continue;
            }
            values[row.Code] = value;
        }
        Note = Note?.Trim().Normalize(System.Text.NormalizationForm.FormC);
        if (Note is { Length: > 1000 })
        {
            errors["note"] = "Ghi chú dài tối đa 1.000 ký tự.";
        }
        if (errors.Count > 0)
        {
            FieldErrors = errors;
            await LoadCurrentAsync(ct);
            return Page();
        }

        var scope = UnitId ?? 0;
        var period = Choice.Period;
        var existing = await db.IndexManualScores
            .Where(m => m.AgencyId == AgencyId && m.ScopeUnitId == scope && m.PeriodKey == period.Key).ToListAsync(ct);
        var carried = (await IndexQueries.ManualPointsWithCarryAsync(db, AgencyId, UnitId, period, ct)).Carried;
        var now = Time.GetUtcNow();
        var userName = User.Identity?.Name ?? "";
        var changes = new List<object>();
        foreach (var (code, value) in values)
        {
            var row = existing.FirstOrDefault(m => m.IndicatorCode == code);
            if (value is null)
            {
                if (row is not null)
                {
                    db.IndexManualScores.Remove(row);
                    changes.Add(new { Indicator = code, Before = row.Points, After = (decimal?)null });
                }
                continue;
            }
            if (row is null)
            {
                db.IndexManualScores.Add(new IndexManualScore
                {
                    AgencyId = AgencyId, ScopeUnitId = scope, PeriodKey = period.Key, IndicatorCode = code, Points = value.Value,
                    Note = Note, EnteredBy = userName, EnteredAt = now,
                });
                changes.Add(new { Indicator = code, Before = (decimal?)null, After = value, CarriedFrom = carried.GetValueOrDefault(code)?.Source });
            }
            else if (row.Points != value.Value || !string.Equals(row.Note, Note, StringComparison.Ordinal))
            {
                changes.Add(new { Indicator = code, Before = (decimal?)row.Points, After = value });
                row.Points = value.Value;
                row.Note = Note;
                row.EnteredBy = userName;
                row.EnteredAt = now;
            }
        }
        if (changes.Count > 0)
        {
            var scopeName = UnitId is { } u ? Units.GetValueOrDefault(u.ToString(CultureInfo.InvariantCulture), "") : "toàn cơ quan";
            AuditLog.Append(db, Time, User, "index766.manual-points", "IndexManualScore", $"{scope.ToString(CultureInfo.InvariantCulture)}/{period.Key}",
                $"Nhập điểm chỉ tiêu 766 nhập tay cho {scopeName}, {period.Label}.", new { Scope = scope, Period = period.Key, Changes = changes, Note });
            await db.SaveChangesAsync(ct);
        }
        Saved = true;
        await LoadCurrentAsync(ct);
        return Page();
    }

    private async Task LoadCurrentAsync(CancellationToken ct)
    {
        var scope = UnitId ?? 0;
        var key = Choice.Period.Key;
        Current = await db.IndexManualScores.AsNoTracking()
            .Where(m => m.AgencyId == AgencyId && m.ScopeUnitId == scope && m.PeriodKey == key).ToListAsync(ct);
        Carried = (await IndexQueries.ManualPointsWithCarryAsync(db, AgencyId, UnitId, Choice.Period, ct)).Carried;
    }
}
