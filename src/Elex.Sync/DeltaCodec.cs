namespace Elex.Sync;

/// <summary>
/// The canonical, signed binary form of a <see cref="QTableDelta"/>. Little-endian:
/// magic "ELQD", version (u8) 1, origin public key (32 bytes), sequence (i64), created Unix ms
/// (i64), agent count (u16), the agents in ascending ordinal id order — each id length (u8), id
/// (UTF-8), slot count (u16), then per slot index (u16), Q (f32), visits (i32) in ascending
/// slot order — from version 2 the learned routes (see <c>RouteCodec</c>) — and last the 64-byte
/// Ed25519 signature of everything before it. Every delta has exactly one encoding, so a signature
/// can be checked without any re-serialisation ambiguity. Version 1 (no routes) is still read.
/// </summary>
public static class DeltaCodec
{
    /// <summary>The format version written and read.</summary>
    public const byte Version = 2;

    /// <summary>The oldest format version still read (without learned routes).</summary>
    public const byte OldestReadable = 1;

    /// <summary>
    /// The largest encoded delta accepted (16 MiB): every slot of every one of the catalog's 593
    /// agents takes about 6.5 MB, and the cap stops a peer from making us buffer more.
    /// </summary>
    public const int MaxEncodedLength = 16 * 1024 * 1024;

    /// <summary>The length of the fixed header: magic, version, origin, sequence, created, agent count.</summary>
    public const int HeaderLength = 4 + 1 + SwarmPublicKey.Length + 8 + 8 + 2;

    private static ReadOnlySpan<byte> Magic => "ELQD"u8;

    /// <summary>The signed bytes of a delta.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The delta's origin is not the identity's public key, or it encodes to more than <see cref="MaxEncodedLength"/> bytes.</exception>
    public static byte[] Encode(QTableDelta delta, SwarmIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(delta);
        ArgumentNullException.ThrowIfNull(identity);
        // Signing someone else's origin would produce a delta every peer rejects; fail where the mistake is.
        if (delta.Origin != identity.PublicKey)
            throw new ArgumentException($"The delta's origin {delta.Origin.KeyId} is not this identity ({identity.KeyId}).", nameof(delta));
        var length = (long)HeaderLength + SwarmIdentity.SignatureLength;
        foreach (var agent in delta.Agents) length += AgentCodec.Length(agent);
        length += RouteCodec.Length(delta.Routes);
        if (length > MaxEncodedLength)
            throw new ArgumentException($"The delta encodes to {length} bytes; the limit is {MaxEncodedLength}. Send fewer agents per delta.", nameof(delta));

        var bytes = new byte[length];
        var writer = new WireWriter(bytes);
        writer.Bytes(Magic);
        writer.U8(Version);
        writer.Bytes(delta.Origin.Bytes);
        writer.I64(delta.Sequence);
        writer.I64(delta.CreatedUnixMs);
        writer.U16((ushort)delta.Agents.Count);
        foreach (var agent in delta.Agents) AgentCodec.Write(ref writer, agent);
        RouteCodec.Write(ref writer, delta.Routes);
        var signature = identity.Sign(bytes.AsSpan(0, writer.Offset));
        writer.Bytes(signature);
        return bytes;
    }

    /// <summary>Parses signed bytes without checking the signature (see <see cref="SignedDelta.HasValidSignature"/>).</summary>
    /// <exception cref="DeltaFormatException">The bytes are not a well-formed signed delta; <see cref="DeltaFormatException.Error"/> says why.</exception>
    public static SignedDelta Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxEncodedLength)
            throw new DeltaFormatException(DeltaFormatError.TooLarge, 0, $"The delta is {bytes.Length} bytes; the limit is {MaxEncodedLength}.");
        var reader = new WireReader(bytes, "delta");
        if (bytes.IsEmpty)
            throw reader.Fail(DeltaFormatError.Truncated, "The delta is empty.");
        // Check the magic on whatever is there first, so a short piece of something else is named as such.
        var prefix = Math.Min(bytes.Length, Magic.Length);
        if (!bytes[..prefix].SequenceEqual(Magic[..prefix]))
            throw reader.FailAt(0, DeltaFormatError.BadMagic, "The data does not start with the delta magic 'ELQD'.");
        reader.Take(Magic.Length, "the magic");
        var version = reader.U8("the version");
        if (version is < OldestReadable or > Version)
            throw reader.FailAt(4, DeltaFormatError.UnsupportedVersion, $"Delta format version {version} is not supported (expected {OldestReadable} to {Version}).");
        var origin = SwarmPublicKey.FromBytes(reader.Take(SwarmPublicKey.Length, "the origin key"));
        var sequenceAt = reader.Offset;
        var sequence = reader.I64("the sequence number");
        if (sequence < 0)
            throw reader.FailAt(sequenceAt, DeltaFormatError.InvalidHeader, $"The sequence number {sequence} is negative.");
        var createdAt = reader.Offset;
        var created = reader.I64("the creation time");
        if (created < 0)
            throw reader.FailAt(createdAt, DeltaFormatError.InvalidHeader, $"The creation time {created} is negative.");
        var countAt = reader.Offset;
        var count = reader.U16("the agent count");
        if (count > QTableDelta.MaxAgents)
            throw reader.FailAt(countAt, DeltaFormatError.TooLarge, $"The delta declares {count} agents; the limit is {QTableDelta.MaxAgents}.");
        reader.Require((long)count * AgentCodec.MinLength, $"the {count} agents");

        var agents = new AgentDelta[count];
        for (var i = 0; i < count; i++)
            agents[i] = AgentCodec.Read(ref reader, i == 0 ? null : agents[i - 1].AgentId, i);
        var routes = version >= 2 ? RouteCodec.Read(ref reader) : [];

        var signedLength = reader.Offset;
        if (reader.Remaining == 0)
            throw reader.Fail(DeltaFormatError.Unsigned, $"The delta is unsigned: it ends at offset {signedLength}, where its {SwarmIdentity.SignatureLength}-byte signature should begin.");
        if (reader.Remaining < SwarmIdentity.SignatureLength)
            throw reader.Fail(DeltaFormatError.Truncated, $"The delta's signature is truncated: {reader.Remaining} of {SwarmIdentity.SignatureLength} bytes at offset {signedLength}.");
        if (reader.Remaining > SwarmIdentity.SignatureLength)
            throw reader.FailAt(signedLength + SwarmIdentity.SignatureLength, DeltaFormatError.TrailingBytes,
                $"The delta has {reader.Remaining - SwarmIdentity.SignatureLength} bytes after its signature.");
        var signature = reader.Take(SwarmIdentity.SignatureLength, "the signature").ToArray();
        var delta = new QTableDelta(origin, sequence, created, agents, routes);
        return new SignedDelta(delta, bytes[..signedLength].ToArray(), signature);
    }
}
