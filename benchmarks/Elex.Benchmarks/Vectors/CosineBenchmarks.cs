using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace Elex.Benchmarks.Vectors;

/// <summary>
/// Cosine similarity of two 512-dimensional vectors: a plain scalar loop against
/// <see cref="TensorPrimitives.CosineSimilarity(ReadOnlySpan{float}, ReadOnlySpan{float})"/> and the
/// <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/> our indexes use on
/// pre-normalised vectors.
/// </summary>
[MemoryDiagnoser]
public class CosineBenchmarks
{
    /// <summary>Embedding dimensions (the router's default).</summary>
    public const int Dimensions = 512;

    private readonly float[] _a = new float[Dimensions];
    private readonly float[] _b = new float[Dimensions];

    /// <summary>Fills both vectors with seeded random values.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        for (var i = 0; i < Dimensions; i++)
        {
            _a[i] = random.NextSingle() * 2 - 1;
            _b[i] = random.NextSingle() * 2 - 1;
        }
    }

    /// <summary>Dot product and both norms in one scalar loop.</summary>
    [Benchmark(Baseline = true)]
    public float ScalarCosine()
    {
        float dot = 0, na = 0, nb = 0;
        var a = _a;
        var b = _b;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / (MathF.Sqrt(na) * MathF.Sqrt(nb));
    }

    /// <summary>SIMD cosine similarity from System.Numerics.Tensors.</summary>
    [Benchmark]
    public float TensorPrimitivesCosine() => TensorPrimitives.CosineSimilarity(_a, _b);

    /// <summary>SIMD dot product: cosine of vectors stored L2-normalised (what the indexes compute).</summary>
    [Benchmark]
    public float TensorPrimitivesDot() => TensorPrimitives.Dot(_a, _b);
}
