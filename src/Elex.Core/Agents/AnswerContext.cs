using Elex.Core.Queries;

namespace Elex.Core.Agents;

/// <summary>What an agent knows about the question it answers.</summary>
public sealed record AnswerContext(string Text, Classification Classification)
{
    /// <summary>Parameter changes the question asks for.</summary>
    public IReadOnlyList<ParameterChange> Changes { get; init; } = ParameterChange.Find(Text);

    /// <summary>The node or cell the question names, used in proposed commands instead of a placeholder.</summary>
    public string? Target { get; init; } = ParameterChange.FindTarget(Text);

    /// <summary>True when the question asks to switch the feature off rather than on.</summary>
    public bool WantsDeactivation { get; init; } =
        Text.Contains("deactivat", StringComparison.OrdinalIgnoreCase)
        || Text.Contains("disable", StringComparison.OrdinalIgnoreCase)
        || Text.Contains("turn off", StringComparison.OrdinalIgnoreCase)
        || Text.Contains("switch off", StringComparison.OrdinalIgnoreCase);
}
