using Elex.Core.Learning;
using Elex.Reliability.Support;
using Elex.Storage;
using Elex.Streams;
using Elex.Streams.Persistence;
using Elex.Sync.Transport;

namespace Elex.Reliability.Grammar;

/// <summary>
/// The Rx grammar <c>OnNext* (OnError | OnCompleted)?</c> on every public stream of
/// <see cref="ElexSwarm"/> (<c>Responses</c>, <c>Metrics</c>, <c>AgentStates</c>,
/// <c>FeedbackResults</c>, <c>Latency</c>, <c>Stats</c>, <c>Persistence</c>, <c>SyncStatus</c>) through
/// normal use, feedback, concurrent producers, persistence, sync and disposal: no notification
/// after a terminal one, one terminal (OnCompleted on dispose), never two calls at once.
/// </summary>
public class StreamGrammarTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private static SwarmConfig Config => new()
    {
        IngressCapacity = 8,
        Persistence = new PersistencePolicy { Debounce = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
        SyncIntervalMs = 1_000,
    };

    [Fact]
    public async Task EveryStream_KeepsTheGrammar_UnderConcurrentUse_AndCompletesOnDispose()
    {
        using var data = new TempDirectory("elex-grammar");
        await using var store = await SqliteAgentStore.OpenAsync(data.StoreFile);
        var hub = new InMemorySyncHub();
        var swarm = await Sample.NewSwarmAsync(store, Config);
        await using var peer = await Sample.NewSwarmAsync(Config);
        swarm.Trust.Add(peer.Identity);
        peer.Trust.Add(swarm.Identity);
        using var streams = new SwarmStreams(swarm);
        await swarm.StartSyncAsync(hub.CreateTransport());
        await peer.StartSyncAsync(hub.CreateTransport());

        using var producers = new Producers(swarm);
        var feedback = new List<Task<FeedbackResult>>();
        var work = producers.RunAsync(8, 100, answer =>
        {
            lock (feedback) feedback.Add(swarm.FeedbackAsync(Feedback.ForResponse(answer.ResponseId, 0.5f, true)));
        });
        // Writers and publishers that race the pipeline: persistence and sync status change from several threads.
        var racers = Enumerable.Range(0, 4).Select(r => Task.Run(async () =>
        {
            while (!work.IsCompleted)
            {
                if (r % 2 == 0) await swarm.PersistAsync();
                else
                {
                    await swarm.SyncAsync();
                    await peer.SyncAsync();
                    await peer.FeedbackAsync(Feedback.ForAgent("FAJ 121 3094", 0.5f, true));
                    await peer.QueryAsync("what is MSM?");
                }
            }
        })).ToList();
        var answers = (await work.WaitAsync(Guard)).SelectMany(a => a).ToList();
        await Task.WhenAll(racers).WaitAsync(Guard);
        Task<FeedbackResult>[] pending;
        lock (feedback) pending = [.. feedback];
        var results = await Task.WhenAll(pending).WaitAsync(Guard);

        await swarm.DisposeAsync();
        streams.AssertAllCompletedCleanly();
        Assert.Equal(800, answers.Count);
        Assert.Equal(800, streams.Responses.Count);
        Assert.Equal(800, streams.Metrics.Count);
        Assert.Equal(800, streams.FeedbackResults.Count);
        Assert.All(results, r => Assert.True(r.Applied, r.Message));
        Assert.True(streams.Persistence.Count > 1 && streams.SyncStatus.Count > 1 && streams.Latency.Count > 1 && streams.AgentStates.Count > 0);
    }

    [Fact]
    public async Task DisposeDuringTraffic_CompletesEveryStreamOnce_NothingAfter()
    {
        var swarm = await Sample.NewSwarmAsync(new SwarmConfig { IngressCapacity = 4 });
        using var streams = new SwarmStreams(swarm);
        using var producers = new Producers(swarm);
        var firstAnswers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answered = 0;
        var work = producers.RunAsync(6, 1_000, _ =>
        {
            if (Interlocked.Increment(ref answered) == 50) firstAnswers.TrySetResult();
        });
        await firstAnswers.Task.WaitAsync(Guard);
        var feedback = Task.Run(async () =>
        {
            try
            {
                while (true) await swarm.FeedbackAsync(Feedback.ForAgent("FAJ 121 3094", 0.1f, true));
            }
            catch (ObjectDisposedException)
            {
            }
        });
        await swarm.DisposeAsync();
        // Producers stop with ObjectDisposedException once intake closes; what was queued was answered.
        var error = await Record.ExceptionAsync(() => work.WaitAsync(Guard));
        Assert.IsType<ObjectDisposedException>(error);
        await feedback.WaitAsync(Guard);
        streams.AssertAllCompletedCleanly();
        Assert.True(streams.Responses.Count >= 50);
        Assert.Equal(streams.Responses.Count, streams.Metrics.Count);
    }
}
