namespace Elex.Core.Queries;

/// <summary>The classifier's verdict: type, complexity and whether each was given explicitly.</summary>
public readonly record struct Classification(QueryType Type, Complexity Complexity, bool TypeWasExplicit = false, bool ComplexityWasExplicit = false);
