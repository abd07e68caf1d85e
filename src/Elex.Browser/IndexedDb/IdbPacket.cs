using System.Buffers.Binary;
using System.Text;

namespace Elex.Browser.IndexedDb;

/// <summary>
/// The one buffer that carries many IndexedDB rows across the interop boundary in one call (one
/// copy each way instead of one marshalled object per row). Little-endian; a packet is a sequence of
/// sections, a section is an int32 row count followed by its rows, a row is
/// <c>key, subKey, payload</c>: two strings (int32 UTF-8 byte length, −1 for none, then the bytes) and
/// a payload (int32 length, then the bytes). <c>elex-idb-packet.js</c> reads and writes the same layout,
/// which is also how each chunk record stores its rows (three sections) in IndexedDB.
/// </summary>
internal static class IdbPacket
{
    /// <summary>One row: the agent id, the trajectory id (q_tables and agent_state have none) and the value.</summary>
    internal readonly record struct Row(string Key, string? SubKey, ReadOnlyMemory<byte> Payload);

    /// <summary>Packs <paramref name="sections"/> in order.</summary>
    public static byte[] Write(params IReadOnlyList<Row>[] sections)
    {
        var size = 0;
        foreach (var section in sections)
        {
            size += sizeof(int);
            foreach (var row in section) size += TextSize(row.Key) + TextSize(row.SubKey) + sizeof(int) + row.Payload.Length;
        }
        var packet = new byte[size];
        var at = 0;
        foreach (var section in sections)
        {
            WriteInt(packet, ref at, section.Count);
            foreach (var row in section)
            {
                WriteText(packet, ref at, row.Key);
                WriteText(packet, ref at, row.SubKey);
                WriteInt(packet, ref at, row.Payload.Length);
                row.Payload.Span.CopyTo(packet.AsSpan(at));
                at += row.Payload.Length;
            }
        }
        return packet;
    }

    /// <summary>Reads the first section of <paramref name="packet"/>.</summary>
    /// <exception cref="FormatException">The packet is cut short or its lengths do not add up.</exception>
    public static IReadOnlyList<Row> ReadSection(ReadOnlyMemory<byte> packet) => ReadSections(packet, 1)[0];

    /// <summary>Reads the first <paramref name="count"/> sections of <paramref name="packet"/>.</summary>
    /// <exception cref="FormatException">The packet is cut short or its lengths do not add up.</exception>
    public static IReadOnlyList<IReadOnlyList<Row>> ReadSections(ReadOnlyMemory<byte> packet, int count)
    {
        var at = 0;
        var sections = new List<IReadOnlyList<Row>>(count);
        for (var s = 0; s < count; s++)
        {
            var rowCount = ReadInt(packet.Span, ref at);
            if (rowCount < 0) throw new FormatException($"an IndexedDB packet announced {rowCount} rows");
            var rows = new List<Row>(Math.Min(rowCount, 4096));
            for (var i = 0; i < rowCount; i++)
            {
                var key = ReadText(packet.Span, ref at) ?? throw new FormatException($"row {i} of an IndexedDB packet has no key");
                var subKey = ReadText(packet.Span, ref at);
                var length = ReadInt(packet.Span, ref at);
                rows.Add(new Row(key, subKey, packet.Slice(Take(packet.Length, ref at, length), length)));
            }
            sections.Add(rows);
        }
        return sections;
    }

    private static int TextSize(string? text) => sizeof(int) + (text is null ? 0 : Encoding.UTF8.GetByteCount(text));

    private static void WriteInt(byte[] packet, ref int at, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(packet.AsSpan(at), value);
        at += sizeof(int);
    }

    private static void WriteText(byte[] packet, ref int at, string? text)
    {
        if (text is null)
        {
            WriteInt(packet, ref at, -1);
            return;
        }
        var length = Encoding.UTF8.GetBytes(text, packet.AsSpan(at + sizeof(int)));
        WriteInt(packet, ref at, length);
        at += length;
    }

    private static int ReadInt(ReadOnlySpan<byte> packet, ref int at) =>
        BinaryPrimitives.ReadInt32LittleEndian(packet[Take(packet.Length, ref at, sizeof(int))..]);

    private static string? ReadText(ReadOnlySpan<byte> packet, ref int at)
    {
        var length = ReadInt(packet, ref at);
        if (length == -1) return null;
        var start = Take(packet.Length, ref at, length);
        return Encoding.UTF8.GetString(packet.Slice(start, length));
    }

    // Advances past `length` bytes and returns where they start, refusing to run off the end.
    private static int Take(int packetLength, ref int at, int length)
    {
        if (length < 0 || length > packetLength - at)
            throw new FormatException($"an IndexedDB packet is cut short: {length} bytes wanted at offset {at} of {packetLength}");
        var start = at;
        at += length;
        return start;
    }
}
