using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using Elex.Core.Agents;
using Elex.Core.Learning;
using Elex.Storage;
using Elex.Sync;
using Elex.Sync.Transport;

namespace Elex.Streams.Sync;

/// <summary>
/// One swarm's side of federated sync: publishes its agents' own Q-tables as signed deltas, and
/// verifies, merges and adopts peers' deltas. Identity, own sequence, accepted sequences and the
/// merge ledger are kept in the store's settings, so a restart neither reuses a sequence nor
/// accepts a replay nor forgets what peers taught.
/// </summary>
internal sealed partial class SwarmSync : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly IAgentStore? _store;
    private readonly AgentRegistry _registry;
    private readonly IScheduler _clock;
    private readonly SyncLedger _ledger;
    private readonly DeltaVerifier _verifier;
    private readonly BehaviorSubject<SyncStatus> _status;
    // The receive loop and SyncAsync callers publish from different threads: one notification at a time.
    private readonly Lock _publishGate = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private ISyncTransport? _transport;
    private CancellationTokenSource? _receiving;
    private Task _receiveLoop = Task.CompletedTask;
    private long _sequence;
    private int _routesChanged;

    /// <summary>The learned routes to publish with each delta (the router's memory); none when unset.</summary>
    public Func<IReadOnlyList<SharedRoute>>? RouteSource { get; set; }

    /// <summary>
    /// Receives the learned routes of each accepted delta from a trusted peer (before the status
    /// reports the delta accepted); returns true when that changed anything to store.
    /// </summary>
    public Func<IReadOnlyList<SharedRoute>, bool>? RouteSink { get; set; }

    /// <summary>Stores what <see cref="RouteSink"/> changed.</summary>
    public Func<CancellationToken, Task>? SaveRoutes { get; set; }
    private long _sent;
    private long _ownEchoes;
    private DateTimeOffset? _lastSentAt;
    private string? _lastError;

    private SwarmSync(SwarmIdentity identity, IAgentStore? store, AgentRegistry registry, IScheduler clock, SyncLedger ledger, long sequence)
    {
        Identity = identity;
        _store = store;
        _registry = registry;
        _clock = clock;
        _ledger = ledger;
        _sequence = sequence;
        Trust = new TrustList(identity.PublicKey);
        _verifier = new DeltaVerifier(Trust);
        _status = new BehaviorSubject<SyncStatus>(Snapshot());
    }

    public SwarmIdentity Identity { get; }

    public TrustList Trust { get; }

    public IObservable<SyncStatus> Status => _status;

    /// <summary>The status now, read live (the stream may not have published a connection that just closed).</summary>
    public SyncStatus Current => Snapshot();

    /// <summary>
    /// Trusts peers' keys; safe while the receive loop verifies (the list is guarded by the same lock).
    /// Returns how many were not trusted before.
    /// </summary>
    /// <exception cref="ArgumentException">A key is not a point on the Ed25519 curve; none after it is added.</exception>
    public int TrustPeers(IEnumerable<SwarmPublicKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var added = 0;
        lock (_gate)
        {
            foreach (var key in keys)
                if (Trust.Add(key)) added++;
        }
        return added;
    }

    /// <summary>
    /// Connects the transport and starts verifying and merging what arrives. A transport that fails to
    /// connect stays the current one, closed, so the status and <see cref="SyncAsync"/> say why; a
    /// later call replaces a closed transport (reconnecting), never an open one.
    /// </summary>
    public async Task StartAsync(ISyncTransport transport, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ISyncTransport? previous;
        CancellationTokenSource? previousReceiving;
        Task previousLoop;
        lock (_gate)
        {
            if (_transport is { State: not SyncTransportState.Closed })
                throw new InvalidOperationException("Sync is already started; dispose the swarm to change the transport.");
            previous = _transport;
            previousReceiving = _receiving;
            previousLoop = _receiveLoop;
            _transport = transport;
            _receiving = null;
        }
        if (previous is not null) await StopReceivingAsync(previous, previousReceiving, previousLoop).ConfigureAwait(false);
        try
        {
            await transport.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _lastError = e is SyncTransportClosedException closed
                ? $"connecting failed: {closed.Closure}"
                : $"connecting failed: {e.Message}";
            Publish();
            throw;
        }
        _lastError = null;
        var receiving = new CancellationTokenSource();
        lock (_gate)
        {
            _receiving = receiving;
            _receiveLoop = Task.Run(() => ReceiveAsync(transport, receiving.Token), CancellationToken.None);
        }
        Publish();
    }

    /// <summary>Publishes every learner's own table as one signed delta; returns the agents in it (0: nothing learned yet, nothing sent).</summary>
    public async Task<int> SyncAsync(CancellationToken cancellationToken)
    {
        ISyncTransport? current;
        lock (_gate) current = _transport;
        var transport = current ?? throw new InvalidOperationException("Sync is not started: call StartSyncAsync with a transport first.");
        // A closed connection fails before a sequence number is spent, with the reason it closed.
        if (transport.State == SyncTransportState.Closed) throw new SyncTransportClosedException(await transport.Completion.ConfigureAwait(false));
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var tables = _registry.AllLearners().Select(l => (AgentId.For(l.Code), l.Learner.OwnTable())).ToList();
            var now = _clock.Now;
            if (now < DateTimeOffset.UnixEpoch)
                throw new InvalidOperationException($"The swarm's clock reads {now:O}, before 1970: a delta's creation time is stamped in Unix milliseconds, so nothing was published.");
            // Monotonic across restarts even if the stored counter was lost: never below the clock.
            var sequence = Math.Max(Interlocked.Read(ref _sequence) + 1, now.ToUnixTimeMilliseconds());
            var tablesDelta = QTableDelta.FromTables(Identity.PublicKey, sequence, now.ToUnixTimeMilliseconds(), tables);
            var routes = RouteSource?.Invoke() ?? [];
            if (tablesDelta.Agents.Count == 0 && routes.Count == 0) return 0;
            var delta = new QTableDelta(Identity.PublicKey, sequence, tablesDelta.CreatedUnixMs, tablesDelta.Agents, routes);
            Interlocked.Exchange(ref _sequence, sequence);
            if (_store is not null) await _store.SetSettingAsync(SequenceKey, sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            try
            {
                await transport.SendAsync(DeltaCodec.Encode(delta, Identity), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or System.Net.WebSockets.WebSocketException)
            {
                _lastError = $"publishing a delta failed: {e.Message}";
                Publish();
                throw;
            }
            Interlocked.Increment(ref _sent);
            _lastSentAt = now;
            Publish();
            return delta.Agents.Count;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Verifies one message and, when accepted, merges it and lets the affected agents adopt it.</summary>
    public DeltaVerdict Receive(ReadOnlySpan<byte> message)
    {
        DeltaVerdict verdict;
        IReadOnlyList<string> agents = [];
        lock (_gate)
        {
            verdict = _verifier.Verify(message);
            if (verdict.Status == DeltaStatus.FromSelf) _ownEchoes++;
            if (verdict.IsAccepted && _ledger.Apply(verdict.Delta!))
                agents = verdict.Delta!.Agents.Select(a => a.AgentId).ToList();
        }
        if (agents.Count > 0) AdoptAll(agents);
        if (verdict.IsAccepted && verdict.Delta!.Routes.Count > 0 && RouteSink is { } sink && sink(verdict.Delta.Routes))
            Interlocked.Exchange(ref _routesChanged, 1);
        Publish();
        return verdict;
    }

    public async ValueTask DisposeAsync()
    {
        ISyncTransport? transport;
        CancellationTokenSource? receiving;
        Task receiveLoop;
        lock (_gate)
        {
            transport = _transport;
            receiving = _receiving;
            receiveLoop = _receiveLoop;
        }
        if (transport is not null) await StopReceivingAsync(transport, receiving, receiveLoop).ConfigureAwait(false);
        _sendLock.Dispose();
        lock (_publishGate) _status.OnCompleted();
    }

    private static async Task StopReceivingAsync(ISyncTransport transport, CancellationTokenSource? receiving, Task receiveLoop)
    {
        receiving?.Cancel();
        await transport.DisposeAsync().ConfigureAwait(false);
        try
        {
            await receiveLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        receiving?.Dispose();
    }

    private async Task ReceiveAsync(ISyncTransport transport, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in transport.ReceiveAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!Receive(message).IsAccepted) continue;
                await SaveAsync(cancellationToken).ConfigureAwait(false);
                if (Interlocked.Exchange(ref _routesChanged, 0) != 0 && SaveRoutes is { } save) await save(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _lastError = $"the sync connection ended: {e.Message}";
        }
        Publish();
    }

    private void AdoptAll(IEnumerable<string> agentIds)
    {
        foreach (var id in agentIds)
        {
            if (!AgentId.TryParse(id, out var code) || !_registry.Knows(code) || _registry.LearnerFor(code) is not { } learner) continue;
            QTable peers;
            lock (_gate) peers = _ledger.MergedTable(id, new QTable());
            learner.AdoptPeers(peers);
        }
    }

    private void Publish()
    {
        lock (_publishGate)
        {
            if (!_status.IsDisposed) _status.OnNext(Snapshot());
        }
    }

    private SyncStatus Snapshot()
    {
        lock (_gate)
        {
            var rejected = new Dictionary<DeltaStatus, long>();
            foreach (var status in new[] { DeltaStatus.Malformed, DeltaStatus.Unsigned, DeltaStatus.UntrustedKey, DeltaStatus.BadSignature, DeltaStatus.Replayed })
                rejected[status] = _verifier.CountOf(status);
            return new SyncStatus(Identity.PublicKey.ToString(), _transport?.State == SyncTransportState.Connected,
                Interlocked.Read(ref _sent), _lastSentAt, Interlocked.Read(ref _sequence), _verifier.CountOf(DeltaStatus.Accepted),
                rejected, _ownEchoes, _ledger.AgentIds.Count, _lastError);
        }
    }
}
