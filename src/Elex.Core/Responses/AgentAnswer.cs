namespace Elex.Core.Responses;

/// <summary>What a feature agent answered: text, the catalog facts it used, and proposed commands.</summary>
public sealed record AgentAnswer(string Text, IReadOnlyList<string> Evidence, IReadOnlyList<ProposedCommand> Commands)
{
    /// <summary>Warnings the agent raises (dependency cycles, prerequisites outside the catalog, conflicts).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
