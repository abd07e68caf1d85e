namespace Elex.Core.Routing;

/// <summary>One exact fact a question named: what kind, the text as found, and how many features share it.</summary>
public sealed record RouteEvidence(MatchKind Kind, string Text, int SharedBy)
{
    /// <inheritdoc />
    public override string ToString() => SharedBy > 1 ? $"{Kind} '{Text}' (shared by {SharedBy} features)" : $"{Kind} '{Text}'";
}
