using System.Globalization;
using Elex.Core.Responses;
using Elex.Core.Safety;

namespace Elex.Streams.Tests;

public class SwarmSafetyTests
{
    private static readonly SafeZoneSet SleepModeZone = DefaultSafeZones.Load().Merge(new SafeZoneSet([
        new SafeZone("MimoSleepFunction", "sleepMode") { Min = 0, Max = 3, Step = 1 },
    ]));

    private static SwarmConfig WithZones(SafeZoneSet zones) => new() { SafeZones = zones, Learning = null };

    [Fact]
    public async Task EveryResponseCommand_LeavesThePipelineWithAVerdict()
    {
        await using var swarm = await TestCatalog.NewSwarmAsync(WithZones(DefaultSafeZones.Load()));
        string[] questions =
        [
            "how do I activate MIMO Sleep Mode on node ERBS01",
            "set sleepMode to 2 on cell X",
            "deactivate Inter-Frequency Load Balancing",
            "set portMergingEnabled to true for MSM",
            "what does rank2Enabled do?",
        ];
        var commands = 0;
        foreach (var question in questions)
        {
            var response = await swarm.QueryAsync(question);
            foreach (var command in response.Commands)
            {
                commands++;
                Assert.NotEqual(SafetyStatus.PendingValidation, command.Safety);
                Assert.False(string.IsNullOrWhiteSpace(command.SafetyReason));
                Assert.Equal(command.Safety == SafetyStatus.Safe, command.IsRunnable);
            }
        }
        Assert.True(commands >= 5, $"only {commands} commands proposed");
    }

    [Fact]
    public async Task ParameterWithoutZone_NeedsApproval_NeverSafe()
    {
        await using var swarm = await TestCatalog.NewSwarmAsync(WithZones(DefaultSafeZones.Load()));
        var response = await swarm.QueryAsync("set sleepMode to 2 for MSM on cell X");
        var change = Assert.Single(response.Commands, c => c.Kind == CommandKind.SetParameter);
        Assert.Equal(SafetyStatus.NeedsApproval, change.Safety);
        Assert.Contains("no safe zone for MimoSleepFunction.sleepMode", change.SafetyReason);
    }

    [Fact]
    public async Task InZoneValue_IsSafe_AndRunnable()
    {
        await using var swarm = await TestCatalog.NewSwarmAsync(WithZones(SleepModeZone));
        var response = await swarm.QueryAsync("set sleepMode to 2 for MSM on cell X");
        var change = Assert.Single(response.Commands, c => c.Kind == CommandKind.SetParameter);
        Assert.Equal(SafetyStatus.Safe, change.Safety);
        Assert.True(change.IsRunnable);
    }

    [Fact]
    public async Task RandomOutOfZoneValues_ThroughTheWholeSwarm_AreAllRejected()
    {
        await using var swarm = await TestCatalog.NewSwarmAsync(WithZones(SleepModeZone));
        var random = new Random(20261125);
        var proposed = 0;
        for (var i = 0; i < 300; i++)
        {
            var value = (i % 4) switch
            {
                0 => (-random.Next(1, 100_000)).ToString(CultureInfo.InvariantCulture),
                1 => random.Next(4, 100_000).ToString(CultureInfo.InvariantCulture),
                2 => (random.Next(0, 3) + random.Next(1, 100) / 100m).ToString(CultureInfo.InvariantCulture),
                _ => $"mode{random.Next(1000)}",
            };
            var response = await swarm.QueryAsync($"set sleepMode to {value} for MSM");
            foreach (var change in response.Commands.Where(c => c.Kind == CommandKind.SetParameter))
            {
                proposed++;
                Assert.True(change.Safety == SafetyStatus.Rejected, $"sleepMode={value}: {change.Safety} ({change.SafetyReason})");
                Assert.False(change.IsRunnable);
            }
        }
        Assert.Equal(300, proposed);
    }
}
