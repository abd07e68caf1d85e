using Elex.Core.Learning;

namespace Elex.Core.Agents;

/// <summary>
/// Turns feedback into learning: finds the experience behind the response (or the agent's last
/// one), checks the reward, and updates that agent's Q-learner and counters. A response has one
/// rating: rating it again replaces the first (the learner and the success count are corrected,
/// not given a second rating). Bad feedback changes nothing and says why. Not thread-safe: the
/// Learn stage applies feedback one record at a time.
/// </summary>
internal sealed class FeedbackLearner
{
    private readonly AgentRegistry _registry;
    private readonly ExperienceLog _experiences;

    // The swarm wires the learner to its own registry and experience log; nothing else can supply them.
    internal FeedbackLearner(AgentRegistry registry, ExperienceLog experiences)
    {
        _registry = registry;
        _experiences = experiences;
    }

    /// <summary>Applies one feedback record.</summary>
    public FeedbackResult Apply(Feedback feedback, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        if (!float.IsFinite(feedback.Reward) || feedback.Reward is < -1f or > 1f)
            return new(feedback, FeedbackStatus.InvalidReward, $"Reward {feedback.Reward} is outside [-1, 1]; nothing was learned.");

        Experience experience;
        if (!string.IsNullOrWhiteSpace(feedback.ResponseId))
        {
            if (!_experiences.TryGetByResponse(feedback.ResponseId, out experience))
                return new(feedback, FeedbackStatus.UnknownResponse, $"No response '{feedback.ResponseId}' is remembered (unknown, or older than the last {_experiences.Capacity}); nothing was learned.");
        }
        else if (!string.IsNullOrWhiteSpace(feedback.AgentId))
        {
            if (!AgentId.TryParse(feedback.AgentId, out var code) || !_registry.Knows(code))
                return new(feedback, FeedbackStatus.UnknownAgent, $"No agent '{feedback.AgentId}' in the catalog; nothing was learned.");
            if (!_experiences.TryGetLast(code, out experience))
                return new(feedback, FeedbackStatus.UnknownAgent, $"Agent '{feedback.AgentId}' has not answered yet; nothing was learned.", AgentId.For(code));
        }
        else
        {
            return new(feedback, FeedbackStatus.MissingTarget, "Feedback needs a response id or an agent id; nothing was learned.");
        }

        var learner = _registry.LearnerFor(experience.Feature);
        var agentId = AgentId.For(experience.Feature);
        if (learner is null) return new(feedback, FeedbackStatus.UnknownAgent, $"Learning is off; {agentId} learned nothing.", agentId);
        var previous = experience.Rating;
        Rating rating;
        if (previous is { } replaced)
        {
            learner.Relearn(experience.State, experience.Action, replaced, feedback.Reward, feedback.Success);
            rating = new Rating(feedback.Reward, feedback.Success, replaced.Outcome);
        }
        else
        {
            var next = experience.State with { Maturity = Maturity.From(learner.Interactions + 1, _registry.Learning!.ColdStartThreshold) };
            rating = new Rating(feedback.Reward, feedback.Success, learner.Learn(experience.State, experience.Action, feedback.Reward, next, feedback.Success, timestamp));
        }
        _experiences.Rate(experience.ResponseId, rating);
        _registry.CountersFor(experience.Feature).Rate(previous?.Success, feedback.Success);
        _registry.Peek(experience.Feature)?.RefreshLifecycle();
        var verdict = feedback.Success ? "counts as a success" : "counts as unsuccessful";
        var message = previous is { } old
            ? $"{agentId} learned reward {Format(feedback.Reward)} for {experience.Action}, replacing the earlier rating of {experience.ResponseId} (reward {Format(old.Reward)}): one rating per response; the answer {verdict}."
            : $"{agentId} learned reward {Format(feedback.Reward)} for {experience.Action}; the answer {verdict}.";
        return new(feedback, FeedbackStatus.Applied, message, agentId)
        {
            ResponseId = experience.ResponseId,
            Rating = rating,
            Replaced = previous,
            FromEarlierRun = experience.FromEarlierRun,
        };
    }

    private static string Format(float reward) => reward.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
