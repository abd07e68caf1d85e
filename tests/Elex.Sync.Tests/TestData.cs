using System.Buffers.Binary;
using System.Text;
using Elex.Core.Learning;

namespace Elex.Sync.Tests;

/// <summary>Deterministic identities, tables and deltas, and a raw writer for hand-made (malformed) deltas.</summary>
internal static class TestData
{
    public static SwarmIdentity Identity(int seed)
    {
        var bytes = new byte[32];
        new Random(seed).NextBytes(bytes);
        return SwarmIdentity.Import(SwarmIdentity.ExportPrefix + Convert.ToBase64String(bytes));
    }

    public static QTable Table(Random rng, double density = 0.2, int maxVisits = 50)
    {
        var values = new float[QTable.Size];
        var visits = new int[QTable.Size];
        for (var i = 0; i < QTable.Size; i++)
        {
            if (rng.NextDouble() >= density) continue;
            values[i] = (float)(rng.NextDouble() * 2 - 1);
            visits[i] = rng.Next(1, maxVisits + 1);
        }
        var table = new QTable();
        table.Restore(values, visits);
        return table;
    }

    public static QTable Table(params (int Slot, float Value, int Visits)[] slots)
    {
        var values = new float[QTable.Size];
        var visits = new int[QTable.Size];
        foreach (var (slot, value, n) in slots)
        {
            values[slot] = value;
            visits[slot] = n;
        }
        var table = new QTable();
        table.Restore(values, visits);
        return table;
    }

    public static QTableDelta Delta(SwarmIdentity origin, long sequence, params (string AgentId, QTable Table)[] tables) =>
        QTableDelta.FromTables(origin.PublicKey, sequence, 1_700_000_000_000 + sequence, tables);

    /// <summary>A small delta: two agents, a handful of slots each.</summary>
    public static QTableDelta SmallDelta(SwarmIdentity origin, long sequence = 1) =>
        Delta(origin, sequence,
            ("agent-FAJ_121_3094", Table((0, 0.5f, 3), (7, -0.25f, 1), (1079, 1f, 12))),
            ("agent-FAJ_121_4219", Table((42, 0.125f, 2), (43, 0.75f, 9))));

    public static bool SameBits(QTable a, QTable b)
    {
        var (av, an) = a.Snapshot();
        var (bv, bn) = b.Snapshot();
        return an.AsSpan().SequenceEqual(bn) &&
               av.Select(BitConverter.SingleToInt32Bits).SequenceEqual(bv.Select(BitConverter.SingleToInt32Bits));
    }

    public static IEnumerable<T[]> Permutations<T>(T[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }
        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var tail in Permutations(rest))
                yield return [items[i], .. tail];
        }
    }
}

/// <summary>Writes delta bytes field by field, so tests can produce exactly the malformation they name.</summary>
internal sealed class RawDelta
{
    private readonly List<byte> _bytes = [];

    public RawDelta Bytes(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) _bytes.Add(b);
        return this;
    }

    public RawDelta U8(byte value) => Bytes([value]);

    public RawDelta U16(ushort value)
    {
        Span<byte> span = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(span, value);
        return Bytes(span);
    }

    public RawDelta I32(int value)
    {
        Span<byte> span = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(span, value);
        return Bytes(span);
    }

    public RawDelta I64(long value)
    {
        Span<byte> span = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(span, value);
        return Bytes(span);
    }

    public RawDelta F32(float value)
    {
        Span<byte> span = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(span, value);
        return Bytes(span);
    }

    public RawDelta Header(SwarmIdentity origin, ushort agents, long sequence = 1, long created = 0, byte version = 1) =>
        Bytes("ELQD"u8).U8(version).Bytes(origin.PublicKey.Bytes).I64(sequence).I64(created).U16(agents);

    public RawDelta Agent(string id, params (int Slot, float Value, int Visits)[] slots) =>
        AgentRaw(Encoding.UTF8.GetBytes(id), slots);

    public RawDelta AgentRaw(byte[] id, params (int Slot, float Value, int Visits)[] slots)
    {
        U8((byte)id.Length).Bytes(id).U16((ushort)slots.Length);
        foreach (var (slot, value, visits) in slots) U16((ushort)slot).F32(value).I32(visits);
        return this;
    }

    /// <summary>A version-2 learned-routes section: count, then (feature, question) pairs as given.</summary>
    public RawDelta Routes(params (string Feature, string Question)[] routes)
    {
        U16((ushort)routes.Length);
        foreach (var (feature, question) in routes) RouteRaw(Encoding.UTF8.GetBytes(feature), Encoding.UTF8.GetBytes(question));
        return this;
    }

    public RawDelta RouteRaw(byte[] feature, byte[] question) =>
        U8((byte)feature.Length).Bytes(feature).U16((ushort)question.Length).Bytes(question);

    public byte[] Unsigned() => [.. _bytes];

    public byte[] SignedBy(SwarmIdentity identity)
    {
        var payload = Unsigned();
        return [.. payload, .. identity.Sign(payload)];
    }
}
