namespace MotCua.Load;

public static class ReportTimings
{
    public static Task<int> RunAsync(Options options) => Task.FromResult(options is null ? 2 : 2);
}
