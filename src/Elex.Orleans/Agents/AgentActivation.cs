using System.Diagnostics;
using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Core.Queries;
using Elex.Orleans.Contracts;
using Elex.Orleans.Hosting;
using Elex.Orleans.Storage;

namespace Elex.Orleans.Agents;

/// <summary>
/// One feature agent as a grain activation holds it: the agent, its counters and learner restored
/// from grain state, and the ratings in effect by response id. Plain C#, one caller at a time (the
/// grain's turn-based scheduling), so it can be tested without a cluster.
/// </summary>
internal sealed class AgentActivation
{
    private readonly ElexAgentSettings _settings;
    private readonly AgentCounters _counters;
    private readonly QLearner? _learner;
    private readonly List<StoredExperienceState> _ratings;

    private AgentActivation(ElexAgentSettings settings, Feature feature, AgentCounters counters, QLearner? learner, List<StoredExperienceState> ratings)
    {
        _settings = settings;
        _counters = counters;
        _learner = learner;
        _ratings = ratings;
        Agent = new FeatureAgent(settings.Catalog, feature, settings.ColdStartThreshold, counters, learner);
    }

    /// <summary>The agent.</summary>
    public FeatureAgent Agent { get; }

    /// <summary>The agent for <paramref name="feature"/> with what <paramref name="state"/> says it learned (a new agent for an empty state).</summary>
    /// <exception cref="FormatException">The stored state is corrupt; the message names the agent and what.</exception>
    public static AgentActivation Restore(ElexAgentSettings settings, Feature feature, AgentGrainState state)
    {
        var counters = new AgentCounters();
        QLearner? learner = settings.Learning is { } options ? new QLearner(options) : null;
        if (state.AgentId.Length == 0) return new AgentActivation(settings, feature, counters, learner, []);
        var agentId = AgentId.For(feature.Code);
        if (state.AgentId != agentId) throw new FormatException($"grain state of {agentId} describes {state.AgentId}");
        try
        {
            counters.Restore(state.Interactions, state.Successes, state.LatencySumUs, state.ConfidenceSum, state.LastActive);
            counters.RestoreRatings(state.Rated, state.RatedUnsuccessful);
            if (learner is not null && state.Learner is { } stored) learner = AgentGrainStateLearner.Restore(state, stored, settings.Learning!);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"grain state of {agentId} is inconsistent: {e.Message}", e);
        }
        return new AgentActivation(settings, feature, counters, learner, [.. state.Experiences]);
    }

    /// <summary>Answers a routed question and counts the interaction.</summary>
    /// <exception cref="ArgumentException">The question is malformed; the message says how.</exception>
    public AgentReply Answer(AgentQuestion question, string silo, DateTimeOffset now)
    {
        var context = AgentQuestions.ToContext(question, _settings.Catalog);
        var started = Stopwatch.GetTimestamp();
        var answer = Agent.Answer(context);
        Agent.RecordInteraction(Stopwatch.GetElapsedTime(started).Ticks / 10.0, question.RouteConfidence, success: true, now);
        return AgentQuestions.ToReply(question.ResponseId, Agent, answer, silo);
    }

    /// <summary>
    /// Applies a rating to the learner and the counters; a rating already in effect changes nothing
    /// (<see cref="LearnReply.Repeated"/>), a different rating of the same response replaces it.
    /// </summary>
    /// <exception cref="ArgumentException">The feedback is malformed; the message says what.</exception>
    /// <exception cref="InvalidOperationException">Learning is off.</exception>
    public LearnReply Learn(AgentFeedback feedback, string silo, long timestamp)
    {
        var (state, action) = AgentFeedbackCheck.Validate(feedback, Agent.Id);
        var learner = _learner ?? throw new InvalidOperationException($"Learning is off on this cluster; {Agent.Id} learned nothing.");
        var index = _ratings.FindIndex(e => e.ResponseId == feedback.ResponseId);
        if (index >= 0 && _ratings[index] is { Reward: { } r, Success: { } s, Outcome: { } o } && r == feedback.Reward && s == feedback.Success)
            return Reply(feedback, o, null, silo, repeated: true, $"{Agent.Id} already had this rating of {feedback.ResponseId}; nothing changed.");

        Rating? previous = index >= 0 && _ratings[index] is { Reward: { } pr, Success: { } ps, Outcome: { } po } ? new Rating(pr, ps, po) : null;
        long outcome;
        if (previous is { } replaced)
        {
            // The response's own state and action are what the first rating taught; the correction teaches the same pair.
            var earlier = _ratings[index];
            learner.Relearn(LearningState.FromIndex(earlier.State), (ResponseAction)earlier.Action, replaced, feedback.Reward, feedback.Success);
            outcome = replaced.Outcome;
        }
        else
        {
            var next = state with { Maturity = Maturity.From(learner.Interactions + 1, _settings.ColdStartThreshold) };
            outcome = learner.Learn(state, action, feedback.Reward, next, feedback.Success, timestamp);
        }
        // An entry without a rating (a local swarm's stored experience) is replaced too: one entry per response.
        if (index >= 0) _ratings.RemoveAt(index);
        _ratings.Add(new StoredExperienceState
        {
            ResponseId = feedback.ResponseId, State = state.Index, Action = (int)action, Timestamp = timestamp,
            Reward = feedback.Reward, Success = feedback.Success, Outcome = outcome,
        });
        if (_ratings.Count > _settings.RatingsKept) _ratings.RemoveRange(0, _ratings.Count - _settings.RatingsKept);
        _counters.Rate(previous?.Success, feedback.Success);
        Agent.RefreshLifecycle();
        var message = previous is { } old
            ? $"{Agent.Id} learned reward {feedback.Reward:0.##} for {action}, replacing the earlier rating of {feedback.ResponseId} (reward {old.Reward:0.##})."
            : $"{Agent.Id} learned reward {feedback.Reward:0.##} for {action}.";
        return Reply(feedback, outcome, previous, silo, repeated: false, message);
    }

    /// <summary>Everything the agent has learned and counted, as grain state.</summary>
    public AgentGrainState Capture()
    {
        var (interactions, successes, latencySum, confidenceSum, lastActive) = _counters.Read();
        var (rated, ratedUnsuccessful) = _counters.ReadRatings();
        var state = new AgentGrainState
        {
            AgentId = Agent.Id, FeatureCode = Agent.Feature.Code.Value,
            Interactions = interactions, Successes = successes, LatencySumUs = latencySum, ConfidenceSum = confidenceSum, LastActive = lastActive,
            Rated = rated, RatedUnsuccessful = ratedUnsuccessful, Experiences = [.. _ratings],
        };
        if (_learner is not null) AgentGrainStateLearner.Capture(_learner, state);
        return state;
    }

    /// <summary>The agent's numbers.</summary>
    public AgentGrainStatus Status(string silo) => new()
    {
        AgentId = Agent.Id, Silo = silo,
        Interactions = _counters.Read().Interactions, Rated = _counters.ReadRatings().Rated,
        Learned = _learner?.Interactions ?? 0, Epsilon = _learner?.Epsilon ?? 0, QTableEntries = _learner?.QTableEntries ?? 0,
        Trajectories = _learner?.TrajectoryCount ?? 0,
    };

    private LearnReply Reply(AgentFeedback feedback, long outcome, Rating? replaced, string silo, bool repeated, string message) => new()
    {
        AgentId = Agent.Id, ResponseId = feedback.ResponseId, Message = message, Reward = feedback.Reward, Success = feedback.Success,
        Outcome = outcome, ReplacedReward = replaced?.Reward, ReplacedSuccess = replaced?.Success, Repeated = repeated, Silo = silo,
    };
}
