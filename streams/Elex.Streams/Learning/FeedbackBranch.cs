using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Elex.Core.Agents;
using Elex.Core.Learning;
using Elex.Streams.Operators;
using Elex.Streams.Persistence;
using Elex.Streams.Pipeline;
using Elex.Streams.Telemetry;

namespace Elex.Streams.Learning;

/// <summary>
/// feedback ─► Synchronize ─► Learn ─┬─► (applied) telemetry: Meter, rating of the answer; agent state
///                                   ├─► (applied) persistence: a durable write, awaited by the caller
///                                   ├─► FeedbackResults (and so auto-sync)
///                                   └─► the caller's task
/// </summary>
internal sealed class FeedbackBranch : IDisposable
{
    private readonly Subject<(Feedback Feedback, TaskCompletionSource<(FeedbackResult Result, long Version)> Completion)> _in = new();
    private readonly Subject<FeedbackResult> _results = new();
    private readonly PersistenceBranch _persistence;
    private readonly SwarmLifetime _lifetime;
    private readonly IDisposable _learning;

    public FeedbackBranch(FeedbackLearner learner, IScheduler scheduler, TelemetryBranch telemetry, PersistenceBranch persistence,
        AgentStateFeed agentStates, SwarmLifetime lifetime)
    {
        _persistence = persistence;
        _lifetime = lifetime;
        _learning = _in
            .Synchronize()
            // Learn answers each feedback with exactly one result, at once and in order, so zipping
            // the requests with the results pairs every caller with its own.
            .Publish(requests => requests.Zip(requests.Select(static p => p.Feedback).Learn(learner, scheduler), static (p, result) => (p.Completion, result)))
            .Subscribe(x =>
            {
                var version = 0L;
                if (x.result.Applied)
                {
                    telemetry.RecordFeedback(x.result.Feedback.Success);
                    if (x.result is { ResponseId: { } responseId, Rating: { } rating }) telemetry.Rate(x.result, responseId, rating);
                    // Consumers see what learning did (ε, Q-values, ratings) as an agent-state change, before the result.
                    if (x.result.AgentId is { } learned)
                    {
                        agentStates.Republish(learned);
                        version = persistence.MarkChanged(learned);
                    }
                }
                _results.OnNext(x.result);
                x.Completion.TrySetResult((x.result, version));
            });
    }

    public IObservable<FeedbackResult> Results => _results.AsObservable();

    public async Task<FeedbackResult> ApplyAsync(Feedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        _lifetime.ThrowIfDisposed();
        var completion = new TaskCompletionSource<(FeedbackResult Result, long Version)>(TaskCreationOptions.RunContinuationsAsynchronously);
        _in.OnNext((feedback, completion));
        // Learning runs inside OnNext; if nothing answered, the feedback stream had already ended (disposal raced this call).
        if (!completion.Task.IsCompleted) completion.TrySetException(new ObjectDisposedException(nameof(ElexSwarm), "The swarm was disposed before the feedback could be applied."));
        var (result, version) = await completion.Task.ConfigureAwait(false);
        if (version > 0) await _persistence.WhenDurable(result.AgentId!, version, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public void Dispose()
    {
        _learning.Dispose();
        _in.OnCompleted();
        _results.OnCompleted();
    }
}
