using Elex.Core.Agents;

namespace Elex.Core.Learning;

/// <summary>
/// One agent's Q-learning: an ε-greedy choice of <see cref="ResponseAction"/> per
/// <see cref="LearningState"/>, learning from rewarded feedback with experience replay, plus a
/// rolling success rate that drives the agent's lifecycle (with hysteresis between Ready and
/// Degraded). Thread-safe: every member takes the learner's lock. <see cref="Choose(LearningState)"/> and
/// <see cref="Learn"/> do not allocate.
/// </summary>
public sealed partial class QLearner
{
    /// <summary>Outcomes the rolling window must hold before it can make the agent Degraded (or fewer if the window is smaller).</summary>
    public const int MinOutcomesForHealth = 10;

    private readonly Lock _gate = new();
    private readonly QTable _table;
    private readonly EpsilonGreedyPolicy _policy;
    private readonly ReplayBuffer _replay;
    private readonly Random _random;
    private readonly Trajectory[] _batch;
    private readonly bool[] _window;
    private int _windowNext, _windowCount, _windowSuccesses;
    private long _interactions;
    private bool _degraded;
    // What other swarms learned for this agent (visit-weighted means), and the blend the policy acts on.
    private QTable? _peers;
    private QTable? _blended;

    /// <summary>Creates a learner with no experience.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public QLearner(QLearningOptions? options = null)
        : this((options ?? new QLearningOptions()).Validate(), new QTable(), epsilon: null)
    {
    }

    private QLearner(QLearningOptions options, QTable table, float? epsilon)
    {
        Options = options;
        _table = table;
        _policy = epsilon is { } e ? new EpsilonGreedyPolicy(e, options.EpsilonDecay, options.MinEpsilon) : new EpsilonGreedyPolicy(options);
        _replay = new ReplayBuffer(options.ReplayCapacity);
        _random = options.Seed is { } seed ? new Random(seed) : new Random();
        _batch = new Trajectory[options.ReplayBatch];
        _window = new bool[options.SuccessWindow];
    }

    /// <summary>The (validated) options.</summary>
    public QLearningOptions Options { get; }

    /// <summary>Feedback events learned from.</summary>
    public long Interactions
    {
        get { lock (_gate) return _interactions; }
    }

    /// <summary>Successes over outcomes in the rolling window; 0 while it is empty.</summary>
    public double SuccessRate
    {
        get { lock (_gate) return Rate(); }
    }

    /// <summary>Outcomes in the rolling window now (at most <see cref="QLearningOptions.SuccessWindow"/>).</summary>
    public int SuccessWindowCount
    {
        get { lock (_gate) return _windowCount; }
    }

    /// <summary>The current exploration rate ε.</summary>
    public float Epsilon
    {
        get { lock (_gate) return _policy.Epsilon; }
    }

    /// <summary>Q-table entries that are not zero.</summary>
    public int QTableEntries
    {
        get { lock (_gate) return _table.NonZeroEntries; }
    }

    /// <summary>Trajectories in the replay buffer.</summary>
    public int TrajectoryCount => _replay.Count;

    /// <summary>Q(state, action).</summary>
    internal float QValue(LearningState state, ResponseAction action)
    {
        lock (_gate) return _table.Get(state, action);
    }

    /// <summary>Times the action was taken in the state.</summary>
    internal int Visits(LearningState state, ResponseAction action)
    {
        lock (_gate) return _table.Visits(state, action);
    }

    /// <summary>The greedy action for the state (ties to the lowest action), without exploration; blended with peers' learning once adopted.</summary>
    internal ResponseAction BestAction(LearningState state)
    {
        lock (_gate) return (_blended ?? _table).BestAction(state);
    }

    /// <summary>Chooses how to respond in the state, ε-greedily, over the blend of own and peers' Q-values once peers are adopted.</summary>
    internal ResponseAction Choose(LearningState state)
    {
        lock (_gate) return _policy.Choose(_blended ?? _table, state, _random);
    }

    /// <summary>
    /// As <see cref="Choose(LearningState)"/>, with exploration seeded by the question and what has
    /// been learned so far: the same question against the same learned state gets the same choice,
    /// so an answer does not change between identical runs; after new feedback it may.
    /// </summary>
    internal ResponseAction Choose(LearningState state, int questionSeed)
    {
        lock (_gate) return _policy.Choose(_blended ?? _table, state, Seed(questionSeed, _interactions, Options.Seed ?? 0));
    }

    // Deterministic across processes (unlike HashCode.Combine, which is randomised per process).
    private static ulong Seed(int question, long interactions, int seed) =>
        ((ulong)(uint)question << 32 | (uint)seed) ^ ((ulong)interactions * 0xD1B54A32D192ED03UL);

    /// <summary>The Q-value the policy acts on: the blend with peers' learning once adopted, else the own value.</summary>
    internal float ActingValue(LearningState state, ResponseAction action)
    {
        lock (_gate) return (_blended ?? _table).Get(state, action);
    }

