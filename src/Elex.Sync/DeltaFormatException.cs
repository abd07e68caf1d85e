namespace Elex.Sync;

/// <summary>Bytes are not a well-formed delta (or ledger); <see cref="Error"/> says which rule they break and the message says where.</summary>
public sealed class DeltaFormatException : FormatException
{
    /// <summary>A format error with its kind, the byte offset it was found at and a message.</summary>
    public DeltaFormatException(DeltaFormatError error, int offset, string message)
        : base(message)
    {
        Error = error;
        Offset = offset;
    }

    /// <summary>The rule the data breaks.</summary>
    public DeltaFormatError Error { get; }

    /// <summary>The byte offset where the problem was found.</summary>
    public int Offset { get; }
}
