using Elex.Core.Responses;

namespace Elex.Streams.Pipeline;

/// <summary>
/// Where the stages of the query graph push one streamed query's parts
/// (<see cref="ElexSwarm.QueryStream(Core.Queries.Query, CancellationToken)"/>): carried by its
/// <see cref="PipelineItem"/>, called on the pipeline's thread as each stage completes. It keeps the
/// Rx grammar for its subscriber whoever calls it: parts in order, one terminal (an Error or Done
/// part, then OnCompleted), nothing after the subscriber left. A subscriber that throws is counted and
/// dropped; the pipeline never sees the exception.
/// </summary>
internal sealed class AnswerPartSink(string queryId, IObserver<AnswerPart> observer, SubscriberFaultCounter faults)
{
    // Stages call from the pipeline's thread; cancellation, unsubscription and a broken ingress from others.
    private readonly Lock _gate = new();
    private bool _ended;

    /// <summary>True once the stream has ended or its subscriber left: later parts are not even built.</summary>
    public bool IsEnded
    {
        get { lock (_gate) return _ended; }
    }

    /// <summary>Routing and dispatch are decided: the routed part.</summary>
    public void Routed(PipelineItem item)
    {
        if (!IsEnded) Send(AnswerPart.Routed(queryId, RoutingDecision.Of(item.ToFacts())));
    }

    /// <summary>The answer exists: its sections, in order.</summary>
    public void Sections(QueryResponse response)
    {
        if (IsEnded) return;
        var sections = AnswerSections.Split(response.Text);
        for (var i = 0; i < sections.Count; i++) Send(AnswerPart.SectionOf(queryId, i, sections[i]));
    }

    /// <summary>The commands have their verdicts: one part each.</summary>
    public void Verdicts(QueryResponse response)
    {
        if (IsEnded) return;
        for (var i = 0; i < response.Commands.Count; i++) Send(AnswerPart.Verdict(queryId, i, response.Commands[i]));
    }

    /// <summary>The response reached its caller: Done, or Error when a stage failed on the way.</summary>
    public void Finish(PipelineItem item, QueryResponse response) =>
        End(item.HasFailed ? AnswerPart.Failed(queryId, item.FailedStage!, item.Failure!, response) : AnswerPart.Done(response));

    /// <summary>The query never reached the pipeline, or its caller stopped waiting: an Error part.</summary>
    public void Fail(string stage, Exception failure) => End(AnswerPart.Failed(queryId, stage, failure));

    /// <summary>The subscriber left: nothing more is delivered; the query itself goes on.</summary>
    public void Unsubscribe()
    {
        lock (_gate) _ended = true;
    }

    private void Send(AnswerPart part)
    {
        lock (_gate)
        {
            if (_ended) return;
            try
            {
                observer.OnNext(part);
            }
            catch (Exception)
            {
                _ended = true;
                faults.Record();
            }
        }
    }

    private void End(AnswerPart last)
    {
        lock (_gate)
        {
            if (_ended) return;
            _ended = true;
            try
            {
                observer.OnNext(last);
                observer.OnCompleted();
            }
            catch (Exception)
            {
                faults.Record();
            }
        }
    }
}
