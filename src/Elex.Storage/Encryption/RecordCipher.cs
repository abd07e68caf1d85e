using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Elex.Storage.Encryption;

/// <summary>
/// AES-256-GCM over one record: sealed bytes are nonce (12) ‖ ciphertext ‖ tag (16). Every seal
/// draws a fresh random nonce, so the same plaintext never yields the same bytes twice.
/// </summary>
internal sealed class RecordCipher(KeyParameter key)
{
    public const int NonceLength = 12;
    public const int TagLength = 16;
    public const int Overhead = NonceLength + TagLength;

    // One generator for the process; the lock is cheap next to the cipher work and avoids relying
    // on the thread safety of whichever generator BouncyCastle picks on this platform.
    private static readonly SecureRandom Random = new();
    private static readonly Lock RandomLock = new();

    public static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        lock (RandomLock) Random.NextBytes(bytes);
        return bytes;
    }

    public byte[] Seal(ReadOnlySpan<byte> plaintext, byte[] associatedData)
    {
        var nonce = RandomBytes(NonceLength);
        var cipher = Create(forEncryption: true, nonce, associatedData);
        var result = new byte[NonceLength + cipher.GetOutputSize(plaintext.Length)];
        nonce.CopyTo(result, 0);
        var written = cipher.ProcessBytes(plaintext, result.AsSpan(NonceLength));
        cipher.DoFinal(result.AsSpan(NonceLength + written));
        return result;
    }

    /// <summary>The plaintext, or null with the reason when the bytes are not an authentic record for this place and key.</summary>
    public byte[]? Open(ReadOnlySpan<byte> sealedBytes, byte[] associatedData, out string? failure)
    {
        if (sealedBytes.Length < Overhead)
        {
            failure = $"is {sealedBytes.Length} bytes, shorter than an encrypted record's {Overhead}-byte nonce and tag";
            return null;
        }
        var cipher = Create(forEncryption: false, sealedBytes[..NonceLength].ToArray(), associatedData);
        var body = sealedBytes[NonceLength..];
        var plaintext = new byte[cipher.GetOutputSize(body.Length)];
        try
        {
            var written = cipher.ProcessBytes(body, plaintext);
            cipher.DoFinal(plaintext.AsSpan(written));
            failure = null;
            return plaintext;
        }
        catch (InvalidCipherTextException)
        {
            // GCM releases unauthenticated plaintext as it goes; none of it may leave.
            Array.Clear(plaintext);
            failure = "failed authentication: it was altered, moved from another agent or trajectory, or not written with this store's key";
            return null;
        }
    }

    private GcmBlockCipher Create(bool forEncryption, byte[] nonce, byte[] associatedData)
    {
        var cipher = new GcmBlockCipher(AesUtilities.CreateEngine());
        cipher.Init(forEncryption, new AeadParameters(key, TagLength * 8, nonce, associatedData));
        return cipher;
    }
}
