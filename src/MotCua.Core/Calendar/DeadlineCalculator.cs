using System.Globalization;

namespace MotCua.Core.Calendar;

/// <summary>
/// Computes when a dossier's processing time starts and ends, in Vietnam local time (UTC+7, no DST).
/// </summary>
/// <remarks>
/// Internally an instant becomes a "working position": working ticks since 1900-01-01 (working days before its date ×
/// day length + working time elapsed on its date). Adding processing time is then an addition, and the inverse is two
/// array reads, so a computation is O(1) and allocation-free.
/// <para>
/// Time limits in whole days are counted as Civil Code Art. 147–148 require for dossiers received from
/// <see cref="TimeLimitRule.CivilCodeFrom"/>: the day of receipt is not counted, and the limit ends at the close of
/// office hours of its last day, moved to the next working day when that day is off (receipt Friday 16:30 + 3 WD =
/// Wednesday 17:00). Before that date a limit kept the start's clock position on the N-th following working day
/// (26/4/2024 07:00 + 5 WD = 7/5/2024 07:00), never later than the Civil Code's instant (a Saturday receipt + 3 WD ends
/// Wednesday 17:00, not Thursday 07:00), and recomputing such a dossier reproduces it. Working hours and
/// fractional days keep hour precision inside office hours: 16:00 + 4 h is 10:00 the next working day, 07:00 + 8 h is
/// 17:00 the same day. Internal step plans are not legal limits and always add working time to their start.
/// </para>
/// </remarks>
public sealed class DeadlineCalculator
{
    /// <summary>Vietnam's UTC offset; every instant returned uses it.</summary>
    public static TimeSpan VietnamOffset { get; } = TimeSpan.FromHours(7);

    private const long TicksPerDay = TimeSpan.TicksPerDay;

    private readonly WorkingCalendar _calendar;
    private readonly OfficeHours _hours;
    private readonly long _morningStart;
    private readonly long _morningEnd;
    private readonly long _afternoonStart;
    private readonly long _afternoonEnd;
    private readonly long _morningLength;
    private readonly long _dayLength;

    private readonly TimeLimitRule _rule;

    /// <summary>Creates a calculator for a calendar, office hours and the counting rule (by default <see cref="TimeLimitRule.Default"/>).</summary>
    public DeadlineCalculator(WorkingCalendar calendar, OfficeHours hours, TimeLimitRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(hours);
        _calendar = calendar;
        _hours = hours;
        _rule = rule ?? TimeLimitRule.Default;
        _morningStart = hours.MorningStart.Ticks;
        _morningEnd = hours.MorningEnd.Ticks;
        _afternoonStart = hours.AfternoonStart.Ticks;
        _afternoonEnd = hours.AfternoonEnd.Ticks;
        _morningLength = _morningEnd - _morningStart;
        _dayLength = hours.WorkingDayLength.Ticks;
    }

    /// <summary>The calendar in use.</summary>
    public WorkingCalendar Calendar => _calendar;

    /// <summary>The office hours in use.</summary>
    public OfficeHours Hours => _hours;

    /// <summary>How limits in whole days are counted.</summary>
    public TimeLimitRule Rule => _rule;

    /// <summary>Whether a limit of <paramref name="time"/> for a dossier received at <paramref name="receivedAt"/> is counted by the Civil Code.</summary>
    public bool CountsByCivilCode(DateTimeOffset receivedAt, ProcessingTime time) =>
        IsCivil(ToLocal(receivedAt), AmountOf(time), legalLimit: true);

    // ------------------------------------------------------------------ start

    /// <summary>
    /// The instant the clock starts: receipt in office hours starts at once; during lunch at the afternoon start;
    /// before the morning start at the morning start; after the day's end or on a day off at the next working day's
    /// morning start. With <paramref name="applyCutoff"/>, a receipt on a working day after <paramref name="cutoff"/>
    /// (default 15:00) starts at the next working day's morning start.
    /// </summary>
    public DateTimeOffset Start(DateTimeOffset receivedAt, bool applyCutoff = false, TimeOnly? cutoff = null)
    {
        Local start = StartLocal(ToLocal(receivedAt), applyCutoff, (cutoff ?? DeadlineOptions.DefaultCutoff).Ticks, out _);
        return ToOffset(start);
    }

    // ------------------------------------------------------------------ due

