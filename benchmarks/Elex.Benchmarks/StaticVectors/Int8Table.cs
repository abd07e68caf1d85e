namespace Elex.Benchmarks.StaticVectors;

/// <summary>Rows quantised to signed bytes with one scale per row (what a shipped table would hold).</summary>
public sealed class Int8Table
{
    private readonly sbyte[] _values;
    private readonly float[] _scales;
    private readonly int _dims;

    private Int8Table(sbyte[] values, float[] scales, int dims) { _values = values; _scales = scales; _dims = dims; }

    public static Int8Table Quantise(float[] rows, int dims)
    {
        var count = rows.Length / dims;
        var values = new sbyte[rows.Length];
        var scales = new float[count];
        for (var r = 0; r < count; r++)
        {
            var row = rows.AsSpan(r * dims, dims);
            var max = 0f;
            foreach (var v in row) max = Math.Max(max, Math.Abs(v));
            scales[r] = max / 127f;
            for (var i = 0; i < dims; i++) values[r * dims + i] = max == 0 ? (sbyte)0 : (sbyte)Math.Round(row[i] / scales[r]);
        }
        return new Int8Table(values, scales, dims);
    }

    public float[] Dequantised()
    {
        var rows = new float[_values.Length];
        for (var i = 0; i < rows.Length; i++) rows[i] = _values[i] * _scales[i / _dims];
        return rows;
    }

    /// <summary>The bytes a file would hold: the values, then one float scale per row.</summary>
    public byte[] Bytes()
    {
        var bytes = new byte[_values.Length + _scales.Length * sizeof(float)];
        Buffer.BlockCopy(_values, 0, bytes, 0, _values.Length);
        Buffer.BlockCopy(_scales, 0, bytes, _values.Length, _scales.Length * sizeof(float));
        return bytes;
    }
}
