using Elex.Browser.JsApi;
using Elex.Core.Catalog;
using Elex.Storage;
using Elex.Sync;

namespace Elex.Browser.Tests.JsApi;

public sealed class JsSyncSettingsTests
{
    private static readonly string PeerKey = SwarmIdentity.Create().PublicKey.ToString();

    [Fact]
    public void Valid_options_give_the_relay_the_keys_and_the_default_timeout()
    {
        var settings = JsSyncSettings.Parse($$"""{ "relayUrl": "wss://relay.example/sync", "trustedKeys": ["{{PeerKey}}", "{{PeerKey}}"] }""");

        Assert.Equal(new Uri("wss://relay.example/sync"), settings.Relay);
        Assert.Equal([PeerKey, PeerKey], settings.TrustedKeys.Select(k => k.ToString()));
        Assert.Equal(TimeSpan.FromMilliseconds(JsSyncSettings.DefaultConnectTimeoutMs), settings.ConnectTimeout);
    }

    [Fact]
    public void Trusted_keys_and_the_timeout_are_optional_and_the_timeout_is_read_in_milliseconds()
    {
        var settings = JsSyncSettings.Parse("""{ "relayUrl": "ws://127.0.0.1:5080/sync", "connectTimeoutMs": 2500 }""");

        Assert.Empty(settings.TrustedKeys);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), settings.ConnectTimeout);
    }

    [Theory]
    [InlineData("""{ }""", "sync.relayUrl is required")]
    [InlineData("""{ "relayUrl": "  " }""", "sync.relayUrl is required")]
    [InlineData("""{ "relayUrl": "http://127.0.0.1:5080/sync" }""", "sync.relayUrl must be a ws:// or wss:// URL")]
    [InlineData("""{ "relayUrl": "not a url" }""", "sync.relayUrl must be a ws:// or wss:// URL")]
    [InlineData("""{ "relayUrl": "ws://h/sync", "trustedKeys": "ed25519-pub:AAAA" }""", "sync.trustedKeys must be an array")]
    [InlineData("""{ "relayUrl": "ws://h/sync", "trustedKeys": [42] }""", "sync.trustedKeys[0] must be a string")]
    [InlineData("""{ "relayUrl": "ws://h/sync", "trustedKeys": ["ed25519-pub:garbage"] }""", "sync.trustedKeys[0]: The public key")]
    [InlineData("""{ "relayUrl": "ws://h/sync", "trustedKeys": ["rsa:AAAA"] }""", "sync.trustedKeys[0]: A public key must start with 'ed25519-pub:'")]
    [InlineData("""{ "relayUrl": "ws://h/sync", "connectTimeoutMs": 0 }""", "sync.connectTimeoutMs must be a positive number")]
    [InlineData("""{ "relayUrl": 5 }""", "the sync options are not a valid object")]
    [InlineData("""[1, 2]""", "the sync options are not a valid object")]
    [InlineData("", "sync must be an object")]
    public void Each_mistake_is_INVALID_CONFIG_naming_its_field(string json, string message)
    {
        var error = Assert.Throws<ElexApiException>(() => JsSyncSettings.Parse(json));

        Assert.Equal(ElexErrorCodes.InvalidConfig, error.Code);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_bad_later_key_is_named_by_its_index()
    {
        var error = Assert.Throws<ElexApiException>(() => JsSyncSettings.Parse($$"""{ "relayUrl": "ws://h/sync", "trustedKeys": ["{{PeerKey}}", "ed25519-pub:AAAA"] }"""));

        Assert.Contains("sync.trustedKeys[1]", error.Message);
    }

    [Fact]
    public async Task CreateSwarm_refuses_a_bad_sync_config_before_opening_the_store()
    {
        var opened = 0;
        Task<IAgentStore> OpenStore(string name)
        {
            opened++;
            throw new InvalidOperationException("the store must not be opened");
        }

        var error = await Assert.ThrowsAsync<ElexApiException>(() =>
            JsSwarmSession.CreateAsync(SampleCatalog.Load(), """{ "sync": { "relayUrl": "http://nope" } }""", OpenStore));

        Assert.Equal(ElexErrorCodes.InvalidConfig, error.Code);
        Assert.Contains("sync.relayUrl", error.Message);
        Assert.Equal(0, opened);
    }
}