    /// <summary>
    /// The due instant for a processing time. Closed pauses in <paramref name="options"/> extend it; an open pause
    /// that stops the clock before the due instant makes it undefined, so this throws: use
    /// <see cref="ComputeDueWithPauses"/> for dossiers that may be paused.
    /// </summary>
    /// <exception cref="InvalidOperationException">An open pause holds the clock.</exception>
    public DateTimeOffset ComputeDue(DateTimeOffset receivedAt, ProcessingTime time, DeadlineOptions? options = null)
    {
        if (options is not null && options.Pauses.Count > 0)
        {
            DueResult result = ComputeDueWithPauses(receivedAt, time, options);
            return result.DueAt ?? throw new InvalidOperationException(
                "The dossier is paused (open pause): it has no due instant until the pause ends. Use ComputeDueWithPauses.");
        }

        return ToOffset(DueLocal(receivedAt, time, options, legalLimit: true));
    }

    // Hot path: no pauses, no allocation.
    private Local DueLocal(DateTimeOffset receivedAt, ProcessingTime time, DeadlineOptions? options, bool legalLimit)
    {
        Local received = ToLocal(receivedAt);
        Amount amount = AmountOf(time);
        bool civil = IsCivil(received, amount, legalLimit);
        if (civil)
        {
            return CivilDue(received, amount);
        }

        Local start = StartLocal(received, options?.ApplyCutoff ?? false, (options?.Cutoff ?? DeadlineOptions.DefaultCutoff).Ticks, out _);
        Local due = amount.Calendar ? CalendarDue(LocalTicks(start) + amount.Ticks) : FromPosition(Position(start) + amount.Ticks, amount.PreferPeriodEnd);
        if (CappedByLaw(amount, legalLimit))
        {
            Local lawDue = CivilDue(received, amount);
            return LocalTicks(lawDue) < LocalTicks(due) ? lawDue : due;
        }

        return due;
    }

    private Local CivilDue(Local received, Amount amount)
    {
        Local start = CivilStart(received, amount);
        return amount.Calendar
            ? CivilCalendarDue(LocalTicks(start) + amount.Ticks)
            : FromPosition(Position(start) + amount.Ticks, preferPeriodEnd: true);
    }

    // The clock-position rule of receipts before the switch date is stricter than the law except when the start moved to
    // a later day (received after closing or on a day off): then it could end after the legal last day, which no
    // appointment may do, so the Civil Code's instant caps it.
    private static bool CappedByLaw(Amount amount, bool legalLimit) => legalLimit && amount.WholeDays && amount.Ticks > 0;

    /// <summary>
    /// The due instant taking pauses into account: the clock stops during each pause after the start (overlaps counted
    /// once, days off inside a pause cost nothing), so the due instant moves later by the working time paused before it.
    /// </summary>
    public DueResult ComputeDueWithPauses(DateTimeOffset receivedAt, ProcessingTime time, DeadlineOptions? options = null) =>
        Compute(receivedAt, time, options).Result;

    /// <summary>Working time from <paramref name="from"/> to <paramref name="to"/> (negative when to &lt; from).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to) =>
        TimeSpan.FromTicks(Position(ToLocal(to)) - Position(ToLocal(from)));

    // ------------------------------------------------------------------ classification

    /// <summary>
    /// Late if finished after the due instant; on time if finished on the due instant's local date and not after it;
    /// early if on an earlier local date.
    /// </summary>
    public static ResolutionTimeliness ClassifyResolved(DateTimeOffset finishedAt, DateTimeOffset originalDueAt)
    {
        if (finishedAt > originalDueAt)
        {
            return ResolutionTimeliness.Late;
        }

        DateOnly finishedDate = DateOnly.FromDateTime(finishedAt.ToOffset(VietnamOffset).DateTime);
        DateOnly dueDate = DateOnly.FromDateTime(originalDueAt.ToOffset(VietnamOffset).DateTime);
        return finishedDate == dueDate ? ResolutionTimeliness.OnTime : ResolutionTimeliness.Early;
    }

    /// <summary>Pending status with a "due soon" threshold of one working day.</summary>
    public (PendingTimeliness Status, WorkingDuration Remaining) ClassifyPending(DateTimeOffset now, DateTimeOffset dueAt) =>
        ClassifyPending(now, dueAt, _hours.WorkingDayLength);

