namespace Elex.Core.Safety;

/// <summary>
/// Loads and validates an <c>elex-safe-zones/1</c> document (<see cref="SafeZoneFile"/>). Every
/// error is collected and reported together in one <see cref="SafeZoneException"/>, each naming
/// <c>zones[i] (Mo.parameter).field</c> and what was found.
/// </summary>
internal static class SafeZoneLoader
{
    /// <summary>Loads a safe-zone file.</summary>
    /// <exception cref="SafeZoneException">The file is missing, unreadable, not JSON or invalid; the message names the path.</exception>
    public static SafeZoneSet LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Load(IO.JsonInput.ReadFile(path, "safe-zone file", Failure(path)), path);
    }

    /// <summary>Loads safe zones from a stream; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="SafeZoneException">The stream is not JSON or the zones are invalid.</exception>
    public static SafeZoneSet Load(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        return Load(IO.JsonInput.ReadStream(stream, Failure(source)), source);
    }

    /// <summary>Loads safe zones from UTF-8 JSON; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="SafeZoneException">The bytes are not JSON or the zones are invalid.</exception>
    public static SafeZoneSet Load(ReadOnlyMemory<byte> utf8Json, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var document = IO.JsonInput.Parse(utf8Json, Failure(source));
        var issues = new List<SafeZoneIssue>();
        var zones = SafeZoneFile.Read(document.RootElement, issues);
        if (issues.Count > 0) throw new SafeZoneException(source, issues);
        return new SafeZoneSet(zones, source);
    }

    private static Func<string, Exception?, Exception> Failure(string source) => (message, cause) => new SafeZoneException(source, message, cause);
}
