using Elex.Core.Catalog;

namespace Elex.Semantic.Tests;

/// <summary>
/// The full 593-feature catalog and the labelled dev questions live outside the repository (in
/// ../shared/catalog beside the clone). Tests that need them find them by walking up from the
/// test binaries, or through ELEX_SHARED_CATALOG_DIR.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Directory = new(Find);
    private static readonly Lazy<FeatureCatalog?> FullCatalog = new(() => CatalogPath is { } p ? CatalogLoader.LoadFile(p) : null);
    private static readonly Lazy<FeatureCatalog> Sample = new(SampleCatalog.Load);

    public static string? CatalogPath => Directory.Value is { } d ? Path.Combine(d, "elex-catalog.json") : null;

    public static string? DevQuestionsPath => Directory.Value is { } d && File.Exists(Path.Combine(d, "dev-questions.jsonl")) ? Path.Combine(d, "dev-questions.jsonl") : null;

    public static FeatureCatalog? Full => FullCatalog.Value;

    public static FeatureCatalog SampleCatalogInstance => Sample.Value;

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("ELEX_SHARED_CATALOG_DIR") is { Length: > 0 } env && File.Exists(Path.Combine(env, "elex-catalog.json")))
            return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "catalog");
            if (File.Exists(Path.Combine(candidate, "elex-catalog.json"))) return candidate;
        }
        return null;
    }
}
