using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Elex.Core.Learning;
using Elex.Storage;
using Elex.Streams.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Elex.Hosting.Tests;

/// <summary>What the hosted swarm logs through ILogger: start, restore, stop; a failed start as an error.</summary>
public sealed class HostingLogTests
{
    [Fact]
    public async Task Host_LogsStartRestoreAndStop_WithTheStoredCounts()
    {
        using var folder = new TempDirectory("elex-hosting");
        var logs = new CapturingLoggerProvider();
        using (var first = TestHosts.WithSwarm(logs, folder.StoreFile))
        {
            await first.StartAsync();
            var answer = await first.RunningSwarm().QueryAsync("what is MSM?");
            Assert.True((await first.RunningSwarm().FeedbackAsync(Feedback.ForResponse(answer.ResponseId, 1f, success: true))).Applied);
            await first.StopAsync();
        }
        var firstRun = logs.Swarm.ToList();

        var secondLogs = new CapturingLoggerProvider();
        using var second = TestHosts.WithSwarm(secondLogs, folder.StoreFile);
        await second.StartAsync();
        await second.StopAsync();

        Assert.Equal([1, 2, 4, 8, 9], firstRun.Select(e => e.EventId.Id));
        Assert.Contains("store " + folder.StoreFile, firstRun[0].Message);
        Assert.Contains("0 agent states", firstRun[1].Message);
        Assert.Contains("after 1 queries", firstRun[4].Message);
        Assert.All(firstRun, e => Assert.Equal(LogLevel.Information, e.Level));

        var restored = secondLogs.Swarm.Single(e => e.EventId.Id == 2);
        Assert.Contains($"from {folder.StoreFile}: 1 agent states, 1 Q-tables", restored.Message);
    }

    [Fact]
    public async Task Host_WithoutStore_LogsThatNothingIsKept_AndNoRestore()
    {
        var logs = new CapturingLoggerProvider();
        using var host = TestHosts.WithSwarm(logs, storePath: null);
        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal([1, 4, 8, 9], logs.Swarm.Select(e => e.EventId.Id));
        Assert.Contains("store none", logs.Swarm[0].Message);
        Assert.Contains("(embedded sample)", logs.Swarm[0].Message);
    }

    [Fact]
    public async Task Host_WhoseStoreCannotOpen_LogsTheFailedStart_AsAnError()
    {
        using var folder = new TempDirectory("elex-hosting");
        var notADatabase = folder.File("elex.db");
        File.WriteAllText(notADatabase, "this is not a SQLite database, and the store must refuse it untouched");
        var logs = new CapturingLoggerProvider();
        using var host = TestHosts.WithSwarm(logs, notADatabase);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        var failed = logs.Swarm.Single(e => e.EventId.Id == 5);
        Assert.Equal(LogLevel.Error, failed.Level);
        Assert.Same(error, failed.Exception);
        var accessor = host.Services.GetRequiredService<IElexSwarmAccessor>();
        Assert.Same(error, await Assert.ThrowsAnyAsync<Exception>(() => accessor.WhenStartedAsync()));
    }

    [Fact]
    public async Task FailingWrites_AreLoggedAsWarnings_AndTheRecoveryOnce()
    {
        using var folder = new TempDirectory("elex-hosting");
        SwitchableStore? store = null;
        var logs = new CapturingLoggerProvider();
        var quick = TimeSpan.FromMilliseconds(1);
        using var host = TestHosts.WithSwarm(logs, storePath: null, options =>
        {
            options.OpenStore = async token => store = new SwitchableStore(await SqliteAgentStore.OpenAsync(folder.StoreFile, cancellationToken: token));
            options.Persistence = new PersistencePolicy { Debounce = quick, MaxDelay = quick, InitialBackoff = quick, MaxBackoff = quick };
        });
        await host.StartAsync();
        var swarm = host.RunningSwarm();
        Assert.Contains("store (opened in code)", logs.Swarm[0].Message);

        store!.FailWrites(true);
        var failedTwice = swarm.Persistence.FirstAsync(s => s.ConsecutiveFailures >= 2).ToTask();
        await swarm.QueryAsync("what is MSM?");
        await failedTwice.WaitAsync(TimeSpan.FromMinutes(1));
        store.FailWrites(false);
        await swarm.Persistence.FirstAsync(s => s.Writes >= 1 && s.ConsecutiveFailures == 0).ToTask().WaitAsync(TimeSpan.FromMinutes(1));
        await host.StopAsync();

        var failures = logs.Swarm.Where(e => e.EventId.Id == 6).ToList();
        Assert.True(failures.Count >= 2);
        Assert.All(failures, e => Assert.Equal(LogLevel.Warning, e.Level));
        Assert.All(failures, e => Assert.Contains("disk unplugged (test)", e.Message));
        Assert.Contains("1 in a row", failures[0].Message);
        Assert.Contains("2 in a row", failures[1].Message);
        var recovered = Assert.Single(logs.Swarm, e => e.EventId.Id == 7);
        Assert.Contains($"after {failures.Count} failed attempts", recovered.Message);
    }
}
