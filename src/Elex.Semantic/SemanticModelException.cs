namespace Elex.Semantic;

/// <summary>A sentence model, its vocabulary or its cached vectors could not be used; the message says which and why.</summary>
public sealed class SemanticModelException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SemanticModelException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public SemanticModelException(string message, Exception inner) : base(message, inner) { }
}