    /// <summary>
    /// Learns from feedback on <paramref name="action"/> taken in <paramref name="state"/>:
    /// Q(s,a) += α (r + γ max Q(s',·) − Q(s,a)); records the trajectory and the outcome in the rolling
    /// success window; decays ε; then, once the buffer holds <see cref="QLearningOptions.ReplayBatch"/>
    /// trajectories, replays that many sampled ones with the same rule.
    /// </summary>
    /// <returns>The outcome's sequence number (the interaction count before it), which <see cref="Relearn"/> takes to replace it.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The reward is not a finite number in [-1, 1], or a state or the action is not valid; nothing changed.</exception>
    internal long Learn(LearningState state, ResponseAction action, float reward, LearningState next, bool success, long timestamp)
    {
        if (!(reward >= -1f && reward <= 1f)) // also rejects NaN
            throw new ArgumentOutOfRangeException(nameof(reward), reward, $"The reward must be a finite number in [-1, 1]; it is {reward}.");
        if ((uint)action >= QTable.ActionCount)
            throw new ArgumentOutOfRangeException(nameof(action), action, $"{action} is not a valid ResponseAction.");
        _ = state.Index; // validate both states before anything changes
        _ = next.Index;

        lock (_gate)
        {
            var outcome = _interactions;
            Update(state, action, reward, next);
            _table.AddVisit(state, action);
            _replay.Add(new Trajectory(state, action, reward, next, timestamp));
            _interactions++;
            RecordOutcome(success);
            _policy.Decay();

            if (_replay.Count >= _batch.Length)
            {
                var n = _replay.Sample(_random, _batch);
                for (var i = 0; i < n; i++)
                {
                    ref readonly var t = ref _batch[i];
                    Update(t.State, t.Action, t.Reward, t.NextState);
                }
            }
            if (_peers is not null) _blended!.BlendFrom(_table, _peers);
            return outcome;
        }
    }

    /// <summary>
    /// Replaces an earlier rating of the same response instead of learning a second one: Q(s,a) moves
    /// by α (r_new − r_old), which is what the original update would have added with the new reward;
    /// the trajectory in the replay buffer takes the new reward, so replays from now on learn it; and
    /// the outcome in the rolling success window is replaced (and the Ready/Degraded decision taken
    /// again). Interactions, visits and ε do not move: the response is still rated once. Updates made
    /// between the two ratings (replays of the old reward among them) are not undone — the correction
    /// is first-order, exact when nothing was learned in between.
    /// </summary>
    /// <param name="state">The state the rated response was given in.</param>
    /// <param name="action">The action it took.</param>
    /// <param name="previous">The rating being replaced, as <see cref="Learn"/> recorded it.</param>
    /// <param name="reward">The new reward, in [-1, 1].</param>
    /// <param name="success">Whether the new rating says the answer succeeded.</param>
    /// <exception cref="ArgumentOutOfRangeException">The reward is not a finite number in [-1, 1], or the state or action is not valid; nothing changed.</exception>
    internal void Relearn(LearningState state, ResponseAction action, Rating previous, float reward, bool success)
    {
        if (!(reward >= -1f && reward <= 1f))
            throw new ArgumentOutOfRangeException(nameof(reward), reward, $"The reward must be a finite number in [-1, 1]; it is {reward}.");
        if ((uint)action >= QTable.ActionCount)
            throw new ArgumentOutOfRangeException(nameof(action), action, $"{action} is not a valid ResponseAction.");
        _ = state.Index;

        lock (_gate)
        {
            _table.Set(state, action, _table.Get(state, action) + Options.Alpha * (reward - previous.Reward));
            var fromNewest = _interactions - 1 - previous.Outcome;
            _replay.TryReplaceReward(fromNewest, new Trajectory(state, action, previous.Reward, default, 0), reward);
            if (fromNewest >= 0 && fromNewest < _windowCount)
            {
                var index = _windowNext - 1 - (int)fromNewest;
                if (index < 0) index += _window.Length;
                if (_window[index] == previous.Success && previous.Success != success)
                {
                    _window[index] = success;
                    _windowSuccesses += success ? 1 : -1;
                    Decide();
                }
            }
            if (_peers is not null) _blended!.BlendFrom(_table, _peers);
        }
    }

    /// <summary>
    /// The lifecycle for an agent with <paramref name="totalInteractions"/> (which may include
    /// interactions from before a restart): ColdStart below the cold-start threshold; otherwise
    /// Degraded or Ready by the rolling success rate. The learner becomes degraded when the window
    /// holds at least <see cref="MinOutcomesForHealth"/> outcomes and the rate is below
    /// <see cref="QLearningOptions.DegradedThreshold"/>, and recovers only at or above
    /// <see cref="QLearningOptions.RecoverThreshold"/>; in between the last decision holds. The decision
    /// is taken after every outcome, so it does not depend on how often this is called.
    /// </summary>
    public AgentLifecycle Lifecycle(long totalInteractions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalInteractions);
        if (totalInteractions < Options.ColdStartThreshold) return AgentLifecycle.ColdStart;
        lock (_gate) return _degraded ? AgentLifecycle.Degraded : AgentLifecycle.Ready;
    }

    /// <summary>The lifecycle by this learner's own <see cref="Interactions"/>.</summary>
    public AgentLifecycle Lifecycle() => Lifecycle(Interactions);

    private void Update(LearningState state, ResponseAction action, float reward, LearningState next)
    {
        var q = _table.Get(state, action);
        var target = reward + Options.Gamma * _table.MaxValue(next);
        _table.Set(state, action, q + Options.Alpha * (target - q));
    }

    private void RecordOutcome(bool success, bool decide = true)
    {
        if (_windowCount == _window.Length)
        {
            if (_window[_windowNext]) _windowSuccesses--;
        }
        else
        {
            _windowCount++;
        }
        _window[_windowNext] = success;
        if (success) _windowSuccesses++;
        _windowNext = _windowNext + 1 == _window.Length ? 0 : _windowNext + 1;

        if (decide) Decide();
    }

    // Hysteresis: degrade below DegradedThreshold, recover only at RecoverThreshold or above, once the window holds enough outcomes.
    private void Decide()
    {
        if (_windowCount < Math.Min(MinOutcomesForHealth, _window.Length)) return;
        var rate = Rate();
        if (_degraded) { if (rate >= Options.RecoverThreshold) _degraded = false; }
        else if (rate < Options.DegradedThreshold) _degraded = true;
    }

    private double Rate() => _windowCount == 0 ? 0 : (double)_windowSuccesses / _windowCount;
}
