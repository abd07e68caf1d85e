using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Rfc8032;
using Org.BouncyCastle.Security;

namespace Elex.Sync;

/// <summary>
/// A swarm's Ed25519 key pair: it signs the deltas the swarm publishes, and its public key is how
/// other swarms recognise (and choose to trust) them. BouncyCastle rather than
/// System.Security.Cryptography, which has no Ed25519 in browser WebAssembly.
/// </summary>
public sealed class SwarmIdentity
{
    /// <summary>The length of an Ed25519 signature in bytes.</summary>
    public const int SignatureLength = 64;

    /// <summary>The prefix of the exported form (<c>ed25519:&lt;base64 seed&gt;</c>).</summary>
    public const string ExportPrefix = "ed25519:";

    private const int SeedLength = 32;

    private readonly Ed25519PrivateKeyParameters _privateKey;

    private SwarmIdentity(Ed25519PrivateKeyParameters privateKey)
    {
        _privateKey = privateKey;
        PublicKey = SwarmPublicKey.FromBytes(privateKey.GeneratePublicKey().GetEncoded());
    }

    /// <summary>A new random identity.</summary>
    /// <param name="random">The randomness source; a fresh <see cref="SecureRandom"/> when null (tests pass a seeded one).</param>
    public static SwarmIdentity Create(SecureRandom? random = null)
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(random ?? new SecureRandom()));
        return new SwarmIdentity((Ed25519PrivateKeyParameters)generator.GenerateKeyPair().Private);
    }

    /// <summary>The public half, shared with peers so they can verify this swarm's deltas.</summary>
    public SwarmPublicKey PublicKey { get; }

    /// <summary>The short id of <see cref="PublicKey"/> (see <see cref="SwarmPublicKey.KeyId"/>).</summary>
    public string KeyId => PublicKey.KeyId;

    /// <summary>The 64-byte Ed25519 signature of <paramref name="data"/> (deterministic: same data, same signature).</summary>
    public byte[] Sign(ReadOnlySpan<byte> data)
    {
        var signature = new byte[SignatureLength];
        _privateKey.Sign(Ed25519.Algorithm.Ed25519, null, data, signature);
        return signature;
    }

    /// <summary>
    /// The private key as <c>ed25519:&lt;base64 of the 32-byte seed&gt;</c>, to be kept as a store
    /// setting. It is the secret itself: whoever holds the string can sign as this swarm.
    /// </summary>
    public string Export() => ExportPrefix + Convert.ToBase64String(_privateKey.GetEncoded());

    /// <summary>Restores an identity from the form written by <see cref="Export"/> (surrounding white space ignored).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="exported"/> is null.</exception>
    /// <exception cref="FormatException">The text is not an exported identity; the message says what is wrong (without echoing the secret).</exception>
    public static SwarmIdentity Import(string exported)
    {
        ArgumentNullException.ThrowIfNull(exported);
        var text = exported.Trim();
        if (text.Length == 0)
            throw new FormatException($"A swarm identity is empty; expected '{ExportPrefix}<base64 of a {SeedLength}-byte seed>'.");
        if (!text.StartsWith(ExportPrefix, StringComparison.Ordinal))
        {
            // A public key pasted where the private one belongs is the likely mistake; say so.
            var hint = text.StartsWith(SwarmPublicKey.TextPrefix, StringComparison.Ordinal) ? " (this is a public key, not an identity)" : "";
            throw new FormatException($"A swarm identity must start with '{ExportPrefix}'{hint}.");
        }
        var seed = Base64.Decode(text[ExportPrefix.Length..])
            ?? throw new FormatException($"The swarm identity after '{ExportPrefix}' is not valid base64 of a {SeedLength}-byte seed.");
        if (seed.Length != SeedLength)
            throw new FormatException($"The swarm identity seed is {seed.Length} bytes; an Ed25519 seed is {SeedLength}.");
        return new SwarmIdentity(new Ed25519PrivateKeyParameters(seed));
    }

    /// <summary>Names the identity by its key id; never includes the secret.</summary>
    public override string ToString() => $"SwarmIdentity {KeyId}";
}
