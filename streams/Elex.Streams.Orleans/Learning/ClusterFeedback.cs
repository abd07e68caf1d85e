using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Orleans.Contracts;
using Elex.Streams.Orleans.Operators;

namespace Elex.Streams.Orleans.Learning;

/// <summary>
/// Feedback on a clustered swarm's answers: checked here, then sent to the agent grain that answered,
/// which learns and stores the learning before it replies. An Applied result is durable: it survives
/// the silo that learned it. A cluster fault is retried (learning is idempotent by response id); a
/// grain that could not store what it learned is reported as Failed, with nothing learned.
/// </summary>
internal sealed class ClusterFeedback(IGrainFactory grains, FeatureCatalog catalog, RecentResponses recent, ClusterSwarmOptions options, IScheduler scheduler)
{
    /// <summary>What the feedback did.</summary>
    public async Task<FeedbackResult> ApplyAsync(Feedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        if (!float.IsFinite(feedback.Reward) || feedback.Reward is < -1f or > 1f)
            return new(feedback, FeedbackStatus.InvalidReward, $"Reward {feedback.Reward} is outside [-1, 1]; nothing was learned.");
        if (Target(feedback) is not ({ } responseId, { } answered)) return Untargeted(feedback);
        if (answered.LearningState < 0) return new(feedback, FeedbackStatus.UnknownAgent, $"Learning is off; {answered.AgentId} learned nothing.", answered.AgentId);

        var grain = grains.GetGrain<IFeatureAgentGrain>(answered.AgentId);
        var sent = new AgentFeedback { ResponseId = responseId, Reward = feedback.Reward, Success = feedback.Success, LearningState = answered.LearningState, Strategy = answered.Strategy };
        try
        {
            var reply = await Observable.FromAsync(() => grain.LearnAsync(sent))
                .RetryTransient(options.CallAttempts, options.RetryDelay, scheduler)
                .ToTask(cancellationToken).ConfigureAwait(false);
            return new FeedbackResult(feedback, FeedbackStatus.Applied, reply.Message, reply.AgentId)
            {
                ResponseId = reply.ResponseId,
                Rating = new Rating(reply.Reward, reply.Success, reply.Outcome),
                Replaced = reply is { ReplacedReward: { } reward, ReplacedSuccess: { } success } ? new Rating(reward, success, reply.Outcome) : null,
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new(feedback, FeedbackStatus.Failed, ClusterFaults.IsTransient(e)
                ? $"The cluster did not reach {answered.AgentId} after {options.CallAttempts} attempts ({e.Message}); nothing acknowledged, send the feedback again."
                : e.Message, answered.AgentId) { ResponseId = responseId };
        }
    }

    private (string? ResponseId, AnsweredBy? Answered) Target(Feedback feedback)
    {
        if (!string.IsNullOrWhiteSpace(feedback.ResponseId))
            return recent.TryGet(feedback.ResponseId, out var byResponse) ? (feedback.ResponseId, byResponse) : default;
        if (!string.IsNullOrWhiteSpace(feedback.AgentId) && AgentId.TryParse(feedback.AgentId, out var code) && catalog.Contains(code)
            && recent.TryGetLast(AgentId.For(code), out var last, out var byAgent))
            return (last, byAgent);
        return default;
    }

    // Why no agent could be asked, in the local swarm's words.
    private FeedbackResult Untargeted(Feedback feedback)
    {
        if (!string.IsNullOrWhiteSpace(feedback.ResponseId))
            return new(feedback, FeedbackStatus.UnknownResponse, $"No response '{feedback.ResponseId}' is remembered (unknown, or older than the last {recent.Capacity}); nothing was learned.");
        if (string.IsNullOrWhiteSpace(feedback.AgentId))
            return new(feedback, FeedbackStatus.MissingTarget, "Feedback needs a response id or an agent id; nothing was learned.");
        if (!AgentId.TryParse(feedback.AgentId, out var code) || !catalog.Contains(code))
            return new(feedback, FeedbackStatus.UnknownAgent, $"No agent '{feedback.AgentId}' in the catalog; nothing was learned.");
        return new(feedback, FeedbackStatus.UnknownAgent, $"Agent '{feedback.AgentId}' has not answered yet; nothing was learned.", AgentId.For(code));
    }
}
