using System.Text.Json;
using Elex.Sync;
using Elex.Sync.Transport;

namespace Elex.Browser.JsApi;

/// <summary>A validated <see cref="JsSyncConfig"/>: every mistake is refused with INVALID_CONFIG naming its field, before anything connects.</summary>
/// <param name="Relay">The relay's WebSocket address.</param>
/// <param name="TrustedKeys">Peers whose deltas are merged.</param>
/// <param name="ConnectTimeout">How long connecting may take.</param>
public sealed record JsSyncSettings(Uri Relay, IReadOnlyList<SwarmPublicKey> TrustedKeys, TimeSpan ConnectTimeout)
{
    /// <summary>Connecting longer than this holds up <c>createSwarm</c> too long for a page that wants to answer.</summary>
    public const int DefaultConnectTimeoutMs = 10_000;

    /// <summary>Validates the options given as <c>config.sync</c> or to <c>startSync</c>.</summary>
    /// <exception cref="ElexApiException">INVALID_CONFIG naming the field (<c>sync.relayUrl</c>, <c>sync.trustedKeys[i]</c>, <c>sync.connectTimeoutMs</c>).</exception>
    public static JsSyncSettings From(JsSyncConfig? config)
    {
        if (config is null) throw Invalid("sync must be an object like { relayUrl: 'ws://127.0.0.1:5080/sync', trustedKeys: ['ed25519-pub:…'] }");
        if (!RelayAddress.TryParse(config.RelayUrl, out var relay, out var problem)) throw Invalid($"sync.relayUrl {problem}");
        var timeoutMs = config.ConnectTimeoutMs ?? DefaultConnectTimeoutMs;
        if (timeoutMs <= 0) throw Invalid($"sync.connectTimeoutMs must be a positive number of milliseconds; got {timeoutMs}");
        return new JsSyncSettings(relay, ParseKeys(config.TrustedKeys), TimeSpan.FromMilliseconds(timeoutMs));
    }

    /// <summary>Validates the JSON given to <c>startSync</c>.</summary>
    /// <exception cref="ElexApiException">INVALID_CONFIG naming the field.</exception>
    public static JsSyncSettings Parse(string? json)
    {
        try
        {
            return From(string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize(json, ElexJsonContext.Default.JsSyncConfig));
        }
        catch (JsonException e)
        {
            throw Invalid($"the sync options are not a valid object ({e.Message})");
        }
    }

    /// <summary>One peer's key as given to <c>trust(key)</c>.</summary>
    /// <exception cref="ElexApiException">INVALID_CONFIG saying what is wrong with it.</exception>
    public static SwarmPublicKey ParseKey(string? text, string field) =>
        SwarmPublicKey.TryParse(text, out var key, out var problem) ? key : throw Invalid($"{field}: {problem}");

    private static List<SwarmPublicKey> ParseKeys(JsonElement? keys)
    {
        if (keys is not { } array || array.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return [];
        if (array.ValueKind != JsonValueKind.Array) throw Invalid($"sync.trustedKeys must be an array of 'ed25519-pub:…' strings; got {array.GetRawText()}");
        var parsed = new List<SwarmPublicKey>();
        var index = 0;
        foreach (var entry in array.EnumerateArray())
        {
            var field = $"sync.trustedKeys[{index++}]";
            if (entry.ValueKind != JsonValueKind.String) throw Invalid($"{field} must be a string 'ed25519-pub:…'; got {entry.GetRawText()}");
            parsed.Add(ParseKey(entry.GetString(), field));
        }
        return parsed;
    }

    private static ElexApiException Invalid(string message) => new(ElexErrorCodes.InvalidConfig, message);
}
