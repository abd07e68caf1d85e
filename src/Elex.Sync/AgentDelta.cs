using System.Globalization;
using System.Collections.ObjectModel;
using System.Text;
using Elex.Core.Learning;

namespace Elex.Sync;

/// <summary>
/// One agent's part of a <see cref="QTableDelta"/>: its id and the visited slots of its Q-table,
/// sorted by slot index. Immutable and always valid, so a delta that was built can be encoded.
/// </summary>
public sealed class AgentDelta
{
    /// <summary>The longest agent id, in UTF-8 bytes; ids are short (<c>agent-FAJ_121_3094</c>) and the cap bounds what a peer can make us hold.</summary>
    public const int MaxAgentIdBytes = 128;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>An agent's slots; they are sorted by slot index, duplicates are rejected.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The id is empty, too long or has control characters, there are no slots, or a slot is out of range, duplicated, not finite or has fewer than one visit.</exception>
    public AgentDelta(string agentId, IEnumerable<DeltaSlot> slots)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        ArgumentNullException.ThrowIfNull(slots);
        if (AgentIdError(agentId) is { } idError) throw new ArgumentException(idError, nameof(agentId));
        var sorted = slots.ToArray();
        Array.Sort(sorted, static (a, b) => a.Slot.CompareTo(b.Slot));
        if (sorted.Length == 0) throw new ArgumentException($"Agent '{agentId}' has no slots; leave unvisited agents out of the delta.", nameof(slots));
        for (var i = 0; i < sorted.Length; i++)
        {
            if (SlotError(sorted[i]) is { } slotError) throw new ArgumentException($"Agent '{agentId}': {slotError}", nameof(slots));
            if (i > 0 && sorted[i].Slot == sorted[i - 1].Slot)
                throw new ArgumentException($"Agent '{agentId}': slot {sorted[i].Slot} appears twice.", nameof(slots));
        }
        AgentId = agentId;
        Slots = Array.AsReadOnly(sorted);
    }

    /// <summary>The agent's id (<c>agent-FAJ_121_3094</c>).</summary>
    public string AgentId { get; }

    /// <summary>The visited slots, sorted by slot index.</summary>
    public ReadOnlyCollection<DeltaSlot> Slots { get; }

    /// <summary>The visited slots of a table (visits &gt; 0), or null when the agent has visited nothing.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The id is not valid (see the constructor).</exception>
    public static AgentDelta? FromTable(string agentId, QTable table)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        ArgumentNullException.ThrowIfNull(table);
        if (AgentIdError(agentId) is { } idError) throw new ArgumentException(idError, nameof(agentId));
        var (values, visits) = table.Snapshot();
        var slots = new List<DeltaSlot>();
        for (var i = 0; i < QTable.Size; i++)
            if (visits[i] > 0) slots.Add(new DeltaSlot(i, values[i], visits[i]));
        return slots.Count == 0 ? null : new AgentDelta(agentId, slots);
    }

    internal static string? AgentIdError(string agentId)
    {
        if (agentId.Length == 0) return "An agent id is empty.";
        foreach (var c in agentId)
            if (char.IsControl(c)) return $"Agent id '{Printable(agentId)}' has a control character (U+{(int)c:X4}).";
        int bytes;
        try
        {
            bytes = StrictUtf8.GetByteCount(agentId);
        }
        catch (EncoderFallbackException)
        {
            return $"Agent id '{Printable(agentId)}' is not valid Unicode (unpaired surrogate).";
        }
        return bytes > MaxAgentIdBytes ? $"Agent id '{Printable(agentId)}' is {bytes} UTF-8 bytes; the limit is {MaxAgentIdBytes}." : null;
    }

    internal static string? SlotError(DeltaSlot slot)
    {
        if ((uint)slot.Slot >= QTable.Size) return $"slot {slot.Slot} is outside [0, {QTable.Size}).";
        if (!float.IsFinite(slot.Value)) return $"the Q-value of slot {slot.Slot} is not finite ({slot.Value.ToString(CultureInfo.InvariantCulture)}).";
        if (slot.Visits < 1) return $"the visit count of slot {slot.Slot} is {slot.Visits}; it must be at least 1.";
        return null;
    }

    internal static UTF8Encoding Utf8 => StrictUtf8;

    // Ids come from peers; keep messages readable whatever they contain.
    internal static string Printable(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, 64));
        foreach (var c in text.Length <= 64 ? text : text[..61])
            builder.Append(char.IsControl(c) ? '?' : c);
        if (text.Length > 64) builder.Append("...");
        return builder.ToString();
    }
}
