using System.Text.Json;

namespace Elex.Core.IO;

/// <summary>
/// Loads a JSON document a user gave (a catalog, a safe-zone file) from a file, a stream or bytes:
/// every way reading or parsing can fail becomes one error naming the source, made by
/// <c>fail(source, message, cause)</c>; <c>read(root, source)</c> validates and builds the result.
/// </summary>
internal sealed class JsonInput<T>(string what, Func<string, string, Exception?, Exception> fail, Func<JsonElement, string, T> read)
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Loads the file at <paramref name="path"/> (a "<c>what</c>", e.g. "catalog file").</summary>
    public T LoadFile(string path) => Load(ReadFile(path), path);

    /// <summary>The bytes of the file at <paramref name="path"/>, failing as <see cref="LoadFile"/> does when it cannot be read.</summary>
    public byte[] ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (InputFile.Problem(path, what) is { } problem) throw fail(path, problem, null);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw fail(path, $"cannot be read: {e.Message}", e);
        }
        return bytes;
    }

    /// <summary>Loads everything left in <paramref name="stream"/>.</summary>
    public T Load(Stream stream, string source)
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
            throw fail(source, $"cannot be read: {e.Message}", e);
        }
        return Load(buffer.ToArray(), source);
    }

    /// <summary>Parses <paramref name="utf8Json"/> (comments and trailing commas allowed) and reads it.</summary>
    public T Load(ReadOnlyMemory<byte> utf8Json, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, Options);
        }
        catch (JsonException e)
        {
            throw fail(source, $"is not valid JSON: {e.Message}", e);
        }
        using (document) return read(document.RootElement, source);
    }
}
