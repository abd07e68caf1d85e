using System.Text.Json;
using Elex.Sync;
using Elex.Sync.Transport;

namespace Elex.Browser.JsApi;

// Federated sync: this swarm's identity, the keys it trusts and the relay it publishes through.
public sealed partial class JsSwarmSession
{
    /// <summary>This swarm's public key, <c>ed25519-pub:…</c>, for peers' <c>trustedKeys</c>.</summary>
    public string Identity()
    {
        ThrowIfDisposed();
        return Swarm.Identity.ToString();
    }

    /// <summary>Trusts a peer's key from now on; true when it was not trusted before.</summary>
    /// <exception cref="ElexApiException">INVALID_CONFIG when <paramref name="key"/> is not a public key.</exception>
    public bool Trust(string? key)
    {
        ThrowIfDisposed();
        return TrustAll([JsSyncSettings.ParseKey(key, "trust(key)")]) == 1;
    }

    /// <summary>
    /// Trusts the given keys and connects to the relay (the JS <c>startSync</c>, with <c>config.sync</c>'s
    /// JSON). Already connected to the same relay: only the keys are added. A closed connection (failed or
    /// lost) is replaced.
    /// </summary>
    /// <exception cref="ElexApiException">
    /// INVALID_CONFIG (a field, or a different relay while connected), SYNC_UNAVAILABLE (the relay could not
    /// be reached; the status says why), SWARM_DISPOSED.
    /// </exception>
    public async Task StartSyncAsync(string? syncJson)
    {
        ThrowIfDisposed();
        await StartSyncAsync(JsSyncSettings.Parse(syncJson)).ConfigureAwait(false);
    }

    private async Task StartSyncAsync(JsSyncSettings settings)
    {
        await _syncStart.WaitAsync().ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            TrustAll(settings.TrustedKeys);
            if (Swarm.GetSyncStatus().Connected)
            {
                if (settings.Relay == _relay) return;
                throw new ElexApiException(ElexErrorCodes.InvalidConfig, $"sync.relayUrl: this swarm is already connected to {_relay}; shut it down to use {settings.Relay}");
            }
            _relay = settings.Relay;
            try
            {
                await Swarm.StartSyncAsync(_createTransport(settings.Relay, settings.ConnectTimeout)).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ObjectDisposedException || Volatile.Read(ref _disposed) != 0)
            {
                // Shutting down closes a connection still being opened; that is the swarm going away, not the relay.
                throw Disposed();
            }
            catch (SyncTransportClosedException e)
            {
                throw new ElexApiException(ElexErrorCodes.SyncUnavailable, $"could not connect to the sync relay {settings.Relay} ({e.Closure})", e);
            }
        }
        finally
        {
            _syncStart.Release();
        }
    }

    private int TrustAll(IReadOnlyList<SwarmPublicKey> keys)
    {
        lock (_trustGate)
        {
            foreach (var key in keys) _trusted.Add(key);
        }
        return Swarm.TrustPeers(keys);
    }

    private IReadOnlyList<string> TrustedKeys()
    {
        lock (_trustGate) return [.. _trusted.Select(k => k.ToString())];
    }

    /// <summary>A WebSocket transport to <paramref name="relay"/> giving up after <paramref name="connectTimeout"/>.</summary>
    internal static ISyncTransport ConnectWebSocket(Uri relay, TimeSpan connectTimeout) =>
        new WebSocketSyncTransport(relay, new WebSocketSyncTransportOptions { ConnectTimeout = connectTimeout });

    /// <summary>
    /// Publishes own learning; resolves with the agents carried (0: nothing learned yet). Rejects with
    /// SYNC_NOT_STARTED when sync was never started, SYNC_UNAVAILABLE when the relay is not connected.
    /// </summary>
    public async Task<int> SyncAsync()
    {
        ThrowIfDisposed();
        await _syncStart.WaitAsync().ConfigureAwait(false);
        _syncStart.Release();
        return await Guard(() => Swarm.SyncAsync()).ConfigureAwait(false);
    }
}
