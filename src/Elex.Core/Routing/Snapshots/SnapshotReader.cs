using System.Runtime.InteropServices;
using System.Text;

namespace Elex.Core.Routing.Snapshots;

/// <summary>
/// Reads what <see cref="SnapshotWriter"/> wrote. Every count is checked against the bytes left, so
/// a damaged body ends in <see cref="InvalidDataException"/> instead of a huge allocation.
/// </summary>
internal sealed class SnapshotReader
{
    private readonly BinaryReader _reader;
    private readonly long _length;
    private readonly string?[] _table;

    public SnapshotReader(ArraySegment<byte> bytes)
    {
        _length = bytes.Count;
        _reader = new BinaryReader(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false), Encoding.UTF8);
        var count = Count(minimumBytesEach: 1);
        _table = new string?[count + 1];
        for (var i = 1; i <= count; i++) _table[i] = _reader.ReadString();
    }

    /// <summary>True when every byte was read.</summary>
    public bool AtEnd => _reader.BaseStream.Position == _length;

    public int Int() => _reader.Read7BitEncodedInt();

    public float Float() => _reader.ReadSingle();

    public byte Byte() => _reader.ReadByte();

    /// <summary>A count of items that take at least <paramref name="minimumBytesEach"/> bytes each.</summary>
    public int Count(int minimumBytesEach = 1)
    {
        var count = Int();
        if (count < 0 || (long)count * minimumBytesEach > _length - _reader.BaseStream.Position)
            throw new InvalidDataException($"a count of {count} does not fit in the snapshot");
        return count;
    }

    public string? NullableString()
    {
        var index = Int();
        if (index < 0 || index >= _table.Length) throw new InvalidDataException($"string {index} is not in the table");
        return _table[index];
    }

    public string String() => NullableString() ?? throw new InvalidDataException("a required string is null");

    public string[] Strings()
    {
        var values = new string[Count()];
        for (var i = 0; i < values.Length; i++) values[i] = String();
        return values;
    }

    public int[] Ints()
    {
        var values = new int[Count()];
        for (var i = 0; i < values.Length; i++) values[i] = Int();
        return values;
    }

    public float[] Floats()
    {
        var values = new float[Count(sizeof(float))];
        if (_reader.Read(MemoryMarshal.AsBytes(values.AsSpan())) != values.Length * sizeof(float))
            throw new EndOfStreamException("the snapshot ends inside a vector");
        return values;
    }
}
