using System.Text.Json;

namespace Elex.Core.Catalog;

/// <summary>
/// Loads and validates an <c>elex-catalog/1</c> document. All errors are collected and reported
/// together, each naming the feature (index and code) and the field; edges to codes absent from
/// the catalog are warnings, not errors, so a subset of the full catalog still loads.
/// </summary>
public static class CatalogLoader
{
    /// <summary>The schema identifier this loader understands.</summary>
    public const string Schema = "elex-catalog/1";

    /// <summary>Loads a catalog file.</summary>
    /// <exception cref="CatalogException">The file is missing, unreadable, not JSON or invalid.</exception>
    public static FeatureCatalog LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (IO.InputFile.Problem(path, "catalog file") is { } problem) throw new CatalogException(path, problem);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new CatalogException(path, $"cannot be read: {e.Message}", e);
        }
        return Load(bytes, path);
    }

    /// <summary>Loads a catalog from a stream.</summary>
    public static FeatureCatalog Load(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Load(buffer.GetBuffer().AsSpan(0, (int)buffer.Length).ToArray(), source);
    }

    /// <summary>Loads a catalog from UTF-8 JSON.</summary>
    public static FeatureCatalog Load(ReadOnlyMemory<byte> utf8Json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new CatalogException(source, $"is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            var reader = new CatalogDocumentReader(source);
            var features = reader.Read(document.RootElement);
            var issues = reader.Issues;
            if (issues.Any(i => i.Severity == CatalogIssueSeverity.Error))
                throw new CatalogException(source, issues.OrderByDescending(i => i.Severity).ToList());
            return new FeatureCatalog(features, issues, source);
        }
    }
}