    /// <summary>
    /// Overdue once <paramref name="now"/> is after the due instant (Remaining is then the working time overdue);
    /// otherwise due soon when the working time left is at most <paramref name="dueSoonWorkingTime"/>.
    /// </summary>
    public (PendingTimeliness Status, WorkingDuration Remaining) ClassifyPending(DateTimeOffset now, DateTimeOffset dueAt, TimeSpan dueSoonWorkingTime)
    {
        TimeSpan dayLength = _hours.WorkingDayLength;
        if (now > dueAt)
        {
            return (PendingTimeliness.Overdue, WorkingDuration.From(WorkingTimeBetween(dueAt, now), dayLength));
        }

        TimeSpan remaining = WorkingTimeBetween(now, dueAt);
        PendingTimeliness status = remaining <= dueSoonWorkingTime ? PendingTimeliness.DueSoon : PendingTimeliness.WithinTime;
        return (status, WorkingDuration.From(remaining, dayLength));
    }

    // ------------------------------------------------------------------ steps

    /// <summary>Plans consecutive steps: each starts where the previous one is due (moved to the next working period).</summary>
    public IReadOnlyList<StepDeadline> SplitSteps(DateTimeOffset start, IReadOnlyList<ProcessingTime> stepTimes)
    {
        ArgumentNullException.ThrowIfNull(stepTimes);
        var steps = new List<StepDeadline>(stepTimes.Count);
        DateTimeOffset cursor = start;
        for (int i = 0; i < stepTimes.Count; i++)
        {
            DateTimeOffset stepStart = Start(cursor);
            DateTimeOffset due = ToOffset(DueLocal(stepStart, stepTimes[i], null, legalLimit: false));
            steps.Add(new StepDeadline(i, stepStart, due));
            cursor = due;
        }

        return steps;
    }

    /// <summary>
    /// Whether step times add up to the total, in working hours (1 working day = 8 h). Calendar days only compare with
    /// calendar days: a mix with working units cannot be checked statically and returns false.
    /// </summary>
    public static bool StepsMatchTotal(IReadOnlyList<ProcessingTime> steps, ProcessingTime total)
    {
        ArgumentNullException.ThrowIfNull(steps);
        bool calendar = total.Unit == TimeUnit.CalendarDays;
        decimal sum = 0;
        foreach (ProcessingTime step in steps)
        {
            if ((step.Unit == TimeUnit.CalendarDays) != calendar)
            {
                return false;
            }

            sum += InHours(step);
        }

        return sum == InHours(total);

        static decimal InHours(ProcessingTime t) => t.Unit switch
        {
            TimeUnit.WorkingDays => t.Value * 8,
            TimeUnit.WorkingHours => t.Value,
            TimeUnit.CalendarDays => t.Value,
        };
    }

    // ------------------------------------------------------------------ explanation

