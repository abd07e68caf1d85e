using Elex.Core.Catalog;
using Elex.Core.Routing.Glosses;
using Elex.Core.Text;

namespace Elex.Core.Routing;

/// <summary>
/// The text of one feature as the embedding sees it: fields with weights. The name and acronym
/// identify a feature; domain, parameters, counters and KPIs only describe it, so they weigh less
/// and their weight is spread over however many of them the feature has.
/// </summary>
internal sealed class FeatureDocument
{
    private const float NameWeight = 1.0f;
    private const float AcronymWeight = 1.0f;
    private const float DomainWeight = 0.25f;
    private const float ParametersBudget = 0.6f;
    private const float CountersBudget = 0.4f;
    private const float KpisBudget = 0.3f;
    private const float GlossWeight = 0.7f;
    private const float GlossTermsBudget = 0.9f;

    private readonly List<(List<string> Terms, float Weight)> _fields = [];
    // Parameter and counter names recur across hundreds of features; analyse each once per build.
    private readonly Dictionary<string, AnalyzedText> _analysisCache;

    public FeatureDocument(Feature feature, FeatureGloss? gloss = null, Dictionary<string, AnalyzedText>? analysisCache = null)
    {
        _analysisCache = analysisCache ?? new Dictionary<string, AnalyzedText>(StringComparer.Ordinal);
        var name = TermAnalyzer.Analyze(feature.Name);
        NameTerms = [.. name.WordTerms, .. name.IdentifierTerms];
        Add(NameTerms, NameWeight);
        if (feature.Acronym is { } acronym) Add([Tokenizer.LookupKey(acronym)], AcronymWeight);
        Add(TermAnalyzer.Terms(feature.Domain), DomainWeight);

        var parameters = feature.Parameters
            .Where(p => p.Role is ParameterRole.Introduced or ParameterRole.Affecting)
            .Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();
        AddSpread(parameters, ParametersBudget);
        AddSpread(feature.Counters.Select(c => c.Name).Distinct(StringComparer.Ordinal).ToList(), CountersBudget);
        AddSpread(feature.Kpis, KpisBudget);
        if (gloss is not null)
        {
            Add(TermAnalyzer.Terms(gloss.Gloss), GlossWeight / MathF.Sqrt(Math.Max(1, gloss.Gloss.Length / 80)));
            AddSpread(gloss.Terms, GlossTermsBudget);
        }
    }

    /// <summary>The normalised terms of the feature name, in order.</summary>
    public List<string> NameTerms { get; }

    /// <summary>Every distinct term of the document (for document frequencies).</summary>
    public HashSet<string> TermSet { get; } = new(StringComparer.Ordinal);

    /// <summary>Writes the normalised embedding of this document.</summary>
    public void Embed(TextEmbedder embedder, Span<float> destination)
    {
        destination.Clear();
        foreach (var (terms, weight) in _fields) embedder.Accumulate(terms, weight, destination);
        TextEmbedder.Normalize(destination);
    }

    private void AddSpread(IReadOnlyList<string> texts, float budget)
    {
        if (texts.Count == 0) return;
        var each = budget / MathF.Sqrt(texts.Count);
        foreach (var text in texts)
        {
            if (!_analysisCache.TryGetValue(text, out var analyzed)) _analysisCache[text] = analyzed = TermAnalyzer.Analyze(text);
            Add(analyzed.WordTerms, each);
            Add(analyzed.IdentifierTerms, each);
        }
    }

    private void Add(List<string> terms, float weight)
    {
        if (terms.Count == 0) return;
        _fields.Add((terms, weight));
        TermSet.UnionWith(terms);
    }
}
