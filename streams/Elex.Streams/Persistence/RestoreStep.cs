using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Storage;

namespace Elex.Streams.Persistence;

/// <summary>
/// Loads what a store holds into the registry and the experience log before the swarm answers. A
/// corrupt record is quarantined and named, never fatal: everything else loads.
/// </summary>
internal static class RestoreStep
{
    /// <summary>Restores agent counters, experiences and learners; returns what could not be restored.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(IAgentStore store, FeatureCatalog catalog, AgentRegistry registry, ExperienceLog experiences, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var tables = (await store.LoadQTablesAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(t => t.AgentId, t => t.Data, StringComparer.Ordinal);
        var trajectories = (await store.LoadTrajectoriesAsync(null, cancellationToken).ConfigureAwait(false))
            .GroupBy(t => t.AgentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<TrajectoryRecord>)g.ToList(), StringComparer.Ordinal);
        var notInCatalog = new List<string>();
        foreach (var record in await store.LoadAgentStatesAsync(cancellationToken).ConfigureAwait(false))
        {
            var (document, error) = AgentStateDocument.Parse(record);
            if (document is null)
            {
                // Kept aside under its name before a later write of that agent replaces it.
                await store.SetSettingAsync($"quarantine/{record.AgentId}", record.Json, cancellationToken).ConfigureAwait(false);
                problems.Add($"{error} (quarantined as setting quarantine/{record.AgentId})");
                continue;
            }
            if (!FeatureCode.TryParse(document.FeatureCode, out var code) || !catalog.Contains(code))
            {
                notInCatalog.Add(document.FeatureCode);
                continue;
            }
            registry.CountersFor(code).Restore(document.Interactions, document.Successes, document.LatencySumUs, document.ConfidenceSum, document.LastActive);
            registry.CountersFor(code).RestoreRatings(document.Rated, document.RatedUnsuccessful);
            foreach (var experience in document.RestoreExperiences(code)) experiences.Add(experience);
            if (registry.Learning is not { } options || document.Learner is null) continue;
            if (!tables.TryGetValue(record.AgentId, out var table))
            {
                problems.Add($"q_tables record {record.AgentId} is missing; the agent starts learning afresh");
                continue;
            }
            try
            {
                registry.RestoreLearner(code, document.RestoreLearner(table, trajectories.GetValueOrDefault(record.AgentId) ?? [], options));
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                problems.Add($"learner of {record.AgentId} is corrupt ({e.Message}); the agent starts learning afresh");
            }
        }
        if (notInCatalog.Count > 0) problems.Add(StoredAgentsOutsideCatalog.Describe(notInCatalog));
        return problems;
    }
}
