using System.Text.Json;

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
        if (IO.InputFile.Problem(path, "safe-zone file") is { } problem) throw new SafeZoneException(path, problem);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new SafeZoneException(path, $"cannot be read: {e.Message}", e);
        }
        return Load(bytes, path);
    }

    /// <summary>Loads safe zones from a stream; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="SafeZoneException">The stream is not JSON or the zones are invalid.</exception>
    public static SafeZoneSet Load(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        using var buffer = new MemoryStream();
        try
        {
            stream.CopyTo(buffer);
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ObjectDisposedException)
        {
            throw new SafeZoneException(source, $"cannot be read: {e.Message}", e);
        }
        return Load(buffer.ToArray(), source);
    }

    /// <summary>Loads safe zones from UTF-8 JSON; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="SafeZoneException">The bytes are not JSON or the zones are invalid.</exception>
    public static SafeZoneSet Load(ReadOnlyMemory<byte> utf8Json, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new SafeZoneException(source, $"is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            var issues = new List<SafeZoneIssue>();
            var zones = SafeZoneFile.Read(document.RootElement, issues);
            if (issues.Count > 0) throw new SafeZoneException(source, issues);
            return new SafeZoneSet(zones, source);
        }
    }
}
