using System.Reactive.Linq;
using Elex.Core.Conversations;

namespace Elex.Streams.Operators;

/// <summary>A conversation's context as a stream.</summary>
internal static class TrackConversationOperator
{
    /// <summary>
    /// A <c>Scan</c> over a conversation's turns: the features the conversation is about — first
    /// <paramref name="initial"/> (<see cref="ConversationContext.Empty"/> by default) on subscription,
    /// then the context after each answered question or reset (<see cref="ConversationTurn.Apply"/>)
    /// whenever it differs from the one before. Errors and completion pass through.
    /// </summary>
    public static IObservable<ConversationContext> TrackConversation(this IObservable<ConversationTurn> turns, ConversationContext? initial = null)
    {
        ArgumentNullException.ThrowIfNull(turns);
        var start = initial ?? ConversationContext.Empty;
        return turns
            .Scan(start, static (context, turn) => turn.Apply(context))
            .StartWith(start)
            .DistinctUntilChanged();
    }
}
