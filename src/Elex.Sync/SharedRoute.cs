namespace Elex.Sync;

/// <summary>
/// A question an engineer confirmed belongs to a feature, as a swarm shares it: a trusted peer's
/// router learns it too. Validated on construction (and by the decoder for received ones).
/// </summary>
public sealed record SharedRoute
{
    /// <summary>Longest question shared, in UTF-8 bytes (a question, not a document).</summary>
    public const int MaxQuestionBytes = 16_000;

    /// <summary>Longest feature code, in UTF-8 bytes.</summary>
    public const int MaxFeatureBytes = 64;

    /// <summary>Creates a route.</summary>
    /// <exception cref="ArgumentException">The feature or question is empty, too long or holds control characters.</exception>
    public SharedRoute(string feature, string question)
    {
        if (Error(feature, question) is { } error) throw new ArgumentException(error);
        Feature = feature;
        Question = question;
    }

    /// <summary>The feature code.</summary>
    public string Feature { get; }

    /// <summary>The question.</summary>
    public string Question { get; }

    /// <summary>What is wrong with a route, or null when it is valid.</summary>
    public static string? Error(string? feature, string? question)
    {
        if (string.IsNullOrWhiteSpace(feature)) return "a shared route has no feature code";
        if (AgentDelta.Utf8.GetByteCount(feature) > MaxFeatureBytes) return $"a shared route's feature code is longer than {MaxFeatureBytes} bytes";
        if (feature.Any(char.IsControl)) return "a shared route's feature code holds control characters";
        if (string.IsNullOrWhiteSpace(question)) return $"the shared route to {feature} has no question";
        if (AgentDelta.Utf8.GetByteCount(question) > MaxQuestionBytes) return $"the shared route to {feature} has a question longer than {MaxQuestionBytes} bytes";
        return null;
    }

    /// <summary>Canonical order: by feature, then question (ordinal).</summary>
    public static int Compare(SharedRoute a, SharedRoute b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var byFeature = string.CompareOrdinal(a.Feature, b.Feature);
        return byFeature != 0 ? byFeature : string.CompareOrdinal(a.Question, b.Question);
    }
}
