using System.Text.Json;

namespace Elex.Core.IO;

/// <summary>
/// Reads a JSON document a user gave (a catalog, a safe-zone file) from a file, a stream or bytes,
/// turning every way it can fail into one error that names the source; the loaders say what kind of
/// error (<c>fail(message, cause)</c>) and validate the document themselves.
/// </summary>
internal static class JsonInput
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The bytes of the file at <paramref name="path"/>, a <paramref name="what"/> (e.g. "catalog file").</summary>
    public static byte[] ReadFile(string path, string what, Func<string, Exception?, Exception> fail)
    {
        if (InputFile.Problem(path, what) is { } problem) throw fail(problem, null);
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw fail($"cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Everything left in <paramref name="stream"/>.</summary>
    public static byte[] ReadStream(Stream stream, Func<string, Exception?, Exception> fail)
    {
        using var buffer = new MemoryStream();
        try
        {
            stream.CopyTo(buffer);
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ObjectDisposedException)
        {
            throw fail($"cannot be read: {e.Message}", e);
        }
        return buffer.ToArray();
    }

    /// <summary>The parsed document (comments and trailing commas allowed); the caller disposes it.</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8Json, Func<string, Exception?, Exception> fail)
    {
        try
        {
            return JsonDocument.Parse(utf8Json, Options);
        }
        catch (JsonException e)
        {
            throw fail($"is not valid JSON: {e.Message}", e);
        }
    }
}
