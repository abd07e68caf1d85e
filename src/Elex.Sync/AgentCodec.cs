using System.Globalization;
using System.Text;
using Elex.Core.Learning;

namespace Elex.Sync;

/// <summary>
/// The wire form of one <see cref="AgentDelta"/>, shared by the delta and the ledger formats:
/// id length (u8), id (UTF-8), slot count (u16), then per slot index (u16), Q (f32), visits (i32).
/// </summary>
internal static class AgentCodec
{
    public const int SlotLength = 2 + 4 + 4;

    // Id length, a one-byte id, slot count, one slot: lets a decoder reject an absurd agent count before allocating.
    public const int MinLength = 1 + 1 + 2 + SlotLength;

    public static int Length(AgentDelta agent) =>
        1 + AgentDelta.Utf8.GetByteCount(agent.AgentId) + 2 + agent.Slots.Count * SlotLength;

    public static void Write(ref WireWriter writer, AgentDelta agent)
    {
        var id = AgentDelta.Utf8.GetBytes(agent.AgentId);
        writer.U8((byte)id.Length);
        writer.Bytes(id);
        writer.U16((ushort)agent.Slots.Count);
        foreach (var slot in agent.Slots)
        {
            writer.U16((ushort)slot.Slot);
            writer.F32(slot.Value);
            writer.I32(slot.Visits);
        }
    }

    /// <summary>Reads one agent, checking it sorts strictly after <paramref name="previousId"/> (the canonical order).</summary>
    public static AgentDelta Read(ref WireReader reader, string? previousId, int index)
    {
        var at = reader.Offset;
        var idLength = reader.U8($"the id length of agent #{index}");
        if (idLength == 0)
            throw reader.FailAt(at, DeltaFormatError.InvalidAgentId, $"Agent #{index} has an empty id (offset {at}).");
        if (idLength > AgentDelta.MaxAgentIdBytes)
            throw reader.FailAt(at, DeltaFormatError.InvalidAgentId, $"Agent #{index} has a {idLength}-byte id; the limit is {AgentDelta.MaxAgentIdBytes} (offset {at}).");
        var idAt = reader.Offset;
        var idBytes = reader.Take(idLength, $"the id of agent #{index}");
        string id;
        try
        {
            id = AgentDelta.Utf8.GetString(idBytes);
        }
        catch (DecoderFallbackException)
        {
            throw reader.FailAt(idAt, DeltaFormatError.InvalidAgentId, $"The id of agent #{index} is not valid UTF-8 (offset {idAt}).");
        }
        if (AgentDelta.AgentIdError(id) is { } idError)
            throw reader.FailAt(idAt, DeltaFormatError.InvalidAgentId, $"Agent #{index}: {idError} (offset {idAt}).");
        if (previousId is not null)
        {
            var order = string.CompareOrdinal(id, previousId);
            if (order == 0)
                throw reader.FailAt(idAt, DeltaFormatError.DuplicateAgent, $"Agent '{AgentDelta.Printable(id)}' appears twice (agent #{index}, offset {idAt}).");
            if (order < 0)
                throw reader.FailAt(idAt, DeltaFormatError.AgentsOutOfOrder, $"Agent '{AgentDelta.Printable(id)}' (#{index}) sorts before '{AgentDelta.Printable(previousId)}'; agents must be in ascending ordinal order (offset {idAt}).");
        }

        var countAt = reader.Offset;
        var count = reader.U16($"the slot count of agent '{AgentDelta.Printable(id)}'");
        if (count == 0)
            throw reader.FailAt(countAt, DeltaFormatError.EmptyAgent, $"Agent '{AgentDelta.Printable(id)}' has no slots (offset {countAt}).");
        if (count > QTable.Size)
            throw reader.FailAt(countAt, DeltaFormatError.TooLarge, $"Agent '{AgentDelta.Printable(id)}' declares {count} slots; a Q-table has {QTable.Size} (offset {countAt}).");
        reader.Require((long)count * SlotLength, $"the {count} slots of agent '{AgentDelta.Printable(id)}'");

        var slots = new DeltaSlot[count];
        for (var i = 0; i < count; i++)
        {
            var slotAt = reader.Offset;
            var slot = reader.U16("a slot index");
            var value = reader.F32("a Q-value");
            var visits = reader.I32("a visit count");
            var where = $"agent '{AgentDelta.Printable(id)}', slot {slot} (offset {slotAt})";
            if (slot >= QTable.Size)
                throw reader.FailAt(slotAt, DeltaFormatError.SlotOutOfRange, $"Slot index {slot} is outside [0, {QTable.Size}) in agent '{AgentDelta.Printable(id)}' (offset {slotAt}).");
            if (i > 0 && slot == slots[i - 1].Slot)
                throw reader.FailAt(slotAt, DeltaFormatError.DuplicateSlot, $"Slot {slot} appears twice in agent '{AgentDelta.Printable(id)}' (offset {slotAt}).");
            if (i > 0 && slot < slots[i - 1].Slot)
                throw reader.FailAt(slotAt, DeltaFormatError.SlotsOutOfOrder, $"Slot {slot} follows slot {slots[i - 1].Slot} in agent '{AgentDelta.Printable(id)}'; slots must be ascending (offset {slotAt}).");
            if (!float.IsFinite(value))
                throw reader.FailAt(slotAt + 2, DeltaFormatError.NonFiniteValue, $"The Q-value of {where} is not finite ({value.ToString(CultureInfo.InvariantCulture)}).");
            if (visits < 1)
                throw reader.FailAt(slotAt + 6, DeltaFormatError.InvalidVisits, $"The visit count of {where} is {visits}; it must be at least 1.");
            slots[i] = new DeltaSlot(slot, value, visits);
        }
        return new AgentDelta(id, slots);
    }
}
