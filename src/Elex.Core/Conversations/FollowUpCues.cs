using System.Text.RegularExpressions;

namespace Elex.Core.Conversations;

/// <summary>
/// The wording that marks a question as continuing the conversation: it opens with a connective
/// ("and …", "what about …"), points back at a feature ("this feature", "both of them"), or — in a short
/// question — uses a pronoun ("how do I activate it?"). Pronouns count only in short questions
/// because a long one usually says what its pronoun stands for ("can a cell mute two of its branches").
/// </summary>
public readonly partial record struct FollowUpCues(bool Connective, bool PointsBack, bool Pronoun, int Words)
{
    /// <summary>Questions of at most this many words count a pronoun as pointing back.</summary>
    public const int ShortQuestionWords = 12;

    private static readonly HashSet<string> OpeningWords = new(StringComparer.Ordinal) { "and", "also", "plus", "then", "so", "but" };
    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal)
    {
        "it", "its", "it's", "itself", "they", "them", "their", "theirs", "themselves", "both", "either", "neither",
    };

    /// <summary>Reads the cues of <paramref name="question"/>.</summary>
    public static FollowUpCues Of(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var words = Word().Matches(question.ToLowerInvariant()).Select(m => m.Value.Replace('’', '\'')).ToList();
        if (words.Count == 0) return default;
        var connective = OpeningWords.Contains(words[0])
            || (words.Count > 1 && (words[0], words[1]) is ("what", "about") or ("how", "about") or ("what", "of") or ("same", "for") or ("same", "question"));
        var pointsBack = PointingBack().IsMatch(question);
        var pronoun = words.Any(Pronouns.Contains) || words[^1] is "this" or "that" or "these" or "those";
        return new FollowUpCues(connective, pointsBack, pronoun, words.Count);
    }

    /// <summary>True when the wording alone says the question continues the conversation.</summary>
    public bool ContinuesConversation => Connective || PointsBack || (Pronoun && Words <= ShortQuestionWords);

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b(?:this|that|these|those|the same|both|the two|each|either)\s+(?:feature|features|one|ones|of them)\b|\b(?:the|said)\s+feature\b", RegexOptions.IgnoreCase)]
    private static partial Regex PointingBack();
}
