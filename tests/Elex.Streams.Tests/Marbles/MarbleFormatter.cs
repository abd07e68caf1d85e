using System.Reactive;
using System.Text;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Marbles;

/// <summary>
/// Draws recorded notifications and subscriptions as marbles: the inverse of <see cref="MarbleParser"/>.
/// </summary>
/// <remarks>
/// <para>Times are ticks relative to frame zero. A time that is not a whole frame is drawn in the frame that
/// contains it (<c>floor(ticks / ticksPerFrame)</c>). Several notifications in one frame become a group
/// <c>(ab)</c>. Notifications at negative times are drawn before a <c>^</c> marking frame zero.</para>
/// <para>A value is drawn with its key in the values map; without a map (or when it is not in the map) a
/// one-character letter/digit string is drawn as itself, and anything else as <c>?</c> (which the parser rejects).</para>
/// <para>The notation cannot show everything: a group is as wide as its characters, so an event fewer frames
/// after a group than the group is wide (or one in frame zero after a <c>^</c>) is drawn late, in the next free
/// column. Assertions compare notifications, not strings, and name the exact frames in their messages.</para>
/// </remarks>
public static class MarbleFormatter
{
    /// <summary>Draws notifications timed in ticks relative to frame zero, e.g. <c>"-a-b-(c|)"</c>.</summary>
    public static string Format<T>(
        IEnumerable<Recorded<Notification<T>>> messages,
        IReadOnlyDictionary<char, T>? values = null,
        int ticksPerFrame = MarbleParser.DefaultTicksPerFrame)
    {
        ArgumentNullException.ThrowIfNull(messages);
        MarbleParser.CheckTicksPerFrame(ticksPerFrame);

        var frames = messages
            .OrderBy(m => m.Time) // stable: keeps the order of notifications within a frame
            .GroupBy(m => ToFrame(m.Time, ticksPerFrame), m => m.Value)
            .ToList();

        var start = Math.Min(0, frames.Count > 0 ? frames[0].Key : 0);
        var needsZeroMark = start < 0;
        var text = new StringBuilder();
        var column = start; // the frame the next character lands in

        foreach (var frame in frames)
        {
            if (needsZeroMark && frame.Key >= 0)
            {
                DrawZeroMark();
            }

            Pad(frame.Key);
            var symbols = frame.Select(n => Symbol(n, values)).ToArray();
            if (symbols.Length == 1)
            {
                text.Append(symbols[0]);
                column++;
            }
            else
            {
                text.Append('(').Append(symbols).Append(')');
                column += symbols.Length + 2;
            }
        }

        if (needsZeroMark)
        {
            DrawZeroMark();
        }

        return text.ToString();

        void Pad(long frame)
        {
            for (; column < frame; column++)
            {
                text.Append('-');
            }
        }

        void DrawZeroMark()
        {
            Pad(0);
            text.Append('^');
            column++;
            needsZeroMark = false;
        }
    }

    /// <summary>
    /// Draws a subscription timed in ticks relative to frame zero: <c>"--^--!"</c>, <c>"^"</c> when never
    /// disposed, <c>"(^!)"</c> when disposed in the frame it was made.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The subscription starts before frame zero.</exception>
    public static string FormatSubscription(Subscription subscription, int ticksPerFrame = MarbleParser.DefaultTicksPerFrame)
    {
        MarbleParser.CheckTicksPerFrame(ticksPerFrame);
        var subscribe = ToFrame(subscription.Subscribe, ticksPerFrame);
        if (subscribe < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(subscription), subscription, "A subscription marble cannot show a subscription before frame zero.");
        }

        var before = new string('-', checked((int)subscribe));
        if (subscription.Unsubscribe == Subscription.Infinite)
        {
            return before + "^";
        }

        var unsubscribe = ToFrame(subscription.Unsubscribe, ticksPerFrame);
        return unsubscribe <= subscribe
            ? before + "(^!)"
            : before + "^" + new string('-', checked((int)(unsubscribe - subscribe - 1))) + "!";
    }

    /// <summary>The frame containing a time in ticks (floor division, also for negative times).</summary>
    internal static long ToFrame(long ticks, int ticksPerFrame) =>
        ticks >= 0 ? ticks / ticksPerFrame : -((-ticks + ticksPerFrame - 1) / ticksPerFrame);

    private static char Symbol<T>(Notification<T> notification, IReadOnlyDictionary<char, T>? values)
    {
        switch (notification.Kind)
        {
            case NotificationKind.OnCompleted:
                return '|';
            case NotificationKind.OnError:
                return '#';
        }

        var value = notification.Value;
        if (values is not null)
        {
            foreach (var (key, candidate) in values)
            {
                if (EqualityComparer<T>.Default.Equals(candidate, value))
                {
                    return key;
                }
            }
        }

        return value is string { Length: 1 } text && char.IsLetterOrDigit(text[0]) ? text[0] : '?';
    }
}
