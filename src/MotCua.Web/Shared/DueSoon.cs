using MotCua.Core.Calendar;

namespace MotCua.Web.Shared;

/// <summary>Where "due soon" ends, so that a list's standings (overdue, due soon, within time) become SQL ranges of its due column.</summary>
public static class DueSoon
{
    /// <summary>
    /// The last due instant that still counts as "due soon" at <paramref name="now"/>: due soon is a prefix of the
    /// future (the working time left grows with the due instant), so the standing's counts become SQL ranges.
    /// </summary>
    public static DateTimeOffset Until(DeadlineCalculator calculator, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        var days = 2;
        var high = calculator.ComputeDue(now, ProcessingTime.WorkingDays(days));
        while (calculator.ClassifyPending(now, high).Status != PendingTimeliness.WithinTime && days < 30)
        {
            days++;
            high = calculator.ComputeDue(now, ProcessingTime.WorkingDays(days));
        }
        long lo = now.UtcTicks, hi = high.UtcTicks; // ClassifyPending(lo) is due soon, ClassifyPending(hi) within time
        if (calculator.ClassifyPending(now, now).Status != PendingTimeliness.DueSoon)
        {
            return now.AddTicks(-1); // nothing counts as due soon
        }
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            if (calculator.ClassifyPending(now, new DateTimeOffset(mid, TimeSpan.Zero)).Status == PendingTimeliness.DueSoon)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
        return new DateTimeOffset(lo, TimeSpan.Zero);
    }
}
