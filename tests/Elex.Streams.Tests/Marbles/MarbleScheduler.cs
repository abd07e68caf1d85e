using System.Reactive;
using System.Reactive.Concurrency;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Marbles;

/// <summary>
/// Marble testing on top of a <see cref="TestScheduler"/>: hot and cold sources drawn as marbles, one run of the
/// observable under test in virtual time, and assertions written as marbles.
/// </summary>
/// <remarks>
/// <para>Timeline: frame <c>f</c> covers the ticks <c>[Origin + f * TicksPerFrame, Origin + (f + 1) * TicksPerFrame)</c>.
/// <see cref="Origin"/> is <see cref="ReactiveTest.Subscribed"/> (200), i.e. Rx.NET's <c>Start</c> convention with frame
/// zero at the subscription time; the <c>^</c> of every hot marble is frame zero, so it lines up with the subscription
/// made by <see cref="Run{T}"/>. Hot events before <c>^</c> happen before anyone can subscribe and are never seen.</para>
/// <para>Source notifications are played one tick into their frame (the <c>201</c> of Rx.NET tests; the
/// <see cref="TestScheduler"/> moves anything due "now" one tick later anyway). So a subscription or disposal made at a
/// frame boundary happens before the events of that frame, and a hot event comes before a cold one in the same frame,
/// as in RxJS. Assertions compare frames, not ticks, so these offsets never show; ticks per frame must be at least 2.</para>
/// <para>Use one instance per test: create the sources, <see cref="Run{T}"/> once, then assert.</para>
/// </remarks>
public sealed class MarbleScheduler
{
    /// <summary>Ticks into its frame at which a source notification is played.</summary>
    private const long PlayOffset = 1;

