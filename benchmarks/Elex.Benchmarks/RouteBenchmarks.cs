using BenchmarkDotNet.Attributes;
using Elex.Core.Routing;

namespace Elex.Benchmarks;

/// <summary>Route latency per question over the full catalog (cycling through the dev questions).</summary>
[MemoryDiagnoser]
public class RouteBenchmarks
{
    private FeatureRouter _router = null!;
    private string[] _questions = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var catalog = BenchmarkData.Catalog();
        _router = FeatureRouter.Build(catalog);
        _questions = BenchmarkData.Questions(catalog);
    }

    [Benchmark]
    public RouteResult Route()
    {
        var q = _questions[_next];
        _next = (_next + 1) % _questions.Length;
        return _router.Route(q);
    }
}
