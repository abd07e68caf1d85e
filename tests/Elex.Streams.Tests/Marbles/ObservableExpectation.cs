using System.Globalization;
using System.Reactive;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Marbles;

/// <summary>
/// The recorded notifications of an observable, waiting to be compared with a marble
/// (see <see cref="MarbleScheduler.ExpectObservable{T}(ITestableObserver{T})"/>).
/// </summary>
/// <remarks>
/// Notifications are compared frame by frame and in order. Values are compared with
/// <see cref="EqualityComparer{T}.Default"/>; errors are equal when they are the same instance or have the same
/// type and message (so the default <see cref="MarbleException"/> of <c>#</c> matches another one).
/// </remarks>
public sealed class ObservableExpectation<T>
{
    private readonly IReadOnlyList<Recorded<Notification<T>>> _actual;
    private readonly int _ticksPerFrame;

    /// <param name="actual">Notifications timed in ticks relative to frame zero.</param>
    /// <param name="ticksPerFrame">Virtual-time ticks per frame.</param>
    internal ObservableExpectation(IEnumerable<Recorded<Notification<T>>> actual, int ticksPerFrame)
    {
        _actual = actual.OrderBy(m => m.Time).ToList();
        _ticksPerFrame = ticksPerFrame;
    }

    /// <summary>Asserts that the observable produced exactly the notifications of <paramref name="marble"/>.</summary>
    /// <param name="marble">The expected diagram, e.g. <c>"--a--b|"</c>.</param>
    /// <param name="values">Value of each value character; when null, values are the characters as strings.</param>
    /// <param name="error">The expected exception of <c>#</c>; a <see cref="MarbleException"/> when null.</param>
    /// <exception cref="Xunit.Sdk.FailException">They differ; the message shows both marbles and the first difference.</exception>
    public void ToBe(string marble, IReadOnlyDictionary<char, T>? values = null, Exception? error = null)
    {
        var expected = MarbleParser.Parse(marble, values, error, _ticksPerFrame).AsReadOnly();
        var difference = FirstDifference(expected);
        if (difference < 0)
        {
            return;
        }

        var nl = Environment.NewLine;
        Assert.Fail(
            $"The observable does not match the marble (1 frame = {_ticksPerFrame} ticks).{nl}" +
            $"expected: {marble.Trim()}{nl}" +
            $"actual:   {MarbleFormatter.Format(_actual, values, _ticksPerFrame)}{nl}" +
            $"first difference, notification #{difference + 1}: expected {Describe(expected, difference)}, actual {Describe(_actual, difference)}");
    }

    private int FirstDifference(IReadOnlyList<Recorded<Notification<T>>> expected)
    {
        var count = Math.Max(expected.Count, _actual.Count);
        for (var i = 0; i < count; i++)
        {
            if (i >= expected.Count || i >= _actual.Count
                || Frame(expected[i]) != Frame(_actual[i])
                || !Same(expected[i].Value, _actual[i].Value))
            {
                return i;
            }
        }

        return -1;
    }

    private long Frame(Recorded<Notification<T>> message) => MarbleFormatter.ToFrame(message.Time, _ticksPerFrame);

    private static bool Same(Notification<T> expected, Notification<T> actual) =>
        expected.Kind == actual.Kind && expected.Kind switch
        {
            NotificationKind.OnNext => EqualityComparer<T>.Default.Equals(expected.Value, actual.Value),
            NotificationKind.OnError => ReferenceEquals(expected.Exception, actual.Exception)
                || (expected.Exception!.GetType() == actual.Exception!.GetType()
                    && expected.Exception.Message == actual.Exception.Message),
            _ => true,
        };

    private string Describe(IReadOnlyList<Recorded<Notification<T>>> messages, int index)
    {
        if (index >= messages.Count)
        {
            return "no notification";
        }

        var message = messages[index];
        var notification = message.Value.Kind switch
        {
            NotificationKind.OnNext => string.Create(CultureInfo.InvariantCulture, $"OnNext({message.Value.Value?.ToString() ?? "null"})"),
            NotificationKind.OnError => $"OnError({message.Value.Exception!.GetType().Name}: {message.Value.Exception.Message})",
            _ => "OnCompleted",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{notification} at frame {Frame(message)}");
    }
}
