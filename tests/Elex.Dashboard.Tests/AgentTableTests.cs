using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Dashboard.Components;

namespace Elex.Dashboard.Tests;

public sealed class AgentTableTests : BunitContext
{
    private static AgentStats Agent(string code, string name, AgentLifecycle lifecycle, long interactions, long successes, float epsilon, int qEntries)
    {
        var feature = FeatureCode.Parse(code);
        return new AgentStats(AgentId.For(feature), feature, name, lifecycle, interactions, successes, 900, 0.8, DateTimeOffset.UnixEpoch)
        {
            Epsilon = epsilon,
            QTableEntries = qEntries,
        };
    }

    [Fact]
    public void One_row_per_agent_busiest_first_with_its_lifecycle_counters_and_learning()
    {
        AgentStats[] agents =
        [
            Agent("FAJ 121 2051", "TTI Bundling", AgentLifecycle.Offline, 4, 1, 0.0993f, 2),
            Agent("FAJ 121 3094", "MIMO Sleep Mode", AgentLifecycle.Ready, 120, 90, 0.05f, 17),
            Agent("FAJ 121 3046", "Carrier Aggregation", AgentLifecycle.ColdStart, 4, 4, 0.1f, 0),
        ];

        var cut = Render<AgentTable>(p => p.Add(c => c.Agents, agents));

        Assert.Equal("3 with a history", cut.Find("h2 small").TextContent);
        var rows = cut.FindAll("#agents tbody tr");
        // Most interactions first; a tie goes by agent id.
        Assert.Equal(["agent-row-agent-FAJ_121_3094", "agent-row-agent-FAJ_121_2051", "agent-row-agent-FAJ_121_3046"], rows.Select(r => r.Id));
        Assert.Equal(
        [
            ["FAJ 121 3094 MIMO Sleep Mode", "Ready", "120", "75 %", "0.0500", "17"],
            ["FAJ 121 2051 TTI Bundling", "Offline", "4", "25 %", "0.0993", "2"],
            ["FAJ 121 3046 Carrier Aggregation", "ColdStart", "4", "100 %", "0.1000", "0"],
        ], rows.Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()));
        Assert.Equal("120", rows[0].GetAttribute("data-interactions"));
        Assert.Equal("17", rows[0].GetAttribute("data-q-entries"));
    }

    [Fact]
    public void A_loaded_and_an_evicted_agent_are_told_apart_by_their_lifecycle()
    {
        var cut = Render<AgentTable>(p => p.Add(c => c.Agents,
        [
            Agent("FAJ 121 3094", "MIMO Sleep Mode", AgentLifecycle.Ready, 2, 2, 0.1f, 1),
            Agent("FAJ 121 2051", "TTI Bundling", AgentLifecycle.Offline, 1, 0, 0.1f, 1),
        ]));

        var loaded = cut.Find("#agent-row-agent-FAJ_121_3094 .lifecycle");
        var evicted = cut.Find("#agent-row-agent-FAJ_121_2051 .lifecycle");
        Assert.Contains("lifecycle-Ready", loaded.ClassList);
        Assert.Contains("lifecycle-Offline", evicted.ClassList);
        Assert.Equal("Offline", evicted.TextContent);
    }

    [Fact]
    public void An_agent_that_changes_is_shown_changed()
    {
        var cut = Render<AgentTable>(p => p.Add(c => c.Agents, [Agent("FAJ 121 3094", "MIMO Sleep Mode", AgentLifecycle.ColdStart, 1, 0, 0.1f, 0)]));

        cut.Render(p => p.Add(c => c.Agents, [Agent("FAJ 121 3094", "MIMO Sleep Mode", AgentLifecycle.ColdStart, 2, 1, 0.0995f, 1)]));

        var row = cut.Find("#agent-row-agent-FAJ_121_3094");
        Assert.Equal("2", row.QuerySelector(".interactions")!.TextContent);
        Assert.Equal("0.0995", row.QuerySelector(".epsilon")!.TextContent);
        Assert.Equal("1", row.QuerySelector(".q-entries")!.TextContent);
        Assert.Equal("50 %", row.QuerySelectorAll("td")[3].TextContent);
    }

    [Fact]
    public void No_agents_no_rows()
    {
        var cut = Render<AgentTable>(p => p.Add(c => c.Agents, []));

        Assert.Equal("0 with a history", cut.Find("h2 small").TextContent);
        Assert.Empty(cut.FindAll("#agents tbody tr"));
    }
}
