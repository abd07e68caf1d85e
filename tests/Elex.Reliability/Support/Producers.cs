using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Streams;
using Elex.Streams.Pipeline;

namespace Elex.Reliability.Support;

/// <summary>
/// Concurrent producers: each on its own thread submits its queries one after another, even-numbered
/// producers with <see cref="ElexSwarm.QueryAsync(Query, CancellationToken)"/> (waits for room), odd ones with
/// <see cref="ElexSwarm.TryQueryAsync"/>, retried on <see cref="SwarmBusyException"/> once the next
/// response has left the pipeline (a real event, no sleeping).
/// </summary>
public sealed class Producers : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly ElexSwarm _swarm;
    private readonly IDisposable _pulse;
    private TaskCompletionSource _nextResponse = NewPulse();
    private long _busy;

    /// <summary>Starts listening for responses on <paramref name="swarm"/>.</summary>
    public Producers(ElexSwarm swarm)
    {
        _swarm = swarm;
        _pulse = swarm.Responses.Subscribe(_ => Interlocked.Exchange(ref _nextResponse, NewPulse()).TrySetResult());
    }

    /// <summary>How many times a producer was told the ingress was full.</summary>
    public long BusyRetries => Interlocked.Read(ref _busy);

    /// <summary>The query id of producer <paramref name="producer"/>'s <paramref name="index"/>-th query.</summary>
    public static string IdOf(int producer, int index) => $"p{producer}-{index}";

    /// <summary>Runs <paramref name="producers"/> × <paramref name="perProducer"/> queries; returns each producer's responses in its order.</summary>
    public async Task<IReadOnlyList<QueryResponse>[]> RunAsync(int producers, int perProducer, Action<QueryResponse>? onAnswer = null)
    {
        var tasks = Enumerable.Range(0, producers).Select(p => Task.Factory.StartNew(async () =>
        {
            var answers = new List<QueryResponse>(perProducer);
            for (var i = 0; i < perProducer; i++)
            {
                var query = new Query(Sample.Questions[(p + i) % Sample.Questions.Length], id: IdOf(p, i));
                var answer = p % 2 == 0 ? await _swarm.QueryAsync(query).WaitAsync(Guard) : await TrySubmit(query);
                onAnswer?.Invoke(answer);
                answers.Add(answer);
            }
            return (IReadOnlyList<QueryResponse>)answers;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap());
        return await Task.WhenAll(tasks);
    }

    /// <summary>Submits with TryQueryAsync, waiting for the next response after each busy refusal.</summary>
    public async Task<QueryResponse> TrySubmit(Query query)
    {
        while (true)
        {
            var pulse = Volatile.Read(ref _nextResponse).Task;
            var attempt = _swarm.TryQueryAsync(query);
            if (!attempt.IsFaulted || attempt.Exception?.InnerException is not SwarmBusyException) return await attempt.WaitAsync(Guard);
            Interlocked.Increment(ref _busy);
            // Full means items are queued, so a response is coming; the guard only fails a hung pipeline.
            await pulse.WaitAsync(Guard);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _pulse.Dispose();

    private static TaskCompletionSource NewPulse() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
