using Elex.Sync.Transport;

namespace Elex.Sync.Tests;

public sealed class RelayAddressTests
{
    [Theory]
    [InlineData("ws://127.0.0.1:5080/sync")]
    [InlineData("wss://relay.example/sync")]
    [InlineData("  ws://relay.example/sync  ")]
    public void WebSocket_addresses_are_read(string text)
    {
        Assert.True(RelayAddress.TryParse(text, out var endpoint, out var problem));
        Assert.Equal(new Uri(text.Trim()), endpoint);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData(" ", "is required")]
    [InlineData("http://127.0.0.1:5080/sync", "must be a ws:// or wss:// URL such as ws://127.0.0.1:5080/sync; got 'http://127.0.0.1:5080/sync'")]
    [InlineData("/sync", "must be a ws:// or wss:// URL")]
    [InlineData("not a url", "must be a ws:// or wss:// URL")]
    public void Anything_else_is_refused_with_a_problem_the_caller_prefixes_with_its_field(string? text, string problem)
    {
        Assert.False(RelayAddress.TryParse(text, out var endpoint, out var said));
        Assert.Null(endpoint);
        Assert.StartsWith(problem, said);
    }
}
