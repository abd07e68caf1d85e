using System.Buffers.Binary;
using Elex.Core.Learning;

namespace Elex.Core.Tests.Learning;

/// <summary>
/// The sparse form walks only the slots that were ever set; whichever way a table got its entries,
/// it must still list exactly the entries a walk over every slot finds, in slot order.
/// </summary>
public sealed class QTableEncodingTests
{
    // Word edges of the used-slot bitmap (64 slots a word) and both ends of the table.
    private static readonly int[] Slots = [0, 1, 62, 63, 64, 65, 127, 128, 640, 1023, 1024, QTable.Size - 1];

    [Fact]
    public void Set_and_visited_slots_at_every_word_edge_are_encoded_in_slot_order()
    {
        var t = new QTable();
        foreach (var slot in Slots.Reverse())
        {
            if (slot % 2 == 0) t.Set(StateOf(slot), ActionOf(slot), slot / 100f + 0.5f);
            else t.AddVisit(StateOf(slot), ActionOf(slot));
        }

        Assert.Equal(Reference(t), t.ToBytes());
        Assert.Equal(Slots, EncodedSlots(t.ToBytes()));
    }

    [Fact]
    public void A_value_set_back_to_zero_without_visits_is_left_out()
    {
        var t = new QTable();
        t.Set(StateOf(64), ActionOf(64), 0.25f);
        t.Set(StateOf(200), ActionOf(200), 0.75f);
        t.Set(StateOf(64), ActionOf(64), 0f);

        Assert.Equal([200], EncodedSlots(t.ToBytes()));
        Assert.Equal(Reference(t), t.ToBytes());
    }

    [Fact]
    public void Tables_filled_by_restore_blend_and_read_encode_every_entry()
    {
        var values = new float[QTable.Size];
        var visits = new int[QTable.Size];
        foreach (var slot in Slots) (values[slot], visits[slot]) = (slot - 500f, slot % 3);
        var restored = new QTable();
        restored.Restore(values, visits);
        var peers = new QTable();
        peers.AddVisit(StateOf(300), ActionOf(300));
        var blended = new QTable();
        blended.BlendFrom(restored, peers);
        var read = QTable.FromBytes(restored.ToBytes());

        Assert.Equal(Reference(restored), restored.ToBytes());
        Assert.Equal(Reference(blended), blended.ToBytes());
        Assert.Contains(300, EncodedSlots(blended.ToBytes()));
        Assert.Equal(Reference(read), read.ToBytes());
    }

    private static LearningState StateOf(int slot) => LearningState.FromIndex(slot / QTable.ActionCount);

    private static ResponseAction ActionOf(int slot) => (ResponseAction)(slot % QTable.ActionCount);

    // The sparse form written by a walk over every slot, as it was before slots were tracked.
    private static byte[] Reference(QTable table)
    {
        var (values, visits) = table.Snapshot();
        var set = Enumerable.Range(0, QTable.Size).Where(i => values[i] != 0f || visits[i] != 0).ToArray();
        var bytes = new byte[13 + 4 + set.Length * 10 + 4];
        "ELQT"u8.CopyTo(bytes);
        bytes[4] = 2;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(5), LearningState.Count);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(9), QTable.ActionCount);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(13), set.Length);
        for (var e = 0; e < set.Length; e++)
        {
            var at = 17 + e * 10;
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at), (ushort)set[e]);
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at + 2), values[set[e]]);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at + 6), visits[set[e]]);
        }
        var hash = 2166136261u;
        foreach (var b in bytes.AsSpan(0, bytes.Length - 4)) { hash ^= b; hash *= 16777619; }
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4), hash);
        return bytes;
    }

    private static int[] EncodedSlots(byte[] bytes)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(13));
        return [.. Enumerable.Range(0, count).Select(e => (int)BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(17 + e * 10)))];
    }
}
