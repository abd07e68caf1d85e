using Elex.Core.Routing.Snapshots;

namespace Elex.Core.Routing;

// The precomputed postings as a snapshot holds them (weights bit for bit, so scores are unchanged).
internal sealed partial class GlossBm25Index
{
    private GlossBm25Index(Dictionary<string, Postings> postings) => _postings = postings;

    public void WriteTo(SnapshotWriter w)
    {
        w.Int(_postings.Count);
        foreach (var (term, postings) in _postings)
        {
            w.String(term);
            w.Float(postings.MaxWeight);
            w.Ints(postings.Ordinals);
            w.Floats(postings.Weights);
        }
    }

    public static GlossBm25Index ReadFrom(SnapshotReader r)
    {
        var count = r.Count(minimumBytesEach: 7);
        var postings = new Dictionary<string, Postings>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var term = r.String();
            var max = r.Float();
            var ordinals = r.Ints();
            var weights = r.Floats();
            if (weights.Length != ordinals.Length) throw new InvalidDataException($"BM25 term '{term}' has {ordinals.Length} features but {weights.Length} weights");
            postings.Add(term, new Postings(max, ordinals, weights));
        }
        return new GlossBm25Index(postings);
    }
}
