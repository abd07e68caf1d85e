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
        return Load(IO.JsonInput.ReadFile(path, "catalog file", Failure(path)), path);
    }

    /// <summary>Loads a catalog from a stream; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="CatalogException">The stream cannot be read, is not JSON or the catalog is invalid.</exception>
    public static FeatureCatalog Load(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        return Load(IO.JsonInput.ReadStream(stream, Failure(source)), source);
    }

    /// <summary>Loads a catalog from UTF-8 JSON; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="CatalogException">The bytes are not JSON or the catalog is invalid.</exception>
    public static FeatureCatalog Load(ReadOnlyMemory<byte> utf8Json, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var document = IO.JsonInput.Parse(utf8Json, Failure(source));
        var reader = new CatalogDocumentReader(source);
        var features = reader.Read(document.RootElement);
        var issues = reader.Issues;
        if (issues.Any(i => i.Severity == CatalogIssueSeverity.Error))
            throw new CatalogException(source, issues.OrderByDescending(i => i.Severity).ToList());
        return new FeatureCatalog(features, issues, source);
    }

    private static Func<string, Exception?, Exception> Failure(string source) => (message, cause) => new CatalogException(source, message, cause);
}
