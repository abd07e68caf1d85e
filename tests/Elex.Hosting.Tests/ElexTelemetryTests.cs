using System.Diagnostics;
using Elex.Core.Learning;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Elex.Hosting.Tests;

/// <summary>AddElexInstrumentation with OpenTelemetry's in-memory exporter over a hosted swarm: a trace per query, a span per stage, the metrics.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class ElexTelemetryTests
{
    private const string CallerSourceName = "Elex.Hosting.Tests.Caller";
    private static readonly ActivitySource Caller = new(CallerSourceName);

    private static readonly string[] StagesInOrder =
        ["elex.classify", "elex.route", "elex.follow-up", "elex.dispatch", "elex.answer", "elex.validate-safety"];

    [Fact]
    public async Task EachQuery_IsOneTrace_WithASpanPerStage_AsChildrenInOrder()
    {
        var spans = new List<Activity>();
        using var host = TracedHost(spans, storePath: null);
        await host.StartAsync();
        var swarm = host.RunningSwarm();

        Assert.Equal(ResponseStatus.Answered, (await swarm.QueryAsync("what is MSM?")).Status);
        Assert.Equal(ResponseStatus.Answered, (await swarm.QueryAsync("Which counters show MSM is working?")).Status);
        await host.StopAsync();

        var traces = spans.GroupBy(s => s.TraceId).ToList();
        Assert.Equal(2, traces.Count);
        foreach (var trace in traces)
        {
            var query = Assert.Single(trace, s => s.DisplayName == "elex.query");
            Assert.Equal(default, query.ParentSpanId);
            Assert.Equal(ActivityStatusCode.Ok, query.Status);
            var stages = trace.Where(s => s != query).OrderBy(s => s.StartTimeUtc).ToList();
            Assert.Equal(StagesInOrder, stages.Select(s => s.DisplayName));
            Assert.All(stages, stage =>
            {
                Assert.Equal(query.SpanId, stage.ParentSpanId);
                Assert.Equal(ActivityStatusCode.Unset, stage.Status);
                Assert.InRange(stage.StartTimeUtc, query.StartTimeUtc, query.StartTimeUtc + query.Duration);
                Assert.True(stage.StartTimeUtc + stage.Duration <= query.StartTimeUtc + query.Duration);
            });
            Assert.Equal(stages.Select(s => s.DisplayName["elex.".Length..]), stages.Select(s => (string?)s.GetTagItem("elex.stage")));
        }
    }

    [Fact]
    public async Task FailedStage_HasStatusError_AndStagesAfterItThatDoNoWork_HaveNoSpan()
    {
        var spans = new List<Activity>();
        using var host = TracedHost(spans, storePath: null);
        await host.StartAsync();

        var response = await host.RunningSwarm().QueryAsync(new Query("   "));
        await host.StopAsync();

        Assert.Equal(ResponseStatus.Error, response.Status);
        var query = Assert.Single(spans, s => s.DisplayName == "elex.query");
        Assert.Equal(ActivityStatusCode.Error, query.Status);
        var stages = spans.Where(s => s != query).OrderBy(s => s.StartTimeUtc).ToList();
        // Route, follow-up and dispatch pass a failed item on untouched; Answer builds its error response, ValidateSafety checks it.
        Assert.Equal(["elex.classify", "elex.answer", "elex.validate-safety"], stages.Select(s => s.DisplayName));
        var classify = stages[0];
        Assert.Equal(ActivityStatusCode.Error, classify.Status);
        Assert.Contains("empty", classify.StatusDescription);
        Assert.Contains(classify.Events, e => e.Name == "exception");
        Assert.All(stages.Skip(1), s => Assert.Equal(ActivityStatusCode.Unset, s.Status));
        Assert.All(stages, s => Assert.Equal(query.SpanId, s.ParentSpanId));
    }

    [Fact]
    public async Task Query_AskedInsideTheCallersActivity_JoinsItsTrace_AndLeavesItCurrent()
    {
        var spans = new List<Activity>();
        using var host = TracedHost(spans, storePath: null);
        await host.StartAsync();
        var swarm = host.RunningSwarm();

        using (var request = Caller.StartActivity("handle-request"))
        {
            Assert.NotNull(request);
            // TryQueryAsync starts the query's activity on this thread without an async boundary to undo it.
            var answered = swarm.TryQueryAsync(new Query("what is MSM?"));
            Assert.Same(request, Activity.Current);
            Assert.Equal(ResponseStatus.Answered, (await answered).Status);

            var query = Assert.Single(spans, s => s.DisplayName == "elex.query");
            Assert.Equal(request.TraceId, query.TraceId);
            Assert.Equal(request.SpanId, query.ParentSpanId);
        }
        await host.StopAsync();
    }

    [Fact]
    public async Task Metrics_AreExported_WithTheirNamesAndUnits()
    {
        using var folder = new TempDirectory("elex-hosting");
        var metrics = new List<MetricSnapshot>();
        using var host = TestHosts.Build(new CapturingLoggerProvider(), (services, _) =>
        {
            services.AddElexSwarm(options =>
            {
                options.StorePath = folder.StoreFile;
                options.AutoSync = false;
            });
            services.AddOpenTelemetry().WithMetrics(metering => metering.AddElexInstrumentation().AddInMemoryExporter(metrics));
        });
        await host.StartAsync();
        var swarm = host.RunningSwarm();

        var answer = await swarm.QueryAsync("what is MSM?");
        await swarm.QueryAsync("Which counters show MSM is working?");
        await swarm.QueryAsync(new Query("   "));
        // Feedback on a swarm with a store resolves once written: a persist write has been recorded too.
        Assert.True((await swarm.FeedbackAsync(Feedback.ForResponse(answer.ResponseId, 1f, success: true))).Applied);
        Assert.True(host.Services.GetRequiredService<MeterProvider>().ForceFlush());
        await host.StopAsync();

        var byName = metrics.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Last());
        Assert.Equal("us", byName["elex.query.latency"].Unit);
        Assert.Equal(MetricType.Histogram, byName["elex.query.latency"].MetricType);
        Assert.Equal(3, byName["elex.query.latency"].MetricPoints.Sum(p => p.GetHistogramCount()));
        Assert.Equal("{query}", byName["elex.queries"].Unit);
        Assert.Equal(3, Sum(byName["elex.queries"]));
        Assert.Equal("{query}", byName["elex.query.errors"].Unit);
        Assert.Equal(1, Sum(byName["elex.query.errors"]));
        Assert.Equal("{feedback}", byName["elex.feedback"].Unit);
        Assert.Equal(1, Sum(byName["elex.feedback"]));
        Assert.Equal("{write}", byName["elex.persist.writes"].Unit);
        Assert.True(Sum(byName["elex.persist.writes"]) >= 1);
        Assert.Equal("ms", byName["elex.persist.duration"].Unit);
        Assert.False(byName.ContainsKey("elex.persist.failures"));
    }

    [Fact]
    public async Task LatencyHistogram_UsesMicrosecondBuckets_UpToASecond()
    {
        var metrics = new List<MetricSnapshot>();
        using var host = TestHosts.Build(new CapturingLoggerProvider(), (services, _) =>
        {
            services.AddElexSwarm(options => options.AutoSync = false);
            services.AddOpenTelemetry().WithMetrics(metering => metering.AddElexInstrumentation().AddInMemoryExporter(metrics));
        });
        await host.StartAsync();
        await host.RunningSwarm().QueryAsync("what is MSM?");
        host.Services.GetRequiredService<MeterProvider>().ForceFlush();
        await host.StopAsync();

        var latency = metrics.Last(m => m.Name == "elex.query.latency");
        var bounds = new List<double>();
        foreach (var bucket in latency.MetricPoints.Single().GetHistogramBuckets()) bounds.Add(bucket.ExplicitBound);
        Assert.Equal([.. ElexInstrumentationExtensions.LatencyBucketsUs, double.PositiveInfinity], bounds);
    }

    private static IHost TracedHost(List<Activity> spans, string? storePath) =>
        TestHosts.Build(new CapturingLoggerProvider(), (services, _) =>
        {
            services.AddElexSwarm(options =>
            {
                options.StorePath = storePath;
                options.AutoSync = false;
            });
            services.AddOpenTelemetry().WithTracing(tracing => tracing.AddElexInstrumentation().AddSource(CallerSourceName).AddInMemoryExporter(spans));
        });

    private static long Sum(MetricSnapshot metric) => metric.MetricPoints.Sum(p => p.GetSumLong());
}
