namespace Elex.Core.Safety;

/// <summary>
/// Loads and validates an <c>elex-safe-zones/1</c> document (<see cref="SafeZoneFile"/>). Every
/// error is collected and reported together in one <see cref="SafeZoneException"/>, each naming
/// <c>zones[i] (Mo.parameter).field</c> and what was found.
/// </summary>
internal static class SafeZoneLoader
{
    private static readonly IO.JsonInput<SafeZoneSet> Input = new("safe-zone file", (source, message, cause) => new SafeZoneException(source, message, cause), Read);

    /// <summary>Loads a safe-zone file.</summary>
    /// <exception cref="SafeZoneException">The file is missing, unreadable, not JSON or invalid; the message names the path.</exception>
    public static SafeZoneSet LoadFile(string path) => Input.LoadFile(path);

    /// <summary>Loads safe zones from a stream; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="SafeZoneException">The stream is not JSON or the zones are invalid.</exception>
    public static SafeZoneSet Load(Stream stream, string source) => Input.Load(stream, source);

    /// <summary>Loads safe zones from UTF-8 JSON; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="SafeZoneException">The bytes are not JSON or the zones are invalid.</exception>
    public static SafeZoneSet Load(ReadOnlyMemory<byte> utf8Json, string source) => Input.Load(utf8Json, source);

    private static SafeZoneSet Read(System.Text.Json.JsonElement root, string source)
    {
        var issues = new List<SafeZoneIssue>();
        var zones = SafeZoneFile.Read(root, issues);
        if (issues.Count > 0) throw new SafeZoneException(source, issues);
        return new SafeZoneSet(zones, source);
    }
}
