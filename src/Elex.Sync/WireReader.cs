using System.Buffers.Binary;

namespace Elex.Sync;

/// <summary>
/// Bounds-checked little-endian reads that fail with a <see cref="DeltaFormatException"/> naming the
/// field and offset, so every decoder reports truncation the same precise way.
/// </summary>
internal ref struct WireReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly string _what;

    public WireReader(ReadOnlySpan<byte> data, string what)
    {
        _data = data;
        _what = what;
    }

    public int Offset { get; private set; }

    public readonly int Remaining => _data.Length - Offset;

    public ReadOnlySpan<byte> Take(int length, string field)
    {
        if (Remaining < length)
            throw Fail(DeltaFormatError.Truncated, $"The {_what} is truncated: {field} needs {length} bytes at offset {Offset}, only {Remaining} remain.");
        var span = _data.Slice(Offset, length);
        Offset += length;
        return span;
    }

    public byte U8(string field) => Take(1, field)[0];

    public ushort U16(string field) => BinaryPrimitives.ReadUInt16LittleEndian(Take(2, field));

    public int I32(string field) => BinaryPrimitives.ReadInt32LittleEndian(Take(4, field));

    public long I64(string field) => BinaryPrimitives.ReadInt64LittleEndian(Take(8, field));

    public float F32(string field) => BinaryPrimitives.ReadSingleLittleEndian(Take(4, field));

    /// <summary>Fails early when a declared count cannot fit in what remains, before anything is allocated for it.</summary>
    public readonly void Require(long length, string field)
    {
        if (Remaining < length)
            throw Fail(DeltaFormatError.Truncated, $"The {_what} is truncated: {field} needs at least {length} bytes at offset {Offset}, only {Remaining} remain.");
    }

    public readonly DeltaFormatException Fail(DeltaFormatError error, string message) => new(error, Offset, message);

    public readonly DeltaFormatException FailAt(int offset, DeltaFormatError error, string message) => new(error, offset, message);
}
