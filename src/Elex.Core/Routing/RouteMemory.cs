using System.Numerics.Tensors;

namespace Elex.Core.Routing;

/// <summary>
/// Confirmed question → feature pairs with their vectors: a question close in meaning to one an
/// engineer corrected before goes where the correction said. Bounded (oldest forgotten first);
/// readers see an immutable snapshot, so routing never locks.
/// </summary>
internal sealed class RouteMemory
{
    private readonly Lock _gate = new();
    private Snapshot _snapshot = Snapshot.Empty;

    /// <summary>Creates a memory holding at most <paramref name="capacity"/> routes.</summary>
    public RouteMemory(int capacity = 5_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>Most routes kept.</summary>
    public int Capacity { get; }

    /// <summary>Routes held.</summary>
    public int Count => Volatile.Read(ref _snapshot).Routes.Length;

    /// <summary>The routes, oldest first (for persistence).</summary>
    public IReadOnlyList<LearnedRoute> Routes => Volatile.Read(ref _snapshot).Routes;

    /// <summary>True when exactly this question is already learned for this feature.</summary>
    public bool Knows(string question, Catalog.FeatureCode feature)
    {
        foreach (var r in Volatile.Read(ref _snapshot).Routes)
            if (r.Feature == feature && r.Question == question) return true;
        return false;
    }

    internal void Add(LearnedRoute route, int ordinal, float[] vector)
    {
        lock (_gate)
        {
            var current = _snapshot;
            // A question taught again replaces its earlier answer.
            var keep = current.Routes.Select((r, i) => (r, i)).Where(x => x.r.Question != route.Question).Select(x => x.i).ToList();
            var skip = Math.Max(0, keep.Count + 1 - Capacity);
            keep = keep.Skip(skip).ToList();
            _snapshot = Snapshot.Of(
                [.. keep.Select(i => current.Routes[i]), route],
                [.. keep.Select(i => current.Ordinals[i]), ordinal],
                [.. keep.Select(i => current.Vectors[i]), vector]);
        }
    }

    /// <summary>The closest learned route to a question vector, with its cosine; (-1, 0) when empty.</summary>
    internal (int Index, float Cosine, int Ordinal, LearnedRoute? Route) Nearest(ReadOnlySpan<float> query)
    {
        var s = Volatile.Read(ref _snapshot);
        var best = -1;
        var bestCosine = float.NegativeInfinity;
        for (var i = 0; i < s.Vectors.Length; i++)
        {
            if (s.Vectors[i].Length != query.Length) continue;
            var cosine = TensorPrimitives.Dot(query, s.Vectors[i]);
            if (cosine > bestCosine)
            {
                best = i;
                bestCosine = cosine;
            }
        }
        return best < 0 ? (-1, 0f, -1, null) : (best, bestCosine, s.Ordinals[best], s.Routes[best]);
    }

    /// <summary>
    /// Lets each learned question stand beside its feature's own description: a feature's model score
    /// becomes the better of its description's cosine and (a learned question's cosine + offset).
    /// Returns the learned route that lifted the best-scoring feature, if any.
    /// </summary>
    internal void Lift(ReadOnlySpan<float> query, float[] scores, float offset, float pull, Func<int, ReadOnlySpan<float>> description, List<(int Ordinal, LearnedRoute Route)> lifted)
    {
        var s = Volatile.Read(ref _snapshot);
        var dims = query.Length;
        for (var i = 0; i < s.Vectors.Length; i++)
        {
            if (s.Vectors[i].Length != dims) continue;
            var nearest = TensorPrimitives.Dot(query, s.Vectors[i]) + offset;
            if (nearest <= scores[s.Ordinals[i]]) continue;
            scores[s.Ordinals[i]] = nearest;
            lifted.Add((s.Ordinals[i], s.Routes[i]));
        }
        if (pull <= 0) return;
        // The feature's description moved towards the mean of the questions engineers confirmed for
        // it (a Rocchio update of its prototype), scored like any description. The means are kept
        // with the snapshot, so a question pays one prototype per taught feature, not per route.
        Span<float> prototype = dims <= 1024 ? stackalloc float[dims] : new float[dims];
        foreach (var (ordinal, (mean, last)) in s.Means)
        {
            if (mean.Length != dims) continue;
            description(ordinal).CopyTo(prototype);
            TensorPrimitives.MultiplyAdd(mean, pull, prototype, prototype);
            var score = TensorPrimitives.Dot(query, prototype) / TensorPrimitives.Norm(prototype);
            if (score <= scores[ordinal]) continue;
            scores[ordinal] = score;
            lifted.Add((ordinal, s.Routes[last]));
        }
    }

    private sealed record Snapshot(LearnedRoute[] Routes, int[] Ordinals, float[][] Vectors, Dictionary<int, (float[] Mean, int Last)> Means)
    {
        public static Snapshot Empty { get; } = new([], [], [], []);

        // The mean confirmed-question vector of each taught feature, with its most recent route.
        public static Snapshot Of(LearnedRoute[] routes, int[] ordinals, float[][] vectors)
        {
            var sums = new Dictionary<int, (float[] Sum, int Count, int Last)>();
            for (var i = 0; i < vectors.Length; i++)
            {
                if (!sums.TryGetValue(ordinals[i], out var acc)) acc = (new float[vectors[i].Length], 0, i);
                if (acc.Sum.Length != vectors[i].Length) continue;
                TensorPrimitives.Add(acc.Sum, vectors[i], acc.Sum);
                sums[ordinals[i]] = (acc.Sum, acc.Count + 1, i);
            }
            var means = new Dictionary<int, (float[], int)>(sums.Count);
            foreach (var (ordinal, (sum, count, last)) in sums)
            {
                TensorPrimitives.Divide(sum, count, sum);
                means[ordinal] = (sum, last);
            }
            return new Snapshot(routes, ordinals, vectors, means);
        }
    }
}
