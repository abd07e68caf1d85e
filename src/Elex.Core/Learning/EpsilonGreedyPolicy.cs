namespace Elex.Core.Learning;

/// <summary>
/// ε-greedy action choice: with probability <see cref="Epsilon"/> a uniformly random action,
/// otherwise the table's best (ties to the lowest action). <see cref="Decay"/> shrinks ε
/// geometrically to a floor. Not thread-safe: <see cref="QLearner"/> serialises access.
/// </summary>
internal sealed class EpsilonGreedyPolicy
{
    /// <summary>Creates a policy with an exploration rate, a decay factor and a floor.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate is outside [0, 1], the decay outside (0, 1], or the floor above ε.</exception>
    public EpsilonGreedyPolicy(float epsilon, float decay, float minEpsilon)
    {
        if (!(epsilon >= 0f && epsilon <= 1f)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be in [0, 1].");
        if (!(decay > 0f && decay <= 1f)) throw new ArgumentOutOfRangeException(nameof(decay), decay, "The decay must be in (0, 1].");
        if (!(minEpsilon >= 0f && minEpsilon <= epsilon))
            throw new ArgumentOutOfRangeException(nameof(minEpsilon), minEpsilon, $"The floor must be in [0, ε = {epsilon}].");
        Epsilon = epsilon;
        DecayFactor = decay;
        MinEpsilon = minEpsilon;
    }

    /// <summary>Creates the policy of validated options, starting at <see cref="QLearningOptions.Epsilon"/>.</summary>
    public EpsilonGreedyPolicy(QLearningOptions options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Epsilon, options.EpsilonDecay, options.MinEpsilon)
    {
    }

    /// <summary>The current exploration rate.</summary>
    public float Epsilon { get; private set; }

    /// <summary>The factor <see cref="Decay"/> multiplies ε by.</summary>
    public float DecayFactor { get; }

    /// <summary>The floor ε does not decay below.</summary>
    public float MinEpsilon { get; }

    /// <summary>
    /// Chooses an action for the state: random with probability ε, else the best. When routing is at
    /// least <see cref="ConfidenceBucket.Medium"/> (every answered route above the default abstention
    /// threshold; High is right at least 98 % of the time), only the presentation is chosen — a
    /// direct or a detailed answer — never clarifying questions, peers' answers or escalation, which
    /// would make a right answer worse; those stay for genuinely split routes (below 0.5).
    /// </summary>
    public ResponseAction Choose(QTable table, LearningState state, Random random)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(random);
        _ = state.Index; // validates the state on the random branch too
        var presentationOnly = state.Confidence >= ConfidenceBucket.Medium;
        var actions = presentationOnly ? PresentationActions : QTable.ActionCount;
        // One draw per choice whatever ε is, so a seeded run's random sequence does not depend on ε.
        if (random.NextSingle() < Epsilon) return (ResponseAction)random.Next(actions);
        if (!presentationOnly) return table.BestAction(state);
        return table.Get(state, ResponseAction.DetailedAnswer) > table.Get(state, ResponseAction.DirectAnswer)
            ? ResponseAction.DetailedAnswer
            : ResponseAction.DirectAnswer;
    }

    /// <summary>
    /// As <see cref="Choose(QTable, LearningState, Random)"/>, with both draws derived from
    /// <paramref name="seed"/> (SplitMix64): a per-question seeded choice without a generator object per question.
    /// </summary>
    public ResponseAction Choose(QTable table, LearningState state, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(table);
        _ = state.Index;
        var presentationOnly = state.Confidence >= ConfidenceBucket.Medium;
        var actions = presentationOnly ? PresentationActions : QTable.ActionCount;
        var draw = SplitMix64(ref seed);
        if ((draw >> 40) * (1f / (1 << 24)) < Epsilon) return (ResponseAction)(int)(SplitMix64(ref seed) % (ulong)actions);
        if (!presentationOnly) return table.BestAction(state);
        return table.Get(state, ResponseAction.DetailedAnswer) > table.Get(state, ResponseAction.DirectAnswer)
            ? ResponseAction.DetailedAnswer
            : ResponseAction.DirectAnswer;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    // DirectAnswer and DetailedAnswer: the first two actions.
    private const int PresentationActions = 2;

    /// <summary>Multiplies ε by the decay factor, not below the floor.</summary>
    public void Decay() => Epsilon = Math.Max(MinEpsilon, Epsilon * DecayFactor);
}
