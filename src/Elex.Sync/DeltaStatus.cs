namespace Elex.Sync;

/// <summary>The outcome of verifying received delta bytes (see <see cref="DeltaVerifier"/>), in the order the checks run.</summary>
public enum DeltaStatus
{
    /// <summary>Well formed, from a trusted key, correctly signed and newer than anything accepted from that origin.</summary>
    Accepted,

    /// <summary>The bytes are not a well-formed delta (truncated, bad magic or version, out-of-range or duplicate entries, too large).</summary>
    Malformed,

    /// <summary>The bytes are a well-formed delta with no signature.</summary>
    Unsigned,

    /// <summary>The origin key is not in the trust list.</summary>
    UntrustedKey,

    /// <summary>The signature does not verify under the origin key: the bytes were altered, or signed by another key.</summary>
    BadSignature,

    /// <summary>A genuine delta of this swarm's own, come back; ignored because the local tables already hold it.</summary>
    FromSelf,

    /// <summary>The sequence number is not above the highest accepted from that origin: a replay or a stale copy.</summary>
    Replayed,
}
