namespace Elex.Streams.Pipeline;

/// <summary>The swarm's bounded ingress is full and the caller asked not to wait.</summary>
public sealed class SwarmBusyException(int capacity)
    : Exception($"The swarm is busy: its ingress queue is full ({capacity} queries waiting). Retry later or raise IngressCapacity.")
{
    /// <summary>The ingress capacity.</summary>
    public int Capacity { get; } = capacity;
}
