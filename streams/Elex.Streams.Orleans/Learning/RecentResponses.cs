using System.Collections.Concurrent;

namespace Elex.Streams.Orleans.Learning;

/// <summary>What feedback on an answered response needs: its agent, the learning state and strategy it was given in, and the silo that answered.</summary>
/// <param name="AgentId">The answering agent.</param>
/// <param name="LearningState">The learning state's index, or -1 when the agent did not consult its policy (learning off).</param>
/// <param name="Strategy">The strategy's number.</param>
/// <param name="Silo">The silo that hosted the agent.</param>
public sealed record AnsweredBy(string AgentId, int LearningState, int Strategy, string Silo);

/// <summary>
/// The newest answered responses by id, and each agent's last one, so feedback can reach the agent
/// that answered with what it needs to learn. Bounded: the oldest are forgotten first. Thread-safe.
/// </summary>
internal sealed class RecentResponses(int capacity)
{
    private readonly ConcurrentDictionary<string, AnsweredBy> _byResponse = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _lastByAgent = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>How many are remembered at most.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>Remembers an answered response.</summary>
    public void Remember(string responseId, AnsweredBy answered)
    {
        if (!_byResponse.TryAdd(responseId, answered)) return;
        _lastByAgent[answered.AgentId] = responseId;
        _order.Enqueue(responseId);
        while (_order.Count > Capacity && _order.TryDequeue(out var oldest)) _byResponse.TryRemove(oldest, out _);
    }

    /// <summary>The response, if still remembered.</summary>
    public bool TryGet(string responseId, out AnsweredBy answered) => _byResponse.TryGetValue(responseId, out answered!);

    /// <summary>The agent's most recent answered response still remembered.</summary>
    public bool TryGetLast(string agentId, out string responseId, out AnsweredBy answered)
    {
        answered = null!;
        return _lastByAgent.TryGetValue(agentId, out responseId!) && TryGet(responseId, out answered);
    }
}
