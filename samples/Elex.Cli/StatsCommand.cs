using System.CommandLine;
using Elex.Core.Telemetry;
using Elex.Streams;

namespace Elex.Cli;

/// <summary><c>elex stats [--agent CODE]</c>: what the agents have experienced so far (from the store).</summary>
internal static class StatsCommand
{
    public static Command Create(Option<string?> catalogOption, Option<string?> dataOption, TextWriter output, TextWriter error)
    {
        var agent = new Option<string?>("--agent") { Description = "One agent, by agent id or feature code (FAJ 121 3094)." };
        var top = OptionValues.WholeNumber("--top", "Agents listed, most interactions first.", 20, minimum: 1);
        var command = new Command("stats", "Show agent and swarm statistics kept in the data directory.") { agent, top };
        command.SetAction(async (parse, cancellation) =>
        {
            var source = CatalogSource.Open(parse.GetValue(catalogOption));
            await using var host = await SwarmHost.StartAsync(source, new SwarmConfig(), parse.GetValue(dataOption), error, cancellation);
            var swarm = host.Swarm;
            if (parse.GetValue(agent) is { } id)
            {
                if (swarm.GetAgentStats(id) is not { } s)
                {
                    error.WriteLine($"elex stats: no agent '{id}' in the catalog (use an agent id like agent-FAJ_121_3094 or a feature code).");
                    return ExitCodes.Usage;
                }
                output.WriteLine($"{s.AgentId}  {s.FeatureName} ({s.FeatureCode})");
                output.WriteLine($"  lifecycle {s.Lifecycle}, interactions {s.Interactions}, successes {s.Successes} ({s.SuccessRate:P0}), rated {s.Rated} ({s.RatedUnsuccessful} unsuccessful), avg latency {Durations.FromMicroseconds(s.AverageLatencyUs)}, avg confidence {s.AverageConfidence:0.00}");
                var learned = swarm.Registry.LearnerFor(s.FeatureCode)?.Interactions ?? 0;
                output.WriteLine($"  learning: feedback learned {learned}, epsilon {s.Epsilon:0.0000}, Q-table entries {s.QTableEntries}, trajectories {s.TrajectoryCount}");
                return ExitCodes.Ok;
            }
            var agents = swarm.Registry.AllCounters()
                .Select(x => swarm.GetAgentStats(x.Feature.Code.Value)!)
                .OrderByDescending(s => s.Interactions).ThenBy(s => s.AgentId, StringComparer.Ordinal).ToList();
            var store = await host.Store.GetStatisticsAsync(cancellation);
            output.WriteLine($"agents known {host.Catalog.Count}, with history {agents.Count}; interactions {agents.Sum(a => a.Interactions)}, successes {agents.Sum(a => a.Successes)}, rated {agents.Sum(a => a.Rated)} ({agents.Sum(a => a.RatedUnsuccessful)} unsuccessful)");
            output.WriteLine($"store {host.StorePath}{(host.Store is Elex.Storage.Encryption.EncryptedAgentStore ? " (encrypted)" : "")}: schema {store.SchemaVersion}, agent_state {store.AgentStates.Records} records / {store.AgentStates.Bytes} bytes, q_tables {store.QTables.Records}, trajectories {store.Trajectories.Records}");
            foreach (var s in agents.Take(parse.GetValue(top)))
                output.WriteLine($"  {s.FeatureCode}  {s.Interactions,6} interactions  {s.SuccessRate,5:P0} success  {Durations.FromMicroseconds(s.AverageLatencyUs),10}  {s.FeatureName}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
