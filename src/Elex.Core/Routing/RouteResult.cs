using Elex.Core.Catalog;

namespace Elex.Core.Routing;

/// <summary>
/// The router's answer: the best feature, the alternatives best-first, and a confidence in [0, 1]
/// that drops when the question is ambiguous (an acronym or parameter shared by several features)
/// or weakly related to any feature.
/// </summary>
public sealed record RouteResult(IReadOnlyList<RouteCandidate> Candidates, float Confidence, bool IsAmbiguous)
{
    /// <summary>No feature matched at all.</summary>
    public static RouteResult None { get; } = new([], 0f, false);

    /// <summary>The radio technology the question names (read once while routing; Any when it names none), or null when this route did not read it.</summary>
    internal Glosses.Rat? QuestionRat { get; init; }

    /// <summary>True when the question is nothing but the best candidate's whole name (and perhaps its radio technology).</summary>
    internal bool AsksForBestByName { get; init; }

    /// <summary>True when the sentence model took part in this route.</summary>
    public bool UsedSemantic { get; init; }

    /// <summary>Why the sentence model could not take part, when it should have; the route fell back to exact and lexical evidence.</summary>
    public string? ModelFailure { get; init; }

    /// <summary>What backs the route when the sentence model took part (the calibration's inputs); null otherwise.</summary>
    internal RouteSignals? Signals { get; init; }

    /// <summary>
    /// True when the question named no feature of its own and was routed to a feature of its
    /// conversation's context (a follow-up such as "and its counters?").
    /// </summary>
    public bool ResolvedFromContext { get; init; }

    /// <summary>The best candidate, or null when nothing matched.</summary>
    public RouteCandidate? Best => Candidates.Count > 0 ? Candidates[0] : null;

    /// <summary>The best feature, or null.</summary>
    public Feature? Feature => Best?.Feature;

    /// <summary>The candidates after the best one.</summary>
    public IEnumerable<RouteCandidate> Alternatives => Candidates.Skip(1);
}
