using Org.BouncyCastle.Crypto.Digests;

namespace Elex.Sync;

/// <summary>SHA-256 through BouncyCastle, so hashing behaves the same on every runtime the swarm targets (browser WebAssembly included).</summary>
internal static class Sha256
{
    public const int Length = 32;

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new Sha256Digest();
        digest.BlockUpdate(data);
        var hash = new byte[Length];
        digest.DoFinal(hash);
        return hash;
    }
}
