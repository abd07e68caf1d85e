using Elex.Core.Queries;
using Elex.Reliability.Support;
using Elex.Streams;

namespace Elex.Reliability.Grammar;

/// <summary>
/// The Rx grammar on <see cref="ElexSwarm.QueryStream"/>: many streams at once from several threads,
/// a small ingress, cancellation and disposal racing them. Every stream ends with exactly one
/// OnCompleted (never OnError) after its last part — Done or Error — and its parts never go back in kind.
/// </summary>
public class QueryStreamGrammarTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private sealed class PartsObserver(string name) : IObserver<AnswerPart>
    {
        private readonly List<AnswerPart> _parts = [];
        public GrammarObserver<AnswerPart> Grammar { get; } = new(name, spin: 20);

        public IReadOnlyList<AnswerPart> Parts
        {
            get { lock (_parts) return [.. _parts]; }
        }

        public void OnNext(AnswerPart value)
        {
            lock (_parts) _parts.Add(value);
            Grammar.OnNext(value);
        }

        public void OnError(Exception error) => Grammar.OnError(error);

        public void OnCompleted() => Grammar.OnCompleted();
    }

    private static void AssertWellFormed(PartsObserver observer)
    {
        Assert.Empty(observer.Grammar.Violations);
        Assert.True(observer.Grammar.Completed, $"{observer.Grammar.Name} completed");
        Assert.Null(observer.Grammar.Error);
        var kinds = observer.Parts.Select(p => p.Kind).ToList();
        Assert.True(kinds.Count > 0 && kinds[^1] is AnswerPartKind.Done or AnswerPartKind.Error, $"{observer.Grammar.Name} ends with Done or Error: {string.Join(",", kinds)}");
        Assert.Equal(kinds.Order(), kinds);
        Assert.Single(kinds, k => k is AnswerPartKind.Done or AnswerPartKind.Error);
    }

    [Fact]
    public async Task ManyStreamsAtOnce_EachEndsOnce_InOrder_AndEveryQueryIsAnswered()
    {
        await using var swarm = await Sample.NewSwarmAsync(new SwarmConfig { IngressCapacity = 4 });
        var answered = 0;
        using var responses = swarm.Responses.Subscribe(_ => Interlocked.Increment(ref answered));
        var observers = new List<PartsObserver>();
        var subscriptions = new List<IDisposable>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(p => Task.Run(() =>
        {
            for (var i = 0; i < 40; i++)
            {
                var observer = new PartsObserver($"stream {p}.{i}");
                var subscription = swarm.QueryStream(new Query(Sample.Questions[(p * 40 + i) % Sample.Questions.Length])).Subscribe(observer);
                lock (observers)
                {
                    observers.Add(observer);
                    subscriptions.Add(subscription);
                }
            }
        })));

        await Task.WhenAll(observers.Select(o => o.Grammar.Terminated)).WaitAsync(Guard);

        Assert.Equal(320, observers.Count);
        Assert.All(observers, AssertWellFormed);
        Assert.All(observers, o => Assert.Equal(AnswerPartKind.Done, o.Parts[^1].Kind));
        Assert.Equal(320, Volatile.Read(ref answered));
        foreach (var s in subscriptions) s.Dispose();
    }

    [Fact]
    public async Task DisposeAndCancellationDuringTraffic_EveryStreamStillEndsOnce_NeverWithOnError()
    {
        var swarm = await Sample.NewSwarmAsync(new SwarmConfig { IngressCapacity = 2 });
        var observers = new List<PartsObserver>();
        using var cancel = new CancellationTokenSource();
        for (var i = 0; i < 200; i++)
        {
            var observer = new PartsObserver($"stream {i}");
            observers.Add(observer);
            // Every third stream's token is cancelled while the rest race the disposal.
            swarm.QueryStream(new Query(Sample.Questions[i % Sample.Questions.Length]), i % 3 == 0 ? cancel.Token : default).Subscribe(observer);
        }
        var cancelling = Task.Run(cancel.Cancel);
        var disposing = swarm.DisposeAsync().AsTask();

        await Task.WhenAll(cancelling, disposing).WaitAsync(Guard);
        await Task.WhenAll(observers.Select(o => o.Grammar.Terminated)).WaitAsync(Guard);

        Assert.All(observers, AssertWellFormed);
        Assert.Contains(observers, o => o.Parts[^1].Kind == AnswerPartKind.Done);
    }
}
