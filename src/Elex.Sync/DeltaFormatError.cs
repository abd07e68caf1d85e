namespace Elex.Sync;

/// <summary>What is wrong with bytes that do not decode as a delta (see <see cref="DeltaFormatException"/>).</summary>
public enum DeltaFormatError
{
    /// <summary>The data ends before a field, or inside the signature.</summary>
    Truncated,

    /// <summary>The data, a count or a length exceeds a cap that bounds the memory a peer can make us use.</summary>
    TooLarge,

    /// <summary>The data does not start with the magic.</summary>
    BadMagic,

    /// <summary>The format version is not one this build reads.</summary>
    UnsupportedVersion,

    /// <summary>A header field is out of range (a negative sequence or time).</summary>
    InvalidHeader,

    /// <summary>An agent id is empty, too long, not UTF-8 or has control characters.</summary>
    InvalidAgentId,

    /// <summary>An agent id appears twice.</summary>
    DuplicateAgent,

    /// <summary>Agents are not in ascending (ordinal) id order, which the canonical form requires.</summary>
    AgentsOutOfOrder,

    /// <summary>An agent has no slots.</summary>
    EmptyAgent,

    /// <summary>A slot index is outside the Q-table.</summary>
    SlotOutOfRange,

    /// <summary>A slot index appears twice in one agent.</summary>
    DuplicateSlot,

    /// <summary>Slots are not in ascending index order, which the canonical form requires.</summary>
    SlotsOutOfOrder,

    /// <summary>A Q-value is NaN or infinite.</summary>
    NonFiniteValue,

    /// <summary>A visit count is zero or negative.</summary>
    InvalidVisits,

    /// <summary>The data ends exactly where the signature should begin.</summary>
    Unsigned,

    /// <summary>There are bytes after the signature (or, in a ledger, before its checksum).</summary>
    TrailingBytes,

    /// <summary>A persisted ledger's checksum does not match its content.</summary>
    ChecksumMismatch,

    /// <summary>A learned route is empty, too long, not UTF-8, duplicated or out of canonical order.</summary>
    InvalidRoute,
}
