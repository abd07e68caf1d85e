using System.Reactive.Linq;
using System.Reactive.Subjects;
using Elex.Core.Learning;
using Elex.Core.Responses;
using Elex.Streams.Routing;
using Elex.Streams.Telemetry;

namespace Elex.Streams.Pipeline;

/// <summary>
/// Where a validated response goes, in this order: the route teacher's memory, telemetry, the agent's
/// experience and state, the hot <see cref="Responses"/> stream, and last the caller's task (or the
/// streamed query's Done part) — so whatever a caller reads after its await already counts the answer.
/// </summary>
internal sealed class ResponseFanOut(RouteTeacher teacher, TelemetryBranch telemetry, ExperienceLog experiences, AgentStateFeed agentStates, SubscriberFaultCounter faults) : IDisposable
{
    private readonly Subject<QueryResponse> _responses = new();

    /// <summary>
    /// Hot and shared. A subscriber that throws is counted and unsubscribed (Rx's rule for an observer
    /// that throws); the other subscribers and the pipeline carry on.
    /// </summary>
    public IObservable<QueryResponse> Responses => Observable.Create<QueryResponse>(observer =>
        _responses.Subscribe(
            response =>
            {
                try { observer.OnNext(response); }
                catch (Exception) { faults.Record(); }
            },
            observer.OnError,
            observer.OnCompleted));


    public void Deliver(PipelineItem item, QueryResponse response)
    {
        teacher.Remember(response);
        telemetry.Record(response, item.Activity);
        if (item.Agent is { } agent)
        {
            if (response.LearningState is { } state)
                experiences.Add(new Experience(response.ResponseId, agent.Feature.Code, state, response.Strategy, response.Timestamp.UtcTicks));
            agentStates.Publish(agent);
        }
        _responses.OnNext(response);
        item.Completion?.TrySetResult(response);
        item.Parts?.Finish(item, response);
    }

    public void Fail(Exception error) => _responses.OnError(error);

    public void Dispose()
    {
        _responses.OnCompleted();
        _responses.Dispose();
    }
}
