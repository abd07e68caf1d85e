using Elex.Core.Queries;

namespace Elex.Core.Conversations;

/// <summary>
/// "Which counters show IFLB works?" — "and for IFO?": a short follow-up that opens with a
/// connective and says nothing of what it wants asks the same thing about another feature, so it
/// keeps the previous question's type.
/// </summary>
internal static class AspectCarryOver
{
    /// <summary>A follow-up of at most this many words may carry the previous question's type.</summary>
    public const int MostWords = 6;

    /// <summary>The type the question should be answered as: the previous one when it carries over, otherwise null (classify as usual).</summary>
    public static QueryType? TypeFor(string question, QueryType? previous)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (previous is null or QueryType.General) return null;
        var cues = FollowUpCues.Of(question);
        return cues.Connective && cues.Words <= MostWords && QueryClassifier.CueType(question) is null ? previous : null;
    }
}
