using Elex.Core.Learning;

namespace Elex.Sync.Tests;

public sealed class DeltaModelTests
{
    [Fact]
    public void From_tables_keeps_only_visited_slots_and_agents_sorted()
    {
        var origin = TestData.Identity(1);
        var visited = TestData.Table((5, 0.5f, 2), (3, -1f, 1));
        var values = new float[QTable.Size];
        values[9] = 0.7f; // a value without visits carries no weight: left out
        var unvisited = new QTable();
        unvisited.Restore(values, new int[QTable.Size]);

        var delta = QTableDelta.FromTables(origin.PublicKey, 4, 1234, [("b-agent", visited), ("a-agent", unvisited), ("a-other", visited)]);

        Assert.Equal(origin.PublicKey, delta.Origin);
        Assert.Equal(4, delta.Sequence);
        Assert.Equal(1234, delta.CreatedUnixMs);
        Assert.Equal(["a-other", "b-agent"], delta.Agents.Select(a => a.AgentId));
        Assert.Equal([new DeltaSlot(3, -1f, 1), new DeltaSlot(5, 0.5f, 2)], delta.Agents[1].Slots);
    }

    [Fact]
    public void Invalid_parts_are_rejected_when_built()
    {
        var key = TestData.Identity(1).PublicKey;
        var agent = new AgentDelta("a", [new DeltaSlot(1, 0f, 1)]);

        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => new QTableDelta(key, 1, 0, [agent, agent])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new QTableDelta(key, -1, 0, [agent]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QTableDelta(key, 1, -5, [agent]));
        Assert.Throws<ArgumentNullException>(() => new QTableDelta(key, 1, 0, [null!]));

        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => new AgentDelta("", [new DeltaSlot(1, 0f, 1)])).Message, StringComparison.Ordinal);
        Assert.Contains("control", Assert.Throws<ArgumentException>(() => new AgentDelta("a\nb", [new DeltaSlot(1, 0f, 1)])).Message, StringComparison.Ordinal);
        Assert.Contains("129 UTF-8 bytes", Assert.Throws<ArgumentException>(() => new AgentDelta(new string('x', 129), [new DeltaSlot(1, 0f, 1)])).Message, StringComparison.Ordinal);
        Assert.Contains("no slots", Assert.Throws<ArgumentException>(() => new AgentDelta("a", [])).Message, StringComparison.Ordinal);
        Assert.Contains("outside", Assert.Throws<ArgumentException>(() => new AgentDelta("a", [new DeltaSlot(QTable.Size, 0f, 1)])).Message, StringComparison.Ordinal);
        Assert.Contains("not finite", Assert.Throws<ArgumentException>(() => new AgentDelta("a", [new DeltaSlot(1, float.NaN, 1)])).Message, StringComparison.Ordinal);
        Assert.Contains("at least 1", Assert.Throws<ArgumentException>(() => new AgentDelta("a", [new DeltaSlot(1, 0f, 0)])).Message, StringComparison.Ordinal);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => new AgentDelta("a", [new DeltaSlot(1, 0f, 1), new DeltaSlot(1, 2f, 1)])).Message, StringComparison.Ordinal);

        var tooMany = Enumerable.Range(0, QTableDelta.MaxAgents + 1).Select(i => new AgentDelta($"a{i}", [new DeltaSlot(0, 0f, 1)]));
        Assert.Contains("at most", Assert.Throws<ArgumentException>(() => new QTableDelta(key, 1, 0, tooMany)).Message, StringComparison.Ordinal);
    }
}