    /// <summary>Day by day, from the receipt date to the due date, why the due instant is what it is.</summary>
    public IReadOnlyList<ExplanationLine> Explain(DateTimeOffset receivedAt, ProcessingTime time, DeadlineOptions? options = null)
    {
        Computation c = Compute(receivedAt, time, options);
        Local received = ToLocal(receivedAt);
        var lines = new List<ExplanationLine>();

        int lastDay = c.Result.DueAt is { } due ? ToLocal(due).Day : Math.Max(ToLocal(c.Result.PausedSince!.Value).Day, c.Start.Day);
        int calendarDaysCounted = 0;
        long previousOrdinal = 0;
        for (int day = received.Day; day <= lastDay; day++)
        {
            DateOnly date = DateOnly.FromDayNumber(WorkingCalendar.FirstDay + day);
            if (day == received.Day)
            {
                lines.Add(new ExplanationLine(date, ExplanationKind.Received, "Tiếp nhận hồ sơ lúc " + Clock(received.Tod)));
                if (c.Civil)
                {
                    lines.Add(new ExplanationLine(date, ExplanationKind.ReceiptDayNotCounted,
                        "Ngày tiếp nhận không tính vào thời hạn, bắt đầu tính từ ngày " + Format(c.Amount.Calendar ? received.Day + 1 : c.Start.Day)
                        + " (Điều 147 Bộ luật Dân sự)"
                        + (c.Capped ? "; tính giữ giờ bắt đầu sẽ kết thúc sau ngày cuối cùng của thời hạn nên không áp dụng" : "")));
                }
                else if (c.Start != received)
                {
                    string from = "bắt đầu tính từ " + Clock(c.Start.Tod) + " ngày " + Format(c.Start.Day);
                    lines.Add(c.MovedByCutoff
                        ? new ExplanationLine(date, ExplanationKind.StartMovedAfterCutoff, "Tiếp nhận sau " + Clock(c.Cutoff) + ", " + from)
                        : new ExplanationLine(date, ExplanationKind.StartMovedAfterHours, "Tiếp nhận ngoài giờ làm việc, " + from));
                }
            }

            ScheduleEntry? entry = _calendar.EntryFor(date);
            bool working = _calendar.IsWorkingIndex(day);
            if (c.Amount.Calendar && day > c.Start.Day && calendarDaysCounted < c.Amount.Ticks / TicksPerDay && !FullyPaused(c, day))
            {
                calendarDaysCounted++;
                string note = working ? "" : " — " + (entry?.Name ?? WeekdayName(date));
                lines.Add(new ExplanationLine(date, ExplanationKind.Counted, "Ngày thứ " + N(calendarDaysCounted) + " (ngày lịch)" + note, calendarDaysCounted));
            }
            else if (!working)
            {
                string? restDayHoliday = entry is null ? _calendar.RestDayHolidayName(date) : null;
                lines.Add(entry is not null ? new ExplanationLine(date, ExplanationKind.SkippedHoliday, entry.Name)
                    : restDayHoliday is not null ? new ExplanationLine(date, ExplanationKind.SkippedHoliday, restDayHoliday)
                    : new ExplanationLine(date, ExplanationKind.SkippedWeekend, WeekdayName(date)));
            }
            else if (!c.Amount.Calendar && day >= c.Start.Day)
            {
                long end = Math.Min(DayPosition(day, _afternoonEnd), c.DueCoordinate ?? long.MaxValue);
                long ordinal = Math.Max(0, Effective(c, end)) / _dayLength;
                bool makeUp = entry?.Kind == DayKind.MakeUpWorkingDay;
                if (ordinal > previousOrdinal)
                {
                    previousOrdinal = ordinal;
                    lines.Add(makeUp
                        ? new ExplanationLine(date, ExplanationKind.MakeUpWorkingDay, "Ngày làm bù: " + entry!.Name, (int)ordinal)
                        : new ExplanationLine(date, ExplanationKind.Counted, "Ngày làm việc thứ " + N(ordinal), (int)ordinal));
                }
                else if (FullyPaused(c, day))
                {
                    lines.Add(new ExplanationLine(date, ExplanationKind.Paused, PauseText(PauseOn(c, day))));
                }
                else if (c.Result.DueAt is null || day != lastDay)
                {
                    lines.Add(makeUp
                        ? new ExplanationLine(date, ExplanationKind.MakeUpWorkingDay, "Ngày làm bù: " + entry!.Name)
                        : new ExplanationLine(date, ExplanationKind.Counted, "Ngày làm việc (tính một phần thời gian)"));
                }
            }

            if (c.Result.DueAt is { } dueAt && day == lastDay)
            {
                lines.Add(new ExplanationLine(date, ExplanationKind.Due, c.Civil
                    ? "Hạn trả kết quả lúc " + Clock(ToLocal(dueAt).Tod) + ", hết giờ làm việc của ngày cuối cùng của thời hạn (Điều 148 Bộ luật Dân sự)"
                    : "Hạn trả kết quả lúc " + Clock(ToLocal(dueAt).Tod)));
            }
        }

        if (c.Result.DueAt is null)
        {
            DateTimeOffset since = c.Result.PausedSince!.Value.ToOffset(VietnamOffset);
            Pause open = c.Pauses.First(static p => p.Pause.To is null).Pause;
            string remaining = WorkingDuration.From(c.Result.RemainingWhenPaused ?? TimeSpan.Zero, _hours.WorkingDayLength).ToString();
            lines.Add(new ExplanationLine(
                DateOnly.FromDateTime(since.DateTime),
                ExplanationKind.Paused,
                PauseText(open.Reason) + " (đang tạm dừng, còn lại " + remaining + ")"));
        }

        return lines;
    }

    // ================================================================== internals

    private readonly record struct Local(int Day, long Tod);

    private readonly record struct Amount(long Ticks, bool PreferPeriodEnd, bool Calendar, bool WholeDays = false);

    private readonly record struct ClippedPause(long From, long To, Pause Pause);

