namespace Elex.Benchmarks.Natural;

/// <summary>One routed question: right at 1 / within 3, the confidence reported, the path taken and its time.</summary>
public readonly record struct RouteOutcome(bool Top1, bool Top3, float Confidence, bool Semantic, double Microseconds, string Class = "");
