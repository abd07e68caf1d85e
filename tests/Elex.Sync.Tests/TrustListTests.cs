namespace Elex.Sync.Tests;

public sealed class TrustListTests
{
    private static readonly SwarmPublicKey Self = TestData.Identity(1).PublicKey;
    private static readonly SwarmPublicKey Peer = TestData.Identity(2).PublicKey;
    private static readonly SwarmPublicKey Other = TestData.Identity(3).PublicKey;

    [Fact]
    public void Add_remove_contains_and_self_always_trusted()
    {
        var trust = new TrustList(Self);
        Assert.True(trust.Contains(Self));
        Assert.False(trust.Contains(Peer));

        Assert.True(trust.Add(Peer));
        Assert.False(trust.Add(SwarmPublicKey.Parse(Peer.ToString())));
        Assert.True(trust.Contains(Peer));
        Assert.Equal(1, trust.Count);

        Assert.True(trust.Remove(Peer));
        Assert.False(trust.Remove(Peer));
        Assert.False(trust.Contains(Peer));

        trust.Add(Self);
        trust.Remove(Self);
        Assert.True(trust.Contains(Self));

        var offCurve = new byte[32];
        offCurve[0] = 2;
        Assert.Throws<ArgumentException>(() => trust.Add(SwarmPublicKey.FromBytes(offCurve)));
    }

    [Fact]
    public void Text_form_round_trips_in_key_order()
    {
        var trust = new TrustList(Self);
        trust.Add(Other);
        trust.Add(Peer);
        var text = trust.ToString();
        Assert.Equal(2, text.Split('\n').Length);
        Assert.All(text.Split('\n'), line => Assert.StartsWith("ed25519-pub:", line, StringComparison.Ordinal));

        var parsed = TrustList.Parse(text, Self);
        Assert.Equal(trust.Keys, parsed.Keys);
        Assert.Equal(text, parsed.ToString());
        Assert.Equal(trust.Keys.Order(), trust.Keys);
    }

    [Fact]
    public void Parse_skips_comments_and_blank_lines_and_accepts_separators()
    {
        var text = $"# peers\n\n  {Peer} , {Other}\r\n{Peer}\n";
        var trust = TrustList.Parse(text, Self);
        Assert.Equal(2, trust.Count);
        Assert.True(trust.Contains(Peer));
        Assert.True(trust.Contains(Other));
        Assert.Equal(0, TrustList.Parse("", Self).Count);
    }

    [Fact]
    public void Parse_names_the_bad_line()
    {
        var ex = Assert.Throws<FormatException>(() => TrustList.Parse($"{Peer}\n# ok\ned25519-pub:AAAA\n", Self));
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("3 bytes", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => TrustList.Parse(null!, Self));
    }
}
