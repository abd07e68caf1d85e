using System.Numerics.Tensors;

namespace Elex.Benchmarks.StaticVectors;

/// <summary>
/// The leading principal directions of a table's rows (subspace iteration on the covariance), to
/// shrink a token table to fewer dimensions as Model2Vec does.
/// </summary>
public static class PrincipalComponents
{
    /// <summary>An orthonormal basis of <paramref name="k"/> directions, row-major (k × dims).</summary>
    public static float[] Basis(float[] rows, int dims, int k, int iterations = 40)
    {
        var count = rows.Length / dims;
        var columns = new float[dims][];
        for (var j = 0; j < dims; j++) columns[j] = new float[count];
        for (var r = 0; r < count; r++) for (var j = 0; j < dims; j++) columns[j][r] = rows[r * dims + j];
        var covariance = new double[dims, dims];
        Parallel.For(0, dims, i => { for (var j = 0; j <= i; j++) covariance[i, j] = covariance[j, i] = TensorPrimitives.Dot(columns[i], columns[j]); });
        var basis = new double[k, dims];
        var random = new Random(12345);
        for (var c = 0; c < k; c++) for (var j = 0; j < dims; j++) basis[c, j] = random.NextDouble() - 0.5;
        for (var it = 0; it < iterations; it++)
        {
            var next = new double[k, dims];
            for (var c = 0; c < k; c++) for (var i = 0; i < dims; i++) { double s = 0; for (var j = 0; j < dims; j++) s += covariance[i, j] * basis[c, j]; next[c, i] = s; }
            for (var c = 0; c < k; c++)
            {
                for (var p = 0; p < c; p++) { double d = 0; for (var j = 0; j < dims; j++) d += next[c, j] * next[p, j]; for (var j = 0; j < dims; j++) next[c, j] -= d * next[p, j]; }
                double n = 0; for (var j = 0; j < dims; j++) n += next[c, j] * next[c, j];
                n = Math.Sqrt(n); for (var j = 0; j < dims; j++) next[c, j] /= n;
            }
            basis = next;
        }
        var result = new float[k * dims];
        for (var c = 0; c < k; c++) for (var j = 0; j < dims; j++) result[c * dims + j] = (float)basis[c, j];
        return result;
    }

    /// <summary>Every row projected onto the basis (row-major, count × k).</summary>
    public static float[] Project(float[] rows, int dims, float[] basis)
    {
        var k = basis.Length / dims;
        var count = rows.Length / dims;
        var result = new float[count * k];
        for (var r = 0; r < count; r++)
            for (var c = 0; c < k; c++)
                result[r * k + c] = TensorPrimitives.Dot(rows.AsSpan(r * dims, dims), basis.AsSpan(c * dims, dims));
        return result;
    }
}
