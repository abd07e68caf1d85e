using BenchmarkDotNet.Attributes;
using Elex.Core.Queries;
using Elex.Core.Routing;
using Elex.Streams;

namespace Elex.Benchmarks;

/// <summary>End-to-end QueryAsync through the Rx pipeline: a batch of questions from one or two producers.</summary>
[MemoryDiagnoser]
public class SwarmThroughputBenchmarks
{
    public const int Batch = 1000;

    private ElexSwarm _swarm = null!;
    private string[] _questions = [];

    [Params(1, 2)]
    public int Producers { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        var catalog = BenchmarkData.Catalog();
        _swarm = await ElexSwarm.CreateAsync(catalog, router: FeatureRouter.Build(catalog));
        _questions = BenchmarkData.Questions(catalog);
    }

    [GlobalCleanup]
    public async Task Cleanup() => await _swarm.DisposeAsync();

    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task QueryAsync()
    {
        var perProducer = Batch / Producers;
        await Task.WhenAll(Enumerable.Range(0, Producers).Select(p => Task.Run(async () =>
        {
            var pending = new Task[perProducer];
            for (var i = 0; i < perProducer; i++)
                pending[i] = _swarm.QueryAsync(new Query(_questions[(p * perProducer + i) % _questions.Length]));
            await Task.WhenAll(pending);
        })));
    }
}
