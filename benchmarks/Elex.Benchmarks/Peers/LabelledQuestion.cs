using System.Text.Json;
using Elex.Core.Catalog;

namespace Elex.Benchmarks.Peers;

/// <summary>A question with the feature codes that are acceptable answers (the dev set's <c>expect</c>).</summary>
/// <param name="Text">The question.</param>
/// <param name="Kind">How it names its feature (name, code, acronym, parameter, counter, …).</param>
/// <param name="Expect">Acceptable feature codes (canonical form).</param>
public sealed record LabelledQuestion(string Text, string Kind, IReadOnlySet<string> Expect)
{
    /// <summary>
    /// The labelled dev questions beside the clone; without them, one question per feature of
    /// <paramref name="catalog"/> naming it by name (so the modes still run on the sample).
    /// </summary>
    public static IReadOnlyList<LabelledQuestion> DevSet(FeatureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (BenchmarkData.SharedDirectory is { } dir && Path.Combine(dir, "dev-questions.jsonl") is var path && File.Exists(path))
        {
            var list = new List<LabelledQuestion>();
            foreach (var line in File.ReadLines(path))
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var expect = root.GetProperty("expect").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
                var kind = root.TryGetProperty("kind", out var k) ? k.GetString() ?? "" : "";
                list.Add(new LabelledQuestion(root.GetProperty("text").GetString()!, kind, expect));
            }
            return list;
        }
        return catalog.Features
            .Select(f => new LabelledQuestion($"Give me an overview of {f.Name}.", "name", new HashSet<string>(StringComparer.Ordinal) { f.Code.Value }))
            .ToList();
    }
}