    private sealed record Computation(
        DueResult Result,
        Local Start,
        bool MovedByCutoff,
        long Cutoff,
        Amount Amount,
        long StartCoordinate,
        long? DueCoordinate,
        List<ClippedPause> Pauses,
        bool Civil,
        bool Capped = false);

    private Computation Compute(DateTimeOffset receivedAt, ProcessingTime time, DeadlineOptions? options)
    {
        Computation c = Compute(receivedAt, time, options, forceCivil: false);
        if (!c.Civil && c.Result.DueAt is { } due && CappedByLaw(c.Amount, legalLimit: true))
        {
            Computation law = Compute(receivedAt, time, options, forceCivil: true);
            if (law.Result.DueAt is { } lawDue && lawDue < due)
            {
                return law with { Capped = true };
            }
        }

        return c;
    }

    private Computation Compute(DateTimeOffset receivedAt, ProcessingTime time, DeadlineOptions? options, bool forceCivil)
    {
        options ??= new DeadlineOptions();
        long cutoff = options.Cutoff.Ticks;
        Local received = ToLocal(receivedAt);
        Amount amount = AmountOf(time);
        bool civil = forceCivil || IsCivil(received, amount, legalLimit: true);
        bool movedByCutoff = false;
        Local start = civil ? CivilStart(received, amount) : StartLocal(received, options.ApplyCutoff, cutoff, out movedByCutoff);
        if (civil)
        {
            amount = amount with { PreferPeriodEnd = true };
        }

        // Calendar days run on local ticks (real time); working units on working positions.
        long Coordinate(DateTimeOffset t) => amount.Calendar ? LocalTicks(ToLocal(t)) : Position(ToLocal(t));
        long startCoordinate = amount.Calendar ? LocalTicks(start) : Position(start);

        var pauses = new List<ClippedPause>(options.Pauses.Count);
        DateTimeOffset? openSince = null;
        foreach (Pause pause in options.Pauses)
        {
            if (pause.To is { } to && to < pause.From)
            {
                throw new ArgumentException("A pause ends before it starts.", nameof(options));
            }

            if (pause.To is null && (openSince is null || pause.From < openSince))
            {
                openSince = pause.From;
            }

            long from = Math.Max(Coordinate(pause.From), startCoordinate);
            long end = pause.To is { } t2 ? Coordinate(t2) : long.MaxValue;
            if (end > from)
            {
                pauses.Add(new ClippedPause(from, end, pause));
            }
        }

        pauses.Sort(static (a, b) => a.From.CompareTo(b.From));

        // Sweep: the clock runs between pauses until the required amount is used up; overlapping pauses merge.
        long position = startCoordinate;
        long remaining = amount.Ticks;
        long paused = 0;
        foreach (ClippedPause p in pauses)
        {
            if (p.To <= position)
            {
                continue;
            }

            long from = Math.Max(p.From, position);
            if (from - position >= remaining)
            {
                break;
            }

            remaining -= from - position;
            if (p.To == long.MaxValue)
            {
                var result = new DueResult(ToOffset(start), null, true, openSince, TimeSpan.FromTicks(paused), TimeSpan.FromTicks(remaining));
                return new Computation(result, start, movedByCutoff, cutoff, amount, startCoordinate, null, pauses, civil);
            }

            paused += p.To - from;
            position = p.To;
        }

        long dueCoordinate = position + remaining;
        Local due = amount.Calendar
            ? (civil ? CivilCalendarDue(dueCoordinate) : CalendarDue(dueCoordinate))
            : FromPosition(dueCoordinate, amount.PreferPeriodEnd);
        var done = new DueResult(ToOffset(start), ToOffset(due), openSince is not null, openSince, TimeSpan.FromTicks(paused), null);
        return new Computation(done, start, movedByCutoff, cutoff, amount, startCoordinate, dueCoordinate, pauses, civil);
    }

    private Amount AmountOf(ProcessingTime time)
    {
        if (time.Value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "Processing time must not be negative.");
        }

