namespace Elex.Orleans.Contracts;

/// <summary>
/// A question on its way to an agent grain: the query, how the client classified it and what its
/// route says about the agent. The client keeps the route itself (evidence, alternatives' reasons,
/// warnings) and adds it to the reply; only what the agent answers from travels. Enums travel as numbers.
/// </summary>
[GenerateSerializer]
public sealed class AgentQuestion
{
    /// <summary>The id the response will carry, chosen by the client so a retried call is recognised.</summary>
    [Id(0)] public string ResponseId { get; init; } = "";
    /// <summary>The question text.</summary>
    [Id(1)] public string Text { get; init; } = "";
    /// <summary>The classified query type (<c>Elex.Core.Queries.QueryType</c>).</summary>
    [Id(2)] public int Type { get; init; }
    /// <summary>The classified complexity (<c>Elex.Core.Queries.Complexity</c>).</summary>
    [Id(3)] public int Complexity { get; init; }
    /// <summary>Answer with complete lists.</summary>
    [Id(4)] public bool All { get; init; }
    /// <summary>The route's confidence in this agent, in [0, 1]; part of the learning state.</summary>
    [Id(5)] public float RouteConfidence { get; init; } = 1f;
    /// <summary>The feature codes the route ranked next, best first.</summary>
    [Id(6)] public string[] Alternatives { get; init; } = [];
    /// <summary>Feature codes the question compares side by side (two or more), or empty.</summary>
    [Id(7)] public string[] Compared { get; init; } = [];
}
