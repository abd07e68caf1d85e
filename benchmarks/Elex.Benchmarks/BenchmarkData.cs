using System.Text.Json;
using Elex.Core.Catalog;

namespace Elex.Benchmarks;

/// <summary>
/// The full catalog and dev questions when they are beside the clone (../shared/catalog, or
/// ELEX_SHARED_CATALOG_DIR); otherwise the embedded sample and questions made from it.
/// </summary>
public static class BenchmarkData
{
    public static string? SharedDirectory { get; } = Find();

    public static string? FullCatalogPath => SharedDirectory is { } d ? Path.Combine(d, "elex-catalog.json") : null;

    public static FeatureCatalog Catalog() => FullCatalogPath is { } p ? CatalogLoader.LoadFile(p) : SampleCatalog.Load();

    public static string[] Questions(FeatureCatalog catalog)
    {
        if (SharedDirectory is { } d && File.Exists(Path.Combine(d, "dev-questions.jsonl")))
        {
            return File.ReadLines(Path.Combine(d, "dev-questions.jsonl"))
                .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!)
                .ToArray();
        }
        return catalog.Features.SelectMany(f => new[]
        {
            $"Explain how {f.Name} works.",
            $"Which counters show {f.Acronym ?? f.Name} is working?",
            f.Parameters.Count > 0 ? $"Which feature uses the parameter {f.Parameters[0].Name}?" : $"Describe feature {f.Code}.",
        }).ToArray();
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("ELEX_SHARED_CATALOG_DIR") is { Length: > 0 } env && File.Exists(Path.Combine(env, "elex-catalog.json")))
            return env;
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "catalog");
                if (File.Exists(Path.Combine(candidate, "elex-catalog.json"))) return candidate;
            }
        }
        return null;
    }
}
