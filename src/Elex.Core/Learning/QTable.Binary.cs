using System.Buffers.Binary;
using System.Numerics;

namespace Elex.Core.Learning;

// The binary forms of a table (what q_tables records and sync deltas are built from).
public sealed partial class QTable
{
    // The binary forms: magic, version, state count, action count, then dense (v1: all values, all
    // visits) or sparse (v2: entry count, then slot/value/visits per set entry), then a checksum.
    private static ReadOnlySpan<byte> Magic => "ELQT"u8;
    private const byte DenseVersion = 1;
    private const byte SparseVersion = 2;
    private const int HeaderLength = 4 + 1 + 4 + 4; // magic, version, state count, action count
    private const int DenseLength = HeaderLength + Size * (sizeof(float) + sizeof(int)) + sizeof(uint); // + FNV-1a checksum
    private const int SparseEntryLength = sizeof(ushort) + sizeof(float) + sizeof(int);

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
        for (var i = NextUsed(0); i < Size; i = NextUsed(i + 1))
            if (_values[i] != 0f || _visits[i] != 0) entries++;
        var bytes = new byte[HeaderLength + sizeof(int) + entries * SparseEntryLength + sizeof(uint)];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        span[4] = SparseVersion;
        BinaryPrimitives.WriteInt32LittleEndian(span[5..], LearningState.Count);
        BinaryPrimitives.WriteInt32LittleEndian(span[9..], ActionCount);
        BinaryPrimitives.WriteInt32LittleEndian(span[HeaderLength..], entries);
        var offset = HeaderLength + sizeof(int);
        for (var i = NextUsed(0); i < Size; i = NextUsed(i + 1))
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
        var table = bytes[4] == DenseVersion ? ReadDense(bytes) : ReadSparse(bytes);
        table.RecountUsed();
        return table;
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

    // The first slot at or after `from` whose used bit is set, or Size.
    private int NextUsed(int from)
    {
        for (var word = from >> 6; word < _used.Length; word++)
        {
            var bits = word == from >> 6 ? _used[word] & (ulong.MaxValue << from) : _used[word];
            if (bits != 0) return Math.Min(Size, (word << 6) + BitOperations.TrailingZeroCount(bits));
        }
        return Size;
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
