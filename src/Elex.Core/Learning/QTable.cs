using System.Buffers.Binary;

namespace Elex.Core.Learning;

/// <summary>
/// Q-values and visit counts for every (<see cref="LearningState"/>, <see cref="ResponseAction"/>)
/// pair, in two flat arrays indexed by <c>state.Index * ActionCount + action</c>. Reads and writes
/// do not allocate. Not thread-safe: <see cref="QLearner"/> serialises access.
/// </summary>
public sealed class QTable
{
    /// <summary>The number of actions (<see cref="ResponseAction"/> values).</summary>
    public const int ActionCount = 5;

    /// <summary>Entries in the table: <see cref="LearningState.Count"/> × <see cref="ActionCount"/>.</summary>
    public const int Size = LearningState.Count * ActionCount;

    // The binary forms: magic, version, state count, action count, then dense (v1: all values, all
    // visits) or sparse (v2: entry count, then slot/value/visits per set entry), then a checksum.
    private static ReadOnlySpan<byte> Magic => "ELQT"u8;
    private const byte DenseVersion = 1;
    private const byte SparseVersion = 2;
    private const int HeaderLength = 4 + 1 + 4 + 4; // magic, version, state count, action count
    private const int DenseLength = HeaderLength + Size * (sizeof(float) + sizeof(int)) + sizeof(uint); // + FNV-1a checksum
    private const int SparseEntryLength = sizeof(ushort) + sizeof(float) + sizeof(int);

