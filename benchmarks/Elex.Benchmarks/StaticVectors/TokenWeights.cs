using FastBertTokenizer;

namespace Elex.Benchmarks.StaticVectors;

/// <summary>How much each WordPiece counts in a static sentence vector.</summary>
public static class TokenWeights
{
    /// <summary>
    /// Inverse document frequency over the feature documents (names and routing glosses): a token
    /// every feature shares tells nothing about which one a question means. Tokens the documents
    /// never use get the highest weight; specials and punctuation none.
    /// </summary>
    public static float[] InverseDocumentFrequency(IReadOnlyList<string> documents, BertTokenizer tokenizer, string[] vocabulary)
    {
        var df = new int[vocabulary.Length];
        var ids = new long[512];
        var mask = new long[512];
        foreach (var document in documents)
        {
            var length = tokenizer.Encode(document, ids, mask);
            foreach (var id in ids.AsSpan(0, length).ToArray().Distinct()) df[id]++;
        }
        var weights = new float[vocabulary.Length];
        for (var i = 0; i < weights.Length; i++)
            weights[i] = Informative(vocabulary[i]) ? MathF.Log((documents.Count + 1f) / (df[i] + 1f)) + 1f : 0f;
        return weights;
    }

    /// <summary>
    /// Model2Vec's Zipf weighting: BERT's vocabulary is roughly in frequency order, so a token's
    /// rank stands in for its rarity (log of the rank).
    /// </summary>
    public static float[] ZipfRank(string[] vocabulary)
    {
        var weights = new float[vocabulary.Length];
        var first = Array.IndexOf(vocabulary, "the");
        for (var i = 0; i < weights.Length; i++)
            weights[i] = Informative(vocabulary[i]) ? MathF.Log(2f + Math.Max(0, i - first)) : 0f;
        return weights;
    }

    private static bool Informative(string token) =>
        !(token.StartsWith('[') && token.EndsWith(']')) && token.TrimStart('#').Any(char.IsLetterOrDigit);
}
