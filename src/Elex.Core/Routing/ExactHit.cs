namespace Elex.Core.Routing;

/// <summary>Exact evidence for one feature and the score it adds.</summary>
internal readonly record struct ExactHit(int Ordinal, float Boost, RouteEvidence Evidence);
