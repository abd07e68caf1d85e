using Elex.Core.Learning;

namespace Elex.Core.Tests.Learning;

public sealed class QLearningOptionsTests
{
    [Fact]
    public void Defaults_are_the_seed_values_and_valid()
    {
        var o = new QLearningOptions().Validate();
        Assert.Equal((0.1f, 0.95f, 0.1f, 0.995f, 0.01f), (o.Alpha, o.Gamma, o.Epsilon, o.EpsilonDecay, o.MinEpsilon));
        Assert.Equal((100, 1000, 16, 50), (o.ColdStartThreshold, o.ReplayCapacity, o.ReplayBatch, o.SuccessWindow));
        Assert.Equal((0.5, 0.6), (o.DegradedThreshold, o.RecoverThreshold));
        Assert.Null(o.Seed);
    }

    public static TheoryData<QLearningOptions, string> Invalid => new()
    {
        { new() { Alpha = 0f }, "Alpha" },
        { new() { Alpha = float.NaN }, "Alpha" },
        { new() { Gamma = 1.01f }, "Gamma" },
        { new() { Epsilon = -0.1f }, "Epsilon" },
        { new() { MinEpsilon = 0.2f }, "MinEpsilon" },
        { new() { EpsilonDecay = 0f }, "EpsilonDecay" },
        { new() { EpsilonDecay = 1.1f }, "EpsilonDecay" },
        { new() { ColdStartThreshold = -1 }, "ColdStartThreshold" },
        { new() { ReplayCapacity = 0 }, "ReplayCapacity" },
        { new() { ReplayBatch = 0 }, "ReplayBatch" },
        { new() { ReplayCapacity = 8 }, "ReplayBatch" },
        { new() { SuccessWindow = 0 }, "SuccessWindow" },
        { new() { DegradedThreshold = -0.5 }, "DegradedThreshold" },
        { new() { RecoverThreshold = 1.5 }, "RecoverThreshold" },
        { new() { DegradedThreshold = 0.7 }, "DegradedThreshold" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_names_the_option(QLearningOptions options, string name)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => options.Validate());
        Assert.Equal(name, ex.ParamName);
        Assert.Contains(name, ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new QLearner(options));
    }
}
