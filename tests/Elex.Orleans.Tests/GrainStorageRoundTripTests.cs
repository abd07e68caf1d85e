using Elex.Core.Learning;
using Elex.Core.Queries;
using Elex.Orleans.Agents;
using Elex.Orleans.Contracts;
using Elex.Orleans.Hosting;
using Elex.Orleans.Storage;
using Elex.Storage;
using Elex.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Elex.Orleans.Tests;

/// <summary>An agent's learned state written through the SQLite-backed grain storage and read back.</summary>
public sealed class GrainStorageRoundTripTests
{
    private static readonly ElexAgentSettings Settings = new(Catalogs.Full, new QLearningOptions { Seed = 3 });

    [Fact]
    public async Task LearnedState_RoundTripsBitIdentically()
    {
        using var folder = new TempDirectory("elex-orleans");
        await using var store = await SqliteAgentStore.OpenAsync(folder.StoreFile);
        var storage = new AgentStoreGrainStorage(store);
        var state = LearnedState(Catalogs.Questions[0].Feature, ratings: 40);
        var grainId = GrainId.Create("featureagent", state.AgentId);

        var written = new GrainState<AgentGrainState>(state);
        await storage.WriteStateAsync("agent", grainId, written);
        var read = new GrainState<AgentGrainState>();
        await storage.ReadStateAsync("agent", grainId, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        Assert.Equal(serializer.SerializeToArray(state), serializer.SerializeToArray(read.State));
        Assert.NotEmpty(read.State!.QTable);
        Assert.NotEmpty(read.State.Replay);
        Assert.Equal(40, read.State.Experiences.Count);
    }

    [Fact]
    public async Task UnknownAgent_ReadsAsNoRecord()
    {
        using var folder = new TempDirectory("elex-orleans");
        await using var store = await SqliteAgentStore.OpenAsync(folder.StoreFile);
        var read = new GrainState<AgentGrainState>();

        await new AgentStoreGrainStorage(store).ReadStateAsync("agent", GrainId.Create("featureagent", "agent-FAJ_121_3094"), read);

        Assert.False(read.RecordExists);
        Assert.Equal("", read.State!.AgentId);
    }

    [Fact]
    public async Task AgentStoredByALocalSwarm_IsTakenOverByItsGrain()
    {
        using var folder = new TempDirectory("elex-orleans");
        var (feature, question) = Catalogs.Questions[7];
        await using (var local = await SqliteAgentStore.OpenAsync(folder.StoreFile))
        {
            await using var swarm = await Elex.Streams.ElexSwarm.CreateAsync(Catalogs.Full, new Elex.Streams.SwarmConfig(), local, router: Catalogs.Router);
            var response = await swarm.QueryAsync(new Query(question));
            Assert.Equal(FeedbackStatus.Applied, (await swarm.FeedbackAsync(new Feedback(response.ResponseId, null, 1f, true))).Status);
        }
        await using var store = await SqliteAgentStore.OpenAsync(folder.StoreFile);
        var read = new GrainState<AgentGrainState>();

        await new AgentStoreGrainStorage(store).ReadStateAsync("agent", GrainId.Create("featureagent", Elex.Core.Agents.AgentId.For(feature.Code)), read);
        var status = AgentActivation.Restore(Settings, feature, read.State!).Status("s");

        Assert.Equal((1L, 1L, 1L), (status.Interactions, status.Rated, status.Learned));
        Assert.True(status.QTableEntries > 0);
    }

    [Fact]
    public void RestoredActivation_CapturesTheSameState()
    {
        var state = LearnedState(Catalogs.Questions[1].Feature, ratings: 25);

        var again = AgentActivation.Restore(Settings, Catalogs.Questions[1].Feature, state).Capture();

        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        Assert.Equal(serializer.SerializeToArray(state), serializer.SerializeToArray(again));
    }

    /// <summary>The state of an agent that answered and was rated <paramref name="ratings"/> times.</summary>
    internal static AgentGrainState LearnedState(Elex.Core.Catalog.Feature feature, int ratings)
    {
        var agent = AgentActivation.Restore(Settings, feature, new AgentGrainState());
        for (var i = 0; i < ratings; i++)
        {
            var reply = agent.Answer(new AgentQuestion { ResponseId = $"r-{i}", Text = $"Which parameters does {feature.Name} use? ({i})", Type = (int)QueryType.Parameter, RouteConfidence = 0.9f },
                "silo", DateTimeOffset.UnixEpoch.AddMinutes(i));
            agent.Learn(new AgentFeedback { ResponseId = reply.ResponseId, Reward = i % 3 == 0 ? -0.5f : 1f, Success = i % 3 != 0, LearningState = reply.LearningState, Strategy = reply.Strategy },
                "silo", 1_000 + i);
        }
        return agent.Capture();
    }
}
