using BenchmarkDotNet.Attributes;

using MotCua.Core.Calendar;

namespace MotCua.Bench;

/// <summary>One ComputeDue per operation, cycling through varied receipt instants (weekdays, nights, weekends, Tết).</summary>
[MemoryDiagnoser]
public class DeadlineBenchmarks
{
    private const int Receipts = 1024;
    private DeadlineCalculator _calculator = null!;
    private DateTimeOffset[] _receivedAt = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        // The real schedule shape; computed defaults elsewhere. Built once, shared like the web app will.
        _calculator = new DeadlineCalculator(WorkingCalendar.ComputedDefault, OfficeHours.Default);
        var random = new Random(42);
        long first = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.FromHours(7)).UtcTicks;
        long span = TimeSpan.FromDays(4 * 365).Ticks;
        _receivedAt = new DateTimeOffset[Receipts];
        for (int i = 0; i < Receipts; i++)
        {
            _receivedAt[i] = new DateTimeOffset(first + random.NextInt64(span), TimeSpan.Zero);
        }
    }

    private DateTimeOffset NextReceipt() => _receivedAt[_next++ & (Receipts - 1)];

    [Benchmark(Baseline = true)]
    public DateTimeOffset Deadline15WorkingDays() => _calculator.ComputeDue(NextReceipt(), new ProcessingTime(15, TimeUnit.WorkingDays));

    [Benchmark]
    public DateTimeOffset Deadline5WorkingHours() => _calculator.ComputeDue(NextReceipt(), new ProcessingTime(5, TimeUnit.WorkingHours));

    [Benchmark]
    public DateTimeOffset Deadline30CalendarDays() => _calculator.ComputeDue(NextReceipt(), new ProcessingTime(30, TimeUnit.CalendarDays));
}
