using Elex.Core.Routing;
using Elex.Core.Routing.Glosses;
using Elex.Core.Semantics;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Pipeline;

public class LoneQuestionBatchingTests
{
    [Fact]
    public async Task LoneQuestionForTheModel_IsAnswered_WithoutWaitingForTheBatchWindow()
    {
        var encoder = new CountingEncoder();
        var router = FeatureRouter.Build(TestCatalog.Sample, semantic: SemanticIndex.Build(TestCatalog.Sample, RoutingGlosses.Embedded, encoder));
        var scheduler = new TestScheduler();
        scheduler.AdvanceTo(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks);
        // An hour-long window on a clock that never moves: only a question that skips the window is answered.
        await using var swarm = await ElexSwarm.CreateAsync(TestCatalog.Sample, new SwarmConfig { SemanticBatchWindow = TimeSpan.FromHours(1) }, scheduler: scheduler, router: router);

        var response = await swarm.QueryAsync("how do we save energy at night?").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("how do we save energy at night?", response.QueryText);
        Assert.Equal([1], encoder.QueryBatches);
    }
}
