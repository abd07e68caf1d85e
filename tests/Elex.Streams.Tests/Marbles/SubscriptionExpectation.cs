using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Marbles;

/// <summary>
/// The subscription log of a test observable, waiting to be compared with subscription marbles
/// (see <see cref="MarbleScheduler.ExpectSubscriptions"/>).
/// </summary>
public sealed class SubscriptionExpectation
{
    private readonly IReadOnlyList<Subscription> _actual;
    private readonly int _ticksPerFrame;

    /// <param name="actual">Subscriptions timed in ticks relative to frame zero.</param>
    /// <param name="ticksPerFrame">Virtual-time ticks per frame.</param>
    internal SubscriptionExpectation(IEnumerable<Subscription> actual, int ticksPerFrame)
    {
        _actual = actual.ToList();
        _ticksPerFrame = ticksPerFrame;
    }

    /// <summary>
    /// Asserts the subscriptions, one marble per subscription in the order they were made, e.g.
    /// <c>ToBe("^---!", "--^-!")</c>. No marbles means "never subscribed"; so does a marble with neither
    /// <c>^</c> nor <c>!</c>, such as <c>"-----"</c> (as in RxJS).
    /// </summary>
    /// <exception cref="Xunit.Sdk.FailException">They differ; the message shows both sets of marbles.</exception>
    public void ToBe(params string[] marbles)
    {
        ArgumentNullException.ThrowIfNull(marbles);
        var drawn = marbles.Where(DrawsASubscription).ToList();
        var expected = drawn.Select(m => MarbleParser.ParseSubscription(m, _ticksPerFrame)).ToList();

        if (expected.Count == _actual.Count && expected.Zip(_actual).All(p => Frames(p.First) == Frames(p.Second)))
        {
            return;
        }

        var nl = Environment.NewLine;
        Assert.Fail(
            $"The subscriptions do not match the marbles (1 frame = {_ticksPerFrame} ticks).{nl}" +
            $"expected: {Lines(drawn.Select(m => m.Trim()))}{nl}" +
            $"actual:   {Lines(_actual.Select(Draw))}");
    }

    private static bool DrawsASubscription(string marble)
    {
        var (subscribe, unsubscribe) = MarbleParser.ParseSubscriptionFrames(marble);
        return subscribe is not null || unsubscribe is not null;
    }

    private (long Subscribe, long? Unsubscribe) Frames(Subscription subscription) =>
        (MarbleFormatter.ToFrame(subscription.Subscribe, _ticksPerFrame),
         subscription.Unsubscribe == Subscription.Infinite
             ? null
             : MarbleFormatter.ToFrame(subscription.Unsubscribe, _ticksPerFrame));

    private string Draw(Subscription subscription) =>
        subscription.Subscribe < 0
            ? $"(before frame 0: {subscription})"
            : MarbleFormatter.FormatSubscription(subscription, _ticksPerFrame);

    private static string Lines(IEnumerable<string> marbles)
    {
        var list = marbles.ToList();
        return list.Count == 0 ? "(no subscriptions)" : string.Join(Environment.NewLine + "          ", list);
    }
}
