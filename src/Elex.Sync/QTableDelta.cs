using System.Collections.ObjectModel;
using Elex.Core.Learning;

namespace Elex.Sync;

/// <summary>
/// What one swarm publishes: for each of its agents, the Q-values and visit counts of the slots it
/// has visited. Despite the name it carries current values, not differences, so a receiver can
/// replace the origin's previous contribution instead of accumulating it — that is what makes
/// applying a delta twice harmless. Immutable and always valid.
/// </summary>
public sealed class QTableDelta
{
    /// <summary>The most agents in one delta: well above the catalog's 593 features, and a bound on what a peer can make us hold.</summary>
    public const int MaxAgents = 4096;

    /// <summary>The most learned routes in one delta (a router keeps at most 5,000).</summary>
    public const int MaxRoutes = 5_000;

    /// <summary>A delta; agents are sorted by id (ordinal), duplicates are rejected.</summary>
    /// <param name="origin">The public key of the publishing swarm (the key that signs it).</param>
    /// <param name="sequence">The origin's sequence number, non-negative and strictly increasing per origin.</param>
    /// <param name="createdUnixMs">When the delta was made, in Unix milliseconds; non-negative.</param>
    /// <param name="agents">The agents' parts.</param>
    /// <exception cref="ArgumentNullException">An argument or an agent is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The sequence or the time is negative.</exception>
    /// <exception cref="ArgumentException">An agent id appears twice, or there are more than <see cref="MaxAgents"/> agents.</exception>
    public QTableDelta(SwarmPublicKey origin, long sequence, long createdUnixMs, IEnumerable<AgentDelta> agents)
        : this(origin, sequence, createdUnixMs, agents, [])
    {
    }

    /// <summary>A delta that also shares learned routes (sorted into canonical order; duplicates dropped).</summary>
    /// <exception cref="ArgumentException">More than <see cref="MaxRoutes"/> routes, or the agents are invalid (see the other constructor).</exception>
    public QTableDelta(SwarmPublicKey origin, long sequence, long createdUnixMs, IEnumerable<AgentDelta> agents, IEnumerable<SharedRoute> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var sortedRoutes = routes.ToArray();
        if (Array.IndexOf(sortedRoutes, null) >= 0) throw new ArgumentNullException(nameof(routes), "A route is null.");
        Array.Sort(sortedRoutes, SharedRoute.Compare);
        sortedRoutes = sortedRoutes.Where((r, i) => i == 0 || SharedRoute.Compare(sortedRoutes[i - 1], r) != 0).ToArray();
        if (sortedRoutes.Length > MaxRoutes) throw new ArgumentException($"A delta holds at most {MaxRoutes} learned routes, got {sortedRoutes.Length}.", nameof(routes));
        Routes = Array.AsReadOnly(sortedRoutes);
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentOutOfRangeException.ThrowIfNegative(createdUnixMs);
        var sorted = agents.ToArray();
        if (Array.IndexOf(sorted, null) >= 0) throw new ArgumentNullException(nameof(agents), "An agent delta is null.");
        if (sorted.Length > MaxAgents) throw new ArgumentException($"A delta holds at most {MaxAgents} agents, got {sorted.Length}.", nameof(agents));
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.AgentId, b.AgentId));
        for (var i = 1; i < sorted.Length; i++)
            if (sorted[i].AgentId == sorted[i - 1].AgentId)
                throw new ArgumentException($"Agent '{sorted[i].AgentId}' appears twice in the delta.", nameof(agents));
        Origin = origin;
        Sequence = sequence;
        CreatedUnixMs = createdUnixMs;
        Agents = Array.AsReadOnly(sorted);
    }

    /// <summary>The public key of the swarm that made (and signed) the delta.</summary>
    public SwarmPublicKey Origin { get; }

    /// <summary>The origin's sequence number; receivers accept only increasing ones per origin.</summary>
    public long Sequence { get; }

    /// <summary>When the delta was made, in Unix milliseconds (informational: ordering uses <see cref="Sequence"/>, because clocks drift).</summary>
    public long CreatedUnixMs { get; }

    /// <summary><see cref="CreatedUnixMs"/> as a time.</summary>
    public DateTimeOffset Created => DateTimeOffset.FromUnixTimeMilliseconds(CreatedUnixMs);

    /// <summary>The agents' parts, sorted by agent id (ordinal).</summary>
    public ReadOnlyCollection<AgentDelta> Agents { get; }

    /// <summary>The questions the origin's engineers confirmed, by feature (canonical order).</summary>
    public ReadOnlyCollection<SharedRoute> Routes { get; }

    /// <summary>
    /// The delta of a swarm's tables: every visited slot of every table. Agents that have visited
    /// nothing are left out (they would contribute no weight).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument, an agent id or a table is null.</exception>
    /// <exception cref="ArgumentException">An agent id is invalid or repeated, or there are too many agents.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The sequence or the time is negative.</exception>
    public static QTableDelta FromTables(SwarmPublicKey origin, long sequence, long createdUnixMs, IEnumerable<(string AgentId, QTable Table)> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var agents = new List<AgentDelta>();
        foreach (var (agentId, table) in tables)
            if (AgentDelta.FromTable(agentId, table) is { } agent) agents.Add(agent);
        return new QTableDelta(origin, sequence, createdUnixMs, agents);
    }
}
