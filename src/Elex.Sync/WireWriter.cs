using System.Buffers.Binary;

namespace Elex.Sync;

/// <summary>Little-endian writes into a buffer sized in advance (encoders compute exact lengths first).</summary>
internal ref struct WireWriter
{
    private readonly Span<byte> _buffer;

    public WireWriter(Span<byte> buffer) => _buffer = buffer;

    public int Offset { get; private set; }

    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer[Offset..]);
        Offset += bytes.Length;
    }

    public void U8(byte value) => _buffer[Offset++] = value;

    public void U16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer[Offset..], value);
        Offset += 2;
    }

    public void I32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer[Offset..], value);
        Offset += 4;
    }

    public void I64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer[Offset..], value);
        Offset += 8;
    }

    public void F32(float value)
    {
        BinaryPrimitives.WriteSingleLittleEndian(_buffer[Offset..], value);
        Offset += 4;
    }
}
