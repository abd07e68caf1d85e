namespace Elex.Streams.Pipeline;

/// <summary>
/// The swarm's one policy for a subscriber that throws, on every stream it offers (responses, agent
/// states, conversations): that subscriber is detached, the others and the pipeline carry on, and the
/// fault is counted here.
/// </summary>
internal sealed class SubscriberFaultCounter
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Record() => Interlocked.Increment(ref _count);
}
