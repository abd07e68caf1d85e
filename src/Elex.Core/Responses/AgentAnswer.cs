using Elex.Core.Learning;

namespace Elex.Core.Responses;

/// <summary>What a feature agent answered: text, the catalog facts it used, and proposed commands.</summary>
internal sealed record AgentAnswer(string Text, IReadOnlyList<string> Evidence, IReadOnlyList<ProposedCommand> Commands)
{
    /// <summary>Warnings the agent raises (dependency cycles, prerequisites outside the catalog, conflicts).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The response strategy the agent chose.</summary>
    public ResponseAction Action { get; init; } = ResponseAction.DirectAnswer;

    /// <summary>The learning state the agent saw (null when it did not consult its policy).</summary>
    public LearningState? State { get; init; }
}
