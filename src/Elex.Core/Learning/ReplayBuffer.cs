namespace Elex.Core.Learning;

/// <summary>
/// The most recent <see cref="Capacity"/> trajectories, in a ring: when full, adding drops the
/// oldest. Thread-safe; sampling does not allocate, and adding allocates only while the storage
/// grows (doubling from 16 up to the capacity), so an agent that never learns costs almost nothing.
/// </summary>
internal sealed class ReplayBuffer
{
    private const int InitialStorage = 16;
    private readonly Lock _gate = new();
    private readonly int _capacity;
    private Trajectory[] _items;
    private int _next;   // where the next trajectory goes
    private int _count;

    /// <summary>Creates an empty buffer holding at most <paramref name="capacity"/> trajectories.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    public ReplayBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _items = new Trajectory[Math.Min(capacity, InitialStorage)];
    }

    /// <summary>The most trajectories kept.</summary>
    public int Capacity => _capacity;

    /// <summary>Trajectories held now.</summary>
    public int Count
    {
        get { lock (_gate) return _count; }
    }

    /// <summary>Adds a trajectory, dropping the oldest when full.</summary>
    public void Add(in Trajectory trajectory)
    {
        lock (_gate)
        {
            // Until the ring is full at its capacity, items sit at 0.._count-1, so growing is a plain copy.
            if (_count == _items.Length && _items.Length < _capacity)
                Array.Resize(ref _items, Math.Min(_items.Length * 2, _capacity));
            _items[_next] = trajectory;
            _next = _next + 1 == _capacity ? 0 : _next + 1;
            if (_count < _capacity) _count++;
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with trajectories drawn uniformly with replacement;
    /// returns how many were written: the destination's length, or 0 when the buffer is empty.
    /// </summary>
    public int Sample(Random random, Span<Trajectory> destination)
    {
        ArgumentNullException.ThrowIfNull(random);
        lock (_gate)
        {
            if (_count == 0) return 0;
            for (var i = 0; i < destination.Length; i++)
                destination[i] = _items[random.Next(_count)];
            return destination.Length;
        }
    }

    /// <summary>
    /// Gives the trajectory <paramref name="fromNewest"/> places before the newest (0 = the newest) a
    /// new reward, if it is still held and is the one expected (same state, action and reward) — a
    /// rating replaced after the fact; later replays then learn the new reward. False when it is not.
    /// </summary>
    public bool TryReplaceReward(long fromNewest, in Trajectory expected, float reward)
    {
        lock (_gate)
        {
            if (fromNewest < 0 || fromNewest >= _count) return false;
            var index = _next - 1 - (int)fromNewest;
            if (index < 0) index += _items.Length;
            ref var held = ref _items[index];
            if (held.State != expected.State || held.Action != expected.Action || held.Reward != expected.Reward) return false;
            held = held with { Reward = reward };
            return true;
        }
    }

    /// <summary>The most recent <paramref name="count"/> trajectories (fewer if fewer are held), oldest first.</summary>
    public Trajectory[] Recent(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            var n = Math.Min(count, _count);
            var result = new Trajectory[n];
            var start = _next - n;
            if (start < 0) start += _items.Length;
            for (var i = 0; i < n; i++)
            {
                result[i] = _items[start];
                start = start + 1 == _items.Length ? 0 : start + 1;
            }
            return result;
        }
    }

    /// <summary>All trajectories held, oldest first.</summary>
    public Trajectory[] ToArray() => Recent(int.MaxValue);

    /// <summary>Removes every trajectory.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            Array.Clear(_items);
            _next = 0;
            _count = 0;
        }
    }
}
