using Elex.Core.Catalog;
using Elex.Core.Routing.Glosses;
using Elex.Core.Semantics;

namespace Elex.Benchmarks.StaticVectors;

/// <summary>
/// Texts to fit the static-to-model map on: the catalog and the routing glosses only (names, gloss
/// sentences, gloss terms, whole feature documents) — never the labelled question sets, which judge it.
/// </summary>
public static class CatalogSentences
{
    public static IReadOnlyList<string> Of(FeatureCatalog catalog, RoutingGlosses glosses)
    {
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var feature in catalog.Features)
        {
            var gloss = glosses.For(feature.Code);
            texts.Add(SemanticIndex.DocumentText(feature, gloss));
            texts.Add(feature.Name);
            if (feature.Acronym is { Length: > 0 } acronym) texts.Add($"{feature.Name} ({acronym})");
            if (gloss is null) continue;
            foreach (var sentence in gloss.Gloss.Split(". ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) texts.Add(sentence);
            foreach (var term in gloss.Terms) texts.Add(term);
        }
        return [.. texts];
    }
}
