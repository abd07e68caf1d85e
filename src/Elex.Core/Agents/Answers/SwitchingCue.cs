using System.Text.RegularExpressions;

namespace Elex.Core.Agents;

/// <summary>
/// Words that ask to switch a feature on ("activate", "enable", "turn on", "roll out", "steps"): such a
/// question wants the activation procedure, whatever else it mentions (its licence, its prerequisites).
/// </summary>
internal static partial class SwitchingCue
{
    public static bool IsIn(string text) => Switching().IsMatch(text);

    [GeneratedRegex(@"\b(activat\w*|enabl\w*|turn(ing)? on|switch(ing)? on|deploy\w*|roll(ing)?[ -]?out|install\w*|unlock\w*|steps?|procedure)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Switching();
}
