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

    private static readonly IO.JsonInput<FeatureCatalog> Input = new("catalog file", (source, message, cause) => new CatalogException(source, message, cause), Read);

    /// <summary>Loads a catalog file.</summary>
    /// <exception cref="CatalogException">The file is missing, unreadable, not JSON or invalid.</exception>
    public static FeatureCatalog LoadFile(string path) => Input.LoadFile(path);

    /// <summary>The bytes of a catalog file, unparsed (to key a router snapshot by); fails as <see cref="LoadFile"/> does when the file cannot be read.</summary>
    /// <exception cref="CatalogException">The file is missing, a directory or unreadable.</exception>
    public static byte[] ReadFile(string path) => Input.ReadFile(path);

    /// <summary>Loads a catalog from a stream; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="CatalogException">The stream cannot be read, is not JSON or the catalog is invalid.</exception>
    public static FeatureCatalog Load(Stream stream, string source) => Input.Load(stream, source);

    /// <summary>Loads a catalog from UTF-8 JSON; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="CatalogException">The bytes are not JSON or the catalog is invalid.</exception>
    public static FeatureCatalog Load(ReadOnlyMemory<byte> utf8Json, string source) => Input.Load(utf8Json, source);

    private static FeatureCatalog Read(System.Text.Json.JsonElement root, string source)
    {
        var reader = new CatalogDocumentReader(source);
        var features = reader.Read(root);
        var issues = reader.Issues;
        if (issues.Any(i => i.Severity == CatalogIssueSeverity.Error))
            throw new CatalogException(source, issues.OrderByDescending(i => i.Severity).ToList());
        return new FeatureCatalog(features, issues, source);
    }
}
