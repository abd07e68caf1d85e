namespace Elex.Sync.Tests;

public sealed class SwarmPublicKeyTests
{
    [Fact]
    public void Text_form_round_trips()
    {
        var key = TestData.Identity(3).PublicKey;
        var text = key.ToString();
        Assert.StartsWith("ed25519-pub:", text, StringComparison.Ordinal);
        var parsed = SwarmPublicKey.Parse(" " + text + " ");
        Assert.Equal(key, parsed);
        Assert.True(key == parsed);
        Assert.Equal(key.GetHashCode(), parsed.GetHashCode());
        Assert.Equal(key.ToArray(), parsed.ToArray());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("ed25519:AAAA", "must start with 'ed25519-pub:'")]
    [InlineData("ed25519-pub:%%%", "not valid base64")]
    [InlineData("ed25519-pub:AAAA", "is 3 bytes")]
    public void Parse_rejects_bad_strings_with_a_message(string text, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => SwarmPublicKey.Parse(text));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_off_the_curve_are_not_a_key_and_verify_nothing()
    {
        // y = 2 has no x on edwards25519 (2 is not a valid encoding of any point).
        var bytes = new byte[32];
        bytes[0] = 2;
        var key = SwarmPublicKey.FromBytes(bytes);
        Assert.False(key.IsValidPoint);
        Assert.False(key.Verify([1], new byte[64]));
        var ex = Assert.Throws<FormatException>(() => SwarmPublicKey.Parse(key.ToString()));
        Assert.Contains("not a point", ex.Message, StringComparison.Ordinal);
        Assert.True(TestData.Identity(1).PublicKey.IsValidPoint);
    }

    [Fact]
    public void Keys_order_by_their_bytes()
    {
        var low = new byte[32];
        var high = new byte[32];
        low[0] = 0x01;
        high[0] = 0xF0;
        SwarmPublicKey a = SwarmPublicKey.FromBytes(low), b = SwarmPublicKey.FromBytes(high);
        Assert.True(a < b);
        Assert.True(b > a);
        Assert.True(a.CompareTo(null) > 0);
        Assert.Throws<ArgumentException>(() => SwarmPublicKey.FromBytes(new byte[31]));
    }
}
