namespace Elex.Core.Learning;

/// <summary>
/// The rating in effect for one response: its reward, whether it says the answer succeeded, and
/// which of the learner's outcomes it became (the learner's interaction count before it learned
/// the rating), so that a later rating of the same response can replace this one instead of adding
/// a second.
/// </summary>
public readonly record struct Rating(float Reward, bool Success, long Outcome);
