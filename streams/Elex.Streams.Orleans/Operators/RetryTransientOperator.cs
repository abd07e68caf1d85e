using System.Reactive.Concurrency;
using System.Reactive.Linq;

namespace Elex.Streams.Orleans.Operators;

/// <summary>The RetryTransient operator.</summary>
internal static class RetryTransientOperator
{
    /// <summary>
    /// Resubscribes to a cold <paramref name="source"/> (one grain call per subscription) when it fails
    /// with a cluster fault (<see cref="ClusterFaults.IsTransient"/>), after <paramref name="delay"/>
    /// doubled at each attempt, up to <paramref name="attempts"/> subscriptions in all; any other
    /// error, or the last fault, passes through.
    /// </summary>
    public static IObservable<T> RetryTransient<T>(this IObservable<T> source, int attempts, TimeSpan delay, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return attempts == 1
            ? source
            : source.Catch((Exception error) => ClusterFaults.IsTransient(error)
                ? source.DelaySubscription(delay, scheduler).RetryTransient(attempts - 1, delay * 2, scheduler)
                : Observable.Throw<T>(error));
    }
}
