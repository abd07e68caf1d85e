namespace Elex.Core.Learning;

/// <summary>
/// The most recent <see cref="Capacity"/> trajectories, in a ring: when full, adding drops the
/// oldest. Thread-safe; adding and sampling do not allocate.
/// </summary>
public sealed class ReplayBuffer
{
    private readonly object _gate = new();
    private readonly Trajectory[] _items;
    private int _next;   // where the next trajectory goes
    private int _count;

    /// <summary>Creates an empty buffer holding at most <paramref name="capacity"/> trajectories.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    public ReplayBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new Trajectory[capacity];
    }

    /// <summary>The most trajectories kept.</summary>
    public int Capacity => _items.Length;

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
            _items[_next] = trajectory;
            _next = _next + 1 == _items.Length ? 0 : _next + 1;
            if (_count < _items.Length) _count++;
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
