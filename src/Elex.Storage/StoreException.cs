namespace Elex.Storage;

/// <summary>The store cannot do what was asked; the message says why and what was (not) changed.</summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreException(string message, Exception? inner = null) : base(message, inner) { }
}
