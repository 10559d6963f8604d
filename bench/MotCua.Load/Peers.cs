namespace MotCua.Load;

public static class Peers
{
    public static Task<int> RunAsync(Options options) => Task.FromResult(options is null ? 2 : 2);
}
