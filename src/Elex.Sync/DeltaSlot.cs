namespace Elex.Sync;

/// <summary>
/// One visited Q-table slot in a delta: the slot index (<c>state.Index * QTable.ActionCount + action</c>),
/// the origin's Q-value there and how many times the origin took that action in that state.
/// </summary>
/// <param name="Slot">The slot index, in [0, <see cref="Core.Learning.QTable.Size"/>).</param>
/// <param name="Value">The origin's Q-value; finite.</param>
/// <param name="Visits">The origin's visit count; at least 1, since unvisited slots carry no weight and are left out.</param>
public readonly record struct DeltaSlot(int Slot, float Value, int Visits);
