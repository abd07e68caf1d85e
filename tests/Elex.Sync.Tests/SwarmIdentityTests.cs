using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Security;

namespace Elex.Sync.Tests;

public sealed class SwarmIdentityTests
{
    [Fact]
    public void Signs_the_RFC_8032_test_vector()
    {
        // RFC 8032 §7.1, TEST 2: proves this is standard Ed25519, interoperable with any other implementation.
        var identity = SwarmIdentity.Import(SwarmIdentity.ExportPrefix + Convert.ToBase64String(
            Convert.FromHexString("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb")));
        Assert.Equal("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", Convert.ToHexStringLower(identity.PublicKey.Bytes));
        var signature = identity.Sign([0x72]);
        Assert.Equal(
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
            Convert.ToHexStringLower(signature));
        Assert.True(identity.PublicKey.Verify([0x72], signature));
    }

    [Fact]
    public void Sign_and_verify_round_trip_and_reject_other_data_keys_and_lengths()
    {
        var identity = SwarmIdentity.Create();
        var other = SwarmIdentity.Create();
        var data = "federated q-tables"u8.ToArray();
        var signature = identity.Sign(data);

        Assert.Equal(SwarmIdentity.SignatureLength, signature.Length);
        Assert.True(identity.PublicKey.Verify(data, signature));
        Assert.Equal(signature, identity.Sign(data)); // Ed25519 is deterministic
        Assert.False(other.PublicKey.Verify(data, signature));
        Assert.False(identity.PublicKey.Verify("federated q-tableS"u8, signature));
        Assert.False(identity.PublicKey.Verify(data, signature.AsSpan(0, 63)));
        signature[10] ^= 1;
        Assert.False(identity.PublicKey.Verify(data, signature));
    }

    [Fact]
    public void Create_uses_the_given_randomness()
    {
        static SecureRandom Seeded()
        {
            var random = SecureRandom.GetInstance("SHA256PRNG", autoSeed: false);
            random.SetSeed(Encoding.ASCII.GetBytes("elex"));
            return random;
        }

        Assert.Equal(SwarmIdentity.Create(Seeded()).PublicKey, SwarmIdentity.Create(Seeded()).PublicKey);
        Assert.NotEqual(SwarmIdentity.Create().PublicKey, SwarmIdentity.Create().PublicKey);
    }

    [Fact]
    public void Export_and_import_round_trip()
    {
        var identity = SwarmIdentity.Create();
        var exported = identity.Export();
        Assert.StartsWith("ed25519:", exported, StringComparison.Ordinal);

        var imported = SwarmIdentity.Import("  " + exported + "\n");
        Assert.Equal(identity.PublicKey, imported.PublicKey);
        Assert.Equal(exported, imported.Export());
        Assert.Equal(identity.Sign([1, 2, 3]), imported.Sign([1, 2, 3]));
    }

    [Fact]
    public void Key_id_is_the_first_16_hex_digits_of_the_sha256_of_the_public_key()
    {
        var identity = TestData.Identity(7);
        var expected = Convert.ToHexStringLower(SHA256.HashData(identity.PublicKey.Bytes))[..16];
        Assert.Equal(expected, identity.KeyId);
        Assert.Equal(expected, identity.PublicKey.KeyId);
        Assert.Equal(identity.KeyId, TestData.Identity(7).KeyId);
        Assert.Contains(identity.KeyId, identity.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(identity.Export()["ed25519:".Length..], identity.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("rsa:AAAA", "must start with 'ed25519:'")]
    [InlineData("ED25519:AAAA", "must start with 'ed25519:'")]
    [InlineData("ed25519:not base64!", "not valid base64")]
    [InlineData("ed25519:AAAA", "3 bytes")]
    [InlineData("ed25519:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "33 bytes")]
    [InlineData("ed25519-pub:11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=", "this is a public key")]
    public void Import_rejects_bad_strings_with_a_message(string text, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => SwarmIdentity.Import(text));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_rejects_null_and_does_not_echo_a_secret()
    {
        Assert.Throws<ArgumentNullException>(() => SwarmIdentity.Import(null!));
        var secret = TestData.Identity(1).Export() + "AA"; // a real seed made too long
        var ex = Assert.Throws<FormatException>(() => SwarmIdentity.Import(secret));
        Assert.DoesNotContain(secret["ed25519:".Length..][..20], ex.Message, StringComparison.Ordinal);
    }
}
