using System.Reactive;
using System.Text.RegularExpressions;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Marbles;

/// <summary>
/// Parses ASCII marble diagrams (an RxJS-compatible subset) into Rx.NET test notifications and subscriptions.
/// </summary>
/// <remarks>
/// <para>Notification marbles (<see cref="Parse{T}"/>):</para>
/// <list type="bullet">
/// <item><c>-</c> one frame of time.</item>
/// <item>a letter or digit: an OnNext whose value comes from the values map (or is the character itself,
/// as a string, when no map is given); it uses up one frame.</item>
/// <item><c>|</c> OnCompleted, <c>#</c> OnError (the given exception, default a <see cref="MarbleException"/>);
/// each uses up one frame. Nothing but time may follow them.</item>
/// <item><c>(ab)</c> a group: all its events happen in the frame of <c>(</c>; like in RxJS the group then
/// advances time by its width in characters, parentheses included (<c>(ab)</c> advances 4 frames).</item>
/// <item><c>^</c> frame zero (the subscription point of a hot observable). It uses up one frame; events before it
/// get negative times. Without <c>^</c>, frame zero is the first character.</item>
/// <item>whitespace is ignored and does not advance time, so it can be used for alignment.</item>
/// </list>
/// <para>Times are <c>frame * ticksPerFrame</c>, relative to frame zero. Time progression syntax
/// (<c>10ms</c>, <c>1s</c>) is not supported and is rejected with a <see cref="FormatException"/>:
/// digits are always values; draw time with dashes or choose a larger <c>ticksPerFrame</c>.</para>
/// <para>Subscription marbles (<see cref="ParseSubscription"/>) start at frame zero on their first character:
/// <c>^</c> is the subscription frame, <c>!</c> the unsubscription frame (it does not advance time, as in RxJS),
/// <c>-</c> and groups as above, so <c>^---!</c> is subscribed at 0 and unsubscribed at 4, and <c>(^!)</c>
/// subscribes and unsubscribes in frame 0.</para>
/// </remarks>
public static partial class MarbleParser
{
    /// <summary>Ticks per frame unless told otherwise (the frame size of RxJS's classic marble tests).</summary>
    public const int DefaultTicksPerFrame = 10;

    /// <summary>Parses a marble whose values are the characters themselves, as strings.</summary>
    public static IList<Recorded<Notification<string>>> Parse(
        string marble, Exception? error = null, int ticksPerFrame = DefaultTicksPerFrame) =>
        Parse<string>(marble, null, error, ticksPerFrame);

    /// <summary>Parses a notification marble into notifications timed relative to frame zero.</summary>
    /// <param name="marble">The diagram, e.g. <c>"-a-^-b-(cd)-|"</c>.</param>
    /// <param name="values">Value of each value character; when null, <typeparamref name="T"/> must accept a string.</param>
    /// <param name="error">The exception of <c>#</c>; a new <see cref="MarbleException"/> when null.</param>
    /// <param name="ticksPerFrame">Virtual-time ticks per frame.</param>
    /// <exception cref="FormatException">The marble is malformed; the message names the position and the character.</exception>
    public static IList<Recorded<Notification<T>>> Parse<T>(
        string marble,
        IReadOnlyDictionary<char, T>? values = null,
        Exception? error = null,
        int ticksPerFrame = DefaultTicksPerFrame)
    {
        ArgumentNullException.ThrowIfNull(marble);
        CheckTicksPerFrame(ticksPerFrame);

        var events = new List<(long Frame, Notification<T> Notification)>();
        var cursor = new MarbleCursor(marble);
        long? zeroFrame = null;
        int zeroPosition = -1, terminalPosition = -1;

        for (var i = 0; i < marble.Length; i++)
        {
            if (cursor.TryStep(i))
            {
                continue;
            }

            var c = marble[i];
            switch (c)
            {
                case '^':
                    if (cursor.InGroup)
                    {
                        throw Error(marble, i, "'^' cannot be inside a group");
                    }

                    if (zeroFrame is not null)
                    {
                        throw Error(marble, i, $"second subscription point '^'; the first is at position {zeroPosition}");
                    }

                    zeroFrame = cursor.Frame;
                    zeroPosition = i;
                    cursor.Event();
                    continue;
                case '!':
                    throw Error(marble, i, "'!' (unsubscription) is only allowed in subscription marbles");
                case '|' or '#':
                    break;
                default:
                    if (!char.IsLetterOrDigit(c))
                    {
                        throw Error(marble, i, "unexpected character; expected '-', '|', '#', '(', ')', '^', whitespace or a letter/digit value");
                    }

                    RejectTimeProgression(marble, i);
                    break;
            }

            if (terminalPosition >= 0)
            {
                var terminal = marble[terminalPosition] == '|' ? "completion '|'" : "error '#'";
                throw Error(marble, i, $"event after the {terminal} at position {terminalPosition}");
            }

            Notification<T> notification;
            switch (c)
            {
                case '|':
                    notification = Notification.CreateOnCompleted<T>();
                    terminalPosition = i;
                    break;
                case '#':
                    notification = Notification.CreateOnError<T>(error ?? new MarbleException());
                    terminalPosition = i;
                    break;
                default:
                    notification = Notification.CreateOnNext(Value(marble, i, values));
                    break;
            }

            events.Add((cursor.EventFrame, notification));
            cursor.Event();
        }

        cursor.End();
        var zero = zeroFrame ?? 0;
        return events
            .Select(e => new Recorded<Notification<T>>((e.Frame - zero) * ticksPerFrame, e.Notification))
            .ToList();
    }

