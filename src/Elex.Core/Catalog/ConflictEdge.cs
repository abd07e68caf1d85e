namespace Elex.Core.Catalog;

/// <summary>Which side of a conflict declared it: the catalog often records a conflict on one side only.</summary>
internal enum ConflictDeclaredBy
{
    /// <summary>The feature itself lists the other as a conflict.</summary>
    This,
    /// <summary>Only the other feature lists this one.</summary>
    Other,
    /// <summary>Both list each other.</summary>
    Both,
}

/// <summary>A conflict of a feature with another (<see cref="Feature"/> is null when the other code is not in the catalog).</summary>
internal sealed record ConflictEdge(FeatureCode Code, Feature? Feature, ConflictDeclaredBy DeclaredBy)
{
    /// <summary>The other feature's display name, or its code when the catalog does not describe it.</summary>
    public string DisplayName => Feature?.DisplayName ?? Code.Value;

    /// <summary>Where the conflict is declared, in words.</summary>
    public string Declared(Feature self) => DeclaredBy switch
    {
        ConflictDeclaredBy.This => $"declared by {self.Name}",
        ConflictDeclaredBy.Other => $"declared by {Feature?.Name ?? Code.Value}",
        _ => "declared by both",
    };
}
