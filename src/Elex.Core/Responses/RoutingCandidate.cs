namespace Elex.Core.Responses;

/// <summary>A feature the router weighed for a question, and why.</summary>
/// <param name="FeatureCode">Its FAJ code.</param>
/// <param name="FeatureName">Its name.</param>
/// <param name="Similarity">How close the question is to it (0–1).</param>
/// <param name="Why">What matched: the names the question uses, and how similar its wording or meaning is.</param>
public sealed record RoutingCandidate(string FeatureCode, string FeatureName, float Similarity, string Why);
