using System.Globalization;
using Elex.Core.Responses;
using Elex.Reliability.Support;
using Elex.Streams;

namespace Elex.Reliability.Concurrency;

/// <summary>
/// Sixteen producer threads (half <c>QueryAsync</c>, half <c>TryQueryAsync</c> retried on
/// <c>SwarmBusyException</c>) with unique query ids: every query gets exactly one response, none lost
/// or duplicated, and <c>Responses</c> subscribers see each exactly once, in the order the pipeline
/// produced them (response ids are numbered as answers are made).
/// </summary>
public class ConcurrentProducerTests
{
    private const int ProducerCount = 16;

    /// <summary>Queries per producer (10× with the long flag).</summary>
    public static int PerProducer => ReliabilityRun.Scale(500, 5_000);

    [Fact]
    public async Task SixteenProducers_EachQueryAnsweredOnce_SubscribersSeeEachOnceInPipelineOrder()
    {
        // Room for 4 of the 16 producers' queries: the others wait (QueryAsync) or are refused and retry (TryQueryAsync).
        await using var swarm = await Sample.NewSwarmAsync(new SwarmConfig { IngressCapacity = 4, MaxAgents = 8 });
        var first = new List<QueryResponse>();
        var second = new List<QueryResponse>();
        var metrics = 0;
        using var a = swarm.Responses.Subscribe(r => { lock (first) first.Add(r); });
        using var b = swarm.Responses.Subscribe(r => { lock (second) second.Add(r); });
        using var m = swarm.Metrics.Subscribe(_ => Interlocked.Increment(ref metrics));
        using var producers = new Producers(swarm);

        var answers = await producers.RunAsync(ProducerCount, PerProducer);

        var total = ProducerCount * PerProducer;
        for (var p = 0; p < ProducerCount; p++)
        {
            Assert.Equal(PerProducer, answers[p].Count);
            for (var i = 0; i < PerProducer; i++)
                Assert.True(answers[p][i].QueryId == Producers.IdOf(p, i), $"producer {p} query {i} got the response to {answers[p][i].QueryId}");
        }
        var all = answers.SelectMany(x => x).ToList();
        Assert.Equal(total, all.Select(r => r.ResponseId).Distinct().Count());
        Assert.DoesNotContain(all, r => r.Status == ResponseStatus.Error);
        Assert.True(producers.BusyRetries > 0, "TryQueryAsync never met a full ingress: the busy path went untested");

        List<QueryResponse> seen, alsoSeen;
        lock (first) seen = [.. first];
        lock (second) alsoSeen = [.. second];
        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Select(r => r.QueryId).Distinct().Count());
        Assert.Equal(all.Select(r => r.QueryId).Order(), seen.Select(r => r.QueryId).Order());
        Assert.Equal(seen.Select(r => r.ResponseId), alsoSeen.Select(r => r.ResponseId));
        Assert.Equal(total, Volatile.Read(ref metrics));
        // The pipeline's order: response ids are numbered as answers are produced, and subscribers see them ascending.
        var numbers = seen.Select(r => long.Parse(r.ResponseId[(r.ResponseId.LastIndexOf('-') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToList();
        for (var i = 1; i < numbers.Count; i++) Assert.True(numbers[i] > numbers[i - 1], $"response {i} ({seen[i].ResponseId}) delivered after a later one ({seen[i - 1].ResponseId})");
        // Each producer's queries come out in the order it asked them.
        foreach (var producer in seen.GroupBy(r => r.QueryId[..r.QueryId.IndexOf('-')]))
        {
            var order = producer.Select(r => int.Parse(r.QueryId[(r.QueryId.IndexOf('-') + 1)..], CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(Enumerable.Range(0, PerProducer), order);
        }
    }
}
