using System.Text.RegularExpressions;
using Elex.Core.Text;

namespace Elex.Core.Conversations;

/// <summary>
/// The wording that marks a question as continuing the conversation: it opens with a connective
/// ("and …", "what about …"), points back at a feature ("this feature", "both of them"), or — in a short
/// question — uses a pronoun ("how do I activate it?"). Pronouns count only in short questions
/// because a long one usually says what its pronoun stands for ("can a cell mute two of its branches").
/// <see cref="TopicWords"/> counts the words that say what the question is about beyond the aspect any
/// feature has (its counters, activation, prerequisites): "what about the offload thresholds?" has a
/// topic, "and how do I activate it?" none.
/// </summary>
internal readonly partial record struct FollowUpCues(bool Connective, bool PointsBack, bool Pronoun, int Words, int TopicWords)
{
    /// <summary>Questions of at most this many words count a pronoun as pointing back.</summary>
    public const int ShortQuestionWords = 12;

    private static readonly HashSet<string> OpeningWords = new(StringComparer.Ordinal) { "and", "also", "plus", "then", "so", "but" };
    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal)
    {
        "it", "its", "it's", "itself", "they", "them", "their", "theirs", "themselves", "both", "either", "neither",
    };

    // What one asks about any feature: these words do not move a follow-up towards another feature.
    private static readonly HashSet<string> AspectWords = new(StringComparer.Ordinal)
    {
        "activate", "activated", "activating", "activation", "enable", "enabled", "enabling", "disable", "disabled", "deactivate",
        "deactivation", "turn", "switch", "on", "off", "install", "rollback", "roll", "back", "prerequisite", "prerequisites",
        "require", "requires", "required", "requirement", "requirements", "depend", "depends", "dependency", "dependencies",
        "licence", "license", "licensed", "licences", "licenses", "conflict", "conflicts", "conflicting", "troubleshoot",
        "troubleshooting", "problem", "problems", "issue", "issues", "fail", "fails", "failing", "alarm", "alarms", "check", "verify",
        "monitor", "monitoring", "statistics", "stats", "pm", "event", "events", "trace", "setting", "settings", "configure",
        "configured", "configuration", "control", "controls", "tune", "tuning", "set", "change", "default", "defaults", "range",
        "steps", "step", "procedure", "release", "releases", "related", "compare", "comparison", "difference", "differ", "same",
        "cost", "impact", "affect", "affects", "effect", "one", "ones", "other", "more", "else", "instead", "now", "first", "next",
        "ok", "okay", "thanks", "well", "right", "mo", "mos", "attribute", "attributes", "threshold", "thresholds", "it's",
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
        var topicWords = words.Count(w => !StopWords.Contains(w) && !Pronouns.Contains(w) && !AspectWords.Contains(w) && !OpeningWords.Contains(w));
        return new FollowUpCues(connective, pointsBack, pronoun, words.Count, topicWords);
    }

    /// <summary>True when the wording alone says the question continues the conversation.</summary>
    public bool ContinuesConversation => Connective || PointsBack || (Pronoun && Words <= ShortQuestionWords);

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")]
    private static partial Regex Word();

    // "that one" points back, unless it is the impersonal "one" ("a feature that one can enable at night").
    [GeneratedRegex(@"\b(?:this|that|these|those|the same|both|the two|each|either)\s+(?:features?|ones?(?!\s+(?:can|could|would|should|may|might|must|will|needs?|has|is)\b)|of them)\b|\b(?:the|said)\s+feature\b", RegexOptions.IgnoreCase)]
    private static partial Regex PointingBack();
}
