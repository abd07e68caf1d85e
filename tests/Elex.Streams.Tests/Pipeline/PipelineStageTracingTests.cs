using System.Diagnostics;
using Elex.Streams.Pipeline;
using Elex.Streams.Telemetry;

namespace Elex.Streams.Tests.Pipeline;

/// <summary>The stage helper's spans: a child of the query's activity per stage, an error when the stage fails, nothing at all when the query is not traced.</summary>
public sealed class PipelineStageTracingTests
{
    private static readonly Func<PipelineItem, PipelineItem> Unchanged = static item => item;

    [Fact]
    public void Through_AllocatesNothing_WhenTheQueryIsNotTraced()
    {
        var item = PipelineItems.Classified("what is MSM?");
        Assert.Null(item.Activity);
        for (var i = 0; i < 100; i++) item.Through("route", Unchanged).Traced("validate-safety", Unchanged);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++) item.Through("route", Unchanged).Traced("validate-safety", Unchanged);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Through_TracedQuery_GetsAChildSpanPerStage_AndAnErrorSpanForTheStageThatFails()
    {
        var stopped = new List<Activity>();
        using var listener = Listen(stopped);
        using var query = SwarmInstrumentation.StartQuery("q-traced");
        Assert.NotNull(query);
        var item = PipelineItems.Classified("what is MSM?") with { Activity = query };

        item = item.Through("classify", Unchanged)
            .Through("route", _ => throw new InvalidOperationException("router broke"))
            .Through("dispatch", Unchanged)
            .Through("answer", Unchanged, whenFailed: Unchanged);

        Assert.Equal("route", item.FailedStage);
        List<Activity> spans;
        lock (stopped) spans = stopped.Where(a => a.TraceId == query.TraceId && a != query).ToList();
        Assert.Equal(["elex.classify", "elex.route", "elex.answer"], spans.Select(s => s.OperationName));
        Assert.All(spans, s => Assert.Equal(query.SpanId, s.ParentSpanId));
        Assert.Equal([ActivityStatusCode.Unset, ActivityStatusCode.Error, ActivityStatusCode.Unset], spans.Select(s => s.Status));
        Assert.Equal("router broke", spans[1].StatusDescription);
    }

    private static ActivityListener Listen(List<Activity> stopped)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == SwarmInstrumentation.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (stopped) stopped.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
