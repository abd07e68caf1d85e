using BenchmarkDotNet.Attributes;
using Elex.Core.Routing;

namespace Elex.Benchmarks.Peers;

/// <summary>
/// Our router against the Lucene.Net BM25 peer (camelCase-aware analyzer), one dev question per
/// call, cycling through all of them; top 3 candidates each.
/// </summary>
[MemoryDiagnoser]
public class PeerRouteBenchmarks
{
    private FeatureRouter _ours = null!;
    private LuceneRouter _lucene = null!;
    private string[] _questions = [];
    private readonly int[] _ordinals = new int[3];
    private int _nextOurs;
    private int _nextLucene;

    /// <summary>Builds both routers over the full catalog and loads the dev questions.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var catalog = BenchmarkData.Catalog();
        _ours = FeatureRouter.Build(catalog);
        _lucene = LuceneRouter.Build(catalog);
        _questions = LabelledQuestion.DevSet(catalog).Select(q => q.Text).ToArray();
    }

    /// <summary>Disposes the Lucene index.</summary>
    [GlobalCleanup]
    public void Cleanup() => _lucene.Dispose();

    /// <summary>Our hybrid router (exact evidence + vector similarity).</summary>
    [Benchmark(Baseline = true)]
    public RouteResult Ours()
    {
        var q = _questions[_nextOurs];
        _nextOurs = (_nextOurs + 1) % _questions.Length;
        return _ours.Route(q, 3);
    }

    /// <summary>Lucene.Net BM25: parse the escaped question, search, top 3 documents.</summary>
    [Benchmark]
    public int Lucene()
    {
        var q = _questions[_nextLucene];
        _nextLucene = (_nextLucene + 1) % _questions.Length;
        return _lucene.Route(q, _ordinals);
    }
}
