using Elex.Storage;

namespace Elex.Streams.Tests;

/// <summary>
/// A fault-injecting decorator over a real store: the next writes can throw or hang (until
/// cancelled), and loads can return a corrupt agent_state row. Everything else reaches the real store.
/// </summary>
public sealed class FaultyStore(IAgentStore inner) : IAgentStore
{
    private readonly Queue<string> _faults = new();
    private readonly Lock _gate = new();

    public int Writes { get; private set; }

    public int FailedWrites { get; private set; }

    public int CancelledWrites { get; private set; }

    /// <summary>Extra agent_state records returned by loads (for corrupt-row tests).</summary>
    public List<AgentStateRecord> ExtraStates { get; } = [];

    public void ThrowNext(int count)
    {
        lock (_gate) for (var i = 0; i < count; i++) _faults.Enqueue("throw");
    }

    public void HangNext()
    {
        lock (_gate) _faults.Enqueue("hang");
    }

    public int SchemaVersion => inner.SchemaVersion;

    public async Task WriteAsync(StoreBatch batch, CancellationToken cancellationToken = default)
    {
        string? fault;
        lock (_gate)
        {
            Writes++;
            _faults.TryDequeue(out fault);
        }
        switch (fault)
        {
            case "throw":
                lock (_gate) FailedWrites++;
                throw new StoreException("injected fault: disk I/O error");
            case "hang":
                // Counted inside Cancel() itself, so the count is settled before the canceller goes on.
                var hung = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                await using (cancellationToken.Register(() =>
                {
                    lock (_gate) CancelledWrites++;
                    hung.TrySetCanceled(cancellationToken);
                }))
                {
                    await hung.Task;
                }
                break;
        }
        await inner.WriteAsync(batch, cancellationToken);
    }

    public Task<IReadOnlyList<QTableRecord>> LoadQTablesAsync(CancellationToken cancellationToken = default) => inner.LoadQTablesAsync(cancellationToken);

    public Task<IReadOnlyList<TrajectoryRecord>> LoadTrajectoriesAsync(string? agentId = null, CancellationToken cancellationToken = default) =>
        inner.LoadTrajectoriesAsync(agentId, cancellationToken);

    public async Task<IReadOnlyList<AgentStateRecord>> LoadAgentStatesAsync(CancellationToken cancellationToken = default) =>
        [.. ExtraStates, .. await inner.LoadAgentStatesAsync(cancellationToken)];

    public Task ClearAgentAsync(string agentId, CancellationToken cancellationToken = default) => inner.ClearAgentAsync(agentId, cancellationToken);

    public Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default) => inner.GetSettingAsync(key, cancellationToken);

    public Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default) => inner.SetSettingAsync(key, value, cancellationToken);

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) => inner.GetStatisticsAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
