namespace Elex.Streams.Routing;

/// <summary>What a correction did: taught the router (and how many routes it now knows), or why not.</summary>
public sealed record CorrectionResult(bool Applied, string Message, int LearnedRoutes);
