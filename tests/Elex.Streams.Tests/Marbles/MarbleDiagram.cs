using System.Reactive;
using System.Text;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Marbles;

/// <summary>
/// RxJS-style marble diagrams over Microsoft.Reactive.Testing's virtual time.
/// <c>-</c> one frame; a letter or digit a value (it uses up its frame); <c>|</c> completion;
/// <c>#</c> error; <c>(ab)</c> several events in one frame (the group then advances time by its
/// length in characters, as in RxJS); <c>^</c> frame zero of a hot source (events before it are
/// dropped); <c>!</c> unsubscription in a subscription diagram; spaces are ignored.
/// Frame zero is the subscription time of <see cref="Origin"/> ticks (TestScheduler.Start subscribes
/// at 200), one frame is <see cref="FrameTicks"/> ticks.
/// </summary>
public static class MarbleDiagram
{
    /// <summary>Ticks per frame.</summary>
    public const long FrameTicks = 10;

    /// <summary>The tick of frame zero (TestScheduler.Start's subscription time).</summary>
    public const long Origin = ReactiveTest.Subscribed;

    /// <summary>Parses a diagram into recorded notifications.</summary>
    public static List<Recorded<Notification<T>>> Parse<T>(string diagram, IReadOnlyDictionary<char, T>? values = null, Exception? error = null)
    {
        ArgumentNullException.ThrowIfNull(diagram);
        var zero = diagram.Replace(" ", "", StringComparison.Ordinal).IndexOf('^');
        if (diagram.Count(c => c == '^') > 1) throw new FormatException($"'{diagram}': more than one '^'.");
        var frame = zero < 0 ? 0L : -zero;
        var result = new List<Recorded<Notification<T>>>();
        var terminated = false;
        var groupStart = -1L;
        var groupLength = 0;
        for (var i = 0; i < diagram.Length; i++)
        {
            var c = diagram[i];
            if (c == ' ') continue;
            var at = groupStart >= 0 ? groupStart : frame;
            switch (c)
            {
                case '-':
                    if (groupStart >= 0) throw new FormatException($"'{diagram}': '-' inside a group at position {i}.");
                    frame++;
                    continue;
                case '^':
                    if (groupStart >= 0) throw new FormatException($"'{diagram}': '^' inside a group at position {i}.");
                    frame++;
                    continue;
                case '(':
                    if (groupStart >= 0) throw new FormatException($"'{diagram}': nested group at position {i}.");
                    groupStart = frame;
                    groupLength = 1;
                    continue;
                case ')':
                    if (groupStart < 0) throw new FormatException($"'{diagram}': ')' without '(' at position {i}.");
                    frame = groupStart + groupLength + 1;
                    groupStart = -1;
                    continue;
            }
            if (terminated) throw new FormatException($"'{diagram}': event '{c}' at position {i} after the stream ended.");
            Notification<T> notification = c switch
            {
                '|' => Notification.CreateOnCompleted<T>(),
                '#' => Notification.CreateOnError<T>(error ?? new MarbleException()),
                _ when char.IsLetterOrDigit(c) => Notification.CreateOnNext(Value(c, values, diagram)),
                _ => throw new FormatException($"'{diagram}': unexpected '{c}' at position {i}."),
            };
            terminated = c is '|' or '#';
            if (at >= 0) result.Add(new Recorded<Notification<T>>(Origin + at * FrameTicks, notification));
            if (groupStart >= 0) groupLength++;
            else frame++;
        }
        if (groupStart >= 0) throw new FormatException($"'{diagram}': unclosed group.");
        return result;
    }

    /// <summary>Parses a subscription diagram (<c>^---!</c>).</summary>
    public static Subscription ParseSubscription(string diagram)
    {
        var clean = diagram.Replace(" ", "", StringComparison.Ordinal);
        var start = clean.IndexOf('^');
        if (start < 0) throw new FormatException($"'{diagram}': a subscription diagram needs '^'.");
        var end = clean.IndexOf('!');
        return end < 0 ? new Subscription(Origin + start * FrameTicks) : new Subscription(Origin + start * FrameTicks, Origin + end * FrameTicks);
    }

    /// <summary>Renders notifications as a diagram (one character per frame, groups for several events in one frame).</summary>
    public static string Format<T>(IEnumerable<Recorded<Notification<T>>> messages, IReadOnlyDictionary<char, T>? values = null)
    {
        var byFrame = messages.GroupBy(m => (m.Time - Origin) / FrameTicks).OrderBy(g => g.Key).ToList();
        var text = new StringBuilder();
        var frame = 0L;
        foreach (var group in byFrame)
        {
            if (group.Key < frame) text.Append($"[{group.Key}]");
            while (frame < group.Key)
            {
                text.Append('-');
                frame++;
            }
            var symbols = group.Select(m => Symbol(m.Value, values)).ToList();
            if (symbols.Count == 1)
            {
                text.Append(symbols[0]);
                frame++;
            }
            else
            {
                text.Append('(').Append(string.Concat(symbols)).Append(')');
                frame += symbols.Count + 2;
            }
        }
        return text.ToString();
    }

    private static T Value<T>(char c, IReadOnlyDictionary<char, T>? values, string diagram)
    {
        if (values is not null) return values.TryGetValue(c, out var v) ? v : throw new FormatException($"'{diagram}': no value for '{c}'.");
        if (typeof(T) == typeof(char)) return (T)(object)c;
        if (typeof(T) == typeof(string)) return (T)(object)c.ToString();
        throw new FormatException($"'{diagram}': '{c}' needs a values map for {typeof(T).Name}.");
    }

    private static string Symbol<T>(Notification<T> n, IReadOnlyDictionary<char, T>? values) => n.Kind switch
    {
        NotificationKind.OnCompleted => "|",
        NotificationKind.OnError => "#",
        _ => values?.FirstOrDefault(kv => EqualityComparer<T>.Default.Equals(kv.Value, n.Value)).Key is char k and not '\0' ? k.ToString() : n.Value?.ToString() ?? "?",
    };
}

/// <summary>The error a <c>#</c> stands for when the test gives none.</summary>
public sealed class MarbleException() : Exception("error");
