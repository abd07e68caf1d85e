using System.Diagnostics;
using Elex.Core.Routing;

namespace Elex.Browser.JsApi;

/// <summary>Times <see cref="FeatureRouter.Route(string)"/> once per question, questions cycling through phrasings of every feature.</summary>
public static class RouteBenchmark
{
    private const int WarmUpPasses = 5;

    /// <summary>Runs <paramref name="queries"/> timed routes after a short warm-up.</summary>
    public static JsRouteBenchmark Run(FeatureRouter router, int queries)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentOutOfRangeException.ThrowIfLessThan(queries, 1);
        var questions = Questions(router).ToArray();
        // The WebAssembly interpreter optimises a method only after it has run a while; time steady state.
        for (var pass = 0; pass < WarmUpPasses; pass++)
            foreach (var q in questions) router.Route(q);
        var timings = new double[queries];
        for (var i = 0; i < queries; i++)
        {
            var started = Stopwatch.GetTimestamp();
            router.Route(questions[i % questions.Length]);
            timings[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }
        Array.Sort(timings);
        return new JsRouteBenchmark(queries, Percentile(timings, 0.50), Percentile(timings, 0.95), Percentile(timings, 0.99),
            timings.Average(), timings[^1], TimerResolutionUs());
    }

    private static IEnumerable<string> Questions(FeatureRouter router)
    {
        foreach (var feature in router.Catalog.Features)
        {
            var name = feature.Acronym ?? feature.Name;
            yield return $"which counters show {name} is working?";
            yield return $"how do I activate {feature.Name}?";
            yield return $"what parameters does {name} have";
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    // Browsers coarsen clocks (100 µs without cross-origin isolation, 5 µs with it); report it with the figures.
    private static double TimerResolutionUs()
    {
        var smallest = double.MaxValue;
        for (var i = 0; i < 20; i++)
        {
            var start = Stopwatch.GetTimestamp();
            long now;
            do now = Stopwatch.GetTimestamp(); while (now == start);
            smallest = Math.Min(smallest, (now - start) * 1_000_000.0 / Stopwatch.Frequency);
        }
        return smallest;
    }
}
