namespace Elex.Core.Queries;

/// <summary>How much a question asks for. Values match the seed SDK's enum.</summary>
public enum Complexity
{
    /// <summary>One fact or one short answer.</summary>
    Simple = 0,
    /// <summary>Several facts or a short explanation.</summary>
    Moderate = 1,
    /// <summary>Several conditions, features or steps.</summary>
    Complex = 2,
}
