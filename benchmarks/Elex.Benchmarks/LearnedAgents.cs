using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Core.Queries;
using Elex.Storage;
using Elex.Streams.Persistence;

namespace Elex.Benchmarks;

/// <summary>
/// Every agent of a catalog after some use, built the way the swarm builds it: counters recorded
/// per answer, a Q-learner fed <see cref="LearnsPerAgent"/> rewarded feedbacks (ε-greedy actions,
/// maturity rising with the interactions, as <see cref="FeedbackLearner"/> does) and the newest
/// experiences kept in an <see cref="ExperienceLog"/> for persistence. Deterministic for a seed.
/// </summary>
internal sealed class LearnedAgents
{
    /// <summary>Feedbacks each agent has learned from.</summary>
    public const int LearnsPerAgent = 100;

    private readonly ExperienceLog _experiences;

    private LearnedAgents(IReadOnlyList<Feature> features, AgentCounters[] counters, QLearner[] learners, ExperienceLog experiences)
    {
        Features = features;
        Counters = counters;
        Learners = learners;
        _experiences = experiences;
    }

    /// <summary>The catalog's features, in catalog order.</summary>
    public IReadOnlyList<Feature> Features { get; }

    /// <summary>Each feature's counters.</summary>
    public AgentCounters[] Counters { get; }

    /// <summary>Each feature's learner.</summary>
    public QLearner[] Learners { get; }

    /// <summary>Builds the learned agents of every feature of <paramref name="catalog"/>.</summary>
    public static LearnedAgents Build(FeatureCatalog catalog, QLearningOptions options, int seed)
    {
        var features = catalog.Features.ToArray();
        var counters = new AgentCounters[features.Length];
        var learners = new QLearner[features.Length];
        var experiences = new ExperienceLog();
        var random = new Random(seed);
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var a = 0; a < features.Length; a++)
        {
            counters[a] = new AgentCounters();
            learners[a] = new QLearner(options with { Seed = seed + a });
            for (var i = 0; i < LearnsPerAgent; i++)
            {
                var confidence = random.NextSingle();
                var state = LearningState.Create((QueryType)random.Next(6), (Complexity)random.Next(3), confidence, i, options.ColdStartThreshold);
                var action = learners[a].Choose(state);
                var success = random.NextDouble() < 0.75;
                var reward = success ? 0.5f + 0.5f * random.NextSingle() : -random.NextSingle();
                var next = state with { Maturity = Maturity.From(i + 1, options.ColdStartThreshold) };
                var at = start.AddSeconds(a * LearnsPerAgent + i);
                counters[a].Record(200 + 800 * random.NextDouble(), confidence, success, at);
                experiences.Add(new Experience($"r-{a}-{i}", features[a].Code, state, action, at.ToUnixTimeMilliseconds()));
                learners[a].Learn(state, action, reward, next, success, at.ToUnixTimeMilliseconds());
            }
        }
        return new LearnedAgents(features, counters, learners, experiences);
    }

    /// <summary>All agents' records as one batch, as the swarm's state writer makes it.</summary>
    public StoreBatch ToBatch()
    {
        var states = new List<AgentStateRecord>(Features.Count);
        var tables = new List<QTableRecord>(Features.Count);
        var trajectories = new List<TrajectoryRecord>(Features.Count * LearnsPerAgent);
        for (var a = 0; a < Features.Count; a++)
        {
            var (state, table, agentTrajectories) = AgentStateDocument.ToRecords(Features[a], Counters[a], Learners[a], _experiences.Recent(Features[a].Code));
            states.Add(state);
            if (table is not null) tables.Add(table);
            trajectories.AddRange(agentTrajectories);
        }
        return new StoreBatch { AgentStates = states, QTables = tables, Trajectories = trajectories };
    }

    /// <summary>Each agent's id and a copy of its Q-table, in catalog order.</summary>
    public (string AgentId, QTable Table)[] Tables()
    {
        var tables = new (string, QTable)[Features.Count];
        for (var a = 0; a < Features.Count; a++)
        {
            var snapshot = Learners[a].Snapshot();
            var table = new QTable();
            table.Restore(snapshot.QValues, snapshot.Visits);
            tables[a] = (AgentId.For(Features[a].Code), table);
        }
        return tables;
    }
}
