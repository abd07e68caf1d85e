namespace Elex.Core.Routing;

/// <summary>
/// The probability that a route the sentence model took part in is right, by what backs it: how many
/// of the two channels (lexical alone, the sentence model alone) chose the same feature as the fusion,
/// and whether the question names an exact fact of it. Measured, not guessed: the values are the
/// accuracies of each class on the labelled natural and exact-lookup development questions (see
/// docs/PERFORMANCE.md, "calibration"), rounded down where a class was small.
/// </summary>
public sealed record SemanticCalibration
{
    /// <summary>Both channels agree and an exact fact backs the feature.</summary>
    public float BothAgreeWithExact { get; init; } = 0.95f;
    /// <summary>Both channels agree, nothing exact named.</summary>
    public float BothAgree { get; init; } = 0.75f;
    /// <summary>One channel agrees, nothing exact named.</summary>
    public float OneAgrees { get; init; } = 0.55f;
    /// <summary>
    /// One channel agrees and an exact fact was named: usually a shared word of a sibling feature's
    /// name or a generic identifier pulled the fusion away from what the question means.
    /// </summary>
    public float OneAgreesWithExact { get; init; } = 0.25f;
    /// <summary>Neither channel alone would have chosen it.</summary>
    public float NoneAgree { get; init; } = 0.25f;

    /// <summary>The calibrated confidence for a route.</summary>
    public float Confidence(int agreeing, bool exact) => agreeing switch
    {
        >= 2 => exact ? BothAgreeWithExact : BothAgree,
        1 => exact ? OneAgreesWithExact : OneAgrees,
        _ => NoneAgree,
    };
}
