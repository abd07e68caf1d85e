using System.Reactive;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Marbles;

/// <summary>Assertions that read as pictures: on failure both diagrams are shown.</summary>
public static class MarbleAssert
{
    /// <summary>The observer saw exactly <paramref name="expected"/> (values, timing, termination).</summary>
    public static void Observable<T>(string expected, ITestableObserver<T> actual, IReadOnlyDictionary<char, T>? values = null, Exception? error = null)
    {
        var want = MarbleDiagram.Parse(expected, values, error);
        var got = actual.Messages.ToList();
        var same = want.Count == got.Count && want.Zip(got).All(p => p.First.Time == p.Second.Time && SameNotification(p.First.Value, p.Second.Value, error is null));
        Assert.True(same, $"expected: {expected}\n  actual: {MarbleDiagram.Format(got, values)}\n  (raw: {string.Join(", ", got)})");
    }

    /// <summary>The source was subscribed exactly as <paramref name="expected"/> shows.</summary>
    public static void Subscriptions(string expected, IList<Subscription> actual) =>
        Assert.Equal([MarbleDiagram.ParseSubscription(expected)], actual);

    // Without an explicit error, '#' matches any error.
    private static bool SameNotification<T>(Notification<T> a, Notification<T> b, bool anyError) =>
        a.Kind == NotificationKind.OnError && b.Kind == NotificationKind.OnError ? anyError || Equals(a.Exception, b.Exception) : a.Equals(b);
}
