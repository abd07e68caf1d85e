using Elex.Core.Learning;
using Elex.Core.Responses;
using Elex.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Elex.Hosting.Tests;

/// <summary>The hosted swarm's lifetime in a real host over a real SQLite file: restore on start, the last write on stop, the accessor.</summary>
public sealed class HostedSwarmLifecycleTests
{
    private const string Msm = "FAJ 121 3094";

    [Fact]
    public async Task HostedSwarm_RestoresLearnedState_WrittenByAnEarlierHost()
    {
        using var folder = new TempDirectory("elex-hosting");
        var logs = new CapturingLoggerProvider();
        using (var first = TestHosts.WithSwarm(logs, folder.StoreFile))
        {
            await first.StartAsync();
            var swarm = first.RunningSwarm();
            var answer = await swarm.QueryAsync("what is MSM?");
            var rating = await swarm.FeedbackAsync(Feedback.ForResponse(answer.ResponseId, -1f, success: false));
            Assert.True(rating.Applied, rating.Message);
            await first.StopAsync();
        }

        using var second = TestHosts.WithSwarm(logs, folder.StoreFile);
        await second.StartAsync();
        var restored = second.RunningSwarm().GetAgentStats(Msm);
        Assert.NotNull(restored);
        Assert.Equal(1, restored.Interactions);
        Assert.Equal(1, restored.Rated);
        Assert.Equal(1, restored.RatedUnsuccessful);
        await second.StopAsync();
    }

    [Fact]
    public async Task HostedSwarm_WritesLearnedState_OnStop()
    {
        using var folder = new TempDirectory("elex-hosting");
        var logs = new CapturingLoggerProvider();
        // No write can happen while the host runs (debounce of an hour): only the stop's last write can keep the answers.
        var neverWhileRunning = new Elex.Streams.Persistence.PersistencePolicy { Debounce = TimeSpan.FromHours(1), MaxDelay = TimeSpan.FromHours(1) };
        using (var first = TestHosts.WithSwarm(logs, folder.StoreFile, options => options.Persistence = neverWhileRunning))
        {
            await first.StartAsync();
            var swarm = first.RunningSwarm();
            for (var i = 0; i < 3; i++) Assert.Equal(ResponseStatus.Answered, (await swarm.QueryAsync("Which counters show MSM is working?")).Status);
            Assert.Equal(0, swarm.GetPersistenceStatus().Writes);
            await first.StopAsync();
        }

        using var second = TestHosts.WithSwarm(logs, folder.StoreFile);
        await second.StartAsync();
        Assert.Equal(3, second.RunningSwarm().GetAgentStats(Msm)!.Interactions);
        await second.StopAsync();
    }

    [Fact]
    public async Task HostedSwarm_WithoutStorePath_KeepsNothing()
    {
        using var folder = new TempDirectory("elex-hosting");
        var logs = new CapturingLoggerProvider();
        using (var first = TestHosts.WithSwarm(logs, storePath: null))
        {
            await first.StartAsync();
            Assert.Null(first.Services.GetRequiredService<IElexSwarmAccessor>().StorePath);
            await first.RunningSwarm().QueryAsync("what is MSM?");
            Assert.False(first.RunningSwarm().GetPersistenceStatus().Enabled);
            await first.StopAsync();
        }
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task Accessor_BeforeStart_ThrowsAndWaits_ThenHandsOutTheRunningSwarm_UntilStop()
    {
        var logs = new CapturingLoggerProvider();
        using var host = TestHosts.WithSwarm(logs, storePath: null);
        var accessor = host.Services.GetRequiredService<IElexSwarmAccessor>();

        Assert.False(accessor.IsRunning);
        var early = Assert.Throws<InvalidOperationException>(() => accessor.Swarm);
        Assert.Contains("not running yet", early.Message);
        var waiting = accessor.WhenStartedAsync();
        Assert.False(waiting.IsCompleted);

        await host.StartAsync();
        Assert.True(accessor.IsRunning);
        Assert.True(waiting.IsCompletedSuccessfully);
        Assert.Same(accessor.Swarm, await waiting);

        await host.StopAsync();
        Assert.False(accessor.IsRunning);
        Assert.Contains("stopped", Assert.Throws<InvalidOperationException>(() => accessor.Swarm).Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => accessor.WhenStartedAsync());
    }

    [Fact]
    public async Task OtherHostedServices_FindTheSwarmRunning_InTheirStartAndStop()
    {
        var logs = new CapturingLoggerProvider();
        using var host = TestHosts.Build(logs, (services, _) =>
        {
            // Registered before the swarm: its StartAsync runs first and its StopAsync last among the hosted services.
            services.AddHostedService<AskingService>();
            services.AddElexSwarm(options => options.AutoSync = false);
        });

        await host.StartAsync();
        await host.StopAsync();

        var asker = host.Services.GetServices<IHostedService>().OfType<AskingService>().Single();

        Assert.Equal(ResponseStatus.Answered, asker.OnStart?.Status);
        Assert.Equal(ResponseStatus.Answered, asker.OnStop?.Status);
    }

    [Fact]
    public async Task CatalogSource_RegisteredByTheCaller_IsTheOneTheSwarmAnswersFrom()
    {
        var logs = new CapturingLoggerProvider();
        var sample = Elex.Core.Catalog.SampleCatalog.Load();
        var two = new Elex.Core.Catalog.FeatureCatalog(sample.Features.Take(2).ToList(), source: "two features");
        using var host = TestHosts.Build(logs, (services, _) =>
        {
            services.AddElexSwarm(options => options.AutoSync = false);
            services.AddSingleton<ISwarmCatalogSource>(new FixedCatalogSource(new SwarmCatalog(two, "two features")));
        });

        await host.StartAsync();
        Assert.Same(two, host.RunningSwarm().Catalog);
        Assert.Contains(logs.Swarm, e => e.EventId.Id == 1 && e.Message.Contains("two features (2 features)"));
        await host.StopAsync();
    }

    private sealed class FixedCatalogSource(SwarmCatalog catalog) : ISwarmCatalogSource
    {
        public ValueTask<SwarmCatalog> LoadAsync(CancellationToken cancellationToken) => ValueTask.FromResult(catalog);
    }

    // Asks the swarm from its own StartAsync and StopAsync: the swarm must be running in both.
    private sealed class AskingService(IElexSwarmAccessor accessor) : IHostedService
    {
        public QueryResponse? OnStart { get; private set; }
        public QueryResponse? OnStop { get; private set; }

        public async Task StartAsync(CancellationToken cancellationToken) => OnStart = await accessor.Swarm.QueryAsync("what is MSM?", cancellationToken);

        public async Task StopAsync(CancellationToken cancellationToken) => OnStop = await accessor.Swarm.QueryAsync("what is MSM?", cancellationToken);
    }
}
