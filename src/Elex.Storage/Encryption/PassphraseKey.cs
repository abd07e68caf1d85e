using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;

namespace Elex.Storage.Encryption;

/// <summary>PBKDF2-HMAC-SHA256 from a passphrase to a 256-bit AES key.</summary>
internal static class PassphraseKey
{
    public const int KeyBits = 256;
    public const int SaltLength = 16;

    /// <summary>
    /// The passphrase is used as its UTF-8 bytes without Unicode normalisation, so it must be
    /// typed the same way each time.
    /// </summary>
    public static KeyParameter Derive(string passphrase, byte[] salt, int iterations)
    {
        var password = Encoding.UTF8.GetBytes(passphrase);
        try
        {
            var generator = new Pkcs5S2ParametersGenerator(new Sha256Digest());
            generator.Init(password, salt, iterations);
            return (KeyParameter)generator.GenerateDerivedMacParameters(KeyBits);
        }
        finally
        {
            Array.Clear(password);
        }
    }
}
