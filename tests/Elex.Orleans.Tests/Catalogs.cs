using Elex.Catalog;
using Elex.Core.Catalog;
using Elex.Core.Routing;

namespace Elex.Orleans.Tests;

/// <summary>The full embedded catalog, its router, and questions each routed confidently to a different feature.</summary>
public static class Catalogs
{
    private static readonly Lazy<FeatureCatalog> LazyFull = new(ElexCatalog.LoadEmbedded);
    private static readonly Lazy<FeatureRouter> LazyRouter = new(() => FeatureRouter.Build(LazyFull.Value));
    private static readonly Lazy<IReadOnlyList<(Feature Feature, string Question)>> LazyQuestions = new(FindQuestions);

    public static FeatureCatalog Full => LazyFull.Value;

    public static FeatureRouter Router => LazyRouter.Value;

    /// <summary>One question per feature that the router sends to that feature above the abstention threshold.</summary>
    public static IReadOnlyList<(Feature Feature, string Question)> Questions => LazyQuestions.Value;

    private static List<(Feature, string)> FindQuestions()
    {
        var found = new List<(Feature, string)>();
        foreach (var feature in Full.Features)
        {
            var question = $"Which parameters does {feature.Name} use?";
            var route = Router.Route(question);
            if (route.Best?.Feature == feature && route.Confidence >= 0.7f) found.Add((feature, question));
        }
        return found;
    }
}
