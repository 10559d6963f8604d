using System.Globalization;

using MotCua.Core.Calendar;

namespace MotCua.Core.Dossiers;

/// <summary>Why an apology with a new appointment (Mẫu 04) may be issued: the delay has happened, or it is forecast.</summary>
public enum DelayGround
{
    /// <summary>The legal due instant has passed without a result ("đã quá hạn").</summary>
    Overdue,

    /// <summary>Still within time, but the result cannot come by the due instant ("dự kiến không đúng hạn").</summary>
    Forecast,
}

/// <summary>
/// Whether a dossier is late or will be: the apology exists only for a delay, so one issued while the remaining steps
/// of the pinned plan still end by the due instant would tell the citizen a falsehood.
/// </summary>
public static class DelayForecast
{
    /// <summary>
    /// <see cref="DelayGround.Overdue"/> after the due instant; <see cref="DelayGround.Forecast"/> when the working time
    /// left is at most one working day, or when the plan's remaining steps, counted from the current step's start (or
    /// from now if that step already overran), end after the due instant; otherwise null.
    /// </summary>
    public static DelayGround? Ground(DossierState state, IReadOnlyList<PlannedStep> plan, DateTimeOffset at, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(calculator);
        if (state.DueAt is not { } due)
        {
            return null;
        }
        (PendingTimeliness standing, _) = calculator.ClassifyPending(at, due);
        if (standing == PendingTimeliness.Overdue)
        {
            return DelayGround.Overdue;
        }
        if (standing == PendingTimeliness.DueSoon)
        {
            return DelayGround.Forecast;
        }
        return ProjectedFinish(state, plan, at, calculator) is { } finish && finish > due ? DelayGround.Forecast : null;
    }

    /// <summary>When the plan's remaining steps end if each takes its planned time; null without a plan.</summary>
    public static DateTimeOffset? ProjectedFinish(DossierState state, IReadOnlyList<PlannedStep> plan, DateTimeOffset at, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(calculator);
        var current = Math.Clamp(state.CurrentStep, 0, plan.Count);
        var remaining = plan.Skip(current).Select(s => s.Duration).ToList();
        if (remaining.Count == 0)
        {
            return null;
        }
        var start = state.StepStartedAt is { } started && started < at ? started : at;
        var planned = calculator.SplitSteps(start, remaining)[^1].DueAt;
        // A current step that overran pushes the steps after it to start from now.
        var fromNow = remaining.Count > 1 ? calculator.SplitSteps(at, remaining[1..])[^1].DueAt : at;
        return planned > fromNow ? planned : fromNow;
    }

    /// <summary>The refusal when neither ground holds, naming the due instant and the projected finish.</summary>
    public static string NotLateMessage(DateTimeOffset due, DateTimeOffset? finish)
    {
        static string Local(DateTimeOffset t) =>
            t.ToOffset(DeadlineCalculator.VietnamOffset).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);
        return "Hồ sơ còn trong hạn giải quyết (hạn trả kết quả " + Local(due) + ")"
            + (finish is { } f ? " và theo quy trình các bước còn lại dự kiến xong lúc " + Local(f) : "")
            + ": chỉ lập phiếu xin lỗi và hẹn lại ngày trả kết quả khi hồ sơ đã quá hạn hoặc dự kiến không trả kết quả đúng hạn.";
    }
}
