namespace Elex.Streams.Cache;

/// <summary>The kind of a keyed <see cref="Change{TObject, TKey}"/>.</summary>
/// <remarks>
/// <c>ElexSwarm.AgentStates</c> publishes only <see cref="Add"/> and <see cref="Update"/> today; a consumer
/// should still handle <see cref="Remove"/> and <see cref="Refresh"/>, which stay part of the contract so
/// that publishing them later is not a breaking change.
/// </remarks>
public enum ChangeReason
{
    /// <summary>A key that was not in the cache was added. Carries the new value; no previous value.</summary>
    Add,

    /// <summary>The value of an existing key was replaced. Carries the new value and the previous value.</summary>
    Update,

    /// <summary>A key was removed. Carries the removed value as the current value; no previous value.</summary>
    Remove,

    /// <summary>
    /// The value of an existing key was not replaced but should be re-evaluated downstream (for example
    /// because a mutable object changed in place). Carries the current value; no previous value.
    /// </summary>
    Refresh,
}
