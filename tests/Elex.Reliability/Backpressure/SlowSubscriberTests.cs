using System.Security.Cryptography;
using System.Text;
using Elex.Core.Queries;
using Elex.Reliability.Support;
using Elex.Streams;
using Elex.Streams.Pipeline;

namespace Elex.Reliability.Backpressure;

/// <summary>
/// A slow subscriber cannot make memory grow without bound.
/// <para>
/// The policy (read from <see cref="ElexSwarm"/>): <c>Responses</c> is a hot subject fed by the
/// pipeline's single reading loop, and <c>Metrics</c> is derived from it; both deliver
/// synchronously on that loop, with no buffer per subscriber. A slow subscriber therefore slows
/// the pipeline itself — backpressure, not queueing — and the pipeline holds at most
/// <see cref="SwarmConfig.IngressCapacity"/> queries waiting in its bounded channel, plus, when routing
/// runs ahead of answering, <see cref="SwarmConfig.RouteAheadWindow"/> routed ones waiting for the
/// answering thread, plus the one it is working on. Producers beyond that wait in <c>QueryAsync</c> or are refused by
/// <c>TryQueryAsync</c> with <see cref="SwarmBusyException"/>. A subscriber that must not slow the
/// swarm has to add its own bounded buffer.
/// </para>
/// </summary>
[Collection(MeasuredAlone.Name)]
public class SlowSubscriberTests
{
    private const int Capacity = 64;
    private const int Producers = 4;
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(120);

    /// <summary>Responses the slow subscriber works through (5× with the long flag).</summary>
    public static int ResponseCount => ReliabilityRun.Scale(20_000, 100_000);

    [Fact]
    public async Task SlowSubscriber_HoldsProducersBack_InFlightAndMemoryStayBounded()
    {
        await using var swarm = await Sample.NewSwarmAsync(new SwarmConfig { IngressCapacity = Capacity, EnableTelemetry = true });
        long accepted = 0, delivered = 0, busy = 0, maxInFlight = 0;
        var memory = new List<long>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pulse = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The slow subscriber: real work per response, several times what the pipeline spends on it.
        using var slow = swarm.Responses.Subscribe(response =>
        {
            var count = Interlocked.Increment(ref delivered);
            var bytes = Encoding.UTF8.GetBytes(response.Text + response.ResponseId);
            for (var i = 0; i < 40; i++) bytes = SHA256.HashData(bytes.Length < 4096 ? [.. bytes, .. bytes] : bytes);
            if (count % 2_000 == 0) memory.Add(GC.GetTotalMemory(forceFullCollection: true));
            Interlocked.Exchange(ref pulse, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            if (count == ResponseCount) done.TrySetResult();
        });
        using var slowMetrics = swarm.Metrics.Subscribe(metric =>
        {
            var bytes = Encoding.UTF8.GetBytes(metric.FeatureCode ?? "none");
            for (var i = 0; i < 20; i++) bytes = SHA256.HashData(bytes);
        });

        var perProducer = ResponseCount / Producers;
        var producers = Enumerable.Range(0, Producers).Select(p => Task.Run(async () =>
        {
            for (var i = 0; i < perProducer; i++)
            {
                var query = new Query(Sample.Questions[(p + i) % Sample.Questions.Length], id: $"s{p}-{i}");
                while (true)
                {
                    var next = Volatile.Read(ref pulse).Task;
                    var attempt = swarm.TryQueryAsync(query);
                    if (attempt.IsFaulted && attempt.Exception?.InnerException is SwarmBusyException)
                    {
                        Interlocked.Increment(ref busy);
                        await next.WaitAsync(Guard);     // room appears only when the slow subscriber lets go of a response
                        continue;
                    }
                    var inFlight = Interlocked.Increment(ref accepted) - Interlocked.Read(ref delivered);
                    InterlockedMax(ref maxInFlight, inFlight);
                    break;
                }
            }
        })).ToList();

        await Task.WhenAll(producers).WaitAsync(Guard);
        await done.Task.WaitAsync(Guard);

        Assert.Equal(ResponseCount, Interlocked.Read(ref accepted));
        Assert.Equal(ResponseCount, Interlocked.Read(ref delivered));
        Assert.True(Interlocked.Read(ref busy) > 0, "producers were never held back: the subscriber was not slow enough to test backpressure");
        // Queued in the channel, routed ahead (when routing runs ahead), plus the one in the pipeline (its slot is freed as it is read, before delivery).
        var bound = Capacity + (new SwarmConfig().RouteAhead ? SwarmConfig.RouteAheadWindow + 1 : 0) + 2;
        Assert.True(maxInFlight <= bound, $"{maxInFlight} queries were in flight with an ingress capacity of {Capacity} (at most {bound} allowed)");
        // Managed memory after the warm-up does not climb with the responses processed (about 2 MB here, mostly the
        // bounded metric store filling; buffering 20,000 responses for the subscriber would be tens of MB).
        var warm = memory[1];
        var peak = memory.Skip(1).Max();
        Assert.True(peak - warm < 16L * 1024 * 1024,
            $"managed memory grew by {(peak - warm) / (1024 * 1024)} MB while a slow subscriber processed {ResponseCount} responses: {string.Join(", ", memory.Select(b => b / (1024 * 1024)))} MB");
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current) return;
            current = seen;
        }
    }
}
