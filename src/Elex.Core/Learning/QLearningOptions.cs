namespace Elex.Core.Learning;

/// <summary>
/// Settings of a <see cref="QLearner"/>; the defaults are the seed SDK's. Call <see cref="Validate"/>
/// (the learner does) before use.
/// </summary>
public sealed record QLearningOptions
{
    /// <summary>Learning rate α, in (0, 1].</summary>
    public float Alpha { get; init; } = 0.1f;
    /// <summary>Discount factor γ, in [0, 1].</summary>
    public float Gamma { get; init; } = 0.95f;
    /// <summary>Initial exploration rate ε, in [<see cref="MinEpsilon"/>, 1].</summary>
    public float Epsilon { get; init; } = 0.1f;
    /// <summary>Factor ε is multiplied by after each update, in (0, 1].</summary>
    public float EpsilonDecay { get; init; } = 0.995f;
    /// <summary>The floor ε decays to, in [0, <see cref="Epsilon"/>].</summary>
    public float MinEpsilon { get; init; } = 0.01f;
    /// <summary>Interactions below which an agent is in cold start (at least 0).</summary>
    public int ColdStartThreshold { get; init; } = 100;
    /// <summary>Trajectories kept for experience replay (at least 1).</summary>
    public int ReplayCapacity { get; init; } = 1000;
    /// <summary>Trajectories replayed after each update once the buffer holds this many (1 to <see cref="ReplayCapacity"/>).</summary>
    public int ReplayBatch { get; init; } = 16;
    /// <summary>A rolling success rate below this makes the agent Degraded, in [0, <see cref="RecoverThreshold"/>].</summary>
    public double DegradedThreshold { get; init; } = 0.5;
    /// <summary>A Degraded agent is Ready again once its rolling success rate is at or above this, in [<see cref="DegradedThreshold"/>, 1].</summary>
    public double RecoverThreshold { get; init; } = 0.6;
    /// <summary>Outcomes in the rolling success window (at least 1).</summary>
    public int SuccessWindow { get; init; } = 50;
    /// <summary>Seed of the learner's random source; null for a random seed.</summary>
    public int? Seed { get; init; }

    /// <summary>Checks every option; returns this for chaining.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range; the message names it.</exception>
    public QLearningOptions Validate()
    {
        if (!(Alpha > 0f && Alpha <= 1f)) throw OutOfRange(nameof(Alpha), Alpha, "in (0, 1]");
        if (!(Gamma >= 0f && Gamma <= 1f)) throw OutOfRange(nameof(Gamma), Gamma, "in [0, 1]");
        if (!(Epsilon >= 0f && Epsilon <= 1f)) throw OutOfRange(nameof(Epsilon), Epsilon, "in [0, 1]");
        if (!(MinEpsilon >= 0f && MinEpsilon <= 1f)) throw OutOfRange(nameof(MinEpsilon), MinEpsilon, "in [0, 1]");
        if (MinEpsilon > Epsilon) throw OutOfRange(nameof(MinEpsilon), MinEpsilon, $"at most Epsilon ({Epsilon})");
        if (!(EpsilonDecay > 0f && EpsilonDecay <= 1f)) throw OutOfRange(nameof(EpsilonDecay), EpsilonDecay, "in (0, 1]");
        if (ColdStartThreshold < 0) throw OutOfRange(nameof(ColdStartThreshold), ColdStartThreshold, "at least 0");
        if (ReplayCapacity < 1) throw OutOfRange(nameof(ReplayCapacity), ReplayCapacity, "at least 1");
        if (ReplayBatch < 1) throw OutOfRange(nameof(ReplayBatch), ReplayBatch, "at least 1");
        if (ReplayBatch > ReplayCapacity) throw OutOfRange(nameof(ReplayBatch), ReplayBatch, $"at most ReplayCapacity ({ReplayCapacity})");
        if (SuccessWindow < 1) throw OutOfRange(nameof(SuccessWindow), SuccessWindow, "at least 1");
        if (!(DegradedThreshold >= 0 && DegradedThreshold <= 1)) throw OutOfRange(nameof(DegradedThreshold), DegradedThreshold, "in [0, 1]");
        if (!(RecoverThreshold >= 0 && RecoverThreshold <= 1)) throw OutOfRange(nameof(RecoverThreshold), RecoverThreshold, "in [0, 1]");
        if (DegradedThreshold > RecoverThreshold) throw OutOfRange(nameof(DegradedThreshold), DegradedThreshold, $"at most RecoverThreshold ({RecoverThreshold})");
        return this;
    }

    private static ArgumentOutOfRangeException OutOfRange(string option, object value, string range) =>
        new(option, value, $"QLearningOptions.{option} must be {range}; it is {value}.");
}
