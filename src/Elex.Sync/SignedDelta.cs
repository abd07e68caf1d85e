namespace Elex.Sync;

/// <summary>
/// A decoded delta with its signature and the exact bytes the signature covers. Decoding does not
/// check the signature (it cannot know whether the origin is trusted); <see cref="DeltaVerifier"/> does.
/// </summary>
public sealed class SignedDelta
{
    private readonly byte[] _signedBytes;
    private readonly byte[] _signature;

    internal SignedDelta(QTableDelta delta, byte[] signedBytes, byte[] signature)
    {
        Delta = delta;
        _signedBytes = signedBytes;
        _signature = signature;
    }

    /// <summary>The delta.</summary>
    public QTableDelta Delta { get; }

    /// <summary>The 64-byte Ed25519 signature as received.</summary>
    public ReadOnlySpan<byte> Signature => _signature;

    /// <summary>The bytes the signature covers: everything before it.</summary>
    public ReadOnlySpan<byte> SignedBytes => _signedBytes;

    /// <summary>True when the signature is valid for <see cref="SignedBytes"/> under the delta's origin key.</summary>
    public bool HasValidSignature() => Delta.Origin.Verify(_signedBytes, _signature);
}
