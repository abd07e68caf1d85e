namespace Elex.SyncRelay.Tests.Support;

/// <summary>The only timeout in these tests: a failure guard on awaits of real events, never a delay.</summary>
internal static class Guard
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static Task Guarded(this Task task) => task.WaitAsync(Timeout);

    public static Task<T> Guarded<T>(this Task<T> task) => task.WaitAsync(Timeout);

    public static Task Guarded(this ValueTask task) => task.AsTask().WaitAsync(Timeout);
}
