using System.Diagnostics;
using Elex.Core.Vectors;
using Xunit.Abstractions;

namespace Elex.Core.Tests.Vectors;

public sealed class HnswSweepTmp(ITestOutputHelper output)
{
    static float[][] Gaussian(int n, int d, int seed)
    {
        var r = new Random(seed);
        var a = new float[n][];
        for (int i = 0; i < n; i++) { a[i] = new float[d]; for (int j = 0; j < d; j++) { double u1 = 1.0 - r.NextDouble(), u2 = r.NextDouble(); a[i][j] = (float)(Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2)); } }
        return a;
    }

    [Theory]
    [InlineData(200, 42, false)]
    public void Sweep(int efc, int seed, bool keep)
    {
        HnswIndex.KeepPrunedTmp = keep;
        var data = Gaussian(20000, 64, 1234 + seed);
        var queries = Gaussian(200, 64, 99 + seed);
        var sw = Stopwatch.StartNew();
        var h = new HnswIndex(64, new HnswOptions { EfConstruction = efc, Seed = seed });
        foreach (var v in data) h.Add(v);
        output.WriteLine($"keep={keep} efc={efc} seed={seed} build {sw.Elapsed.TotalSeconds:F2}s");
        var ex = new ExactVectorIndex(64);
        foreach (var v in data) ex.Add(v);
        var truth = queries.Select(q => ex.Search(q, 10).Select(n => n.Id).ToHashSet()).ToArray();
        foreach (var ef in new[] { 320, 400 })
        {
            int hit = 0; var buf = new VectorNeighbor[10];
            sw.Restart();
            for (int i = 0; i < queries.Length; i++) { int n = h.Search(queries[i], 10, buf, ef); for (int j = 0; j < n; j++) if (truth[i].Contains(buf[j].Id)) hit++; }
            output.WriteLine($"  ef={ef} recall={hit / 2000.0:F4} {sw.Elapsed.TotalMilliseconds / 200:F3}ms/q");
        }
    }
}
