namespace Elex.Core.Responses;

/// <summary>
/// A cmedit command an agent proposes. It is a proposal until the safety stage has given it a
/// verdict: only <see cref="SafetyStatus.Safe"/> commands are presented as runnable.
/// </summary>
public sealed record ProposedCommand(string Command, CommandKind Kind, string Purpose)
{
    /// <summary>Managed-object class the command touches, if any.</summary>
    public string? Mo { get; init; }
    /// <summary>Parameter (attribute) set or read, if any.</summary>
    public string? Parameter { get; init; }
    /// <summary>The value a set command proposes, if any (null = to be chosen by the engineer).</summary>
    public string? Value { get; init; }
    /// <summary>The feature the command belongs to (FAJ code).</summary>
    public string? FeatureCode { get; init; }
    /// <summary>The safety verdict.</summary>
    public SafetyStatus Safety { get; init; } = SafetyStatus.PendingValidation;
    /// <summary>Why the verdict was given.</summary>
    public string SafetyReason { get; init; } = "awaiting safety validation";

    /// <summary>True only for a command whose verdict allows running it as is.</summary>
    public bool IsRunnable => Safety == SafetyStatus.Safe;
}
