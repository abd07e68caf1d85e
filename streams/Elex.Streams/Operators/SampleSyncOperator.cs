using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Elex.Core.Learning;

namespace Elex.Streams.Operators;

/// <summary>The automatic sync stage: applied feedback in, one publish per interval that saw learning.</summary>
internal static class SampleSyncOperator
{
    /// <summary>
    /// Samples the applied feedback every <paramref name="interval"/> and, for each interval in which
    /// something was learned, runs <paramref name="publish"/> once (never two at a time: a slow publish
    /// delays the next). Emits what each publish returned (agents sent). A publish that fails is
    /// skipped — the next interval with learning tries again — so the stream never ends because of the
    /// network. Completes when the feedback stream completes and the last publish has finished.
    /// </summary>
    public static IObservable<int> SampleSync(
        this IObservable<FeedbackResult> feedback, TimeSpan interval, Func<CancellationToken, Task<int>> publish, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        ArgumentNullException.ThrowIfNull(publish);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return feedback
            .Where(result => result.Applied)
            .Sample(interval, scheduler)
            .Select(_ => Observable.FromAsync(publish).Catch(Observable.Empty<int>()))
            .Concat();
    }
}
