using Elex.Core.Queries;

namespace Elex.Core.Learning;

/// <summary>
/// What an agent sees when it chooses a response: the question's type and complexity, the routing
/// confidence bucket and its own maturity. The <see cref="Count"/> states are numbered densely by
/// <see cref="Index"/> (type-major, maturity-minor), which indexes the Q-table.
/// </summary>
internal readonly record struct LearningState(QueryType Type, Complexity Complexity, ConfidenceBucket Confidence, Maturity Maturity)
{
    private const int Types = 6, Complexities = 3, Buckets = 4, Maturities = 3;

    /// <summary>The number of distinct states (6 types × 3 complexities × 4 buckets × 3 maturities).</summary>
    public const int Count = Types * Complexities * Buckets * Maturities;

    /// <summary>True when every component is a defined enum value (so <see cref="Index"/> does not throw).</summary>
    public bool IsValid =>
        (uint)Type < Types && (uint)Complexity < Complexities && (uint)Confidence < Buckets && (uint)Maturity < Maturities;

    /// <summary>The dense index of this state, in [0, <see cref="Count"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A component is not a defined enum value.</exception>
    public int Index
    {
        get
        {
            if ((uint)Type >= Types) throw Invalid(nameof(Type), Type);
            if ((uint)Complexity >= Complexities) throw Invalid(nameof(Complexity), Complexity);
            if ((uint)Confidence >= Buckets) throw Invalid(nameof(Confidence), Confidence);
            if ((uint)Maturity >= Maturities) throw Invalid(nameof(Maturity), Maturity);
            return (((int)Type * Complexities + (int)Complexity) * Buckets + (int)Confidence) * Maturities + (int)Maturity;
        }
    }

    /// <summary>The state with a dense index.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside [0, <see cref="Count"/>).</exception>
    public static LearningState FromIndex(int index)
    {
        if ((uint)index >= Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"A learning state index is in [0, {Count}).");
        var maturity = index % Maturities;
        index /= Maturities;
        var bucket = index % Buckets;
        index /= Buckets;
        var complexity = index % Complexities;
        return new LearningState((QueryType)(index / Complexities), (Complexity)complexity, (ConfidenceBucket)bucket, (Maturity)maturity);
    }

    /// <summary>The state for a classified question, a routing confidence and the agent's interaction count.</summary>
    public static LearningState Create(QueryType type, Complexity complexity, float confidence, long interactions, int coldStartThreshold) =>
        new(type, complexity, ConfidenceBucket.From(confidence), Maturity.From(interactions, coldStartThreshold));

    private static ArgumentOutOfRangeException Invalid<T>(string component, T value) where T : struct, Enum =>
        new(component, value, $"{value} is not a valid {typeof(T).Name} for a learning state.");
}
