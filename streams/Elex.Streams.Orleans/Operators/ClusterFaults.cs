using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Elex.Streams.Orleans.Operators;

/// <summary>Which failures of a grain call are the cluster's (worth calling again) rather than the agent's answer.</summary>
internal static class ClusterFaults
{
    /// <summary>
    /// True for a silo that died or left, a lost connection, a rejected message or a timeout: the
    /// grain is reactivated elsewhere and the same call succeeds. An agent's own error (an unknown
    /// agent, malformed input, a state it could not store) is not one: calling again would not help.
    /// </summary>
    public static bool IsTransient(Exception error) => error switch
    {
        ConnectionFailedException or SiloUnavailableException or OrleansMessageRejectionException or TimeoutException => true,
        AggregateException { InnerExceptions.Count: 1 } aggregate => IsTransient(aggregate.InnerExceptions[0]),
        _ => false,
    };
}
