namespace Elex.Core.Learning;

/// <summary>
/// Q-values and visit counts for every (<see cref="LearningState"/>, <see cref="ResponseAction"/>)
/// pair, in two flat arrays indexed by <c>state.Index * ActionCount + action</c>. Reads and writes
/// do not allocate. Not thread-safe: <see cref="QLearner"/> serialises access.
/// </summary>
public sealed partial class QTable
{
    /// <summary>The number of actions (<see cref="ResponseAction"/> values).</summary>
    public const int ActionCount = 5;

    /// <summary>Entries in the table: <see cref="LearningState.Count"/> × <see cref="ActionCount"/>.</summary>
    public const int Size = LearningState.Count * ActionCount;

    private readonly float[] _values = new float[Size];
    private readonly int[] _visits = new int[Size];
    // One bit per slot that may be set (a value or visits not zero): encoding walks these instead of
    // every slot, which matters where the code is interpreted (WebAssembly) and tables are sparse.
    private readonly ulong[] _used = new ulong[(Size + 63) / 64];
    private int _nonZero;

    /// <summary>Q(state, action); 0 until set.</summary>
    internal float Get(LearningState state, ResponseAction action) => _values[Slot(state, action)];

    /// <summary>Sets Q(state, action).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or infinite.</exception>
    internal void Set(LearningState state, ResponseAction action, float value)
    {
        if (!float.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "A Q-value must be finite.");
        ref var slot = ref _values[Slot(state, action)];
        if (slot == 0f && value != 0f) _nonZero++;
        else if (slot != 0f && value == 0f) _nonZero--;
        slot = value;
        if (value != 0f) MarkUsed(Slot(state, action));
    }

    /// <summary>Times the action was taken in the state (replays not counted).</summary>
    internal int Visits(LearningState state, ResponseAction action) => _visits[Slot(state, action)];

    /// <summary>Counts one visit of (state, action); saturates at <see cref="int.MaxValue"/>.</summary>
    internal void AddVisit(LearningState state, ResponseAction action)
    {
        var index = Slot(state, action);
        ref var visits = ref _visits[index];
        if (visits < int.MaxValue) visits++;
        MarkUsed(index);
    }

    /// <summary>The action with the highest Q-value in the state; ties go to the lowest action value.</summary>
    internal ResponseAction BestAction(LearningState state)
    {
        var row = Row(state);
        var best = 0;
        for (var a = 1; a < row.Length; a++)
            if (row[a] > row[best]) best = a;
        return (ResponseAction)best;
    }

    /// <summary>The highest Q-value in the state: max over actions of Q(state, ·).</summary>
    internal float MaxValue(LearningState state)
    {
        var row = Row(state);
        var max = row[0];
        for (var a = 1; a < row.Length; a++)
            if (row[a] > max) max = row[a];
        return max;
    }

    /// <summary>
    /// Makes this table the visit-weighted blend of <paramref name="own"/> and <paramref name="peers"/>:
    /// per entry (q₁n₁ + q₂n₂) / (n₁ + n₂) with n₁ + n₂ visits, or <paramref name="own"/>'s value where
    /// neither has visits. Does not allocate.
    /// </summary>
    public void BlendFrom(QTable own, QTable peers)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(peers);
        var nonZero = 0;
        for (var i = 0; i < Size; i++)
        {
            long n1 = own._visits[i], n2 = peers._visits[i];
            var total = n1 + n2;
            var value = total == 0 ? own._values[i] : (float)((own._values[i] * (double)n1 + peers._values[i] * (double)n2) / total);
            _values[i] = value;
            _visits[i] = (int)Math.Min(total, int.MaxValue);
            if (value != 0f) nonZero++;
        }
        _nonZero = nonZero;
        RecountUsed();
    }

    /// <summary>Entries whose Q-value is not zero.</summary>
    public int NonZeroEntries => _nonZero;

    /// <summary>Copies of the values and visit counts, <see cref="Size"/> each, in slot order.</summary>
    public (float[] Values, int[] Visits) Snapshot() => ((float[])_values.Clone(), (int[])_visits.Clone());

    /// <summary>Replaces the contents with values and visits of <see cref="Size"/> entries each (as from <see cref="Snapshot"/>).</summary>
    /// <exception cref="ArgumentException">A length is wrong, a value is not finite or a visit count is negative; nothing changed.</exception>
    public void Restore(ReadOnlySpan<float> values, ReadOnlySpan<int> visits)
    {
        if (values.Length != Size)
            throw new ArgumentException($"Expected {Size} Q-values ({LearningState.Count} states × {ActionCount} actions), got {values.Length}.", nameof(values));
        if (visits.Length != Size)
            throw new ArgumentException($"Expected {Size} visit counts ({LearningState.Count} states × {ActionCount} actions), got {visits.Length}.", nameof(visits));
        for (var i = 0; i < Size; i++)
        {
            if (!float.IsFinite(values[i])) throw new ArgumentException($"Q-value {Describe(i)} is not finite ({values[i]}).", nameof(values));
            if (visits[i] < 0) throw new ArgumentException($"Visit count {Describe(i)} is negative ({visits[i]}).", nameof(visits));
        }
        values.CopyTo(_values);
        visits.CopyTo(_visits);
        _nonZero = 0;
        foreach (var v in _values)
            if (v != 0f) _nonZero++;
        RecountUsed();
    }

    private static int Slot(LearningState state, ResponseAction action)
    {
        if ((uint)action >= ActionCount)
            throw new ArgumentOutOfRangeException(nameof(action), action, $"{action} is not a valid ResponseAction.");
        return state.Index * ActionCount + (int)action;
    }

    private void MarkUsed(int slot) => _used[slot >> 6] |= 1UL << slot;

    private void RecountUsed()
    {
        Array.Clear(_used);
        for (var i = 0; i < Size; i++)
            if (_values[i] != 0f || _visits[i] != 0) MarkUsed(i);
    }

    private ReadOnlySpan<float> Row(LearningState state) => _values.AsSpan(state.Index * ActionCount, ActionCount);

    private static string Describe(int slot) =>
        $"[{LearningState.FromIndex(slot / ActionCount)}, {(ResponseAction)(slot % ActionCount)}]";
}
