namespace Elex.Orleans.Contracts;

/// <summary>
/// An agent grain's answer: what the agent said (commands before their safety verdict), the learning
/// state and strategy feedback will teach, and the silo that answered. The client adds the route's
/// part (evidence, alternatives, warnings, timings) and turns it into a <c>QueryResponse</c>.
/// </summary>
[GenerateSerializer]
public sealed class AgentReply
{
    /// <summary>The response id the question asked for.</summary>
    [Id(0)] public string ResponseId { get; init; } = "";
    /// <summary>The answering agent id.</summary>
    [Id(1)] public string AgentId { get; init; } = "";
    /// <summary>The answering feature code.</summary>
    [Id(2)] public string FeatureCode { get; init; } = "";
    /// <summary>The answering feature name.</summary>
    [Id(3)] public string FeatureName { get; init; } = "";
    /// <summary>The answer text.</summary>
    [Id(4)] public string Text { get; init; } = "";
    /// <summary>The catalog facts the answer used.</summary>
    [Id(5)] public string[] Evidence { get; init; } = [];
    /// <summary>Proposed commands (not yet safety-checked).</summary>
    [Id(6)] public CommandReply[] Commands { get; init; } = [];
    /// <summary>The agent's warnings.</summary>
    [Id(7)] public string[] Warnings { get; init; } = [];
    /// <summary>The chosen strategy's number (<c>Elex.Core.Learning.ResponseAction</c>).</summary>
    [Id(8)] public int Strategy { get; init; }
    /// <summary>The learning state's index the agent acted in, or -1 when it did not consult its policy.</summary>
    [Id(9)] public int LearningState { get; init; } = -1;
    /// <summary>The silo that hosted the agent when it answered.</summary>
    [Id(10)] public string Silo { get; init; } = "";
}

/// <summary>A proposed cmedit command as it travels back from a grain.</summary>
[GenerateSerializer]
public sealed class CommandReply
{
    /// <summary>The command line.</summary>
    [Id(0)] public string Command { get; init; } = "";
    /// <summary>The command kind's number.</summary>
    [Id(1)] public int Kind { get; init; }
    /// <summary>What it is for.</summary>
    [Id(2)] public string Purpose { get; init; } = "";
    /// <summary>The MO class.</summary>
    [Id(3)] public string? Mo { get; init; }
    /// <summary>The parameter.</summary>
    [Id(4)] public string? Parameter { get; init; }
    /// <summary>The proposed value.</summary>
    [Id(5)] public string? Value { get; init; }
    /// <summary>The feature code.</summary>
    [Id(6)] public string? FeatureCode { get; init; }
}
