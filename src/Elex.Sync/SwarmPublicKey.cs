using System.Diagnostics.CodeAnalysis;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Elex.Sync;

/// <summary>
/// The 32-byte Ed25519 public key of a swarm: the origin of its deltas and an entry of a
/// <see cref="TrustList"/>. Immutable; equal keys compare equal, and keys order by their bytes so
/// everything summed per origin is summed in the same order on every node.
/// </summary>
public sealed class SwarmPublicKey : IEquatable<SwarmPublicKey>, IComparable<SwarmPublicKey>
{
    /// <summary>The length of an Ed25519 public key in bytes.</summary>
    public const int Length = 32;

    /// <summary>The prefix of the text form (<c>ed25519-pub:&lt;base64&gt;</c>).</summary>
    public const string TextPrefix = "ed25519-pub:";

    private readonly byte[] _bytes;
    private readonly int _hash;
    private Ed25519PublicKeyParameters? _parameters;
    private bool _invalidPoint;

    private SwarmPublicKey(byte[] bytes)
    {
        _bytes = bytes;
        _hash = BitConverter.ToInt32(bytes, 0);
        KeyId = Convert.ToHexStringLower(Sha256.Hash(bytes), 0, 8);
    }

    /// <summary>A key from its 32 raw bytes (copied).</summary>
    /// <exception cref="ArgumentException">The span is not <see cref="Length"/> bytes long.</exception>
    public static SwarmPublicKey FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
            throw new ArgumentException($"An Ed25519 public key is {Length} bytes, got {bytes.Length}.", nameof(bytes));
        return new SwarmPublicKey(bytes.ToArray());
    }

    /// <summary>The raw key bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>
    /// A short stable id for logs and messages: the first 16 hex digits (64 bits) of the SHA-256 of
    /// the key. Too short to authenticate anything; compare whole keys for that.
    /// </summary>
    public string KeyId { get; }

    /// <summary>A copy of the raw key bytes.</summary>
    public byte[] ToArray() => (byte[])_bytes.Clone();

    /// <summary>
    /// True when <paramref name="signature"/> is a valid Ed25519 signature of <paramref name="data"/>
    /// by this key. False (never an exception) for a wrong-length signature or for key bytes that
    /// are not a point on the curve, because both only ever arrive from untrusted input.
    /// </summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SwarmIdentity.SignatureLength) return false;
        var parameters = Parameters();
        return parameters is not null && parameters.Verify(Ed25519.Algorithm.Ed25519, null, data, signature);
    }

    /// <summary>True when the bytes decode to a point on the Ed25519 curve (a key that can verify anything).</summary>
    public bool IsValidPoint => Parameters() is not null;

    /// <summary>The text form <c>ed25519-pub:&lt;base64 of the 32 bytes&gt;</c>, as read by <see cref="Parse"/>.</summary>
    public override string ToString() => TextPrefix + Convert.ToBase64String(_bytes);

    /// <summary>Reads the form written by <see cref="ToString"/> (surrounding white space ignored).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not such a key; the message says what is wrong.</exception>
    public static SwarmPublicKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var key, out var error) ? key : throw new FormatException(error);
    }

    /// <summary>Reads the form written by <see cref="ToString"/>; on failure, <paramref name="error"/> says why.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SwarmPublicKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            error = $"A public key is empty; expected '{TextPrefix}<base64 of {Length} bytes>'.";
            return false;
        }
        if (!trimmed.StartsWith(TextPrefix, StringComparison.Ordinal))
        {
            error = $"A public key must start with '{TextPrefix}': '{Shorten(trimmed)}'.";
            return false;
        }
        if (Base64.Decode(trimmed[TextPrefix.Length..]) is not { } bytes)
        {
            error = $"The public key '{Shorten(trimmed)}' is not valid base64 of {Length} bytes.";
            return false;
        }
        if (bytes.Length != Length)
        {
            error = $"The public key '{Shorten(trimmed)}' is {bytes.Length} bytes; an Ed25519 public key is {Length}.";
            return false;
        }
        var candidate = new SwarmPublicKey(bytes);
        if (!candidate.IsValidPoint)
        {
            error = $"The public key '{Shorten(trimmed)}' is not a point on the Ed25519 curve.";
            return false;
        }
        key = candidate;
        error = null;
        return true;
    }

    /// <summary>True when both keys have the same bytes.</summary>
    public bool Equals(SwarmPublicKey? other) =>
        other is not null && (ReferenceEquals(this, other) || _bytes.AsSpan().SequenceEqual(other._bytes));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SwarmPublicKey);

    /// <inheritdoc/>
    public override int GetHashCode() => _hash;

    /// <summary>Orders keys by their bytes (unsigned, lexicographic); null sorts first.</summary>
    public int CompareTo(SwarmPublicKey? other) => other is null ? 1 : _bytes.AsSpan().SequenceCompareTo(other._bytes);

    /// <summary>True when both are null or have the same bytes.</summary>
    public static bool operator ==(SwarmPublicKey? left, SwarmPublicKey? right) => left is null ? right is null : left.Equals(right);

    /// <summary>True unless both are null or have the same bytes.</summary>
    public static bool operator !=(SwarmPublicKey? left, SwarmPublicKey? right) => !(left == right);

    /// <summary>True when <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    public static bool operator <(SwarmPublicKey? left, SwarmPublicKey? right) => Compare(left, right) < 0;

    /// <summary>True when <paramref name="left"/> sorts before or equals <paramref name="right"/>.</summary>
    public static bool operator <=(SwarmPublicKey? left, SwarmPublicKey? right) => Compare(left, right) <= 0;

    /// <summary>True when <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    public static bool operator >(SwarmPublicKey? left, SwarmPublicKey? right) => Compare(left, right) > 0;

    /// <summary>True when <paramref name="left"/> sorts after or equals <paramref name="right"/>.</summary>
    public static bool operator >=(SwarmPublicKey? left, SwarmPublicKey? right) => Compare(left, right) >= 0;

    private static int Compare(SwarmPublicKey? left, SwarmPublicKey? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    // Decoding the point costs a field inversion, so it happens once, and only when a key is used.
    private Ed25519PublicKeyParameters? Parameters()
    {
        if (_parameters is not null || _invalidPoint) return _parameters;
        try
        {
            _parameters = new Ed25519PublicKeyParameters(_bytes);
        }
        catch (ArgumentException)
        {
            _invalidPoint = true;
        }
        return _parameters;
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 61), "...");
}
