using Elex.Core.Semantics;
using Elex.Core.Text;

namespace Elex.Streams.Tests;

/// <summary>
/// A stand-in sentence model for stream tests: hashed word vectors (so related wording scores higher),
/// recording the size of every call; it can be told to fail. The real model is tested in Elex.Semantic.Tests.
/// </summary>
public sealed class CountingEncoder : ISentenceEncoder
{
    public string ModelId => "counting/test";
    public int Dimensions => 64;
    public List<int> QueryBatches { get; } = [];
    public bool Fail { get; set; }

    public void EncodeQueries(IReadOnlyList<string> texts, Span<float> destination)
    {
        if (Fail) throw new InvalidOperationException("model unavailable");
        QueryBatches.Add(texts.Count);
        Encode(texts, destination);
    }

    public void EncodeDocuments(IReadOnlyList<string> texts, Span<float> destination) => Encode(texts, destination);

    private void Encode(IReadOnlyList<string> texts, Span<float> destination)
    {
        for (var i = 0; i < texts.Count; i++)
        {
            var v = destination.Slice(i * Dimensions, Dimensions);
            v.Clear();
            foreach (var term in TermAnalyzer.Terms(texts[i])) v[(int)(StableHash.Fnv1a(term) % (uint)Dimensions)] += 1f;
            TextEmbedder.Normalize(v);
        }
    }
}
