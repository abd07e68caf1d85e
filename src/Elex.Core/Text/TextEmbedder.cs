using System.Numerics.Tensors;

namespace Elex.Core.Text;

/// <summary>
/// A deterministic local text embedding: normalised terms, adjacent-term bigrams and character
/// trigrams are hashed (signed feature hashing) into a fixed number of dimensions, weighted by
/// inverse document frequency, and L2-normalised. No model download: the same text always yields
/// the same vector, in the browser and on the console.
/// </summary>
internal sealed class TextEmbedder
{
    private const float BigramWeight = 0.5f;
    private const float TrigramWeight = 0.3f;

    /// <summary>Creates an embedder.</summary>
    /// <param name="weights">Term weights of the corpus; terms it does not know contribute only their character trigrams.</param>
    /// <param name="dimensions">Vector length (a power of two is best).</param>
    public TextEmbedder(TermWeights weights, int dimensions = 512)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 16);
        Weights = weights;
        Dimensions = dimensions;
    }

    /// <summary>
    /// Whether terms the corpus knows also contribute character trigrams. Documents use them (so
    /// an unseen spelling in a question can still meet a feature through shared trigrams);
    /// questions need them only for unknown words, which keeps question vectors sparse.
    /// </summary>
    public bool IncludeKnownTermTrigrams { get; init; } = true;

    /// <summary>Vector length.</summary>
    public int Dimensions { get; }

    /// <summary>The corpus term weights.</summary>
    public TermWeights Weights { get; }

    /// <summary>Embeds a question: its terms with bigrams and trigrams, normalised.</summary>
    public float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        Embed(text, vector);
        return vector;
    }

    /// <summary>Embeds a question into <paramref name="destination"/>; returns false when nothing in it is known.</summary>
    public bool Embed(string text, Span<float> destination)
    {
        destination.Clear();
        Accumulate(TermAnalyzer.Terms(text), 1f, destination);
        return Normalize(destination);
    }

    /// <summary>Adds weighted terms (and their bigrams and trigrams) to an accumulator.</summary>
    public void Accumulate(IReadOnlyList<string> terms, float weight, Span<float> accumulator)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            var idf = Weights.Idf(terms[i]);
            var w = weight * (idf ?? Weights.UnknownTermWeight);
            if (idf is not null) AddFeature(terms[i], w, accumulator);
            if (idf is null || IncludeKnownTermTrigrams) AddTrigrams(terms[i], w * TrigramWeight, accumulator);
            if (i + 1 < terms.Count && idf is not null && Weights.Idf(terms[i + 1]) is { } next)
                AddBigram(terms[i], terms[i + 1], weight * BigramWeight * MathF.Min(idf.Value, next), accumulator);
        }
    }

    /// <summary>Adds one already-weighted feature.</summary>
    public void AddFeature(ReadOnlySpan<char> feature, float weight, Span<float> accumulator)
    {
        var h = StableHash.Fnv1a(feature);
        var index = (int)(h % (uint)accumulator.Length);
        accumulator[index] += (h & 0x8000_0000) != 0 ? -weight : weight;
    }

    /// <summary>L2-normalises in place; returns false for an all-zero vector.</summary>
    public static bool Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm <= 1e-12f) return false;
        TensorPrimitives.Divide(vector, norm, vector);
        return true;
    }

    private void AddBigram(string a, string b, float weight, Span<float> accumulator)
    {
        Span<char> buffer = stackalloc char[a.Length + b.Length + 1];
        a.CopyTo(buffer);
        buffer[a.Length] = '\u00a0';
        b.CopyTo(buffer[(a.Length + 1)..]);
        AddFeature(buffer, weight, accumulator);
    }

    private void AddTrigrams(string term, float weight, Span<float> accumulator)
    {
        if (term.Length < 4) return;
        Span<char> padded = stackalloc char[term.Length + 2];
        padded[0] = '<';
        term.CopyTo(padded[1..]);
        padded[^1] = '>';
        var count = padded.Length - 2;
        var each = weight / MathF.Sqrt(count);
        Span<char> gram = stackalloc char[4];
        gram[0] = '#';
        for (var i = 0; i < count; i++)
        {
            padded.Slice(i, 3).CopyTo(gram[1..]);
            AddFeature(gram, each, accumulator);
        }
    }
}
