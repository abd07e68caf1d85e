using Elex.Core.Catalog;
using Elex.Core.Responses;

namespace Elex.Core.Conversations;

/// <summary>
/// The features a conversation is about, most recently discussed first: one after a question about a
/// feature, two after a question that compares two. A follow-up that names no feature of its own is
/// routed to them. Immutable; <see cref="After"/> gives the context that follows an answer.
/// </summary>
public sealed class ConversationContext : IEquatable<ConversationContext>
{
    /// <summary>At most this many features are in context (a comparison names two).</summary>
    public const int MaxFeatures = 2;

    /// <summary>A conversation that has not settled on a feature yet (or was reset).</summary>
    public static ConversationContext Empty { get; } = new([]);

    /// <summary>Creates a context over <paramref name="features"/>, most recent first.</summary>
    /// <exception cref="ArgumentException">More than <see cref="MaxFeatures"/> features, or one twice.</exception>
    public ConversationContext(IReadOnlyList<FeatureCode> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count > MaxFeatures)
            throw new ArgumentException($"A conversation context holds at most {MaxFeatures} features; {features.Count} were given.", nameof(features));
        if (features.Distinct().Count() != features.Count)
            throw new ArgumentException($"A conversation context lists each feature once; given {string.Join(", ", features)}.", nameof(features));
        Features = [.. features];
    }

    /// <summary>The features in context, most recent first.</summary>
    public IReadOnlyList<FeatureCode> Features { get; }

    /// <summary>True when no feature is in context.</summary>
    public bool IsEmpty => Features.Count == 0;

    /// <summary>True when <paramref name="code"/> is in context.</summary>
    public bool Contains(FeatureCode code)
    {
        foreach (var feature in Features) if (feature == code) return true;
        return false;
    }

    /// <summary>
    /// The context after <paramref name="response"/>. An answer to a follow-up keeps the context and
    /// puts the feature it was about first; an answer to a question that stands on its own switches to
    /// its feature (and a second feature the question named, as in a comparison); an Unsure answer
    /// switches only when the question named features (its best guess is a guess); NoMatch, Error and
    /// Rejected leave the context as it was. Never throws: a response it cannot read changes nothing.
    /// </summary>
    public ConversationContext After(QueryResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var named = Codes(response.NamedFeatures);
        switch (response.Status)
        {
            case ResponseStatus.Answered when FeatureCode.TryParse(response.FeatureCode, out var answered):
                if (response.ResolvedFromContext) return With([answered, .. Features]);
                return With([answered, .. named]);
            case ResponseStatus.Unsure when named.Count > 0:
                return With(named);
            default:
                return this;
        }
    }

    private static ConversationContext With(IEnumerable<FeatureCode> features) =>
        new([.. features.Distinct().Take(MaxFeatures)]);

    private static List<FeatureCode> Codes(IReadOnlyList<string> codes)
    {
        var parsed = new List<FeatureCode>(codes.Count);
        foreach (var code in codes) if (FeatureCode.TryParse(code, out var c)) parsed.Add(c);
        return parsed;
    }

    /// <inheritdoc />
    public bool Equals(ConversationContext? other) => other is not null && Features.SequenceEqual(other.Features);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ConversationContext);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var feature in Features) hash.Add(feature);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => IsEmpty ? "(no feature in context)" : string.Join(", ", Features);
}
