using BenchmarkDotNet.Attributes;
using Elex.Core.Responses;
using Elex.Core.Safety;

namespace Elex.Benchmarks;

/// <summary>
/// The safety stage's cost per response: a typical activation answer (feature and prerequisite
/// activations, state reads) plus parameter changes that are in zone, out of zone and without a zone.
/// </summary>
[MemoryDiagnoser]
public class SafetyBenchmarks
{
    private readonly SafetyValidator _validator = new(DefaultSafeZones.Load().Merge(new SafeZoneSet([
        new SafeZone("MimoSleepFunction", "sleepMode") { Min = 0, Max = 3, Step = 1 },
        new SafeZone("EUtranCellRelation", "cellIndividualOffsetEUtran") { Min = -24, Max = 24, Step = 1, Unit = "dB", MaxChange = 3 },
    ])));

    private readonly ProposedCommand[] _commands =
    [
        Activation("CXC4011808"),
        Activation("CXC4011000"),
        Read("CXC4011808"),
        Read("CXC4011000"),
        Set("MimoSleepFunction", "sleepMode", "2"),
        Set("MimoSleepFunction", "sleepMode", "9"),
        Set("MimoSleepFunction", "portMergingEnabled", "true"),
        Set("EUtranCellRelation", "cellIndividualOffsetEUtran", "-3"),
        Set("MimoSleepFunction", "sleepStartTime", "01:00"),
    ];

    /// <summary>Commands per response in this benchmark.</summary>
    public int CommandsPerResponse => _commands.Length;

    [Benchmark]
    public IReadOnlyList<ProposedCommand> ValidateResponse() => _validator.Apply(_commands);

    [Benchmark]
    public SafetyVerdict CheckOneInZoneNumber() => _validator.Check(_commands[4]);

    private static ProposedCommand Activation(string cxc) =>
        new($"cmedit set ERBS01 FeatureState={cxc} featureState=ACTIVATED", CommandKind.ActivateFeature, "activate")
        { Mo = "FeatureState", Parameter = "featureState", Value = "ACTIVATED" };

    private static ProposedCommand Read(string cxc) =>
        new($"cmedit get ERBS01 FeatureState={cxc} featureState", CommandKind.Read, "read") { Mo = "FeatureState" };

    private static ProposedCommand Set(string mo, string parameter, string value) =>
        new($"cmedit set ERBS01 {mo} {parameter}={value}", CommandKind.SetParameter, "set") { Mo = mo, Parameter = parameter, Value = value };
}
