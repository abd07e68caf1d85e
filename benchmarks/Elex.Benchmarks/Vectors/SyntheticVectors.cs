namespace Elex.Benchmarks.Vectors;

/// <summary>How synthetic vectors are distributed.</summary>
public enum VectorDistribution
{
    /// <summary>
    /// Embedding-like: a mixture of Gaussian clusters in a 32-dimensional latent space, mapped
    /// into the full dimension by a fixed random linear map, plus a little isotropic noise — high
    /// ambient, low intrinsic dimension, as text embeddings are.
    /// </summary>
    Clustered,
    /// <summary>Isotropic Gaussian: no structure at all, the worst case for any graph index.</summary>
    Isotropic,
}

/// <summary>Deterministic synthetic vectors for the index benchmarks.</summary>
public sealed class SyntheticVectors
{
    private const int LatentDimensions = 32;
    private const float Noise = 0.05f;

    private readonly int _dimensions;
    private readonly VectorDistribution _distribution;
    private readonly Random _random;
    private readonly float[] _map;       // latent × dimensions
    private readonly float[] _centroids; // clusters × latent
    private readonly int _clusters;

    /// <summary>A generator of <paramref name="dimensions"/>-component vectors.</summary>
    public SyntheticVectors(int dimensions, VectorDistribution distribution, int clusters = 256, int seed = 42)
    {
        _dimensions = dimensions;
        _distribution = distribution;
        _random = new Random(seed);
        _clusters = clusters;
        _map = new float[LatentDimensions * dimensions];
        for (var i = 0; i < _map.Length; i++) _map[i] = Gaussian() / MathF.Sqrt(LatentDimensions);
        _centroids = new float[clusters * LatentDimensions];
        for (var i = 0; i < _centroids.Length; i++) _centroids[i] = Gaussian();
    }

    /// <summary>The next <paramref name="count"/> vectors, row-major in one array.</summary>
    public float[] Next(int count)
    {
        var data = new float[count * _dimensions];
        Span<float> latent = stackalloc float[LatentDimensions];
        for (var v = 0; v < count; v++)
        {
            var row = data.AsSpan(v * _dimensions, _dimensions);
            if (_distribution == VectorDistribution.Isotropic)
            {
                for (var d = 0; d < row.Length; d++) row[d] = Gaussian();
                continue;
            }
            var cluster = _random.Next(_clusters);
            for (var l = 0; l < LatentDimensions; l++) latent[l] = _centroids[cluster * LatentDimensions + l] + 0.5f * Gaussian();
            for (var d = 0; d < row.Length; d++) row[d] = Noise * Gaussian();
            for (var l = 0; l < LatentDimensions; l++)
            {
                var weight = latent[l];
                var map = _map.AsSpan(l * _dimensions, _dimensions);
                for (var d = 0; d < row.Length; d++) row[d] += weight * map[d];
            }
        }
        return data;
    }

    private float Gaussian()
    {
        // Box–Muller; one value per call is plenty fast here.
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }
}
