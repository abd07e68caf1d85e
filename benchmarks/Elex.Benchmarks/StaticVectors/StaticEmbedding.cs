using System.Numerics.Tensors;
using FastBertTokenizer;

namespace Elex.Benchmarks.StaticVectors;

/// <summary>
/// A sentence vector without a transformer: the weighted mean of the static vectors of the text's
/// WordPieces, L2-normalised. Weights say how much a token tells (rare tokens more than "the").
/// </summary>
public sealed class StaticEmbedding
{
    private readonly BertTokenizer _tokenizer;
    private readonly float[] _table;
    private readonly float[] _weights;
    private readonly Lock _lock = new();

    public StaticEmbedding(BertTokenizer tokenizer, float[] table, float[] weights, int dimensions)
    {
        _tokenizer = tokenizer;
        _table = table;
        _weights = weights;
        Dimensions = dimensions;
    }

    public int Dimensions { get; }

    /// <summary>WordPiece ids of a text, without [CLS] and [SEP].</summary>
    public long[] Tokens(string text)
    {
        Span<long> ids = stackalloc long[256];
        Span<long> mask = stackalloc long[256];
        int length;
        lock (_lock) length = _tokenizer.Encode(text, ids, mask);
        return length <= 2 ? [] : ids[1..(length - 1)].ToArray();
    }

    /// <summary>Writes the text's vector; false when no token carries weight.</summary>
    public bool Embed(string text, Span<float> vector)
    {
        vector.Clear();
        var any = false;
        foreach (var id in Tokens(text))
        {
            var w = _weights[id];
            if (w <= 0) continue;
            TensorPrimitives.MultiplyAdd(_table.AsSpan((int)id * Dimensions, Dimensions), w, vector, vector);
            any = true;
        }
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0) TensorPrimitives.Divide(vector, norm, vector);
        return any && norm > 0;
    }
}
