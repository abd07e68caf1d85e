using System.Text.RegularExpressions;

namespace Elex.Core.Agents;

/// <summary>
/// What a question's wording asks of an answer beyond its intent: to switch a feature on ("activate", "enable",
/// "turn on", "roll out": the procedure, whatever else it mentions), whether features can run together
/// ("compatible", "together", "conflict": the yes or no before any table), whether switching one on is worth it
/// ("worth", "should I enable": a judgement the catalog cannot make, said before the procedure).
/// </summary>
internal static partial class AnswerCues
{
    public static bool AsksToSwitch(string text) => Switching().IsMatch(text);

    public static bool AsksCompatibility(string text) => Compatibility().IsMatch(text);

    public static bool AsksWorth(string text) => Worth().IsMatch(text);

    [GeneratedRegex(@"\b(activat\w*|enabl\w*|turn(ing)? on|switch(ing)? on|deploy\w*|roll(ing)?[ -]?out|install\w*|unlock\w*|steps?|procedure)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Switching();

    [GeneratedRegex(@"\b(?:compatib\w*|incompatib\w*|co-?exist\w*|together|at the same time|simultaneous(?:ly)?|alongside|in parallel|conflicts?|conflicting|clash(?:es)?|mutually exclusive|interact(?:s|ion|ions)?|combined?\s+with)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Compatibility();

    [GeneratedRegex(@"\b(?:worth|pays?\s+off|benefits?|gains?|should\s+(?:i|we)\s+(?:enable|activate|turn\s+on|switch\s+on|deploy|use)|is\s+it\s+a\s+good\s+idea|recommend\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Worth();
}
