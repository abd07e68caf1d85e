namespace Elex.Core.Responses;

/// <summary>Response ids: unique per process run and sortable by creation within it.</summary>
internal static class ResponseIds
{
    private static readonly string RunPrefix = "r-" + Guid.NewGuid().ToString("N")[..6] + "-";
    private static long _next;

    public static string Next() => RunPrefix + Interlocked.Increment(ref _next).ToString("x");
}