    private readonly float[] _values = new float[Size];
    private readonly int[] _visits = new int[Size];
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
    }

    /// <summary>Times the action was taken in the state (replays not counted).</summary>
    internal int Visits(LearningState state, ResponseAction action) => _visits[Slot(state, action)];

    /// <summary>Counts one visit of (state, action); saturates at <see cref="int.MaxValue"/>.</summary>
    internal void AddVisit(LearningState state, ResponseAction action)
    {
        ref var visits = ref _visits[Slot(state, action)];
        if (visits < int.MaxValue) visits++;
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
    }

    /// <summary>
    /// The table in a compact little-endian binary form: magic "ELQT", version byte 2, state count and
    /// action count (int32), the number of entries that are set (int32), then per set entry (a Q-value
    /// or a visit count not zero) its slot (uint16), Q-value (float32) and visit count (int32), and an
    /// FNV-1a checksum (uint32) of everything before it. Learned tables are sparse, so this is a
    /// fraction of the dense version 1 form, which <see cref="FromBytes"/> still reads.
    /// </summary>
    public byte[] ToBytes()
    {
        var entries = 0;
        for (var i = 0; i < Size; i++)
            if (_values[i] != 0f || _visits[i] != 0) entries++;
        var bytes = new byte[HeaderLength + sizeof(int) + entries * SparseEntryLength + sizeof(uint)];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        span[4] = SparseVersion;
        BinaryPrimitives.WriteInt32LittleEndian(span[5..], LearningState.Count);
        BinaryPrimitives.WriteInt32LittleEndian(span[9..], ActionCount);
        BinaryPrimitives.WriteInt32LittleEndian(span[HeaderLength..], entries);
        var offset = HeaderLength + sizeof(int);
        for (var i = 0; i < Size; i++)
        {
            if (_values[i] == 0f && _visits[i] == 0) continue;
            BinaryPrimitives.WriteUInt16LittleEndian(span[offset..], (ushort)i);
            BinaryPrimitives.WriteSingleLittleEndian(span[(offset + 2)..], _values[i]);
            BinaryPrimitives.WriteInt32LittleEndian(span[(offset + 6)..], _visits[i]);
            offset += SparseEntryLength;
        }
        BinaryPrimitives.WriteUInt32LittleEndian(span[offset..], Checksum(span[..offset]));
        return bytes;
    }

    /// <summary>Reads a table written by <see cref="ToBytes"/> (version 2) or by the dense version 1.</summary>
    /// <exception cref="FormatException">The input is not a Q-table of these formats; the message says what is wrong.</exception>
    public static QTable FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderLength)
            throw new FormatException($"Q-table data is truncated: {bytes.Length} bytes is shorter than the {HeaderLength}-byte header.");
        if (!bytes[..4].SequenceEqual(Magic))
            throw new FormatException("Q-table data does not start with the magic 'ELQT'.");
        if (bytes[4] != DenseVersion && bytes[4] != SparseVersion)
            throw new FormatException($"Q-table format version {bytes[4]} is not supported (expected {DenseVersion} or {SparseVersion}).");
        var states = BinaryPrimitives.ReadInt32LittleEndian(bytes[5..]);
        if (states != LearningState.Count)
            throw new FormatException($"Q-table has {states} states; this version has {LearningState.Count}.");
        var actions = BinaryPrimitives.ReadInt32LittleEndian(bytes[9..]);
        if (actions != ActionCount)
            throw new FormatException($"Q-table has {actions} actions; this version has {ActionCount}.");
        var expected = bytes[4] == DenseVersion ? DenseLength : SparseLength(bytes);
        if (bytes.Length != expected)
            throw new FormatException($"Q-table data is {bytes.Length} bytes; expected {expected}.");
        var checksumAt = expected - sizeof(uint);
        var stored = BinaryPrimitives.ReadUInt32LittleEndian(bytes[checksumAt..]);
        var actual = Checksum(bytes[..checksumAt]);
        if (stored != actual)
            throw new FormatException($"Q-table checksum mismatch (stored 0x{stored:X8}, computed 0x{actual:X8}): the data is corrupt.");
        return bytes[4] == DenseVersion ? ReadDense(bytes) : ReadSparse(bytes);
    }

    private static int SparseLength(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderLength + sizeof(int))
            throw new FormatException($"Q-table data is truncated: {bytes.Length} bytes has no entry count.");
        var entries = BinaryPrimitives.ReadInt32LittleEndian(bytes[HeaderLength..]);
        if (entries is < 0 or > Size)
            throw new FormatException($"Q-table entry count {entries} is not between 0 and {Size}.");
        return HeaderLength + sizeof(int) + entries * SparseEntryLength + sizeof(uint);
    }

    private static QTable ReadSparse(ReadOnlySpan<byte> bytes)
    {
        var table = new QTable();
        var entries = BinaryPrimitives.ReadInt32LittleEndian(bytes[HeaderLength..]);
        var offset = HeaderLength + sizeof(int);
        var previous = -1;
        for (var e = 0; e < entries; e++, offset += SparseEntryLength)
        {
            int slot = BinaryPrimitives.ReadUInt16LittleEndian(bytes[offset..]);
            if (slot >= Size || slot <= previous)
                throw new FormatException($"Q-table entry {e} has slot {slot}: slots must be below {Size} and increasing.");
            previous = slot;
            var v = BinaryPrimitives.ReadSingleLittleEndian(bytes[(offset + 2)..]);
            if (!float.IsFinite(v)) throw new FormatException($"Q-value {Describe(slot)} is not finite ({v}).");
            var n = BinaryPrimitives.ReadInt32LittleEndian(bytes[(offset + 6)..]);
            if (n < 0) throw new FormatException($"Visit count {Describe(slot)} is negative ({n}).");
            table._values[slot] = v;
            table._visits[slot] = n;
            if (v != 0f) table._nonZero++;
        }
        return table;
    }

    private static QTable ReadDense(ReadOnlySpan<byte> bytes)
    {
        var table = new QTable();
        var offset = HeaderLength;
        for (var i = 0; i < Size; i++, offset += sizeof(float))
        {
            var v = BinaryPrimitives.ReadSingleLittleEndian(bytes[offset..]);
            if (!float.IsFinite(v)) throw new FormatException($"Q-value {Describe(i)} is not finite ({v}).");
            table._values[i] = v;
            if (v != 0f) table._nonZero++;
        }
        for (var i = 0; i < Size; i++, offset += sizeof(int))
        {
            var n = BinaryPrimitives.ReadInt32LittleEndian(bytes[offset..]);
            if (n < 0) throw new FormatException($"Visit count {Describe(i)} is negative ({n}).");
            table._visits[i] = n;
        }
        return table;
    }

    private static int Slot(LearningState state, ResponseAction action)
    {
        if ((uint)action >= ActionCount)
            throw new ArgumentOutOfRangeException(nameof(action), action, $"{action} is not a valid ResponseAction.");
        return state.Index * ActionCount + (int)action;
    }

    private ReadOnlySpan<float> Row(LearningState state) => _values.AsSpan(state.Index * ActionCount, ActionCount);

    private static string Describe(int slot) =>
        $"[{LearningState.FromIndex(slot / ActionCount)}, {(ResponseAction)(slot % ActionCount)}]";

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        var hash = 2166136261u;
        foreach (var b in data)
        {
            hash ^= b;
            hash *= 16777619;
        }
        return hash;
    }
}