    /// <param name="ticksPerFrame">Virtual-time ticks per frame (at least 2); 10 by default.</param>
    public MarbleScheduler(int ticksPerFrame = MarbleParser.DefaultTicksPerFrame)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ticksPerFrame, 2);
        TicksPerFrame = ticksPerFrame;
    }

    /// <summary>The virtual-time scheduler; pass it to the operators under test.</summary>
    public TestScheduler Scheduler { get; } = new();

    /// <summary>Virtual-time ticks per marble frame.</summary>
    public int TicksPerFrame { get; }

    /// <summary>The absolute tick of frame zero (where <see cref="Run{T}"/> subscribes by default).</summary>
    public long Origin => ReactiveTest.Subscribed;

    /// <summary>How many frames past frame zero <see cref="Run{T}"/> lets virtual time run (default 1000), so that endless sources end.</summary>
    public int MaxFrames { get; set; } = 1000;

    /// <summary>The duration of <paramref name="count"/> frames, for operators that take a <see cref="TimeSpan"/>.</summary>
    public TimeSpan Frames(int count) => TimeSpan.FromTicks((long)count * TicksPerFrame);

    /// <summary>A hot observable whose values are the characters of the marble, as strings.</summary>
    public ITestableObservable<string> Hot(string marble, Exception? error = null) => Hot<string>(marble, null, error);

    /// <summary>
    /// A hot observable playing <paramref name="marble"/> on the scheduler's clock; its <c>^</c> (or first character) is frame zero.
    /// Create it before <see cref="Run{T}"/>.
    /// </summary>
    public ITestableObservable<T> Hot<T>(string marble, IReadOnlyDictionary<char, T>? values = null, Exception? error = null)
    {
        if (Scheduler.Clock > 0)
        {
            throw new InvalidOperationException("Create hot observables before virtual time starts (before Run).");
        }

        var messages = MarbleParser.Parse(marble, values, error, TicksPerFrame)
            .Select(m => new Recorded<Notification<T>>(Origin + m.Time + PlayOffset, m.Value))
            .ToArray();
        return Scheduler.CreateHotObservable(messages);
    }

    /// <summary>A cold observable whose values are the characters of the marble, as strings.</summary>
    public ITestableObservable<string> Cold(string marble, Exception? error = null) => Cold<string>(marble, null, error);

    /// <summary>A cold observable: every subscription replays <paramref name="marble"/> from its own frame zero. No <c>^</c> allowed.</summary>
    public ITestableObservable<T> Cold<T>(string marble, IReadOnlyDictionary<char, T>? values = null, Exception? error = null)
    {
        var parsed = MarbleParser.Parse(marble, values, error, TicksPerFrame);
        var caret = marble.IndexOf('^', StringComparison.Ordinal);
        if (caret >= 0)
        {
            throw MarbleParser.Error(marble, caret, "a cold observable has no subscription point '^'; it starts when subscribed");
        }

        var messages = parsed
            .Select(m => new Recorded<Notification<T>>(m.Time + PlayOffset, m.Value))
            .ToArray();
        return Scheduler.CreateColdObservable(messages);
    }

    /// <summary>
    /// Runs the observable under test in virtual time, like <see cref="TestScheduler.Start{T}(Func{IObservable{T}})"/>
    /// shifted to marble frames: <paramref name="create"/> is called at frame zero, its result is subscribed at the
    /// <c>^</c> of <paramref name="subscription"/> (frame zero when absent) and disposed at its <c>!</c> (never when
    /// absent, as in RxJS; e.g. <c>"-----!"</c>); virtual time then runs to <see cref="MaxFrames"/>.
    /// </summary>
    /// <returns>The recorded notifications, for <see cref="ExpectObservable{T}(ITestableObserver{T})"/>.</returns>
    public ITestableObserver<T> Run<T>(Func<IObservable<T>> create, string subscription = "^")
    {
        ArgumentNullException.ThrowIfNull(create);
        if (Scheduler.Clock >= Origin)
        {
            throw new InvalidOperationException("Run can be called once per MarbleScheduler: virtual time has already passed frame zero.");
        }

        var (subscribe, unsubscribe) = MarbleParser.ParseSubscriptionFrames(subscription);
        var subscribeFrame = subscribe ?? 0;
        if (unsubscribe < subscribeFrame)
        {
            throw new FormatException($"Invalid subscription marble: '!' before '^'.{Environment.NewLine}  {subscription}");
        }

        var observer = Scheduler.CreateObserver<T>();
        IObservable<T>? source = null;
        IDisposable? handle = null;
        Scheduler.ScheduleAbsolute(Origin, () => source = create());
        Scheduler.ScheduleAbsolute(TicksOf(subscribeFrame), () => handle = source!.Subscribe(observer));
        if (unsubscribe is long unsubscribeFrame)
        {
            Scheduler.ScheduleAbsolute(TicksOf(unsubscribeFrame), () => handle?.Dispose());
        }

        Scheduler.AdvanceTo(TicksOf(MaxFrames));
        return observer;
    }

    /// <summary>Starts an assertion on what <see cref="Run{T}"/> recorded: <c>ExpectObservable(result).ToBe("--a--b|")</c>.</summary>
    public ObservableExpectation<T> ExpectObservable<T>(ITestableObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        return ExpectObservable(observer.Messages);
    }

    /// <summary>Starts an assertion on notifications recorded at absolute ticks of <see cref="Scheduler"/>.</summary>
    public ObservableExpectation<T> ExpectObservable<T>(IEnumerable<Recorded<Notification<T>>> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return new ObservableExpectation<T>(
            messages.Select(m => new Recorded<Notification<T>>(m.Time - Origin, m.Value)),
            TicksPerFrame);
    }

    /// <summary>Starts an assertion on a subscription log, e.g. <c>ExpectSubscriptions(source.Subscriptions).ToBe("^---!")</c>.</summary>
    public SubscriptionExpectation ExpectSubscriptions(IEnumerable<Subscription> subscriptions)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        return new SubscriptionExpectation(
            subscriptions.Select(s => s.Unsubscribe == Subscription.Infinite
                ? new Subscription(s.Subscribe - Origin)
                : new Subscription(s.Subscribe - Origin, s.Unsubscribe - Origin)),
            TicksPerFrame);
    }

    private long TicksOf(long frame) => Origin + (frame * TicksPerFrame);
}
