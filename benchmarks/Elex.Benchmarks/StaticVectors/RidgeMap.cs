namespace Elex.Benchmarks.StaticVectors;

/// <summary>
/// A linear map fitted by ridge regression, W = (XᵀX + λI)⁻¹ XᵀY: here it carries static sentence
/// vectors towards the real model's question vectors of the same catalog sentences, so a static
/// question vector can be compared with the model's feature vectors. Linear, so it can be folded
/// into the token table.
/// </summary>
public sealed class RidgeMap
{
    private readonly double[,] _w;

    private RidgeMap(double[,] w, int dims) { _w = w; Dimensions = dims; }

    public int Dimensions { get; }

    /// <summary>Fits W from row-major pairs (<paramref name="x"/> static, <paramref name="y"/> model), <paramref name="count"/> rows of <paramref name="dims"/>.</summary>
    public static RidgeMap Fit(float[] x, float[] y, int count, int dims, double lambda)
    {
        var a = new double[dims, dims];
        var b = new double[dims, dims];
        for (var r = 0; r < count; r++)
        {
            var xr = x.AsSpan(r * dims, dims);
            var yr = y.AsSpan(r * dims, dims);
            for (var i = 0; i < dims; i++)
            {
                var xi = (double)xr[i];
                if (xi == 0) continue;
                for (var j = 0; j < dims; j++) { a[i, j] += xi * xr[j]; b[i, j] += xi * yr[j]; }
            }
        }
        for (var i = 0; i < dims; i++) a[i, i] += lambda;
        Cholesky(a, dims);
        // Solve A·W = B column by column with the factor L (A = L·Lᵀ).
        var w = new double[dims, dims];
        var z = new double[dims];
        for (var c = 0; c < dims; c++)
        {
            for (var i = 0; i < dims; i++)
            {
                var s = b[i, c];
                for (var k = 0; k < i; k++) s -= a[i, k] * z[k];
                z[i] = s / a[i, i];
            }
            for (var i = dims - 1; i >= 0; i--)
            {
                var s = z[i];
                for (var k = i + 1; k < dims; k++) s -= a[k, i] * w[k, c];
                w[i, c] = s / a[i, i];
            }
        }
        return new RidgeMap(w, dims);
    }

    /// <summary>Maps every row of <paramref name="rows"/> (row-major) into a new array.</summary>
    public float[] Apply(float[] rows)
    {
        var dims = Dimensions;
        var result = new float[rows.Length];
        var count = rows.Length / dims;
        Parallel.For(0, count, r =>
        {
            var acc = new double[dims];
            for (var i = 0; i < dims; i++)
            {
                var xi = (double)rows[r * dims + i];
                if (xi == 0) continue;
                for (var j = 0; j < dims; j++) acc[j] += xi * _w[i, j];
            }
            for (var j = 0; j < dims; j++) result[r * dims + j] = (float)acc[j];
        });
        return result;
    }

    // In place: the lower triangle of a becomes L.
    private static void Cholesky(double[,] a, int n)
    {
        for (var j = 0; j < n; j++)
        {
            var d = a[j, j];
            for (var k = 0; k < j; k++) d -= a[j, k] * a[j, k];
            if (d <= 0) throw new InvalidOperationException("The regularised matrix is not positive definite.");
            a[j, j] = Math.Sqrt(d);
            for (var i = j + 1; i < n; i++)
            {
                var s = a[i, j];
                for (var k = 0; k < j; k++) s -= a[i, k] * a[j, k];
                a[i, j] = s / a[j, j];
            }
        }
    }
}
