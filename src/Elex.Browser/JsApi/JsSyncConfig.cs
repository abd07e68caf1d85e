using System.Text.Json;

namespace Elex.Browser.JsApi;

/// <summary>
/// The JS <c>config.sync</c> object of <c>createSwarm</c>, and the argument of <c>startSync</c>: where the
/// relay is and whose deltas to accept (the <c>elex sync --relay … --trust …</c> options).
/// </summary>
public sealed record JsSyncConfig
{
    /// <summary>The relay's WebSocket address, <c>ws://</c> or <c>wss://</c> (e.g. <c>ws://127.0.0.1:5080/sync</c>).</summary>
    public string? RelayUrl { get; init; }

    /// <summary>Peers' public keys (<c>ed25519-pub:…</c>) whose deltas are merged; kept as JSON so a wrong shape gets a message naming it.</summary>
    public JsonElement? TrustedKeys { get; init; }

    /// <summary>How long connecting may take before sync is reported unavailable, in milliseconds.</summary>
    public int? ConnectTimeoutMs { get; init; }
}
