namespace Elex.Core.Responses;

/// <summary>Response ids: unique per process run and sortable by creation within it.</summary>
internal static class ResponseIds
{
    private static readonly string RunPrefix = "r-" + Guid.NewGuid().ToString("N")[..6] + "-";
    private static long _next;

    public static string Next()
    {
        var number = Interlocked.Increment(ref _next);
        Span<char> hex = stackalloc char[16];
        number.TryFormat(hex, out var written, "x", System.Globalization.CultureInfo.InvariantCulture);
        return string.Concat(RunPrefix.AsSpan(), hex[..written]);
    }
}
