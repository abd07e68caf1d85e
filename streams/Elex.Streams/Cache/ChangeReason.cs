namespace Elex.Streams.Cache;

/// <summary>Why a keyed item changed.</summary>
public enum ChangeReason
{
    /// <summary>A new key.</summary>
    Add,
    /// <summary>A new value for an existing key (the previous value travels with it).</summary>
    Update,
    /// <summary>The key left the cache (the removed value travels with it).</summary>
    Remove,
    /// <summary>Same value, re-announced so subscribers re-evaluate it.</summary>
    Refresh,
}
