using Elex.Core.Catalog;

namespace Elex.Core.Routing;

/// <summary>A feature the router considered, with its fused score and its share of the confidence.</summary>
public sealed record RouteCandidate(Feature Feature, int Ordinal, float Score, float Similarity, float Confidence, IReadOnlyList<RouteEvidence> Evidence);
