using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Storage;
using Elex.Streams.Operators;
using Elex.Streams.Pipeline;
using Elex.Streams.Telemetry;

namespace Elex.Streams.Persistence;

/// <summary>
/// Agent states ─► CoalesceKeys ─┬─► Persist ─► status (and the Meter)
/// durable requests (feedback) ──┘
/// Without a store the branch is inert: the status says Disabled and nothing is written.
/// </summary>
internal sealed class PersistenceBranch : IDisposable
{
    private readonly AgentStateWriter? _writer;
    private readonly PersistencePolicy _policy;
    private readonly IScheduler _scheduler;
    private readonly Subject<IReadOnlyList<string>> _durableRequests = new();
    private readonly BehaviorSubject<PersistenceStatus> _status;
    // Background writes and PersistAsync callers update the status from different threads: one at a time.
    private readonly Lock _statusGate = new();
    private readonly IDisposable _background;

    public PersistenceBranch(IAgentStore? store, FeatureCatalog catalog, AgentRegistry registry, ExperienceLog experiences,
        AgentStateFeed agentStates, PersistencePolicy policy, TelemetryBranch telemetry, IScheduler scheduler)
    {
        _policy = policy;
        _scheduler = scheduler;
        if (store is null)
        {
            _status = new BehaviorSubject<PersistenceStatus>(PersistenceStatus.Disabled);
            _background = Disposable.Empty;
            return;
        }
        var writer = _writer = new AgentStateWriter(store, catalog, registry, experiences);
        _status = new BehaviorSubject<PersistenceStatus>(PersistenceStatus.Disabled with { Enabled = true });
        _background = agentStates.Connect()
            .CoalesceKeys(policy.Debounce, policy.MaxBatch, policy.MaxDelay, scheduler)
            .Merge(_durableRequests)
            .Persist((ids, token) => writer.WriteAsync(ids, token), policy, scheduler)
            .Subscribe(outcome =>
            {
                telemetry.RecordPersist(outcome);
                Publish(status => status.After(outcome));
            });
    }

    public bool HasStore => _writer is not null;

    public PersistenceStatus Current => _status.Value;

    public IObservable<PersistenceStatus> Status => _status.AsObservable();

    /// <summary>Asks for a write of what feedback just taught an agent; 0 (nothing to wait for) without a store.</summary>
    public long MarkChanged(string agentId)
    {
        if (_writer is null) return 0;
        var version = _writer.MarkChanged(agentId);
        _durableRequests.OnNext([agentId]);
        return version;
    }

    public Task WhenDurable(string agentId, long version, CancellationToken cancellationToken) =>
        _writer!.WhenDurable(agentId, version, cancellationToken);

    public async Task PersistAllAsync(CancellationToken cancellationToken)
    {
        if (_writer is null) return;
        var written = await _writer.WriteAllAsync(cancellationToken).ConfigureAwait(false);
        Publish(status => status with
        {
            LastPersistedAt = _scheduler.Now, Writes = status.Writes + 1, AgentsPersisted = status.AgentsPersisted + written,
        });
    }

    /// <summary>The write on the way out, bounded by the policy's write timeout.</summary>
    public async Task PersistAllBeforeExitAsync()
    {
        using var timeout = new CancellationTokenSource(_policy.WriteTimeout);
        await PersistAllAsync(timeout.Token).ConfigureAwait(false);
    }

    // The final write covers everything, so the background writer is stopped rather than drained
    // (its retries run on the swarm's scheduler, which need not be advancing any more).
    public void StopBackground() => _background.Dispose();

    public void Dispose()
    {
        _background.Dispose();
        lock (_statusGate) _status.OnCompleted();
        _writer?.Dispose();
    }

    private void Publish(Func<PersistenceStatus, PersistenceStatus> next)
    {
        lock (_statusGate) _status.OnNext(next(_status.Value));
    }
}