        switch (time.Unit)
        {
            case TimeUnit.WorkingDays:
                // Whole days keep the clock position; fractional days behave like working hours (0.5 WD = 4 h).
                return decimal.Truncate(time.Value) == time.Value
                    ? new Amount(checked((long)time.Value * _dayLength), PreferPeriodEnd: false, Calendar: false, WholeDays: true)
                    : new Amount((long)decimal.Round(time.Value * _dayLength), PreferPeriodEnd: true, Calendar: false);
            case TimeUnit.WorkingHours:
                return new Amount((long)decimal.Round(time.Value * TimeSpan.TicksPerHour), PreferPeriodEnd: true, Calendar: false);
            case TimeUnit.CalendarDays:
                if (decimal.Truncate(time.Value) != time.Value)
                {
                    throw new ArgumentException("Calendar days must be a whole number.", nameof(time));
                }

                return new Amount(checked((long)time.Value * TicksPerDay), PreferPeriodEnd: false, Calendar: true, WholeDays: true);
            default:
                throw new ArgumentOutOfRangeException(nameof(time), time, "Unknown time unit.");
        }
    }

    // A limit of zero days is "within the day of receipt" and keeps the start rules of office hours and the cut-off.
    private bool IsCivil(Local received, Amount amount, bool legalLimit) =>
        legalLimit && amount.WholeDays && amount.Ticks > 0
        && _rule.CivilCodeAppliesTo(DateOnly.FromDayNumber(WorkingCalendar.FirstDay + received.Day));

    // Art. 147: counting begins on the day after receipt; calendar days on that day at 00:00 (written as 24:00 of the
    // receipt day so the explanation's day arithmetic still sees the receipt day), working days at the next opening.
    private Local CivilStart(Local received, Amount amount) =>
        amount.Calendar ? new Local(received.Day, TicksPerDay) : new Local(NextWorkingDay(received.Day), _morningStart);

    // Art. 148: a limit in calendar days ends with its last day, moved to the next working day when that day is off; the
    // office's day ends when its hours do.
    private Local CivilCalendarDue(long localTicks)
    {
        int day = FromLocalTicks(localTicks - 1).Day;
        while (!_calendar.IsWorkingIndex(day))
        {
            day++;
            if (day >= WorkingCalendar.Days)
            {
                throw new ArgumentOutOfRangeException(nameof(localTicks), "The due instant is after 2100-12-31.");
            }
        }

        return new Local(day, _afternoonEnd);
    }

    private Local StartLocal(Local received, bool applyCutoff, long cutoff, out bool movedByCutoff)
    {
        movedByCutoff = false;
        Local start;
        if (!_calendar.IsWorkingIndex(received.Day) || received.Tod >= _afternoonEnd)
        {
            start = new Local(NextWorkingDay(received.Day), _morningStart);
        }
        else if (received.Tod < _morningStart)
        {
            start = new Local(received.Day, _morningStart);
        }
        else if (received.Tod >= _morningEnd && received.Tod < _afternoonStart)
        {
            start = new Local(received.Day, _afternoonStart);
        }
        else
        {
            start = received;
        }

        if (applyCutoff && start.Day == received.Day && start.Tod > cutoff)
        {
            movedByCutoff = true;
            start = new Local(NextWorkingDay(received.Day), _morningStart);
        }

        return start;
    }

    private int NextWorkingDay(int day)
    {
        int ordinal = _calendar.CumulativeBefore(day + 1);
        if (ordinal >= _calendar.WorkingDayCount)
        {
            throw new ArgumentOutOfRangeException(nameof(day), "The result is after 2100-12-31.");
        }

        return _calendar.WorkingDayAt(ordinal);
    }

    // Working ticks since 1900-01-01 00:00 local.
    private long Position(Local t) => DayPosition(t.Day, t.Tod);

    private long DayPosition(int day, long tod)
    {
        long before = _calendar.CumulativeBefore(day) * _dayLength;
        return _calendar.IsWorkingIndex(day) ? before + WorkedWithinDay(tod) : before;
    }

    private long WorkedWithinDay(long tod)
    {
        if (tod <= _morningStart)
        {
            return 0;
        }

        if (tod < _morningEnd)
        {
            return tod - _morningStart;
        }

        if (tod <= _afternoonStart)
        {
            return _morningLength;
        }

        return tod < _afternoonEnd ? _morningLength + (tod - _afternoonStart) : _dayLength;
    }

    // The inverse of Position. A position on a period boundary maps to the end of the period before it when
    // preferPeriodEnd (11:30, 17:00), else to the start of the next one (13:30, next day 07:00).
    private Local FromPosition(long position, bool preferPeriodEnd)
    {
        long ordinal = position / _dayLength;
        long rest = position - (ordinal * _dayLength);
        if (preferPeriodEnd && rest == 0 && ordinal > 0)
        {
            ordinal--;
            rest = _dayLength;
        }

        if (ordinal >= _calendar.WorkingDayCount)
        {
            throw new ArgumentOutOfRangeException(nameof(position), "The due instant is after 2100-12-31.");
        }

        int day = _calendar.WorkingDayAt((int)ordinal);
        long tod = rest < _morningLength || (preferPeriodEnd && rest == _morningLength)
            ? _morningStart + rest
            : _afternoonStart + (rest - _morningLength);
        return new Local(day, tod);
    }

    // Calendar-day due: same clock time, moved forward past days off.
    private Local CalendarDue(long localTicks)
    {
        Local due = FromLocalTicks(localTicks);
        int day = due.Day;
        while (!_calendar.IsWorkingIndex(day))
        {
            day++;
            if (day >= WorkingCalendar.Days)
            {
                throw new ArgumentOutOfRangeException(nameof(localTicks), "The due instant is after 2100-12-31.");
            }
        }

        return new Local(day, due.Tod);
    }

    private static Local ToLocal(DateTimeOffset t) => FromLocalTicks(t.UtcTicks + (TimeSpan.TicksPerHour * 7));

    private static Local FromLocalTicks(long localTicks)
    {
        long dayNumber = localTicks / TicksPerDay;
        long day = dayNumber - WorkingCalendar.FirstDay;
        if ((ulong)day >= (ulong)WorkingCalendar.Days)
        {
            throw new ArgumentOutOfRangeException(nameof(localTicks), "Supported instants are 1900-01-01 to 2100-12-31 (UTC+7).");
        }

        return new Local((int)day, localTicks - (dayNumber * TicksPerDay));
    }

    private static long LocalTicks(Local t) => ((WorkingCalendar.FirstDay + (long)t.Day) * TicksPerDay) + t.Tod;

    private static DateTimeOffset ToOffset(Local t) => new(LocalTicks(t), VietnamOffset);

    // Running clock time between the start and a coordinate, pauses excluded.
    private static long Effective(Computation c, long coordinate)
    {
        long elapsed = coordinate - c.StartCoordinate;
        long covered = c.StartCoordinate;
        foreach (ClippedPause p in c.Pauses)
        {
            long from = Math.Max(p.From, covered);
            long to = Math.Min(p.To, coordinate);
            if (to > from)
            {
                elapsed -= to - from;
                covered = to;
            }
        }

        return elapsed;
    }

    private bool FullyPaused(Computation c, int day)
    {
        if (c.Pauses.Count == 0 || !_calendar.IsWorkingIndex(day))
        {
            return false;
        }

        if (c.Amount.Calendar)
        {
            long dayStart = LocalTicks(new Local(day, 0));
            return Effective(c, dayStart + TicksPerDay) == Effective(c, dayStart);
        }

        return Effective(c, DayPosition(day, _afternoonEnd)) == Effective(c, DayPosition(day, _morningStart));
    }

    private PauseReason PauseOn(Computation c, int day)
    {
        long dayStart = c.Amount.Calendar ? LocalTicks(new Local(day, 0)) : DayPosition(day, _morningStart);
        foreach (ClippedPause p in c.Pauses)
        {
            if (p.From <= dayStart && p.To > dayStart)
            {
                return p.Pause.Reason;
            }
        }

        return c.Pauses[0].Pause.Reason;
    }

    private static string PauseText(PauseReason reason) => reason switch
    {
        PauseReason.AwaitingSupplement => "Tạm dừng: chờ bổ sung hồ sơ",
        PauseReason.AwaitingFinancialObligation => "Tạm dừng: chờ thực hiện nghĩa vụ tài chính",
        PauseReason.Suspended => "Tạm dừng giải quyết",
    };

    private static string WeekdayName(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => "Thứ Bảy",
        DayOfWeek.Sunday => "Chủ nhật",
        DayOfWeek.Monday => "Thứ Hai",
        DayOfWeek.Tuesday => "Thứ Ba",
        DayOfWeek.Wednesday => "Thứ Tư",
        DayOfWeek.Thursday => "Thứ Năm",
        DayOfWeek.Friday => "Thứ Sáu",
    };

    private static string Clock(long tod) => new TimeOnly(tod).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Format(int day) =>
        DateOnly.FromDayNumber(WorkingCalendar.FirstDay + day).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
}
