using BenchmarkDotNet.Attributes;
using Elex.Core.Learning;
using Elex.Core.Queries;

namespace Elex.Benchmarks;

/// <summary>One Q update (with trajectory recording and replay of 16) and one policy choice.</summary>
[MemoryDiagnoser]
public class LearningBenchmarks
{
    private readonly QLearner _learner = new(new QLearningOptions { Seed = 1 });
    private readonly QLearner _noReplay = new(new QLearningOptions { Seed = 1, ReplayBatch = 1, ReplayCapacity = 1 });
    private readonly LearningState _state = new(QueryType.Counter, Complexity.Simple, ConfidenceBucket.High, Maturity.Novice);
    private readonly LearningState _next = new(QueryType.Counter, Complexity.Simple, ConfidenceBucket.High, Maturity.Practised);
    private long _t;

    [Benchmark]
    public void LearnWithReplay16() => _learner.Learn(_state, ResponseAction.DetailedAnswer, 0.5f, _next, true, _t++);

    [Benchmark]
    public void LearnSingleUpdate() => _noReplay.Learn(_state, ResponseAction.DetailedAnswer, 0.5f, _next, true, _t++);

    [Benchmark]
    public ResponseAction Choose() => _learner.Choose(_state);
}