    /// <summary>
    /// Parses a subscription-log marble such as <c>"--^---!"</c>; it must contain <c>^</c>.
    /// Without <c>!</c> the subscription is never disposed (<see cref="Subscription.Infinite"/>).
    /// </summary>
    /// <exception cref="FormatException">The marble is malformed or has no <c>^</c>.</exception>
    public static Subscription ParseSubscription(string marble, int ticksPerFrame = DefaultTicksPerFrame)
    {
        CheckTicksPerFrame(ticksPerFrame);
        var (subscribe, unsubscribe) = ParseSubscriptionFrames(marble);
        if (subscribe is not long s)
        {
            throw new FormatException($"Invalid subscription marble: it has no subscription point '^'.{Environment.NewLine}  {marble}");
        }

        return unsubscribe is long u
            ? new Subscription(s * ticksPerFrame, u * ticksPerFrame)
            : new Subscription(s * ticksPerFrame);
    }

    /// <summary>The frames of <c>^</c> and <c>!</c> in a subscription marble; null where the marker is absent.</summary>
    internal static (long? Subscribe, long? Unsubscribe) ParseSubscriptionFrames(string marble)
    {
        ArgumentNullException.ThrowIfNull(marble);

        var cursor = new MarbleCursor(marble);
        long? subscribe = null, unsubscribe = null;
        int subscribePosition = -1, unsubscribePosition = -1;

        for (var i = 0; i < marble.Length; i++)
        {
            if (cursor.TryStep(i))
            {
                continue;
            }

            switch (marble[i])
            {
                case '^':
                    if (subscribe is not null)
                    {
                        throw Error(marble, i, $"second subscription point '^'; the first is at position {subscribePosition}");
                    }

                    if (unsubscribe is not null)
                    {
                        throw Error(marble, i, $"subscription point after the unsubscription point '!' at position {unsubscribePosition}");
                    }

                    subscribe = cursor.EventFrame;
                    subscribePosition = i;
                    cursor.Event();
                    break;
                case '!':
                    if (unsubscribe is not null)
                    {
                        throw Error(marble, i, $"second unsubscription point '!'; the first is at position {unsubscribePosition}");
                    }

                    unsubscribe = cursor.EventFrame;
                    unsubscribePosition = i;
                    cursor.Event(takesFrame: false); // '!' does not advance time (RxJS).
                    break;
                default:
                    RejectTimeProgression(marble, i);
                    throw Error(marble, i, "unexpected character; a subscription marble has only '-', '^', '!', '(', ')' and whitespace");
            }
        }

        cursor.End();
        return (subscribe, unsubscribe);
    }

    internal static void CheckTicksPerFrame(int ticksPerFrame)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ticksPerFrame, 1);
    }

    /// <summary>A <see cref="FormatException"/> naming the position and character, with a caret under it.</summary>
    internal static FormatException Error(string marble, int position, string problem)
    {
        var nl = Environment.NewLine;
        return new FormatException(
            $"Invalid marble at position {position} ('{marble[position]}'): {problem}.{nl}  {marble}{nl}  {new string(' ', position)}^");
    }

    private static T Value<T>(string marble, int position, IReadOnlyDictionary<char, T>? values)
    {
        var c = marble[position];
        if (values is not null)
        {
            return values.TryGetValue(c, out var value)
                ? value
                : throw Error(marble, position, "the values map has no entry for this character");
        }

        return c.ToString() is T text
            ? text
            : throw Error(marble, position, $"no values map was given, and a {typeof(T).Name} value cannot be the character itself");
    }

    /// <summary>Rejects RxJS time progression (<c>10ms</c>, <c>1.5s</c>, <c>2m</c>) rather than reading its digits as values.</summary>
    private static void RejectTimeProgression(string marble, int position)
    {
        if (!char.IsAsciiDigit(marble[position]) || (position > 0 && !char.IsWhiteSpace(marble[position - 1])))
        {
            return;
        }

        var match = TimeProgression().Match(marble, position);
        if (match.Success)
        {
            throw Error(marble, position, $"time progression '{match.Value}' is not supported; draw frames with '-' (or use a larger ticks-per-frame)");
        }
    }

    [GeneratedRegex(@"\G[0-9]+(\.[0-9]+)?(ms|s|m)(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex TimeProgression();
}
