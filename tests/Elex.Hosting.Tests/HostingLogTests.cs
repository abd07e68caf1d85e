using Elex.Core.Learning;
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
}
