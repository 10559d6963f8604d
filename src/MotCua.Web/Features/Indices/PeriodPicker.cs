namespace MotCua.Web.Features.Indices;

/// <summary>What the period picker partial (_PeriodPicker.cshtml) shows: the page it submits to, the choice, optionally the units.</summary>
public sealed record PeriodPicker(string Action, PeriodChoice Choice, IReadOnlyDictionary<string, string>? Units = null, int? UnitId = null);
