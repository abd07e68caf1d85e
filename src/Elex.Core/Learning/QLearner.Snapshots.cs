namespace Elex.Core.Learning;

// Persistence: everything learned, out and back in, under options that may have changed meanwhile.
public sealed partial class QLearner
{
    /// <summary>A copy of everything learned (the random source's state is not included).</summary>
    internal LearnerSnapshot Snapshot()
    {
        lock (_gate)
        {
            var (values, visits) = _table.Snapshot();
            var window = new bool[_windowCount];
            var start = _windowNext - _windowCount;
            if (start < 0) start += _window.Length;
            for (var i = 0; i < window.Length; i++)
                window[i] = _window[(start + i) % _window.Length];
            return new LearnerSnapshot(values, visits, _policy.Epsilon, _interactions, window, _replay.ToArray(), _degraded);
        }
    }

    /// <summary>
    /// What the store keeps of this learner, encoded straight from the live table: a persist of every
    /// agent runs this once per agent, so it copies nothing it does not write.
    /// </summary>
    internal LearnerRecord ToRecord()
    {
        lock (_gate)
        {
            var start = _windowNext - _windowCount;
            if (start < 0) start += _window.Length;
            var window = string.Create(_windowCount, (_window, start), static (chars, w) =>
            {
                for (var i = 0; i < chars.Length; i++) chars[i] = w._window[(w.start + i) % w._window.Length] ? '1' : '0';
            });
            return new LearnerRecord(_table.ToBytes(), _policy.Epsilon, _interactions, window, _replay.ToArray(), _degraded);
        }
    }

    /// <summary>
    /// A learner continuing from a snapshot under (possibly different) options: ε is kept but raised
    /// to <see cref="QLearningOptions.MinEpsilon"/> if below it; only the newest outcomes and
    /// trajectories that fit the window and buffer are kept; the random source restarts from
    /// <see cref="QLearningOptions.Seed"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The snapshot is inconsistent (lengths, non-finite values, invalid trajectories); the message says what.</exception>
    internal static QLearner Restore(LearnerSnapshot snapshot, QLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (snapshot.QValues is null || snapshot.Visits is null || snapshot.SuccessWindow is null || snapshot.Trajectories is null)
            throw new ArgumentException("The snapshot has a missing array.", nameof(snapshot));
        if (!(snapshot.Epsilon >= 0f && snapshot.Epsilon <= 1f))
            throw new ArgumentException($"The snapshot's epsilon {snapshot.Epsilon} is not in [0, 1].", nameof(snapshot));
        if (snapshot.Interactions < 0)
            throw new ArgumentException($"The snapshot's interaction count {snapshot.Interactions} is negative.", nameof(snapshot));
        for (var i = 0; i < snapshot.Trajectories.Length; i++)
        {
            var t = snapshot.Trajectories[i];
            if (!(t.Reward >= -1f && t.Reward <= 1f) || (uint)t.Action >= QTable.ActionCount || !t.State.IsValid || !t.NextState.IsValid)
                throw new ArgumentException($"The snapshot's trajectory {i} ({t}) is not valid.", nameof(snapshot));
        }

        var table = new QTable();
        table.Restore(snapshot.QValues, snapshot.Visits);
        var learner = new QLearner(options, table, Math.Max(snapshot.Epsilon, options.MinEpsilon));
        learner._interactions = snapshot.Interactions;
        var outcomes = snapshot.SuccessWindow.AsSpan();
        if (outcomes.Length > options.SuccessWindow) outcomes = outcomes[^options.SuccessWindow..];
        foreach (var outcome in outcomes) learner.RecordOutcome(outcome, decide: false);
        learner._degraded = snapshot.Degraded;
        var trajectories = snapshot.Trajectories.AsSpan();
        if (trajectories.Length > options.ReplayCapacity) trajectories = trajectories[^options.ReplayCapacity..];
        foreach (ref readonly var t in trajectories) learner._replay.Add(t);
        return learner;
    }
}
