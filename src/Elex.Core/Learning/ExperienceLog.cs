using Elex.Core.Catalog;

namespace Elex.Core.Learning;

/// <summary>
/// The most recent experiences by response id (bounded: the oldest are forgotten first) and the
/// last one per feature, so feedback can name a response or just an agent. Thread-safe.
/// </summary>
internal sealed class ExperienceLog(int capacity = 10_000)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Experience> _byResponse = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Dictionary<FeatureCode, Queue<Experience>> _recentByFeature = [];

    /// <summary>Experiences kept per feature for persistence (the newest).</summary>
    public const int RecentPerFeature = 20;

    /// <summary>Most experiences remembered by response id.</summary>
    public int Capacity { get; } = capacity >= 1 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Capacity must be at least 1.");

    /// <summary>Remembers an experience.</summary>
    public void Add(Experience experience)
    {
        lock (_gate)
        {
            if (_byResponse.TryAdd(experience.ResponseId, experience))
            {
                _order.Enqueue(experience.ResponseId);
                while (_order.Count > Capacity) _byResponse.Remove(_order.Dequeue());
            }
            if (!_recentByFeature.TryGetValue(experience.Feature, out var recent)) _recentByFeature[experience.Feature] = recent = new Queue<Experience>();
            recent.Enqueue(experience);
            while (recent.Count > RecentPerFeature) recent.Dequeue();
        }
    }

    /// <summary>
    /// Records the rating now in effect for a response (replacing any earlier one); false when the
    /// response is no longer remembered.
    /// </summary>
    public bool Rate(string responseId, Rating rating)
    {
        ArgumentNullException.ThrowIfNull(responseId);
        lock (_gate)
        {
            if (!_byResponse.TryGetValue(responseId, out var experience)) return false;
            _byResponse[responseId] = experience with { Rating = rating };
            if (_recentByFeature.TryGetValue(experience.Feature, out var recent))
            {
                // At most RecentPerFeature entries: rebuilding the queue is cheaper than indexing it.
                var rated = recent.Select(e => e.ResponseId == responseId ? e with { Rating = rating } : e).ToList();
                recent.Clear();
                foreach (var e in rated) recent.Enqueue(e);
            }
            return true;
        }
    }

    /// <summary>The experience behind a response, if still remembered.</summary>
    public bool TryGetByResponse(string responseId, out Experience experience)
    {
        lock (_gate) return _byResponse.TryGetValue(responseId, out experience);
    }

    /// <summary>The feature's most recent experience, if any.</summary>
    public bool TryGetLast(FeatureCode feature, out Experience experience)
    {
        lock (_gate)
        {
            if (_recentByFeature.TryGetValue(feature, out var recent) && recent.Count > 0)
            {
                experience = recent.Last();
                return true;
            }
            experience = default;
            return false;
        }
    }

    /// <summary>The feature's newest experiences, oldest first (at most <see cref="RecentPerFeature"/>).</summary>
    public Experience[] Recent(FeatureCode feature)
    {
        lock (_gate) return _recentByFeature.TryGetValue(feature, out var recent) ? recent.ToArray() : [];
    }
}
