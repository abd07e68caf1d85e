using Elex.Core.Vectors;

namespace Elex.Core.Routing;

/// <summary>
/// The working memory of one route, kept per thread and reused: score buffers the size of the catalog,
/// the candidates' scores and evidence, the exact hits and the ranking. A route allocates only what it
/// returns (and the analysed question), so routing under load does not feed the garbage collector.
/// </summary>
internal sealed class RouteScratch
{
    [ThreadStatic] private static RouteScratch? _current;

    private readonly List<Scored> _pool = [];
    private int _rented;
    private VectorNeighbor[] _best = new VectorNeighbor[64];
    private ulong[] _rankKeys = new ulong[64];

    private RouteScratch(int features)
    {
        Bm25 = new float[features];
        Semantic = new float[features];
        Lexical = new float[features];
    }

    // The channels add into these: a route clears the one it uses before scoring.
    public float[] Bm25 { get; }
    public float[] Semantic { get; }
    public float[] Lexical { get; }
    public Dictionary<int, Scored> Scores { get; } = [];
    public Text.AnalyzedText Question { get; } = new([], [], []);
    public List<ExactHit> Hits { get; } = [];
    public List<(int Ordinal, LearnedRoute Route)> Lifted { get; } = [];
    public List<KeyValuePair<int, Scored>> Ranked { get; } = [];

    /// <summary>This thread's scratch, cleared, sized for a catalog of <paramref name="features"/>.</summary>
    public static RouteScratch For(int features)
    {
        var scratch = _current;
        if (scratch is null || scratch.Bm25.Length != features) _current = scratch = new RouteScratch(features);
        scratch.Scores.Clear();
        scratch.Hits.Clear();
        scratch.Lifted.Clear();
        scratch.Ranked.Clear();
        scratch._rented = 0;
        return scratch;
    }

    /// <summary>A cleared score record for one candidate.</summary>
    public Scored Rent(float similarity)
    {
        if (_rented == _pool.Count) _pool.Add(new Scored());
        var scored = _pool[_rented++];
        scored.Reset(similarity);
        return scored;
    }

    /// <summary>A buffer of at least <paramref name="count"/> ranking keys.</summary>
    public ulong[] RankKeys(int count)
    {
        if (_rankKeys.Length < count) _rankKeys = new ulong[Math.Max(count, 2 * _rankKeys.Length)];
        return _rankKeys;
    }

    /// <summary>A buffer of at least <paramref name="count"/> scored ordinals.</summary>
    public VectorNeighbor[] BestBuffer(int count)
    {
        if (_best.Length < count) _best = new VectorNeighbor[count];
        return _best;
    }

    /// <summary>One candidate's scores across the channels, and the exact evidence for it.</summary>
    internal sealed class Scored
    {
        public float Similarity { get; private set; }
        public float Boost { get; set; }
        public float NameBoost { get; set; }
        public int NameTerms { get; set; }
        public bool Learned { get; set; }
        public float Bm25 { get; set; }
        public float Semantic { get; set; }
        public float Fused { get; set; }
        public List<RouteEvidence> Evidence { get; } = [];

        public void Reset(float similarity)
        {
            Similarity = similarity;
            Boost = NameBoost = Bm25 = Semantic = Fused = 0f;
            NameTerms = 0;
            Learned = false;
            Evidence.Clear();
        }
    }
}
